"""`naccs-tui compare A.toml B.toml [C.toml D.toml]`: scenarios side by side.

Late imports: the domain and the renderers load when the command runs; ``naccs-tui compare --help``
and a usage error import this module for its arguments only (start-up time). The companies'
comparison loads only when a file is a company of several units.
"""

from __future__ import annotations

from ._args import add_output, months_arg
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "compare"
HELP_KEY = "cli.compare"


def add_arguments(p) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help=h("cli.compare.files"))
    add_output(p, ("text", "json", "markdown", "csv"))
    p.add_argument("--months", type=months_arg, default=12, help=h("cli.months"))
    p.add_argument("--tax", action="store_true", help=h("cli.tax_amounts"))


def run(args) -> int:
    from pathlib import Path

    from ..domain.company import to_scenario
    from ..domain.compare import MAX_FILES, MIN_FILES, compare
    from ..domain.errors import InputError
    from ..render.compare import FORMATS, report

    if not MIN_FILES <= len(args.files) <= MAX_FILES:
        reason = f"give {MIN_FILES} to {MAX_FILES} scenario files (got {len(args.files)})"
        params = {"min": MIN_FILES, "max": MAX_FILES, "got": len(args.files)}
        raise InputError(None, "FILE", reason, code="file_count", params=params)
    fmt = output_format(args)
    tariffs = tariffs_from(args)
    docs = [(Path(f).name, document_from(f, tariffs)) for f in args.files]
    units = [(name, to_scenario(c)) for name, c in docs]
    named = [(name, s) for name, s in units if s is not None]
    if len(named) < len(docs):  # a company of several units among them: compare companies
        from ..domain.company_quote import compare_companies
        from ..render.company_compare import COMPARE_FORMATS, compare_report

        crows = compare_companies(docs, tariffs, months=args.months, tax=args.tax)
        crep = compare_report(crows, months=args.months, tax=args.tax, lang=args.lang, tariffs=tariffs)
        emit_or_write(COMPARE_FORMATS[fmt](crep, args.lang), fmt, args.output, force=args.force)
        return 0
    rows = compare(named, tariffs, months=args.months, tax=args.tax)
    rep = report(rows, months=args.months, tax=args.tax, lang=args.lang, tariffs=tariffs)
    text = FORMATS[fmt](rep, args.lang)
    emit_or_write(text, fmt, args.output, force=args.force)
    return 0
