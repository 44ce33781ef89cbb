"""`naccs-tui compare A.toml B.toml [C.toml D.toml]`: scenarios side by side."""

from __future__ import annotations

from ._args import months_arg
from ._shared import document_from, emit_or_write, tariffs_from

NAME = "compare"
HELP = (
    "Compare 2-4 scenario files: line, method, plan costs, initial, N-month total, start date, difference to the first."
)


def add_arguments(p) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="2 to 4 scenario TOML files")
    p.add_argument("--format", choices=("text", "json", "markdown", "csv"), default="text")
    p.add_argument("--months", type=months_arg, default=12, help="months for the total (default 12)")
    p.add_argument("--tax", action="store_true", help="include 10%% consumption tax in the amounts")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="write to this file instead of stdout (CSV with a BOM, for Excel)",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args) -> int:
    from pathlib import Path

    from ..domain.compare import MAX_FILES, MIN_FILES, compare
    from ..domain.errors import InputError
    from ..domain.scenario import Scenario
    from ..render.compare import FORMATS, report

    if not MIN_FILES <= len(args.files) <= MAX_FILES:
        raise InputError(None, "FILE", f"give {MIN_FILES} to {MAX_FILES} scenario files (got {len(args.files)})")
    tariffs = tariffs_from(args)
    docs = [(Path(f).name, document_from(f, tariffs)) for f in args.files]
    named = [(name, doc) for name, doc in docs if isinstance(doc, Scenario)]
    if len(named) < len(docs):  # a company of offices among them: compare companies (schema 1 as one office)
        from ..domain.company import from_scenario
        from ..domain.company_quote import compare_companies
        from ..render.company_compare import COMPARE_FORMATS, compare_report

        both = [(name, from_scenario(doc) if isinstance(doc, Scenario) else doc) for name, doc in docs]
        crows = compare_companies(both, tariffs, months=args.months, tax=args.tax)
        crep = compare_report(crows, months=args.months, tax=args.tax, lang=args.lang, tariffs=tariffs)
        emit_or_write(COMPARE_FORMATS[args.format](crep, args.lang), args.format, args.output, force=args.force)
        return 0
    rows = compare(named, tariffs, months=args.months, tax=args.tax)
    rep = report(rows, months=args.months, tax=args.tax, lang=args.lang, tariffs=tariffs)
    text = FORMATS[args.format](rep, args.lang)
    emit_or_write(text, args.format, args.output, force=args.force)
    return 0
