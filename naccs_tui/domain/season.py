"""Seasonal volumes in the file: how a unit's counts vary over the year.

A unit's ``[volumes]`` is its typical month. ``season`` (twelve multipliers, January to December)
scales it month by month; ``[months.N]`` gives month N's counts outright (the whole month: an
operation it does not list counts 0 that month). Neither: every month is the typical month.
This module holds the validation of both fields (used by the schema-1 scenario and by each unit
of a schema-2 company); what a month's counts are is in ``domain.year``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .errors import problem

MONTHS = 12
MAX_MULTIPLIER = 100
"""The largest multiplier a season takes (a month a hundred times the typical one)."""
_MONTH_KEY = re.compile(r"[1-9]|1[0-2]")


def checked_season(value: Any) -> Any:
    """``season``: twelve numbers from 0 to MAX_MULTIPLIER (January first), else an error that names
    the month; None (no season) as it is."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise problem("season_list", "expected twelve numbers, January to December, e.g. [1, 1, 1.2, …]")
    if len(value) != MONTHS:
        raise problem("season_length", "expected twelve numbers, January to December (got {n})", n=len(value))
    for month, x in enumerate(value, 1):
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            shown = repr(x)[:20]
            raise problem("season_number", "month {month}: {value} is not a number", month=month, value=shown)
        if math.isnan(x) or not 0 <= x <= MAX_MULTIPLIER:
            raise problem(
                "season_range",
                "month {month}: {value} is out of range (0 to {most})",
                month=month,
                value=repr(x),
                most=MAX_MULTIPLIER,
            )
    return tuple(value)


def checked_months(value: Any) -> Any:
    """``[months]``: tables keyed by a month from 1 to 12 (``[months.4]`` is April), the keys kept
    as written (strings, as TOML has them); anything else as it is, for pydantic to report."""
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, counts in value.items():
        text = str(key)
        if isinstance(key, bool) or not _MONTH_KEY.fullmatch(text):
            raise problem("month_key", "{key} is not a month (write 1 to 12: [months.4] is April)", key=repr(key)[:20])
        out[text] = counts
    return out


def multiplier_text(x: float) -> str:
    """A multiplier as the file writes it, shortest: 1, 1.2, 0.85."""
    if isinstance(x, int) or x.is_integer():
        return str(int(x))
    return repr(x)
