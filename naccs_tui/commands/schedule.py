"""`naccs-tui schedule [FILE]`: about when the use can start, the steps and their dates (text/JSON/ICS).

Late imports: the domain and the renderers load when the command runs; ``naccs-tui schedule --help``
and a usage error import this module for its arguments only (start-up time).
"""

from __future__ import annotations

from ._args import add_output
from ._parser import h
from ._shared import document_from, emit_or_write, output_format, tariffs_from

NAME = "schedule"
HELP_KEY = "cli.schedule"
METHODS = ("interactive", "netnaccs", "webnaccs")


def add_arguments(p) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help=h("cli.schedule.file"))
    p.add_argument("--method", choices=METHODS, default=None, help=h("cli.schedule.method"))
    p.add_argument("--applied", metavar="YYYY-MM-DD", default=None, help=h("cli.schedule.applied"))
    closure = p.add_mutually_exclusive_group()
    closure.add_argument("--closure", nargs=2, metavar=("MM-DD", "MM-DD"), default=None, help=h("cli.schedule.closure"))
    closure.add_argument("--no-closure", action="store_true", help=h("cli.schedule.no_closure"))
    add_output(p, ("text", "json", "ics"))


def run(args) -> int:
    from ..domain.company import to_scenario
    from ..domain.document import new_document
    from ..domain.errors import InputError
    from ..domain.schedule import Closure, NoBusinessDay, parse_closure, parse_date, today
    from ..render import schedule as render

    fmt = output_format(args)
    tariffs = tariffs_from(args)
    company = document_from(args.file, tariffs) if args.file else new_document()
    single = to_scenario(company)  # one unit: its method; several: each unit its own (below)
    method = args.method or (single.usage.method if single else "netnaccs")
    applied = (
        parse_date(args.applied, "--applied") if args.applied is not None else (company.schedule.applied or today())
    )
    closure: Closure = company.schedule.closure
    if args.closure:
        start, end = args.closure
        closure = parse_closure(start, end, field="--closure")
    if args.no_closure:
        closure = None
    try:
        r = render.schedule_report(method, applied, tariffs.lead_time, closure, args.lang)
        # a company of several units: each unit its own dates
        company_text = None if single is not None else _company(company, tariffs, applied, closure, args, fmt)
    except NoBusinessDay as exc:  # the applied date is at the end of the calendar: name where it came from
        flag = args.applied is not None
        source, field = (None, "--applied") if flag else (args.file, exc.field)
        raise InputError(source, field, exc.reason, code=exc.code, params=exc.params) from None
    if company_text is not None:
        text = company_text
    elif fmt == "ics":
        from ..render.ics import to_ics

        text = to_ics(r, args.lang)
    elif fmt == "json":
        from ..render.jsondoc import to_json

        text = to_json(r.as_dict())
    else:
        text = render.to_text(r, args.lang)
    emit_or_write(text, fmt, args.output, force=args.force)
    return 0


def _company(company, tariffs, applied, closure, args, fmt: str) -> str:
    """Each unit's dates, under its office (the general unit's line works take the longer lead time)."""
    from ..domain.errors import InputError
    from ..render import company_schedule as render

    if args.method:
        reason = "each unit of a file of offices has its own method (leave --method out)"
        raise InputError(args.file, "--method", reason, code="method_per_unit")
    rep = render.schedule_reports(company, tariffs, applied, closure, args.lang)
    if fmt == "ics":
        return render.schedule_ics(rep, args.lang)
    if fmt == "json":
        from ..render.jsondoc import to_json

        return to_json(rep.as_dict())
    return render.schedule_text(rep, args.lang)
