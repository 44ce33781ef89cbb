"""`naccs-tui year FILE`: the year ahead month by month (seasonal volumes, Plan A and Plan B each
month, the cheaper one, the totals and the months where a change of plan would pay).

Late imports: the domain and the renderers load when the command runs; ``naccs-tui year --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

import argparse
import re

from ..i18n import t
from ._args import add_output, int_arg
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "year"
HELP_KEY = "cli.year"
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def year_month(text: str) -> tuple[int, int]:
    """An argparse type: a month written YYYY-MM (2027-04)."""
    found = _MONTH.fullmatch(text.strip())
    if not found or not 1 <= int(found[2]) <= 12 or not 1 <= int(found[1]) <= 9998:
        raise argparse.ArgumentTypeError(t("cli.err.year_month", value=repr(text)))
    return int(found[1]), int(found[2])


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help=h("cli.scenario_file"))
    add_output(p, ("text", "json", "markdown", "csv", "html"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM", type=year_month, default=None, help=h("cli.year.from"))
    p.add_argument("--months", type=int_arg(1, 120), default=None, help=h("cli.year.months"))
    p.add_argument("--fiscal", action="store_true", help=h("cli.year.fiscal"))
    p.add_argument("--office", metavar="NAME", default=None, help=h("cli.year.office"))
    p.add_argument("--unit", choices=("general", "netnaccs"), default=None, help=h("cli.year.unit"))
    p.add_argument("--tax", action="store_true", help=h("cli.year.tax"))


def run(args) -> int:
    from ..render.year import FORMATS, year_report

    fmt = output_format(args)
    tariffs = tariffs_from(args)
    company = document_from(args.file, tariffs)
    if args.office is not None or args.unit is not None:
        company = one_unit(company, args.office, args.unit, args.file)
    r = year_report(
        company, tariffs, start=args.start, months=args.months, fiscal=args.fiscal, tax=args.tax, lang=args.lang
    )
    emit_or_write(FORMATS[fmt](r, args.lang), fmt, args.output, force=args.force)
    return 0


def one_unit(company, office: str | None, unit: str | None, path: str):
    """The company reduced to the unit ``--office``/``--unit`` name (with its office's options),
    so that its year reads as the year of a one-unit file."""
    from ..domain.company import from_scenario, unit_scenario
    from ..domain.company_file import pick_unit
    from ..domain.errors import InputError

    try:
        index, kind = pick_unit(company, office, unit)
    except InputError as exc:
        raise InputError(path, exc.field, exc.reason, code=exc.code, params=exc.params) from None
    return from_scenario(unit_scenario(company, index, kind, options=True))
