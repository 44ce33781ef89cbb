"""Business-day calendar, lead times, the steps of FACTS §4 and their due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .tariffs import LeadTime

INTERNET_METHODS = ("netnaccs", "webnaccs")


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays  # heavy: imported only when a schedule is asked for

    return frozenset(holidays.country_holidays("JP", years=year))


def in_closure(day: date, closure: tuple[str, str]) -> bool:
    """True inside the inclusive closure; it may wrap the year end (12-29 .. 01-03)."""
    md = day.strftime("%m-%d")
    start, end = closure
    return start <= md <= end if start <= end else (md >= start or md <= end)


def is_business_day(day: date, closure: tuple[str, str] = ("12-29", "01-03")) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year) and not in_closure(day, closure)


def add_business_days(start: date, n: int, closure: tuple[str, str]) -> date:
    """The n-th business day after ``start`` (start itself not counted); n < 0 goes back."""
    step = 1 if n >= 0 else -1
    day, left = start, abs(n)
    while left:
        day += timedelta(days=step)
        if is_business_day(day, closure):
            left -= 1
    return day


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # catalog key: step.<key>.title / step.<key>.what
    due: date  # the date by which it must be done (or the day it happens)
    after: date | None = None  # earliest day it can happen, when that matters


@dataclass(frozen=True, slots=True)
class Plan:
    method: str
    applied: date
    closure: tuple[str, str]
    lead_min: int
    lead_max: int
    earliest_start: date
    latest_start: date
    setup_deadline: date
    steps: tuple[Step, ...]


def lead_days(method: str, lead: LeadTime) -> tuple[int, int]:
    if method in INTERNET_METHODS:
        return lead.internet, lead.internet
    return lead.dedicated_min, lead.dedicated_max


def plan(method: str, applied: date, lead: LeadTime, closure: tuple[str, str] = ("12-29", "01-03")) -> Plan:
    """Start dates, the setup deadline and the steps that apply to ``method``."""
    lo, hi = lead_days(method, lead)
    earliest = add_business_days(applied, lo, closure)
    latest = add_business_days(earliest, hi - lo, closure)
    setup = add_business_days(earliest, -lead.setup_deadline, closure)
    day_before = add_business_days(earliest, -1, closure)
    steps = [Step("nss", applied), Step("setup", setup)]
    if method not in INTERNET_METHODS:
        steps.append(Step("line_works", day_before))
    if method in ("interactive", "netnaccs"):
        steps.append(Step("package", day_before))
    if method in INTERNET_METHODS:
        steps.append(Step("certificate", add_months(earliest, lead.certificate_months), earliest))
    steps.append(Step("start", earliest))
    steps.sort(key=lambda st: st.due)
    return Plan(method, applied, closure, lo, hi, earliest, latest, setup, tuple(steps))


def today() -> date:
    """Today, or NACCS_TUI_TODAY (YYYY-MM-DD) when set, so screens and tests are reproducible."""
    import os

    fixed = os.environ.get("NACCS_TUI_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass
    return date.today()
