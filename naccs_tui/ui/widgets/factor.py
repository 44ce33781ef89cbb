"""FactorField: a season multiplier typed as a decimal (0 to 100: 1.2 is a month 20 % above the
typical one), ↑/↓ by 0.05; the number field's rules otherwise (live while valid, refused on Enter
or on leaving when not)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from ...domain.season import MAX_MULTIPLIER
from ...i18n import t
from .number import NumberField


def as_decimal(x: int | float) -> Decimal:
    """A multiplier of the file as the decimal it is written as (1.1, not the float near it)."""
    return Decimal(x) if isinstance(x, int) else Decimal(repr(x))


def as_number(d: Decimal) -> int | float:
    """A typed multiplier as the file keeps it: a whole number as an int, else a float."""
    return int(d) if d == d.to_integral_value() else float(d)


class FactorField(NumberField):
    """One month's season multiplier."""

    DEFAULT_CSS = """
    FactorField {
        width: 7;
        text-align: right;
    }
    """
    STEP = Decimal("0.05")

    def __init__(self, value: Decimal, *, id: str | None = None) -> None:
        super().__init__(value, minimum=Decimal(0), maximum=Decimal(MAX_MULTIPLIER), arrows=True, id=id)  # type: ignore[arg-type]

    def parse(self, text: str, maximum: Any = None) -> tuple[Any, str | None]:
        top = self.maximum if maximum is None else maximum
        cleaned = unicodedata.normalize("NFKC", text).strip()
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            return None, t("year.entry.not_a_number", text=cleaned[:20])
        if not value.is_finite():
            return None, t("year.entry.not_a_number", text=cleaned[:20])
        if not 0 <= value <= top:
            return None, t("slider.out_of_range", text=cleaned[:20], min="0", max=self.show(top))
        return value, None

    def show(self, value: Any) -> str:
        return format(Decimal(value).normalize(), "f")
