"""`naccs-tui office PREFECTURE`: whom to call (the NACCS office for the prefecture)."""

from __future__ import annotations

from ._shared import emit

NAME = "office"
HELP = (
    "Print the NACCS office for a prefecture (東京都, 東京 or Tokyo), or for each office of a scenario "
    "file: address, phone, free dial, fax, hours; the usage-contract section; the reference pages."
)


def add_arguments(p) -> None:
    p.add_argument(
        "prefecture",
        metavar="PREFECTURE|FILE",
        help="prefecture, e.g. 東京都, 東京 or Tokyo; or a scenario file (.toml): the office of each of its offices",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    from ..domain.offices import resolve
    from ..render.jsondoc import to_json
    from ..render.office import office_report, to_text

    if args.prefecture.endswith(".toml"):  # a scenario file: each of its offices by its prefecture
        return _file(args)
    r = office_report(resolve(args.prefecture), args.lang)
    emit(to_json(r) if args.format == "json" else to_text(r, args.lang), args.format)
    return 0


def _file(args) -> int:
    from ..render.company_schedule import contacts, contacts_text
    from ..render.jsondoc import to_json
    from ._shared import document_from, tariffs_from

    rep = contacts(document_from(args.prefecture, tariffs_from(args)), args.lang)
    emit(to_json(rep) if args.format == "json" else contacts_text(rep, args.lang), args.format)
    return 0
