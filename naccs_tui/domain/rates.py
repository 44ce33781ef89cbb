"""Import the official NACCS unit price table (従量料金表) from a CSV spreadsheet export.

The CSV has a header row with the columns ``code, name_ja, name_en, price_a, price_b`` (any order)
and one operation per row. Spreadsheets save it as UTF-8 (with or without BOM) or Shift_JIS/CP932;
both are read. Every row is validated and an error names the row (as a spreadsheet numbers it,
the header being row 1) and the column. The result is a complete tariffs document: the fixed fees
of a base tariffs file (the one in use) with its operations replaced by the imported ones
(``sample = false``, ``source = "import FILE DATE"``). Operations of the base that the CSV lacks are
kept as the base has them (their prices and their ``sample`` mark unchanged, their ``source`` saying
where those prices come from: ``sample`` or the earlier import) and named in the document's
``note``, so that a partial table never breaks a scenario that worked.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from .errors import InputError, closest, did_you_mean
from .files import MAX_BYTES, read_bytes
from .tariffs import Operation, Tariffs, parse_tariffs

if TYPE_CHECKING:
    from pydantic import BaseModel

COLUMNS = ("code", "name_ja", "name_en", "price_a", "price_b")


def _limit(model: type[BaseModel], field: str, attr: str) -> Any:
    """A constraint of a tariffs model field, so that the import and the model never disagree."""
    return next(getattr(m, attr) for m in model.model_fields[field].metadata if hasattr(m, attr))


CODE = re.compile(_limit(Operation, "code", "pattern"))
MAX_NAME = _limit(Operation, "name_ja", "max_length")
MAX_PRICE = _limit(Operation, "price_a", "le")
MAX_ROWS = _limit(Tariffs, "operations", "max_length")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")  # 1,200 as a formatted spreadsheet cell writes it
_DECIMAL = re.compile(r"^-?\d*\.\d+$|^-?\d+\.$")


def _error(
    source: str | Path, row: int | None, column: str | None, reason: str, code: str, /, **params: Any
) -> InputError:
    """An InputError at a cell (``row 2, price_a``: the row as a spreadsheet numbers it), with its
    code and params; the row and column go into the params too, for the interface to name them."""
    field = ", ".join(p for p in (f"row {row}" if row else None, column) if p) or None
    cell = {"row": row, "column": column} if row else {}
    return InputError(source, field, reason, code=code, params={**cell, **params})


def decode(raw: bytes, source: str | Path) -> str:
    """Text of a CSV file: UTF-16 with BOM, UTF-8 (BOM or not), else Shift_JIS/CP932."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, None, "broken UTF-16 text", code="broken_utf16") from None
    if b"\x00" in raw:
        raise InputError(source, None, "binary data, not a CSV file", code="binary_csv")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932")
    except UnicodeDecodeError as exc:
        reason = f"neither UTF-8 nor Shift_JIS text (byte {exc.start})"
        raise InputError(source, None, reason, code="not_utf8_sjis", params={"byte": exc.start}) from None


def _rows(text: str, source: str | Path) -> Iterable[tuple[int, list[str]]]:
    """(spreadsheet row number, cells) of every non-blank record; the header is row 1."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    number = 0
    try:
        for cells in reader:
            number += 1
            if any(c.strip() for c in cells):
                yield number, cells
    except csv.Error as exc:
        raise _error(source, number + 1, None, f"broken CSV: {exc}", "broken_csv") from None


def header_names(cells: list[str]) -> list[str]:
    """A header row's names as the importers compare them: NFKC, trimmed, lower case."""
    return [unicodedata.normalize("NFKC", c).strip().lower() for c in cells]


def column_index(
    names: list[str],
    columns: tuple[str, ...],
    source: str | Path,
    *,
    required: tuple[str, ...] | None = None,
    say_expected: bool = True,
) -> dict[str, int]:
    """The column of each name of a CSV header row (``header_names``): every name one of
    ``columns``, none twice, every one of ``required`` (default: all) there. Anything else is an
    InputError at row 1; ``say_expected`` adds the expected columns to the English reason."""
    listed = ", ".join(columns)
    index: dict[str, int] = {}
    for col, name in enumerate(names):
        if not name:
            continue
        if name not in columns:
            reason = f"unknown column {name!r}" + did_you_mean(name, columns)
            reason += f" (expected {listed})" if say_expected else ""
            params = {"name": repr(name), "columns": listed, "suggestion": closest(name, columns)}
            raise _error(source, 1, None, reason, "unknown_column", **params)
        if name in index:
            raise _error(source, 1, None, f"column {name!r} appears twice", "column_twice", name=repr(name))
        index[name] = col
    missing = [c for c in (columns if required is None else required) if c not in index]
    if missing:
        reason = "missing column " + ", ".join(missing)
        reason += f" (the header row must name {listed})" if say_expected else ""
        raise _error(source, 1, None, reason, "missing_column", missing=", ".join(missing), columns=listed)
    return index


def _header(cells: list[str], source: str | Path) -> dict[str, int]:
    names = header_names(cells)
    if not set(names) & set(COLUMNS):
        columns = ", ".join(COLUMNS)
        reason = f"no header row (the first row must name the columns {columns})"
        raise _error(source, 1, None, reason, "no_header", columns=columns)
    return column_index(names, COLUMNS, source)


def _price(cell: str, row: int, column: str, source: str | Path) -> int:
    text = unicodedata.normalize("NFKC", cell).strip()
    shown = cell.strip()
    if not text:
        raise _error(source, row, column, "empty (expected a whole number of yen)", "price_empty")
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if text.lstrip("-").isdigit() and text.isascii():
        value = int(text)
        if value < 0:
            raise _error(source, row, column, f'must not be negative ("{shown}")', "price_negative", value=shown)
        if value > MAX_PRICE:
            reason = f'too large ("{shown}"; limit {MAX_PRICE:,})'
            raise _error(source, row, column, reason, "price_too_large", value=shown, limit=MAX_PRICE)
        return value
    if _DECIMAL.match(text):
        raise _error(source, row, column, f'not a whole number ("{shown}")', "price_not_whole", value=shown)
    raise _error(source, row, column, f'not a number ("{shown[:20]}")', "price_not_number", value=shown[:20])


def _name(cell: str, row: int, column: str, source: str | Path) -> str:
    name = cell.strip()
    if not name:
        raise _error(source, row, column, "empty", "cell_empty")
    if len(name) > MAX_NAME:
        raise _error(source, row, column, f"longer than {MAX_NAME} characters", "string_too_long", max_length=MAX_NAME)
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise _error(source, row, column, "contains control characters", "control_characters")
    return name


def header_and_rows(
    text: str, source: str | Path, columns: Sequence[str]
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The CSV's first row (its header) and an iterator over the rest, numbered as a spreadsheet
    numbers them; an empty file is an InputError that names the ``columns`` expected."""
    rows = iter(_rows(text, source))
    first = next(rows, None)
    if first is None:
        reason = f"empty file (expected a header row: {','.join(columns)})"
        raise InputError(source, None, reason, code="empty_csv", params={"columns": ",".join(columns)})
    return first[1], rows


def parse_rates(text: str, source: str | Path) -> list[dict[str, Any]]:
    """Validate the CSV text; the operations in file order as tariffs.toml writes them."""
    header, rows = header_and_rows(text, source, COLUMNS)
    index = _header(header, source)
    ops: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        missing = [c for c in COLUMNS if index[c] >= len(cells)]
        if missing:
            raise _error(source, number, missing[0], "missing cell", "missing_cell")
        cell = {name: cells[col] for name, col in index.items()}
        code = unicodedata.normalize("NFKC", cell["code"]).strip()
        if not CODE.match(code):
            upper = CODE.match(code.upper())
            reason = f'not an operation code ("{code[:20]}"; 2-8 capital letters or digits)'
            reason += " (use capital letters)" if upper else ""
            kind = "bad_code_case" if upper else "bad_code"
            raise _error(source, number, "code", reason, kind, value=code[:20])
        if code in seen:
            reason = f"{code} appears twice (first in row {seen[code]})"
            raise _error(source, number, "code", reason, "code_twice", code=code, first=seen[code])
        seen[code] = number
        name_ja = _name(cell["name_ja"], number, "name_ja", source)
        name_en = _name(cell["name_en"], number, "name_en", source)
        price_a = _price(cell["price_a"], number, "price_a", source)
        price_b = _price(cell["price_b"], number, "price_b", source)
        if price_a > price_b:
            reason = f"Plan A price ({price_a}) is above Plan B price ({price_b})"
            raise _error(source, number, "price_a", reason, "price_a_above_b", a=price_a, b=price_b)
        ops.append(
            {
                "code": code,
                "name_ja": name_ja,
                "name_en": name_en,
                "price_a": price_a,
                "price_b": price_b,
                "sample": False,
            }
        )
        if len(ops) > MAX_ROWS:
            raise _error(source, number, None, f"more than {MAX_ROWS} operations", "too_many_rows", max=MAX_ROWS)
    if not ops:
        raise InputError(source, None, "no operations: the table has a header but no rows", code="no_rows")
    return ops


def read_rates(path: str | Path) -> list[dict[str, Any]]:
    """Read, decode and validate a rate CSV file."""
    raw = read_bytes(path, limit=MAX_BYTES)
    return parse_rates(decode(raw, path), path)


_FIXED = "; fixed fees: "
_TABLE = "NACCS従量料金表 ("


def _earlier_import(base: dict[str, Any]) -> str | None:
    """``import FILE DATE`` of the import that wrote the base document, or None if none did."""
    when, text = base.get("imported"), str(base.get("source", ""))
    if not isinstance(when, date):
        return None
    name = text[len(_TABLE) : text.index(")" + _FIXED)] if text.startswith(_TABLE) and ")" + _FIXED in text else text
    return f"import {name} {when.isoformat()}"


def _with_source(op: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """A kept operation with a ``source`` saying where its prices come from: sample or the earlier import."""
    if op.get("source"):
        return op
    origin = "sample" if op.get("sample", True) else _earlier_import(base)
    return {**op, "source": origin} if origin else op


def missing_operations(base: dict[str, Any], operations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The operations of the base document that the imported ones lack, as the base writes them."""
    have = {op["code"] for op in operations}
    return [dict(op) for op in base.get("operations", []) if isinstance(op, dict) and op.get("code") not in have]


def build_tariffs(
    base: dict[str, Any],
    operations: list[dict[str, Any]],
    *,
    source: str,
    imported: date,
    base_name: str = "the shipped table",
) -> tuple[dict[str, Any], Tariffs]:
    """The base tariffs document with the imported operations, then the base's others kept; validated."""
    doc = {k: v for k, v in base.items() if k != "operations"}
    fixed = str(base.get("source", ""))
    if base.get("imported") and _FIXED in fixed:  # the base is an earlier import: keep its fixed-fee source
        fixed = fixed.split(_FIXED, 1)[1]
    doc["source"] = f"NACCS従量料金表 ({source})" + (f"{_FIXED}{fixed}" if fixed else "")
    doc["imported"] = imported
    kept = [_with_source(op, base) for op in missing_operations(base, operations)]
    doc["note"] = (
        f"Unit prices imported from {source} on {imported.isoformat()}; fixed fees copied from {base_name}."
        + (
            f" Kept from {base_name} with their prices (not in {source}): {', '.join(op['code'] for op in kept)}."
            if kept
            else ""
        )
    )
    doc["operations"] = [*({**op, "source": f"import {source} {imported.isoformat()}"} for op in operations), *kept]
    return doc, parse_tariffs(doc, source)


HEADER_COMMENT = (
    "# naccs-tui user tariffs: the fixed fees of the shipped table and the official unit prices\n"
    "# imported with `naccs-tui rates import` (see `source` and `imported`). Amounts in yen,\n"
    "# excluding consumption tax.\n"
)


def dumps_tariffs(doc: dict[str, Any]) -> str:
    return HEADER_COMMENT + tomli_w.dumps(doc)
