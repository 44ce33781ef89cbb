"""Business-day calendar, lead times, the steps of FACTS §4 and their dates.

Every date here rests on the guide's approximate lead times (「7営業日程度」, 「50～60営業日」), so
each is about that day. Of the step dates only the system-setup one is a deadline (a bulletin-board
rule, cited in tariffs.toml); the guide sets none for the line works, the package install or the
certificate, so the dates proposed for them are suggestions: the line works after the setup
deadline and before the rest (the router must be in before the terminals can be checked), the
package install and the certificate on the business day before the start.

Late imports: scenario.py (the file model's Schedule, which checks a closure) loads only when a
closure typed on the command line or in the TUI is parsed; ``naccs-tui rates`` needs only
``today`` from here (start-up time).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import ValidationError

from .closure import MAX_CLOSURE_DAYS as MAX_CLOSURE_DAYS  # named here too (schedule's callers)
from .closure import checked_closure as checked_closure
from .closure import closure_days as closure_days
from .errors import InputError, pydantic_code
from .holiday_cache import CACHE_SPAN, holiday_block
from .holiday_cache import holidays_version as holidays_version  # the version is named in every schedule
from .tariffs import LeadTime

INTERNET_METHODS = ("netnaccs", "webnaccs")
DEFAULT_CLOSURE: tuple[str, str] = ("12-29", "01-03")
Closure = tuple[str, str] | None  # None: no year-end closure at all
SEARCH_YEARS = 3
"""A business-day search looks this many years of days far at most (then NoBusinessDay)."""
SEARCH_DAYS = SEARCH_YEARS * 366
CALENDAR = (date(1, 2, 1), date(9999, 11, 30))
"""The days a schedule may use: Python's calendar less a month at each end, so that every month
shown has its whole weeks."""


class NoBusinessDay(InputError):
    """No business day within SEARCH_YEARS years of a day, or the day is off the CALENDAR (a
    closure that leaves no business day is refused before: see checked_closure)."""

    def __init__(self, day: date, forward: bool) -> None:
        first, last = (d.isoformat() for d in CALENDAR)
        params: dict[str, object] = {"day": day.isoformat(), "years": SEARCH_YEARS, "first": first, "last": last}
        if not CALENDAR[0] <= day <= CALENDAR[1]:
            code, reason = "outside_calendar", f"{day.isoformat()} is outside the calendar ({first} to {last})"
        else:
            where = "after" if forward else "before"
            reason = f"no business day within {SEARCH_YEARS} years {where} {day} (the calendar runs {first} to {last})"
            code = f"no_business_day_{where}"
        super().__init__(None, "schedule.applied", reason, code=code, params=params)


@lru_cache(maxsize=64)
def _holiday_names(year: int, lang: str = "ja") -> dict[date, str]:
    names = holiday_block(max(1, year - year % CACHE_SPAN))["en" if lang == "en" else "ja"]
    return {day: name for day, name in names.items() if day.year == year}


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
    """The n-th business day after ``start`` (start itself not counted); n < 0 goes back.

    NoBusinessDay when they are not all found within SEARCH_YEARS years of ``start``, or the
    search leaves the CALENDAR: a search never runs on for ever.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    first, last = CALENDAR
    day, left = start, abs(n)
    for _ in range(SEARCH_DAYS if first <= start <= last else 0):
        if not left:
            return day
        day += step
        if not first <= day <= last:
            break
        if is_business_day(day, closure):
            left -= 1
    if not left and first <= day <= last:
        return day
    raise NoBusinessDay(start, n >= 0)


StepKind = Literal["applied", "deadline", "suggested", "start"]
"""applied: the day the application is made; deadline: a date with a cited rule behind it;
suggested: a date the app proposes where the guide sets none; start: the (earliest) start."""


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # catalog key: step.<key>.title / step.<key>.what
    due: date  # the step's date: see kind for what it means
    kind: StepKind


@dataclass(frozen=True, slots=True)
class Timeline:
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


def timeline(method: str, applied: date, lead: LeadTime, closure: Closure = DEFAULT_CLOSURE) -> Timeline:
    """Start dates, the setup deadline and the steps that apply to ``method``, in the guide's order.

    The steps follow the guide's flow: application (1), system setup (2), line works (3, not for
    netNACCS/WebNACCS), package software (4, interactive and netNACCS), digital certificate (5,
    netNACCS and WebNACCS), start (6). The setup deadline is the start less
    ``lead.setup_deadline`` business days. Suggestions: the line works on the business day after
    that deadline (at least 2 business days before the start, so that they come before the
    package install), steps 4 and 5 on the business day before the start.
    """
    lo, hi = lead_days(method, lead)
    earliest = add_business_days(applied, lo, closure)
    latest = add_business_days(earliest, hi - lo, closure)
    setup = add_business_days(earliest, -lead.setup_deadline, closure)
    day_before = add_business_days(earliest, -1, closure)
    steps = [Step("nss", applied, "applied"), Step("setup", setup, "deadline")]
    if method not in INTERNET_METHODS:
        works = add_business_days(earliest, -max(2, lead.setup_deadline - 1), closure)
        steps.append(Step("line_works", works, "suggested"))
    if method in ("interactive", "netnaccs"):
        steps.append(Step("package", day_before, "suggested"))
    if method in INTERNET_METHODS:
        steps.append(Step("certificate", day_before, "suggested"))
    steps.append(Step("start", earliest, "start"))
    steps.sort(key=lambda st: st.due)  # stable: steps on one day keep the guide's order
    return Timeline(method, applied, closure, lo, hi, earliest, latest, setup, tuple(steps))


def today() -> date:
    """Today, or NACCS_TUI_TODAY (YYYY-MM-DD) when set, so screens and tests are reproducible."""
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
        reason = f"{text!r} is not a date (expected YYYY-MM-DD, e.g. 2026-12-24)"
        raise InputError(source, field, reason, code="not_a_date", params={"value": repr(text)}) from None


def parse_closure(start: str, end: str, field: str = "closure", source: str | None = None) -> tuple[str, str]:
    """Two MM-DD days (the year-end closure, inclusive, at most MAX_CLOSURE_DAYS), or InputError."""
    from .scenario import Schedule

    try:
        return Schedule(closure=(start.strip(), end.strip())).closure
    except ValidationError as exc:
        err = exc.errors()[0]
        msg = err["msg"].removeprefix("Value error, ")
        code, params = pydantic_code(err)
        if code == "closure_too_long":  # names both days already, and says it in the user's language
            raise InputError(source, field, msg, code=code, params=params) from None
        raise InputError(source, field, f"{start!r} {end!r}: {msg}", code=code, params=params) from None
