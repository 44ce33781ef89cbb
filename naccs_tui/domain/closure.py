"""The year-end closure's rule: at most MAX_CLOSURE_DAYS days, and it may run over the new year.

Its own module so that the file model (scenario.Schedule) and the business-day calendar
(schedule.py) both use it without importing each other.
"""

from __future__ import annotations

from datetime import date

from pydantic_core import PydanticCustomError

MAX_CLOSURE_DAYS = 31
"""The longest closure taken, in days (its first and last day counted). A year-end closure is about
a week; a longer one is a slip: its two days reversed read as the rest of the year."""


def closure_days(start: str, end: str) -> int:
    """Days in the closure ``start``..``end`` (MM-DD, both counted), going round the year end when
    ``end`` comes first (12-29..01-03 is 6 days); counted in a leap year, the longest it can be."""
    leap = 2028  # any leap year: February has its 29th
    first, last = (date(leap, int(md[:2]), int(md[3:])) for md in (start, end))
    return (last - first).days % 366 + 1


def checked_closure(start: str, end: str) -> tuple[str, str]:
    """``(start, end)`` when the closure is at most MAX_CLOSURE_DAYS long (it may wrap the year end),
    else a ValueError of kind ``closure_too_long`` that says so (pydantic reports it as it is; its
    context carries the figures the catalog's sentence needs). Both days are valid MM-DD."""
    days = closure_days(start, end)
    if days <= MAX_CLOSURE_DAYS:
        return start, end
    raise PydanticCustomError(
        "closure_too_long",
        "{start} to {end} is {days} days; a closure is at most {max_days} days"
        " (it may run over the new year, e.g. 12-29 to 01-03)",
        {"start": start, "end": end, "days": days, "max_days": MAX_CLOSURE_DAYS},
    )
