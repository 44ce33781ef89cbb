"""The quote reports as typed data: what travels between the builders (render/quote.py,
render/company.py) and every format (text, Markdown, CSV, JSON, HTML). Each field is named as its
JSON key, in the JSON's order, so ``as_dict`` (render/report_blocks.py) gives the JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .report_blocks import (
    INLINE,
    OMIT_NONE,
    Block,
    ItemLine,
    LineOffering,
    OfficeContact,
    Plan,
    Schedule,
    Source,
    TariffsInfo,
    TerminalsWhatIf,
    Verdict,
)


# ---- the one-unit report ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ScenarioInfo(Block):
    name: str | None
    line: str
    method: str
    terminals: int
    user_codes: int
    file: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class TaxInfo(Block):
    included: bool
    rate_percent: int
    note: str


@dataclass(frozen=True, slots=True)
class PlanFigures(Block):
    """A plan's figures in a one-unit report (amounts as shown: with tax when asked)."""

    monthly: int
    initial: int
    total: int
    metered: int
    basic: int
    line: int
    options: int
    items: tuple[ItemLine, ...]
    initial_items: tuple[ItemLine, ...]
    complete: bool
    monthly_complete: bool
    initial_complete: bool
    unknown_items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnitOffice(Block):
    """The office a one-unit report's prefecture calls."""

    prefecture: str
    contact: OfficeContact = field(metadata=INLINE)


@dataclass(frozen=True, slots=True)
class UnitReport(Block):
    """What `quote` prints for a file of one unit."""

    scenario: ScenarioInfo
    tariffs: TariffsInfo
    tax: TaxInfo
    months: int
    plans: Mapping[Plan, PlanFigures]
    cheaper: str
    saving_monthly: int
    answer: Verdict = field(metadata=INLINE)
    terminals_what_if: TerminalsWhatIf
    complete: bool
    unknown_items: tuple[str, ...]
    line_offering: LineOffering
    sample_prices: bool
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    schedule: Schedule
    office: UnitOffice | None = field(default=None, metadata=OMIT_NONE)

    def plan(self, p: Plan) -> PlanFigures:
        return self.plans[p]


# ---- the company report -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitPlanFees(Block):
    """A plan's figures for one unit of a company (tax-excluded; the line included, no options)."""

    monthly: int
    fees: int
    basic: int
    metered: int
    items: tuple[ItemLine, ...]
    complete: bool


@dataclass(frozen=True, slots=True)
class StartWindow(Block):
    earliest: str
    latest: str


@dataclass(frozen=True, slots=True)
class UnitSection(Block):
    """One unit of a company: its fees with their arithmetic, the verdict and break-even, its dates."""

    office: str
    office_index: int
    unit: str
    unit_label: str
    method: str
    method_label: str
    line: str
    terminals: int
    plan_choice: str
    plan: str
    cheaper: str
    line_monthly: int
    initial: int
    complete: bool
    line_offering: LineOffering
    initial_items: tuple[ItemLine, ...]
    plans: Mapping[Plan, UnitPlanFees]
    answer: Verdict = field(metadata=INLINE)
    terminals_what_if: TerminalsWhatIf
    start: StartWindow
    schedule: Schedule


@dataclass(frozen=True, slots=True)
class OfficeCall(Block):
    """The NACCS office an office of the company calls."""

    prefecture_label: str
    contact: OfficeContact = field(metadata=INLINE)


@dataclass(frozen=True, slots=True)
class OfficeSection(Block):
    """An office of the company: its paid options, its monthly per plan mix, whom it calls."""

    index: int
    name: str | None
    label: str
    prefecture: str | None
    user_codes: int
    options: int
    option_items: tuple[ItemLine, ...]
    monthly: Mapping[str, int]
    contact: OfficeCall | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True, slots=True)
class CompanyTotals(Block):
    """The company's totals per plan mix (chosen, all_a, all_b, best_per_unit)."""

    name: str | None
    offices: int
    units: int
    line: int
    options: int
    monthly: Mapping[str, int]
    saving: Mapping[str, int]
    initial: int
    total: Mapping[str, int]
    complete: bool
    unknown_items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompanyTax(Block):
    included: bool
    rate_percent: int
    bill: str


@dataclass(frozen=True, slots=True)
class CompanyReport(Block):
    """What `quote` prints for a company: a section per unit and per office, and the totals."""

    schema: int
    company: CompanyTotals
    units: tuple[UnitSection, ...]
    offices: tuple[OfficeSection, ...]
    tariffs: TariffsInfo
    tax: CompanyTax
    months: int
    sample_prices: bool
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]


QuoteReport = UnitReport | CompanyReport
"""What `quote` prints, as data: a one-unit report or a company's."""


@dataclass(frozen=True, slots=True)
class UnitPage:
    """What the HTML page's parts (render/html.py) draw for a unit of a company: its plans with
    their initial fee and N-month total (tax-excluded, as every unit figure), its verdict, schedule
    and office, read by the same attribute names as a ``UnitReport``'s. Not a report: no JSON."""

    plans: Mapping[Plan, PlanFigures]
    cheaper: str
    answer: Verdict
    months: int
    tariffs: TariffsInfo
    tax: TaxInfo
    complete: bool
    schedule: Schedule
    office: UnitOffice | None
