"""`naccs-tui quote FILE`: the itemized Plan A / Plan B quote of a scenario file.

Late imports: the report and its renderers load when the command runs; ``naccs-tui quote --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

from ._args import add_output, months_arg
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "quote"
HELP_KEY = "cli.quote"


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help=h("cli.scenario_file"))
    add_output(p, ("text", "json", "markdown", "csv", "html"))
    p.add_argument("--months", type=months_arg, default=12, help=h("cli.months"))
    p.add_argument("--tax", action="store_true", help=h("cli.tax_totals"))


def run(args) -> int:
    from ..render.report import quote_report, render

    fmt = output_format(args)
    tariffs = tariffs_from(args)
    company = document_from(args.file, tariffs)
    r = quote_report(company, tariffs, months=args.months, tax=args.tax, lang=args.lang)
    emit_or_write(render(r, fmt, args.lang), fmt, args.output, force=args.force)
    return 0
