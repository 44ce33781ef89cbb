"""The blocks the typed reports are made of (render/report_model.py: the quote reports), and the
one conversion of any of them to JSON data.

Each field is named as its JSON key and the fields are in the JSON's order, so the JSON form is
one generic walk (``as_dict``): a dataclass becomes an object, a tuple a list, a mapping an object.
Two markers in a field's metadata shape that walk: ``OMIT_NONE`` leaves the key out while the
value is None (an item's "code", a quote's "office"), ``INLINE`` puts a block's keys in its
parent's place (the verdict block, which the one-unit report and each unit of a company carry at
their top level). A key that is no Python name (the year's "from") is given by ``json_key``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Literal

OMIT_NONE = {"omit_none": True}
"""A field's metadata: its key is left out of the JSON while its value is None."""
INLINE = {"inline": True}
"""A field's metadata: the block's own keys stand in the parent's object, in its place."""


def json_key(key: str) -> dict[str, str]:
    """A field's metadata: its JSON key is ``key`` (a word Python keeps for itself, like "from")."""
    return {"key": key}


def json_value(value: object) -> object:
    """``value`` as JSON data: dataclasses as objects (see ``as_dict``), tuples and lists as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return as_dict(value)
    if isinstance(value, tuple | list):
        return [json_value(x) for x in value]
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def as_dict(block: object) -> dict[str, object]:
    """The JSON object of a report block: its fields in order, each by its name."""
    if not is_dataclass(block) or isinstance(block, type):
        raise TypeError(f"{type(block).__name__} is not a report block")
    out: dict[str, object] = {}
    for f in fields(block):
        value = getattr(block, f.name)
        if f.metadata.get("omit_none") and value is None:
            continue
        if f.metadata.get("inline"):
            out |= as_dict(value)
        else:
            out[f.metadata.get("key", f.name)] = json_value(value)
    return out


class Block:
    """A report block: ``as_dict`` gives its JSON object."""

    __slots__ = ()

    def as_dict(self) -> dict[str, object]:
        return as_dict(self)


Plan = Literal["A", "B"]
PLANS: tuple[Plan, Plan] = ("A", "B")


# ---- shared blocks ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ItemLine(Block):
    """One fee line: what it is, its amount (None: no source publishes it, never 0) and arithmetic."""

    label: str
    amount: int | None
    formula: str
    group: str
    code: str | None = field(default=None, metadata=OMIT_NONE)
    unpublished: Literal[True] | None = field(default=None, metadata=OMIT_NONE)
    note: str | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True, slots=True)
class Source(Block):
    """A figure the report uses and where it comes from."""

    what: str
    source: str
    kind: str

    def line(self) -> str:
        """'what: source' (either alone when the other is empty)."""
        return f"{self.what}: {self.source}" if self.what and self.source else self.what or self.source


@dataclass(frozen=True, slots=True)
class BreakEvenFigures(Block):
    """The break-even (every figure None without one)."""

    transactions_per_month: int | None
    plan_b_metered_per_terminal: int | None
    margin_transactions: int | None
    margin_percent: float | None


@dataclass(frozen=True, slots=True)
class RuleOfThumb(Block):
    plan_b_metered_per_terminal: int
    verdict: str


@dataclass(frozen=True, slots=True)
class Verdict(Block):
    """The answer: the volume now, the break-even, the rule of thumb and the sentences saying them."""

    volume: int
    break_even: BreakEvenFigures
    rule_of_thumb: RuleOfThumb
    verdict: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TerminalsWhatIf(Block):
    """Up to how many terminals Plan A stays cheaper (None: any number)."""

    terminals: int
    max_terminals_plan_a: int | None
    basic_fee_per_terminal: int
    text: str


@dataclass(frozen=True, slots=True)
class LineOffering(Block):
    """The line's option: where it is offered, whether the access page lists it, fees not published."""

    option: str
    kind: str
    name: str
    offered: Mapping[str, str]
    listed_now: bool | None
    access_page: str
    unpublished_fees: tuple[str, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Step(Block):
    key: str
    kind: str
    title: str
    what: str
    due: str


@dataclass(frozen=True, slots=True)
class DayOff(Block):
    date: str
    name: str


@dataclass(frozen=True, slots=True)
class Schedule(Block):
    """The start-date plan (dates as YYYY-MM-DD), its steps and where its figures come from."""

    method: str
    method_label: str
    applied: str
    closure: tuple[str, str] | None
    closure_note: str
    business_days: tuple[int, int]
    earliest_start: str
    latest_start: str
    lead_time_note: str
    setup_deadline: str
    setup_business_days_before: int
    steps: tuple[Step, ...]
    days_off: tuple[DayOff, ...]
    licence_note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class OfficeContact(Block):
    """A NACCS office: whom to call."""

    id: str
    name: str
    address: str
    phone: str
    free_dial: str
    fax: str
    hours: str
    prefectures: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContractContact(Block):
    """The usage-contract section."""

    name: str
    address: str
    phone: str
    fax: str
    hours: str


@dataclass(frozen=True, slots=True)
class Reference(Block):
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class OfficeReport(Block):
    """Whom to call for a prefecture (`naccs-tui office`)."""

    prefecture: str
    prefecture_label: str
    office: OfficeContact
    contract: ContractContact
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class TariffsInfo(Block):
    source: str
    effective: str
    sample: bool
