"""`naccs-tui schedule [FILE]`: about when the use can start, the steps and their dates (text/JSON/ICS)."""

from __future__ import annotations

from ._shared import document_from, emit, tariffs_from

NAME = "schedule"
HELP = (
    "Print the approximate start dates (the guide's lead times), the system-setup deadline, the other "
    "steps with suggested dates, and where each figure comes from, as text, JSON or an iCalendar "
    "file (ICS) for a calendar program."
)
METHODS = ("interactive", "netnaccs", "webnaccs")


def add_arguments(p) -> None:
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="scenario TOML file (supplies method, application date and closure; flags override)",
    )
    p.add_argument("--method", choices=METHODS, default=None, help="processing method (default: netnaccs)")
    p.add_argument("--applied", metavar="YYYY-MM-DD", default=None, help="application date (default: today)")
    closure = p.add_mutually_exclusive_group()
    closure.add_argument(
        "--closure",
        nargs=2,
        metavar=("MM-DD", "MM-DD"),
        default=None,
        help="first and last day of the year-end closure (default: 12-29 01-03)",
    )
    closure.add_argument("--no-closure", action="store_true", help="count the year-end days as business days")
    p.add_argument("--format", choices=("text", "json", "ics"), default="text")
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="write to this file instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args) -> int:
    from ..domain.errors import InputError
    from ..domain.scenario import Scenario
    from ..domain.schedule import Closure, NoBusinessDay, parse_closure, parse_date, today
    from ..render import schedule as render

    tariffs = tariffs_from(args)
    doc = document_from(args.file, tariffs) if args.file else Scenario()
    s = doc if isinstance(doc, Scenario) else Scenario(schedule=doc.schedule)  # a company: its dates
    method = args.method or s.usage.method
    applied = parse_date(args.applied, "--applied") if args.applied is not None else (s.schedule.applied or today())
    closure: Closure = s.schedule.closure
    if args.closure:
        start, end = args.closure
        closure = parse_closure(start, end, field="--closure")
    if args.no_closure:
        closure = None
    try:
        r = render.schedule_report(method, applied, tariffs.lead_time, closure, args.lang)
        # a company of offices: each unit its own dates
        company = None if isinstance(doc, Scenario) else _company(doc, tariffs, applied, closure, args)
    except NoBusinessDay as exc:  # the applied date is at the end of the calendar: name where it came from
        flag = args.applied is not None
        source, field = (None, "--applied") if flag else (args.file, exc.field)
        raise InputError(source, field, exc.reason, code=exc.code, params=exc.params) from None
    if company is not None:
        text = company
    elif args.format == "ics":
        from ..render.ics import to_ics

        text = to_ics(r, args.lang)
    elif args.format == "json":
        from ..render.jsondoc import to_json

        text = to_json(r)
    else:
        text = render.to_text(r, args.lang)
    if args.output:
        from ..domain.files import write_atomic

        write_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    else:
        emit(text)
    return 0


def _company(company, tariffs, applied, closure, args) -> str:
    """Each unit's dates, under its office (the general unit's line works take the longer lead time)."""
    from ..domain.errors import InputError
    from ..render import company_schedule as render

    if args.method:
        raise InputError(
            args.file, "--method", "each unit of a file of offices has its own method (leave --method out)"
        )
    rep = render.schedule_reports(company, tariffs, applied, closure, args.lang)
    if args.format == "ics":
        return render.schedule_ics(rep, args.lang)
    if args.format == "json":
        from ..render.jsondoc import to_json

        return to_json(rep)
    return render.schedule_text(rep, args.lang)
