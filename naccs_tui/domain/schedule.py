"""Business-day calendar, lead times, the steps of FACTS §4 and their due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .errors import InputError
from .tariffs import LeadTime

INTERNET_METHODS = ("netnaccs", "webnaccs")
DEFAULT_CLOSURE: tuple[str, str] = ("12-29", "01-03")
Closure = tuple[str, str] | None  # None: no year-end closure at all


@lru_cache(maxsize=64)
def _holiday_names(year: int, lang: str = "ja") -> dict[date, str]:
    import holidays  # heavy: imported only when a schedule is asked for

    return dict(holidays.country_holidays("JP", years=year, language="en_US" if lang == "en" else "ja"))


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(_holiday_names(year))


def holiday_name(day: date, lang: str = "ja") -> str | None:
    """The name of the Japanese public holiday on ``day``, or None."""
    return _holiday_names(day.year, lang).get(day)


def in_closure(day: date, closure: Closure) -> bool:
    """True inside the inclusive closure; it may wrap the year end (12-29 .. 01-03)."""
    if closure is None:
        return False
    md = day.strftime("%m-%d")
    start, end = closure
    return start <= md <= end if start <= end else (md >= start or md <= end)


def is_business_day(day: date, closure: Closure = DEFAULT_CLOSURE) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year) and not in_closure(day, closure)


def add_business_days(start: date, n: int, closure: Closure) -> date:
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
    closure: Closure
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


def plan(method: str, applied: date, lead: LeadTime, closure: Closure = DEFAULT_CLOSURE) -> Plan:
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


def days_off(first: date, last: date, closure: Closure, lang: str = "ja") -> list[tuple[date, str | None]]:
    """Weekdays in [first, last] that are not business days: (day, holiday name or None = closure)."""
    out: list[tuple[date, str | None]] = []
    day = first
    while day <= last:
        if day.weekday() < 5 and not is_business_day(day, closure):
            out.append((day, holiday_name(day, lang)))
        day += timedelta(days=1)
    return out


def parse_date(text: str, field: str = "applied", source: str | None = None) -> date:
    """A YYYY-MM-DD date typed by the user, or InputError saying what is wrong."""
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(source, field, f"{text!r} is not a date (expected YYYY-MM-DD, e.g. 2026-12-24)") from None


def parse_closure(start: str, end: str, field: str = "closure", source: str | None = None) -> tuple[str, str]:
    """Two MM-DD days (the year-end closure, inclusive), or InputError."""
    from pydantic import ValidationError

    from .scenario import Schedule

    try:
        return Schedule(closure=(start.strip(), end.strip())).closure
    except ValidationError as exc:
        msg = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise InputError(source, field, f"{start!r} {end!r}: {msg}") from None
