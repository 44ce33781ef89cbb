"""`naccs-tui volumes import history.csv --into FILE`: a unit's typical month and its season (or
months given outright) from a history of monthly counts (CSV ``month,code,count``).

Late imports: the domain and the renderers load when the command runs; ``naccs-tui volumes --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

import argparse
import sys

from ..i18n import t
from ._parser import h
from ._shared import document_from, emit, tariffs_from

NAME = "volumes"
HELP_KEY = "cli.volumes"


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help=h("cli.volumes.import"), description=t("cli.volumes.import_description"))
    imp.add_argument("csv", metavar="FILE.csv", help=h("cli.volumes.csv"))
    imp.add_argument("--into", metavar="FILE", required=True, help=h("cli.volumes.into"))
    imp.add_argument("--office", metavar="NAME", default=None, help=h("cli.year.office"))
    imp.add_argument("--unit", choices=("general", "netnaccs"), default=None, help=h("cli.year.unit"))
    imp.add_argument("--season", action="store_true", help=h("cli.volumes.season"))
    imp.add_argument("--out", metavar="OUT", default=None, help=h("cli.volumes.out"))
    imp.add_argument("--force", action="store_true", help=h("cli.volumes.force"))
    imp.add_argument("--tariffs", metavar="FILE", default=argparse.SUPPRESS, help=h("cli.tariffs"))


def run(args) -> int:
    from pathlib import Path

    from ..domain.company_file import pick_unit
    from ..domain.document import save_document
    from ..domain.errors import InputError
    from ..domain.history import apply_profile, profile, read_history
    from ..render.errors import error_line
    from ..render.history import report_lines

    tariffs = tariffs_from(args)
    company = document_from(args.into, tariffs)
    try:
        office, kind = pick_unit(company, args.office, args.unit)
    except InputError as exc:
        raise InputError(args.into, exc.field, exc.reason, code=exc.code, params=exc.params) from None
    history, errors = read_history(args.csv, tariffs)
    if errors:  # every bad row on a line of its own; nothing is written
        for bad in errors:
            sys.stderr.write("naccs-tui: " + error_line(bad).replace("\n", " ") + "\n")
        sys.stderr.write("naccs-tui: " + t("volumes.import.refused", n=len(errors), source=args.csv) + "\n")
        return 2
    p = profile(history, approximate=args.season)
    out = Path(args.out or args.into)
    if args.out is not None and out.exists() and not args.force:
        reason = "file exists (not overwritten; add --force to replace it)"
        raise InputError(out, None, reason, code="file_exists_force")
    save_document(apply_profile(company, office, kind, p), out, overwrite=True)
    emit("\n".join(report_lines(company, office, kind, history, p, args.csv, str(out))) + "\n")
    return 0
