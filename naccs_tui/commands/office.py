"""`naccs-tui office PREFECTURE`: whom to call (the NACCS office for the prefecture).

Late imports: the domain and the renderers load when the command runs; ``naccs-tui office --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

from ._args import add_output
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "office"
HELP_KEY = "cli.office"


def add_arguments(p) -> None:
    p.add_argument("prefecture", metavar="PREFECTURE|FILE", help=h("cli.office.prefecture"))
    add_output(p, ("text", "json"))


def run(args) -> int:
    from ..domain.offices import resolve
    from ..render.jsondoc import to_json
    from ..render.office import office_report, to_text

    fmt = output_format(args)
    if args.prefecture.endswith(".toml"):  # a scenario file: each of its offices by its prefecture
        return _file(args, fmt)
    r = office_report(resolve(args.prefecture), args.lang)
    emit_or_write(to_json(r.as_dict()) if fmt == "json" else to_text(r, args.lang), fmt, args.output, force=args.force)
    return 0


def _file(args, fmt: str) -> int:
    from ..render.company_schedule import contacts, contacts_text
    from ..render.jsondoc import to_json

    rep = contacts(document_from(args.prefecture, tariffs_from(args)), args.lang)
    text = to_json(rep.as_dict()) if fmt == "json" else contacts_text(rep, args.lang)
    emit_or_write(text, fmt, args.output, force=args.force)
    return 0
