"""Helpers shared by the command modules.

Late imports: the domain (pydantic models) and pathlib load when a command runs, not when its
module is imported: `naccs-tui COMMAND --help` and usage errors answer without loading them
(start-up time).
"""

from __future__ import annotations

import sys

from ._args import SUFFIX_FORMATS
from ._streams import write

TYPE_CHECKING = False  # typing itself costs a usage error a few milliseconds; mypy reads this name as usual

if TYPE_CHECKING:
    from ..domain.company import Company
    from ..domain.tariffs import Tariffs


def tariffs_from(args) -> Tariffs:
    from ..domain.tariffs import load_tariffs

    return load_tariffs(args.tariffs)


def document_from(path: str, tariffs: Tariffs) -> Company:
    """The company a scenario file describes (schema 1: one office with one unit; schema 2: offices)."""
    from ..domain.document import load_document

    return load_document(path, tariffs)


def output_format(args) -> str:
    """The format to write: the one -o's file name asks for by its suffix (``.csv``, ``.json``,
    ``.md``, ``.html``, ``.ics``), else --format, else text. A suffix of a format this command does
    not write, or one that contradicts --format, is an InputError (exit 2), not a file of the
    wrong kind."""
    from pathlib import Path

    output: str | None = getattr(args, "output", None)
    if output is None:
        return args.format or "text"
    wanted = SUFFIX_FORMATS.get(Path(output).suffix.lower())
    if wanted is None:
        return args.format or "text"
    from ..domain.errors import InputError

    suffix = Path(output).suffix
    if wanted not in args.formats:
        formats = ", ".join(args.formats)
        reason = f"this command does not write {suffix} files (formats: {formats})"
        raise InputError(output, "-o", reason, code="output_suffix", params={"suffix": suffix, "formats": formats})
    if args.format is not None and args.format != wanted:
        reason = f"the file name asks for {wanted} ({suffix}) but --format is {args.format}: leave --format out"
        params = {"suffix": suffix, "expected": wanted, "format": args.format}
        raise InputError(output, "--format", reason, code="output_format_conflict", params=params)
    return wanted


def emit(text: str, fmt: str = "text") -> None:
    """Print a document of the output format ``fmt`` to standard output, in its encoding (UTF-8,
    or cp932 where Windows gives a redirected stream its code page: see _streams.write)."""
    write(text, fmt, sys.stdout)


def emit_or_write(text: str, fmt: str, output: str | None, *, force: bool = False) -> None:
    """Print ``text``, or write it to the file ``output`` (atomically; an existing file only with
    ``force``). A CSV file gets a UTF-8 byte-order mark: Excel on Japanese Windows reads a CSV
    file without one as Shift_JIS and shows mojibake. Standard output never gets one."""
    if output is None:
        emit(text, fmt)
        return
    from ..domain.files import write_atomic

    write_atomic(output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"), overwrite=force)
