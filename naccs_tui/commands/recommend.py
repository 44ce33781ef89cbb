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
        "--include-unlisted",
        action="store_true",
        help="also rank the lines NACCS's current access page no longer lists (64k, 128k, ADSL); "
        "each is shown with that notice",
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
    from ..domain.recommend import Needs, parse_bandwidth, recommend
    from ..domain.scenario import Scenario
    from ..render.recommend import FORMATS, report

    kbps = parse_bandwidth(args.need_bandwidth) if args.need_bandwidth else 0
    needs = Needs(
        kbps,
        args.need_24h,
        args.need_redundancy,
        args.need_full_operations,
        args.method,
        args.no_fiber,
        args.include_unlisted,
    )
    tariffs = tariffs_from(args)
    doc = document_from(args.file, tariffs)
    heading = None
    if isinstance(doc, Scenario):
        scenario = doc
    else:  # a company of offices: one unit at a time (the only one, or --office/--unit)
        from ..domain.company import unit_scenario
        from ..domain.company_file import pick_unit
        from ..i18n import t
        from ..render.company import office_label

        office, kind = pick_unit(doc, args.office, args.unit)
        alone = len(doc.offices[office - 1].units()) == 1  # its office's options go with the office's only unit
        scenario = unit_scenario(doc, office, kind, options=alone)
        label = {"office": office_label(doc, office, args.lang), "unit": t(f"company.unit.{kind}", args.lang)}
        heading = t("company.recommend_for", args.lang, **label)
    rec = recommend(scenario, tariffs, needs, months=args.months)
    rep = report(
        rec, scenario, top=args.top, tax=args.tax, lang=args.lang, sample_prices=tariffs.sample, tariffs=tariffs
    )
    if heading and args.format == "json":
        rep = {"unit": {"office": label["office"], "unit": kind, "advice": heading}, **rep}
    text = FORMATS[args.format](rep, args.lang)
    emit(f"{heading}\n{text}" if heading and args.format in ("text", "markdown") else text)
    return 0
