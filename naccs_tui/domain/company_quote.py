"""The company's engine: each unit quoted on its own by ``costing.quote``, the paid options once
per office, and the company's monthly and initial totals with the chosen plans, all A, all B and
the cheaper plan of each unit; and the comparison of several companies' files.

Late imports: the business-day calendar (schedule.py, with Japan's holidays) loads only when
companies are compared (their start dates); a company's quote does not need it, nor does the
TUI's first frame (start-up time)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .company import Company, Office, PlanChoice, UnitKind, unit_scenario
from .costing import Item, Quote, billed, known_sum, option_items, quote
from .scenario import Scenario
from .tariffs import Tariffs

Mix = Literal["chosen", "A", "B", "best"]
"""Which plan each unit is on: its chosen one, all A, all B, or the cheaper one of each unit."""
MIXES: tuple[Mix, ...] = ("chosen", "A", "B", "best")


@dataclass(frozen=True, slots=True)
class UnitQuote:
    """One unit's Plan A / Plan B quote (line, basic and metered fees; no options: they are the office's)."""

    office: int  # from 1
    kind: UnitKind
    scenario: Scenario
    quote: Quote
    choice: PlanChoice
    plan: str  # the plan it is on: its choice, or for auto the cheaper one (B on a tie)
    best: str  # the cheaper plan (B on a tie)

    @property
    def line(self) -> int:
        return self.quote.a.line

    @property
    def initial(self) -> int:
        return self.quote.a.initial

    def fees(self, plan: str) -> int:
        """Basic fee plus metered fees on ``plan`` (what the plan changes; the line is the same)."""
        p = self.quote.plan(plan)
        return p.basic + p.metered

    def on(self, mix: Mix) -> str:
        return self.plan if mix == "chosen" else self.best if mix == "best" else mix

    def monthly(self, mix: Mix = "chosen") -> int:
        return self.quote.plan(self.on(mix)).monthly


@dataclass(frozen=True, slots=True)
class OfficeQuote:
    index: int  # from 1
    office: Office
    units: tuple[UnitQuote, ...]
    option_items: tuple[Item, ...]  # per user code, once per office
    options: int

    def monthly(self, mix: Mix = "chosen") -> int:
        return sum(u.monthly(mix) for u in self.units) + self.options


@dataclass(frozen=True, slots=True)
class CompanyQuote:
    """The company's monthly bill: one bill a month (taxed as one when tax is on), plus the initial fee."""

    offices: tuple[OfficeQuote, ...]
    tax_rate_percent: int
    sample_prices: bool

    @property
    def units(self) -> tuple[UnitQuote, ...]:
        return tuple(u for o in self.offices for u in o.units)

    @property
    def options(self) -> int:
        return sum(o.options for o in self.offices)

    def monthly(self, mix: Mix = "chosen", tax: bool = False) -> int:
        return billed(0, sum(o.monthly(mix) for o in self.offices), 1, self.tax_rate_percent, tax)

    def initial(self, tax: bool = False) -> int:
        return billed(sum(u.initial for u in self.units), 0, 0, self.tax_rate_percent, tax)

    def total(self, mix: Mix, months: int, tax: bool = False) -> int:
        """initial + months × monthly, each bill taxed on its own when asked (adds up as shown)."""
        return self.initial(tax) + months * self.monthly(mix, tax)

    def saving(self, mix: Mix, tax: bool = False) -> int:
        """What the cheaper plan of each unit saves a month against ``mix``."""
        return self.monthly(mix, tax) - self.monthly("best", tax)


def company_quote(c: Company, t: Tariffs, previous: CompanyQuote | None = None) -> CompanyQuote:
    """Each unit quoted on its own (costing.quote), the options per office, the company's totals.
    ``previous``: the last quote of this company with the same tariffs; a unit unchanged since is
    not quoted again (the TUI passes it, so a slider step quotes only the unit it moves)."""
    known: Mapping[tuple[int, UnitKind], UnitQuote] = (
        {(u.office, u.kind): u for u in previous.units} if previous else {}
    )
    offices = []
    for i, o in enumerate(c.offices, 1):
        units = []
        for kind, unit in o.units():
            s = unit_scenario(c, i, kind)
            last = known.get((i, kind))
            q = last.quote if last is not None and last.scenario == s else quote(s, t)
            best = "A" if q.cheaper == "A" else "B"
            units.append(UnitQuote(i, kind, s, q, unit.plan, best if unit.plan == "auto" else unit.plan, best))
        items = tuple(option_items(unit_scenario(c, i, units[0].kind, options=True), t))
        offices.append(OfficeQuote(i, o, tuple(units), items, known_sum(items)))
    return CompanyQuote(tuple(offices), t.tax_rate_percent, t.sample)


@dataclass(frozen=True, slots=True)
class CompanyRow:
    """One file of a comparison (money tax-included, rounded down per bill, when ``tax``)."""

    label: str
    company: Company
    quote: CompanyQuote
    monthly: dict[Mix, int]
    initial: int
    total: int  # N-month total with the chosen plans
    start: date  # the day every unit can start at the earliest
    latest_start: date
    diff: int  # total minus the first row's total


def compare_companies(
    named: list[tuple[str, Company]], t: Tariffs, *, months: int = 12, tax: bool = False
) -> list[CompanyRow]:
    from .schedule import timeline, today

    rows: list[CompanyRow] = []
    for label, c in named:
        q = company_quote(c, t)
        timelines = [
            timeline(u.method, c.schedule.applied or today(), t.lead_time, c.schedule.closure) for *_, u in c.units()
        ]
        total = q.total("chosen", months, tax)
        first = rows[0].total if rows else total
        monthly = {m: q.monthly(m, tax) for m in MIXES}
        start, latest = max(p.earliest_start for p in timelines), max(p.latest_start for p in timelines)
        rows.append(CompanyRow(label, c, q, monthly, q.initial(tax), total, start, latest, total - first))
    return rows
