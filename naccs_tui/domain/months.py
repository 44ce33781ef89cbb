"""A unit's counts month by month: its typical month (``[volumes]``) times its season's multiplier
for the calendar month, each count rounded half up (at most MAX_VOLUME), or the month given
outright (``[months.N]``, the whole month), or the typical month when it has neither. The file's
fields are validated in domain/season.py; the fees of each month are in domain/year.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from .costing import round_half_up
from .scenario import MAX_VOLUME


class Seasonal(Protocol):
    """What has a typical month and its season: a scenario or a unit of a company."""

    @property
    def volumes(self) -> Mapping[str, int]: ...
    @property
    def season(self) -> tuple[int | float, ...] | None: ...
    @property
    def months(self) -> Mapping[str, Mapping[str, int]]: ...


def exact(x: int | float) -> Fraction:
    """A multiplier as the decimal the file writes (1.1 is eleven tenths, not the float near it)."""
    return Fraction(x) if isinstance(x, int) else Fraction(Decimal(repr(x)))


def month_counts(unit: Seasonal, month: int) -> dict[str, int]:
    """The counts of calendar ``month`` (1-12): given outright, else the typical month times the
    season's multiplier (each count rounded half up, at most MAX_VOLUME), else the typical month."""
    given = unit.months.get(str(month))
    if given is not None:
        return dict(given)
    if unit.season is None:
        return dict(unit.volumes)
    k = exact(unit.season[month - 1])
    return {code: min(MAX_VOLUME, round_half_up(count * k)) for code, count in unit.volumes.items()}


def seasonal(unit: Seasonal) -> bool:
    """The unit's months differ from its typical month in the file (a season or months given)."""
    return unit.season is not None or bool(unit.months)


def summed_months(one: Seasonal, two: Seasonal) -> dict[str, object]:
    """Two units merged: when either is seasonal, each month given outright as the sum of the
    two units' months (no one season says that exactly); else nothing to add."""
    if not (seasonal(one) or seasonal(two)):
        return {}
    months = {}
    for m in range(1, 13):
        x, y = month_counts(one, m), month_counts(two, m)
        months[str(m)] = {k: min(MAX_VOLUME, x.get(k, 0) + y.get(k, 0)) for k in {**x, **y}}
    return {"season": None, "months": months}
