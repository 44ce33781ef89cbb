"""The year report as typed data: what travels between its builder (render/year.py) and every
format (render/year_text.py, render/year_html.py) and the year tab (ui/panes/year.py). Each field
is named as its JSON key, in the JSON's order, so ``as_dict`` (render/report_blocks.py) gives the
JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.year import MonthFees, Total, YearFees
from .report_blocks import INLINE, OMIT_NONE, Block, Source, TariffsInfo, json_key
from .report_model import TaxInfo

TOTALS: tuple[Total, ...] = ("a", "b", "switching")


@dataclass(frozen=True, slots=True)
class YearMonthRow(Block):
    """One month: its volume, Plan A, Plan B, the cheaper (A, B or equal), what the cheaper plan
    costs (``best``), whether a change of plan pays that month (``pays``), and where its counts
    come from (``given``: [months.N]; ``multiplier``: the season's, or None)."""

    month: str
    volume: int
    a: int
    b: int
    cheaper: str
    best: int
    pays: bool
    given: bool
    multiplier: int | float | None

    @classmethod
    def of(cls, m: MonthFees) -> YearMonthRow:
        return cls(m.label, m.volume, m.a, m.b, m.cheaper, m.best, m.pays, m.given, m.multiplier)


@dataclass(frozen=True, slots=True)
class BestFixed(Block):
    plan: str  # "A" | "B", or "units": each unit on its own
    total: int


@dataclass(frozen=True, slots=True)
class YearFigures(Block):
    """A period's months and totals (the same keys for a unit and for the whole file)."""

    months: tuple[YearMonthRow, ...]
    totals: Mapping[str, int]
    best_fixed: BestFixed
    saving: int
    change_months: tuple[str, ...]
    initial: int
    first_year: Mapping[str, int]
    complete: bool

    @classmethod
    def of(cls, f: YearFees) -> YearFigures:
        return cls(
            months=tuple(YearMonthRow.of(m) for m in f.months),
            totals={k: f.total(k) for k in TOTALS},
            best_fixed=BestFixed(f.fixed_plan, f.total("fixed")),
            saving=f.saving,
            change_months=tuple(m.label for m in f.change_months),
            initial=f.initial,
            first_year={k: f.with_initial(k) for k in TOTALS},
            complete=f.complete,
        )


@dataclass(frozen=True, slots=True)
class YearPeriod(Block):
    start_month: str = field(metadata=json_key("from"))
    to: str
    months: int
    fiscal: bool
    start: str  # "schedule": the month of the earliest start; "given": --from


@dataclass(frozen=True, slots=True)
class YearUnit(Block):
    """One unit of the file: which it is, its season and given months, its figures (tax-excluded)."""

    office: str
    office_index: int
    unit: str
    unit_label: str
    method: str
    method_label: str
    season: tuple[int | float, ...] | None
    months_given: tuple[int, ...]
    fees: YearFigures = field(metadata=INLINE)


@dataclass(frozen=True, slots=True)
class FiscalYearTotals(Block):
    """The months of one Japanese fiscal year (April to March) in the period, added up."""

    fiscal_year: int
    first: str = field(metadata=json_key("from"))
    to: str
    months: int
    a: int
    b: int
    switching: int

    def total(self, which: Total) -> int:
        return {"a": self.a, "b": self.b, "switching": self.switching}[which]


@dataclass(frozen=True, slots=True)
class YearReport(Block):
    """What `year` prints: the whole file's months and totals, each unit's, the caveats and sources."""

    name: str | None
    period: YearPeriod
    fees: YearFigures = field(metadata=INLINE)
    options: int
    units: tuple[YearUnit, ...]
    tariffs: TariffsInfo
    tax: TaxInfo
    sample_prices: bool
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    fiscal_years: tuple[FiscalYearTotals, ...] | None = field(default=None, metadata=OMIT_NONE)

    @property
    def is_company(self) -> bool:
        return len(self.units) > 1
