"""The year ahead: each month's Plan A and Plan B fees, and what choosing the cheaper plan each
month would save against staying on the best fixed plan.

A month's counts (domain/months.py) are the unit's typical month (``[volumes]``) times its ``season`` multiplier for
that calendar month, each count rounded half up (capped at MAX_VOLUME like any count), or the
month given outright (``[months.N]``, the whole month). A month's fees are ``costing.quote`` of
the unit with that month's counts, so they are to the yen what `naccs-tui quote` says of a file
with those counts. The initial fees fall in the first month of the period; the first month is
counted as a whole month (the guide does not say whether a part month is billed in full).

Late imports: the business-day calendar (schedule.py, with Japan's holidays) loads only when the
period starts at the earliest start; ``naccs-tui volumes import`` uses the months here without it
(start-up time).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from .company import Company, UnitKind, to_scenario, unit_scenario
from .costing import Quote, known_sum, option_items, quote, with_tax
from .months import month_counts
from .scenario import Scenario
from .tariffs import Tariffs

YearMonth = tuple[int, int]
"""(year, month 1-12)."""
Total = Literal["a", "b", "switching", "fixed"]


# ---- the calendar of a period ------------------------------------------------------------------
def add_months(start: YearMonth, n: int) -> YearMonth:
    year, month = divmod(start[0] * 12 + start[1] - 1 + n, 12)
    return year, month + 1


def fiscal_year(ym: YearMonth) -> int:
    """The Japanese fiscal year (April to March) of a month, by the year it begins in."""
    return ym[0] if ym[1] >= 4 else ym[0] - 1


def fiscal_length(start: YearMonth) -> int:
    """The months from ``start`` to the March that ends a whole fiscal year: the start's fiscal year
    from the start month and, when that is only part of one, the next whole fiscal year (12 to 23)."""
    last_fy = fiscal_year(add_months(start, 11))
    end = (last_fy + 1, 3)
    return (end[0] - start[0]) * 12 + end[1] - start[1] + 1


def label(ym: YearMonth) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


# ---- fees month by month ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MonthFees:
    """One month of a period: its counts' total and its fees (integer yen)."""

    year: int
    month: int
    volume: int
    a: int  # on Plan A
    b: int  # on Plan B
    best: int  # on the cheaper plan of that month (a company: each unit on its own cheaper plan)
    fixed: int  # on the best fixed plan (a company: each unit on its own)
    given: bool  # the month's counts are given outright ([months.N])
    multiplier: int | float | None  # the season's multiplier used (None: none)

    @property
    def label(self) -> str:
        return label((self.year, self.month))

    @property
    def cheaper(self) -> str:
        return "equal" if self.a == self.b else "A" if self.a < self.b else "B"

    @property
    def pays(self) -> bool:
        """Changing plan for this month would cost less than the best fixed plan."""
        return self.best < self.fixed


@dataclass(frozen=True, slots=True)
class YearFees:
    """A period's months, its initial fees (in the first month) and its totals."""

    months: tuple[MonthFees, ...]
    initial: int
    fixed_plan: str  # "A" | "B": the cheaper plan all period (B on a tie); "units": each unit's own
    complete: bool  # every fee is published (the totals leave none out)

    def total(self, which: Total) -> int:
        """The months' fees added up: on Plan A, Plan B, the cheaper plan each month, the best fixed plan."""
        return sum(getattr(m, "best" if which == "switching" else which) for m in self.months)

    def with_initial(self, which: Total) -> int:
        return self.initial + self.total(which)

    @property
    def saving(self) -> int:
        """What changing to the cheaper plan each month saves against the best fixed plan."""
        return self.total("fixed") - self.total("switching")

    @property
    def change_months(self) -> tuple[MonthFees, ...]:
        return tuple(m for m in self.months if m.pays)

    def taxed(self, rate_percent: int) -> YearFees:
        """Each month's bill and the initial fee with tax, rounded down (the totals add them up)."""

        def tax(m: MonthFees) -> MonthFees:
            a, b, best, fixed = (with_tax(x, rate_percent) for x in (m.a, m.b, m.best, m.fixed))
            return replace(m, a=a, b=b, best=best, fixed=fixed)

        return replace(self, months=tuple(tax(m) for m in self.months), initial=with_tax(self.initial, rate_percent))


def unit_year(s: Scenario, t: Tariffs, start: YearMonth, n: int) -> YearFees:
    """``n`` months of one unit from ``start``: each month quoted with that month's counts (months
    with the same counts share one quote)."""
    quotes: dict[tuple[tuple[str, int], ...], Quote] = {}
    rows = []
    for i in range(n):
        year, month = add_months(start, i)
        counts = month_counts(s, month)
        key = tuple(sorted(counts.items()))
        q = quotes.get(key)
        if q is None:
            q = quotes[key] = quote(s.model_copy(update={"volumes": counts}), t)
        given = str(month) in s.months
        k = None if given or s.season is None else s.season[month - 1]
        a, b = q.a.monthly, q.b.monthly
        rows.append(MonthFees(year, month, sum(counts.values()), a, b, min(a, b), 0, given, k))
    fixed = "A" if sum(m.a for m in rows) < sum(m.b for m in rows) else "B"
    months = tuple(replace(m, fixed=m.a if fixed == "A" else m.b) for m in rows)
    first = next(iter(quotes.values())) if quotes else quote(s, t)
    return YearFees(months, first.a.initial, fixed, all(q.complete for q in quotes.values()))


@dataclass(frozen=True, slots=True)
class UnitYear:
    office: int  # from 1
    kind: UnitKind
    scenario: Scenario
    fees: YearFees


@dataclass(frozen=True, slots=True)
class FileYear:
    """The year of a file: each unit's and the whole file's (a file of one unit: the unit, its
    office's options included; a company: the units' fees plus each office's options, a month)."""

    units: tuple[UnitYear, ...]
    whole: YearFees
    options: int  # the offices' paid options a month (in every month of ``whole``)


def file_year(c: Company, t: Tariffs, start: YearMonth, n: int) -> FileYear:
    single = to_scenario(c)
    if single is not None:
        _, kind, _ = c.units()[0]
        fees = unit_year(single, t, start, n)
        options = known_sum(option_items(single, t))
        return FileYear((UnitYear(1, kind, single, fees),), fees, options)
    units = tuple(
        UnitYear(i, kind, s, unit_year(s, t, start, n))
        for i, kind, _ in c.units()
        for s in (unit_scenario(c, i, kind),)
    )
    options = sum(
        known_sum(option_items(unit_scenario(c, i, o.units()[0][0], options=True), t))
        for i, o in enumerate(c.offices, 1)
    )
    months = []
    for j in range(n):
        ms = [u.fees.months[j] for u in units]
        first = ms[0]
        months.append(
            MonthFees(
                first.year,
                first.month,
                sum(m.volume for m in ms),
                sum(m.a for m in ms) + options,
                sum(m.b for m in ms) + options,
                sum(m.best for m in ms) + options,
                sum(m.fixed for m in ms) + options,
                any(m.given for m in ms),
                None,
            )
        )
    whole = YearFees(
        tuple(months),
        sum(u.fees.initial for u in units),
        "units",
        all(u.fees.complete for u in units),
    )
    return FileYear(units, whole, options)


def start_month(s: Scenario, t: Tariffs) -> YearMonth:
    """The month of the earliest start the schedule gives a unit (its method, applied date, closure)."""
    from .schedule import timeline, today

    start = timeline(s.usage.method, s.schedule.applied or today(), t.lead_time, s.schedule.closure).earliest_start
    return start.year, start.month


def earliest_month(c: Company, t: Tariffs) -> YearMonth:
    """The month every unit can have started by: the latest of their earliest starts (schedule)."""
    return max(start_month(unit_scenario(c, i, kind), t) for i, kind, _ in c.units())


def terminals_a_cheaper(s: Scenario, t: Tariffs) -> int | None:
    """With the current volumes, the most terminals with which Plan A is still cheaper than Plan B
    (each terminal adds Plan A's basic fee): 0 when not even one; None when the basic fee is 0 and
    Plan A is cheaper with any number."""
    ops = t.ops
    gap = sum(c * (ops[k].price_b - ops[k].price_a) for k, c in s.volumes.items() if c > 0 and k in ops)
    basic = t.plans.basic_fee_a_per_terminal
    if gap <= 0:
        return 0
    if basic <= 0:
        return None
    return (gap - 1) // basic
