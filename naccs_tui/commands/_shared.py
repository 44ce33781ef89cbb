"""Helpers shared by the command modules.

The domain (pydantic models) is imported when a command runs, not when its module is imported:
`naccs-tui COMMAND --help` and usage errors answer without loading it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.company import Company
    from ..domain.scenario import Scenario
    from ..domain.tariffs import Tariffs


def tariffs_from(args) -> Tariffs:
    from ..domain.tariffs import load_tariffs

    return load_tariffs(args.tariffs)


def scenario_from(path: str, tariffs: Tariffs) -> Scenario:
    from ..domain.scenario import load_scenario

    return load_scenario(path, tariffs)


def document_from(path: str, tariffs: Tariffs) -> Scenario | Company:
    """A scenario file of either schema: a Scenario (schema 1) or a Company of offices (schema 2)."""
    from ..domain.scenario import load_document

    return load_document(path, tariffs)


def output_format(args) -> str:
    """The format to write: the one -o's file name asks for by its suffix (``.csv``, ``.json``,
    ``.md``, ``.html``, ``.ics``), else --format, else text. A suffix of a format this command does
    not write, or one that contradicts --format, is an InputError (exit 2), not a file of the
    wrong kind."""
    from pathlib import Path

    from ._args import SUFFIX_FORMATS

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


def emit(text: str) -> None:
    """Print to standard output: plain UTF-8, CSV too (for scripts and pipes)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def emit_or_write(text: str, fmt: str, output: str | None, *, force: bool = False) -> None:
    """Print ``text``, or write it to the file ``output`` (atomically; an existing file only with
    ``force``). A CSV file gets a UTF-8 byte-order mark: Excel on Japanese Windows reads a CSV
    file without one as Shift_JIS and shows mojibake. Standard output never gets one."""
    if output is None:
        emit(text)
        return
    from ..domain.files import write_atomic

    write_atomic(output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"), overwrite=force)
