"""Side-by-side comparison of 2-4 scenarios: Plan A/B costs, N-month totals, start dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .costing import Quote, quote
from .errors import InputError
from .scenario import Scenario
from .schedule import timeline, today
from .tariffs import Tariffs

MIN_FILES, MAX_FILES = 2, 4


@dataclass(frozen=True, slots=True)
class Row:
    """One scenario's figures; money is tax-included (rounded down) when ``tax`` was asked."""

    label: str  # file name or scenario name
    scenario: Scenario
    quote: Quote
    monthly_a: int
    monthly_b: int
    cheaper: str  # "A" | "B" | "equal"
    initial: int
    total_a: int
    total_b: int
    total: int  # N-month total of the cheaper plan (either one when equal)
    start: date  # earliest start
    latest_start: date
    diff: int  # total minus the first row's total (0 for the first)


def compare(named: list[tuple[str, Scenario]], t: Tariffs, *, months: int = 12, tax: bool = False) -> list[Row]:
    """Rows for 2-4 (label, scenario) pairs, in the given order; diff is against the first."""
    if not MIN_FILES <= len(named) <= MAX_FILES:
        reason = f"compare takes {MIN_FILES} to {MAX_FILES} scenario files (got {len(named)})"
        params = {"min": MIN_FILES, "max": MAX_FILES, "got": len(named)}
        raise InputError(None, "files", reason, code="file_count", params=params)
    rows: list[Row] = []
    first: int | None = None
    for label, s in named:
        q = quote(s, t)
        ta, tb = q.total("A", months, tax), q.total("B", months, tax)
        total = tb if q.cheaper == "B" else ta
        p = timeline(s.usage.method, s.schedule.applied or today(), t.lead_time, s.schedule.closure)
        if first is None:
            first = total
        rows.append(
            Row(
                label,
                s,
                q,
                q.monthly("A", tax),
                q.monthly("B", tax),
                q.cheaper,
                q.initial("A", tax),
                ta,
                tb,
                total,
                p.earliest_start,
                p.latest_start,
                total - first,
            )
        )
    return rows
