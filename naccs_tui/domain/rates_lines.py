"""Import dedicated-line fees (e.g. the 0.5M line's, quoted by NACCS) from a CSV spreadsheet export.

The CSV has a header row naming ``speed`` and the fee columns of ``COLUMNS`` (any order; the three
``*_redundant`` columns may be left out) and one dedicated speed per row. It is read as the unit
price import reads its table (rates.py: UTF-8 with or without BOM, Shift_JIS/CP932, UTF-16; errors
name the row and the column). The merge rules are the unit price import's:

- a speed of the CSV gets the row's fees, its own ``initial``, ``line`` and ``router`` tables, and
  ``source = "import FILE DATE"``; an empty cell keeps the figure the tariffs in use have for that
  speed, and a speed they give no figure for (0.5M) needs every standard fee;
- the three redundant fees go together: all three, or none (then redundancy stays as it was);
- a speed of the tariffs in use that the CSV lacks is kept as it is (its fees, or none);
- a speed new to the tariffs in use is added; the catalog records no place that offers it, so it
  is treated as not on NACCS's current access page;
- where each option is offered (``offered``) is never changed by an import.

A base file from before the line catalog (no ``[access_page]``) gets the shipped file's catalog:
its access page, the internet entry, the ``offered`` of each option both have, and the options it
lacks (such as 0.5M), so that after an import it says what the shipped table says.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .files import MAX_BYTES, read_bytes
from .rates import _error, _price, column_index, decode, header_and_rows, header_names
from .tariffs import Tariffs, parse_tariffs

STANDARD = ("initial_standard", "initial_spare", "line_standard", "router_weekdays", "router_24x365", "router_spare")
REDUNDANT = ("initial_redundant", "line_redundant", "router_redundant")
COLUMNS = ("speed", *STANDARD, *REDUNDANT)
SPEED = re.compile(r"^\d{1,4}(\.\d{1,3})?[kM]$")
_TABLE = {"initial": ("standard", "spare", "redundant"), "line": ("standard", "redundant")}
_TABLE["router"] = ("weekdays", "24x365", "spare", "redundant")


def _header(cells: list[str], source: str | Path) -> dict[str, int]:
    names = header_names(cells)
    if "speed" not in names:
        columns = ", ".join(COLUMNS)
        reason = f"no header row (the first row must name the columns {columns})"
        raise _error(source, 1, None, reason, "no_header", columns=columns)
    return column_index(names, COLUMNS, source, required=("speed", *STANDARD), say_expected=False)


def parse_lines(text: str, source: str | Path) -> list[dict[str, Any]]:
    """The rows as {"speed": name, column: yen or None (an empty cell)}, in file order."""
    header, rows = header_and_rows(text, source, COLUMNS)
    index = _header(header, source)
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        cell = {name: cells[col].strip() if col < len(cells) else "" for name, col in index.items()}
        speed = unicodedata.normalize("NFKC", cell.pop("speed"))
        if not SPEED.match(speed):
            reason = f'not a line speed ("{speed[:20]}"; e.g. 0.5M, 1M, 128k)'
            raise _error(source, number, "speed", reason, "bad_line_speed", value=speed[:20])
        if speed in seen:
            reason = f"{speed} appears twice (first in row {seen[speed]})"
            raise _error(source, number, "speed", reason, "speed_twice", speed=speed, first=seen[speed])
        seen[speed] = number
        fees = {name: _price(v, number, name, source) if v else None for name, v in cell.items()}
        given = [c for c in REDUNDANT if fees.get(c) is not None]
        if given and len(given) != len(REDUNDANT):
            lacking = next(c for c in REDUNDANT if fees.get(c) is None)
            reason = "empty (the three redundant fees go together)"
            raise _error(source, number, lacking, reason, "redundant_together")
        out.append({"speed": speed, "row": number, **fees})
    if not out:
        raise InputError(source, None, "no speeds: the table has a header but no rows", code="no_speed_rows")
    return out


def read_lines(path: str | Path) -> list[dict[str, Any]]:
    """Read, decode and validate a line-fee CSV file."""
    return parse_lines(decode(read_bytes(path, limit=MAX_BYTES), path), path)


def _current(t: Tariffs | None, speed: str) -> dict[str, int | None]:
    """The speed's fees in the tariffs in use, by column (None: none given)."""
    out: dict[str, int | None] = dict.fromkeys(COLUMNS[1:])
    if t is None or speed not in t.dedicated.speeds:
        return out
    sp, d = t.dedicated.speeds[speed], t.dedicated
    tables = {"initial": d.initial_fees(speed), "line": sp.line, "router": d.router_fees(speed)}
    for group, table in tables.items():
        if table is not None:
            data = table.model_dump(by_alias=True)
            for key in _TABLE[group]:
                out[f"{group}_{key}"] = data.get(key)
    return out


def merge_lines(
    base: dict[str, Any], base_tariffs: Tariffs | None, rows: list[dict[str, Any]], source: str, imported: date
) -> tuple[dict[str, Any], list[str]]:
    """The base document with the rows' speeds; also the speeds it did not have (added)."""
    dedicated = dict(base.get("dedicated", {}))
    speeds: dict[str, Any] = {k: dict(v) for k, v in dedicated.get("speeds", {}).items()}
    added = []
    for row in rows:
        name = row["speed"]
        fees = {k: row.get(k) if row.get(k) is not None else v for k, v in _current(base_tariffs, name).items()}
        lacking = next((c for c in STANDARD if fees[c] is None), None)
        if lacking is not None:
            reason = f"empty (the tariffs in use have no {lacking} for {name})"
            raise _error(source, row["row"], lacking, reason, "line_fee_missing", column=lacking, speed=name)
        entry = {k: v for k, v in speeds.get(name, {}).items() if k == "offered"}
        if name not in speeds:
            added.append(name)
        for group, keys in _TABLE.items():
            table = {k: fees[f"{group}_{k}"] for k in keys if fees[f"{group}_{k}"] is not None}
            entry[group] = table
        entry["source"] = f"import {source} {imported.isoformat()}"
        speeds[name] = entry
    dedicated["speeds"] = speeds
    return {**base, "dedicated": dedicated}, added


def with_catalog(base: dict[str, Any], shipped: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A base document from before the line catalog, given the shipped one's (see the module's
    docstring); also the options it gained. A base with a catalog is returned as it is."""
    if "access_page" in base or "access_page" not in shipped:
        return base, []
    doc = {**base, "access_page": shipped["access_page"]}
    if "internet" in shipped and "internet" not in base:
        doc["internet"] = shipped["internet"]
    gained: list[str] = []
    for section, key in (("dedicated", "speeds"), ("broadband", "media")):
        mine = {k: dict(v) for k, v in base.get(section, {}).get(key, {}).items()}
        for name, entry in shipped.get(section, {}).get(key, {}).items():
            if name not in mine:
                mine[name] = dict(entry)
                gained.append(name)
            elif "offered" in entry and "offered" not in mine[name]:
                mine[name]["offered"] = entry["offered"]
        doc[section] = {**base.get(section, {}), key: mine}
    return doc, gained


def build_line_tariffs(
    base: dict[str, Any],
    shipped: dict[str, Any],
    rows: list[dict[str, Any]],
    *,
    source: str,
    imported: date,
    origin: str | Path,
) -> tuple[dict[str, Any], Tariffs, list[str]]:
    """The base with the shipped catalog (if it had none) and the imported speeds; validated. Also
    the speeds new to the tariffs in use."""
    doc, _ = with_catalog(base, shipped)
    current = parse_tariffs(doc, origin)
    doc, added = merge_lines(doc, current, rows, source, imported)
    return doc, parse_tariffs(doc, source), added
