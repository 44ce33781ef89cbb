"""`naccs-tui recommend FILE`: the cheapest line, method and plan that meet the stated needs."""

from __future__ import annotations

from ._args import int_arg, months_arg
from ._shared import document_from, emit, tariffs_from

NAME = "recommend"
HELP = (
    "Rank every valid line x option x method x plan for the scenario's volumes by N-month total "
    "and show the cheapest that meet the needs, with reasons."
)


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="scenario TOML file (its volumes, terminals and options are used)")
    p.add_argument(
        "--need-bandwidth",
        metavar="SPEED",
        default=None,
        help="minimum guaranteed bandwidth, e.g. 256k or 1M (a dedicated line guarantees 1/4 of its speed)",
    )
    p.add_argument("--need-24h", action="store_true", help="24h/365d maintenance of line and router")
    p.add_argument("--need-redundancy", action="store_true", help="a redundant line (dedicated 1M or faster)")
    p.add_argument("--need-full-operations", action="store_true", help="every operation (rules out WebNACCS)")
    p.add_argument(
        "--no-fiber",
        action="store_true",
        help="the site has no fiber: ADSL is offered only then (the guide), and fiber is ruled out",
    )
    p.add_argument(
        "--method", choices=("interactive", "netnaccs", "webnaccs"), default=None, help="fix the processing method"
    )
    p.add_argument("--months", type=months_arg, default=12, help="months for the total (default 12)")
    p.add_argument("--top", type=int_arg(1, 50), default=5, help="how many choices to show (default 5)")
    p.add_argument("--tax", action="store_true", help="include 10%% consumption tax in the amounts")
    p.add_argument("--format", choices=("text", "json", "markdown", "csv"), default="text")
    p.add_argument("--office", metavar="NAME", default=None, help="with several offices: the office to advise")
    p.add_argument(
        "--unit", choices=("general", "netnaccs"), default=None, help="with several units: the unit to advise"
    )


def run(args) -> int:
    from ..domain.company import to_scenario
    from ..domain.company_file import pick_unit
    from ..domain.recommend import Needs, parse_bandwidth, recommend_unit
    from ..i18n import t
    from ..render.company import office_label
    from ..render.recommend import FORMATS, report

    kbps = parse_bandwidth(args.need_bandwidth) if args.need_bandwidth else 0
    needs = Needs(kbps, args.need_24h, args.need_redundancy, args.need_full_operations, args.method, args.no_fiber)
    tariffs = tariffs_from(args)
    company = document_from(args.file, tariffs)
    office, kind = pick_unit(company, args.office, args.unit)  # the only unit, or --office/--unit
    basis, rec = recommend_unit(company, office, kind, tariffs, needs, months=args.months)
    rep = report(rec, basis, top=args.top, tax=args.tax, lang=args.lang, sample_prices=tariffs.sample)
    text = FORMATS[args.format](rep, args.lang)
    if to_scenario(company) is not None:  # one unit, as a schema-1 file says it: nothing to name
        emit(text, args.format)
        return 0
    label = {"office": office_label(company, office, args.lang), "unit": t(f"company.unit.{kind}", args.lang)}
    heading = t("company.recommend_for", args.lang, **label)
    if args.format == "json":
        rep = {"unit": {"office": label["office"], "unit": kind, "advice": heading}, **rep}
        text = FORMATS[args.format](rep, args.lang)
    emit(f"{heading}\n{text}" if args.format in ("text", "markdown") else text, args.format)
    return 0
