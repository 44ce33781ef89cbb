"""`naccs-tui office PREFECTURE`: whom to call (the NACCS office for the prefecture)."""

from __future__ import annotations

from ._shared import emit

NAME = "office"
HELP = (
    "Print the NACCS office for a prefecture (東京都, 東京 or Tokyo): address, phone, free dial, "
    "fax, hours; the usage-contract section; the reference pages."
)


def add_arguments(p) -> None:
    p.add_argument("prefecture", metavar="PREFECTURE", help="prefecture, e.g. 東京都, 東京 or Tokyo")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    from ..domain.offices import resolve
    from ..render.jsondoc import to_json
    from ..render.office import office_report, to_text

    r = office_report(resolve(args.prefecture), args.lang)
    emit(to_json(r) if args.format == "json" else to_text(r, args.lang))
    return 0
