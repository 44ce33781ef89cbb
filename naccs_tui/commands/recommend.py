"""`naccs-tui recommend FILE`: the cheapest line, method and plan that meet the stated needs.

Late imports: the domain and the renderers load when the command runs; ``naccs-tui recommend --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

from ..i18n import t
from ._args import add_output, int_arg, months_arg
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "recommend"
HELP_KEY = "cli.recommend"


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help=h("cli.recommend.file"))
    p.add_argument("--need-bandwidth", metavar="SPEED", default=None, help=h("cli.recommend.bandwidth"))
    p.add_argument("--need-24h", action="store_true", help=h("cli.recommend.24h"))
    p.add_argument("--need-redundancy", action="store_true", help=h("cli.recommend.redundancy"))
    p.add_argument("--need-full-operations", action="store_true", help=h("cli.recommend.full"))
    p.add_argument("--no-fiber", action="store_true", help=h("cli.recommend.no_fiber"))
    p.add_argument("--include-unlisted", action="store_true", help=h("cli.recommend.include_unlisted"))
    p.add_argument(
        "--method", choices=("interactive", "netnaccs", "webnaccs"), default=None, help=h("cli.recommend.method")
    )
    p.add_argument("--months", type=months_arg, default=12, help=h("cli.months"))
    p.add_argument("--top", type=int_arg(1, 50), default=5, help=h("cli.recommend.top"))
    p.add_argument("--tax", action="store_true", help=h("cli.tax_amounts"))
    add_output(p, ("text", "json", "markdown", "csv"))
    p.add_argument("--office", metavar="NAME", default=None, help=h("cli.recommend.office"))
    p.add_argument("--unit", choices=("general", "netnaccs"), default=None, help=h("cli.recommend.unit"))


def run(args) -> int:
    from ..domain.company import to_scenario
    from ..domain.company_file import pick_unit
    from ..domain.recommend import Needs, parse_bandwidth, recommend_unit
    from ..render.labels import office_name
    from ..render.recommend import FORMATS, for_unit, report

    fmt = output_format(args)
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
    company = document_from(args.file, tariffs)
    office, kind = pick_unit(company, args.office, args.unit)  # the only unit, or --office/--unit
    basis, rec = recommend_unit(company, office, kind, tariffs, needs, months=args.months)
    rep = report(rec, basis, top=args.top, tax=args.tax, lang=args.lang, sample_prices=tariffs.sample, tariffs=tariffs)
    heading = None
    if to_scenario(company) is None:  # several units (or a named office): say which one is advised
        label = {"office": office_name(company, office, args.lang), "unit": t(f"company.unit.{kind}", args.lang)}
        heading = t("company.recommend_for", args.lang, **label)
    if heading and fmt == "json":
        rep = for_unit(rep, label["office"], kind, heading)
    text = FORMATS[fmt](rep, args.lang)
    text = f"{heading}\n{text}" if heading and fmt in ("text", "markdown") else text
    emit_or_write(text, fmt, args.output, force=args.force)
    return 0
