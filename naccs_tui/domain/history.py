"""A unit's volumes from its history (`naccs-tui volumes import`): a CSV of ``month,code,count``.

The CSV has a header row naming the three columns (any order; a file whose first row is already
data is read as month, code, count) and one row per month and operation, in UTF-8 (with or without
BOM) or Shift_JIS/CP932, like the rate table (``domain.rates.decode``). A month is written
``2026-04`` (``2026/04``, ``2026-04-01`` and ``2026年4月`` too). Every row is checked and every bad row
is reported, one error each; nothing is imported while one is bad.

The profile made from it: the typical month is the monthly average of each operation over the
months of the history (rounded half up); each calendar month's counts (the average of its years)
become that month's season multiplier when one multiplier reproduces every count of the month
(the shortest decimal that does), else the month is given outright (``[months.N]``). A calendar
month the history lacks keeps the typical month (multiplier 1).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .company import Company, UnitKind, unit_of
from .costing import round_half_up
from .errors import InputError
from .files import MAX_BYTES, read_bytes
from .rates import _error, _rows, column_index, decode, header_names
from .scenario import MAX_VOLUME
from .season import MAX_MULTIPLIER
from .tariffs import Tariffs
from .year import YearMonth, label

COLUMNS = ("month", "code", "count")
_MONTH = re.compile(r"(\d{4})\s*[-/年]\s*(\d{1,2})\s*(?:月|[-/]\s*\d{1,2}\s*日?)?")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")


@dataclass(frozen=True, slots=True)
class History:
    counts: dict[YearMonth, dict[str, int]]
    """Each month of the history and its counts (an operation a month lacks counts 0 there)."""
    rows: int


@dataclass(frozen=True, slots=True)
class Profile:
    """What the import writes into a unit, and what the history had."""

    volumes: dict[str, int]
    season: tuple[int | float, ...] | None
    months: dict[str, dict[str, int]]
    covered: tuple[int, ...]  # the calendar months the history has
    first: YearMonth
    last: YearMonth
    span: int  # months in the history
    approximated: tuple[int, ...] = ()  # months whose multiplier only approximates their counts


def _header(cells: list[str], source: str | Path) -> dict[str, int] | None:
    """The column of each name, or None when the first row is data (then month, code, count)."""
    names = header_names(cells)
    if not set(names) & set(COLUMNS):
        if cells and _MONTH.fullmatch(unicodedata.normalize("NFKC", cells[0]).strip()):
            return None
        columns = ", ".join(COLUMNS)
        reason = f"no header row (the first row must name the columns {columns})"
        raise _error(source, 1, None, reason, "no_header", columns=columns)
    return column_index(names, COLUMNS, source)


def _month(cell: str, row: int, source: str | Path) -> YearMonth:
    text = unicodedata.normalize("NFKC", cell).strip()
    found = _MONTH.fullmatch(text)
    if not found or not 1 <= int(found[2]) <= 12 or not 1 <= int(found[1]) <= 9998:
        raise _error(source, row, "month", f'not a month ("{text[:20]}"; write 2026-04)', "bad_month", value=text[:20])
    return int(found[1]), int(found[2])


def _count(cell: str, row: int, source: str | Path) -> int:
    text = unicodedata.normalize("NFKC", cell).strip()
    if not text:
        raise _error(source, row, "count", "empty (expected a whole number)", "count_empty")
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if text.lstrip("-").isdigit() and text.isascii():
        value = int(text)
        if value < 0:
            raise _error(source, row, "count", f'must not be negative ("{text}")', "count_negative", value=text)
        if value > MAX_VOLUME:
            reason = f'too large ("{text}"; limit {MAX_VOLUME:,})'
            raise _error(source, row, "count", reason, "count_too_large", value=text, limit=MAX_VOLUME)
        return value
    raise _error(source, row, "count", f'not a whole number ("{text[:20]}")', "count_not_whole", value=text[:20])


def _code(cell: str, row: int, source: str | Path, tariffs: Tariffs) -> str:
    code = unicodedata.normalize("NFKC", cell).strip()
    try:
        tariffs.check_code(code)
    except InputError as exc:
        raise _error(source, row, "code", exc.reason, exc.code or "unknown_code", **exc.params) from None
    return code


def parse_history(text: str, source: str | Path, tariffs: Tariffs) -> tuple[History, list[InputError]]:
    """The history in the CSV text and the error of each bad row (none: the history is whole). A
    file that is not such a table at all (no header, no rows) raises its one error."""
    rows = iter(_rows(text, source))
    first = next(rows, None)
    if first is None:
        reason = f"empty file (expected a header row: {','.join(COLUMNS)})"
        raise InputError(source, None, reason, code="empty_csv", params={"columns": ",".join(COLUMNS)})
    index = _header(first[1], source)
    body = list(rows) if index is not None else [first, *rows]
    index = index or {name: i for i, name in enumerate(COLUMNS)}
    counts: dict[YearMonth, dict[str, int]] = {}
    seen: dict[tuple[YearMonth, str], int] = {}
    errors: list[InputError] = []
    for number, cells in body:
        try:
            missing = [c for c in COLUMNS if index[c] >= len(cells)]
            if missing:
                raise _error(source, number, missing[0], "missing cell", "missing_cell")
            month = _month(cells[index["month"]], number, source)
            code = _code(cells[index["code"]], number, source, tariffs)
            count = _count(cells[index["count"]], number, source)
            if (month, code) in seen:
                first_row = seen[month, code]
                reason = f"{label(month)} {code} appears twice (first in row {first_row})"
                params = {"month": label(month), "code": code, "first": first_row}
                raise _error(source, number, "code", reason, "month_code_twice", **params)
        except InputError as exc:
            errors.append(exc)
            continue
        seen[month, code] = number
        counts.setdefault(month, {})[code] = count
    if not counts and not errors:
        raise InputError(source, None, "no rows: the table has a header but no months", code="history_no_rows")
    return History(dict(sorted(counts.items())), len(body)), errors


def read_history(path: str | Path, tariffs: Tariffs) -> tuple[History, list[InputError]]:
    return parse_history(decode(read_bytes(path, limit=MAX_BYTES), path), path, tariffs)


def _shortest(lo: Fraction, hi: Fraction | None) -> Fraction | None:
    """The decimal with the fewest digits in [lo, hi) (hi None: no upper end), at most MAX_MULTIPLIER."""
    for digits in range(10):
        step = Fraction(1, 10**digits)
        k = math.ceil(lo / step) * step
        if (hi is None or k < hi) and k <= MAX_MULTIPLIER:
            return k
    return None


def multiplier_for(typical: dict[str, int], counts: dict[str, int]) -> Fraction | None:
    """The shortest multiplier that turns ``typical`` into ``counts`` as a season does (each count
    rounded half up, capped at MAX_VOLUME), or None when none does."""
    lo, hi = Fraction(0), None
    for code in {**typical, **counts}:
        t, c = typical.get(code, 0), counts.get(code, 0)
        if t == 0:
            if c != 0:
                return None
            continue
        lo = max(lo, (c - Fraction(1, 2)) / t)
        if c < MAX_VOLUME:
            top = (c + Fraction(1, 2)) / t
            hi = top if hi is None else min(hi, top)
    if hi is not None and lo >= hi:
        return None
    return _shortest(lo, hi)


def _number(k: Fraction) -> int | float:
    return int(k) if k.denominator == 1 else float(k)


def profile(h: History, *, approximate: bool = False) -> Profile:
    """The typical month and each calendar month's multiplier (or its counts given outright when
    no multiplier reproduces them). ``approximate``: a month no multiplier reproduces takes the
    ratio of its total to the typical month's total instead (two decimals), its counts then
    approximated; the months that were are in ``approximated``."""
    months = list(h.counts)
    codes = list(dict.fromkeys(code for counts in h.counts.values() for code in counts))
    n = len(months)
    typical = {c: round_half_up(Fraction(sum(h.counts[m].get(c, 0) for m in months), n)) for c in codes}
    by_month: dict[int, list[YearMonth]] = {}
    for ym in months:
        by_month.setdefault(ym[1], []).append(ym)
    season: list[int | float] = [1] * 12
    given: dict[str, dict[str, int]] = {}
    approximated = []
    whole = sum(typical.values())
    for month, yms in sorted(by_month.items()):
        average = {c: round_half_up(Fraction(sum(h.counts[ym].get(c, 0) for ym in yms), len(yms))) for c in codes}
        k = multiplier_for(typical, average)
        if k is None and approximate and whole > 0:
            k = min(
                Fraction(MAX_MULTIPLIER), Fraction(round_half_up(Fraction(100 * sum(average.values()), whole)), 100)
            )
            approximated.append(month)
        if k is None:
            given[str(month)] = average
        else:
            season[month - 1] = _number(k)
    plain = all(x == 1 for x in season)
    covered = tuple(sorted(by_month))
    return Profile(
        typical, None if plain else tuple(season), given, covered, months[0], months[-1], n, tuple(approximated)
    )


def apply_profile(c: Company, office: int, kind: UnitKind, p: Profile) -> Company:
    """The company with the unit's typical month, season and months replaced by the profile's."""
    unit = unit_of(c, office, kind)
    if unit is None:
        raise InputError(None, f"office[{office}].{kind}", "no such unit", code="unit_missing")
    new = unit.model_copy(update={"volumes": p.volumes, "season": p.season, "months": p.months})
    offices = list(c.offices)
    offices[office - 1] = offices[office - 1].model_copy(update={kind: new})
    return c.model_copy(update={"offices": tuple(offices)})
