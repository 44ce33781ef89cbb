"""`naccs-tui quote FILE`: the itemized Plan A / Plan B quote of a scenario file."""

from __future__ import annotations

from ._args import months_arg
from ._shared import document_from, emit, tariffs_from

NAME = "quote"
HELP = (
    "Print the itemized Plan A / Plan B quote, break-even and start dates of a scenario file "
    "(with several offices: each unit and the company total)."
)


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="scenario TOML file")
    p.add_argument("--format", choices=("text", "json", "markdown", "csv", "html"), default="text")
    p.add_argument("--months", type=months_arg, default=12, help="months for the total (default 12)")
    p.add_argument("--tax", action="store_true", help="include 10%% consumption tax in the totals")


def run(args) -> int:
    from ..render.report import quote_report, render

    tariffs = tariffs_from(args)
    company = document_from(args.file, tariffs)
    r = quote_report(company, tariffs, months=args.months, tax=args.tax, lang=args.lang)
    emit(render(r, args.format, args.lang), args.format)
    return 0
