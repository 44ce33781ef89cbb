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
    from ..domain.scenario import Scenario
    from ..render.quote import FORMATS, report

    tariffs = tariffs_from(args)
    doc = document_from(args.file, tariffs)
    if not isinstance(doc, Scenario):  # a company of offices (schema 2): each unit and the company
        from ..render import company

        r = company.report(doc, tariffs, months=args.months, tax=args.tax, lang=args.lang)
        emit(company.FORMATS[args.format](r, args.lang), args.format)
        return 0
    r = report(doc, tariffs, months=args.months, tax=args.tax, lang=args.lang)
    emit(FORMATS[args.format](r, args.lang), args.format)
    return 0
