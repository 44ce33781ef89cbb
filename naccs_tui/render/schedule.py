"""The start-date timeline as data, text, JSON, and month calendars (shared by the CLI and the pane)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..domain.schedule import Closure, days_off, holidays_version, is_business_day, timeline
from ..domain.tariffs import LeadTime
from ..i18n import t
from . import table
from .catalog import source_text
from .report_blocks import DayOff, Schedule, Source, Step

# calendar marks: a glyph beside the day number (so the marks do not rely on colour); a step's
# kind (domain.schedule.StepKind) is marked with the same glyph in the list of steps
GLYPHS = {"applied": ">", "deadline": "!", "suggested": "+", "start": "*", "window": "~", "off": "-"}
MAX_MONTHS = 4


def sources(lead: LeadTime, closure: Closure, lang: str) -> tuple[Source, ...]:
    """Where the schedule's figures come from (as in a quote)."""

    def entry(what: str, source: str | None) -> Source:
        return Source(t(what, lang), source_text(source, lang), (source or "unknown").split(" ")[0])

    version = holidays_version()
    out = [
        entry("sched.src.lead_time", lead.source),
        entry("sched.src.setup", lead.setup_deadline_source),
        Source(
            t("sched.src.holidays", lang),
            t("sched.src.holidays_library", lang, version=f" {version}" if version else ""),
            "library",
        ),
    ]
    if closure:
        out.append(Source(t("sched.src.closure", lang), t("sched.src.closure_assumed", lang), "assumption"))
    return tuple(out)


def sources_text(r: Schedule, lang: str) -> str:
    """The sources on one line: "lead times: ...; setup deadline: ...; ..."."""
    return t("sched.src.sep", lang).join(t("sched.src.item", lang, what=s.what, source=s.source) for s in r.sources)


def schedule_report(method: str, applied: date, lead: LeadTime, closure: Closure, lang: str) -> Schedule:
    """Everything the schedule shows, as data (dates as YYYY-MM-DD)."""
    p = timeline(method, applied, lead, closure)
    return Schedule(
        method=p.method,
        method_label=t(f"method.{p.method}", lang),
        applied=p.applied.isoformat(),
        closure=(p.closure[0], p.closure[1]) if p.closure else None,
        closure_note=(
            t("schedule.closure_assumed", lang, start=p.closure[0], end=p.closure[1])
            if p.closure
            else t("sched.closure_none", lang)
        ),
        business_days=(p.lead_min, p.lead_max),
        earliest_start=p.earliest_start.isoformat(),
        latest_start=p.latest_start.isoformat(),
        lead_time_note=t("sched.lead_note", lang, internet=lead.internet, lo=lead.dedicated_min, hi=lead.dedicated_max),
        setup_deadline=p.setup_deadline.isoformat(),
        setup_business_days_before=lead.setup_deadline,
        steps=tuple(
            Step(
                key=st.key,
                kind=st.kind,
                title=t(f"step.{st.key}.title", lang),
                what=t(f"step.{st.key}.what", lang, n=lead.setup_deadline),
                due=st.due.isoformat(),
            )
            for st in p.steps
        ),
        days_off=tuple(
            DayOff(d.isoformat(), name or t("sched.closure_day", lang))
            for d, name in days_off(p.applied, p.latest_start, p.closure, lang)
        ),
        licence_note=t("schedule.licence_note", lang),
        sources=sources(lead, p.closure, lang),
    )


def start_text(r: Schedule, lang: str) -> str:
    lo, hi = r.business_days
    if r.earliest_start == r.latest_start:
        return t("sched.start_one", lang, earliest=r.earliest_start, days=lo)
    return t(
        "sched.start_range",
        lang,
        earliest=r.earliest_start,
        latest=r.latest_start,
        days=t("sched.range", lang, lo=lo, hi=hi) if lo != hi else lo,
    )


def setup_text(r: Schedule, lang: str) -> str:
    return t("sched.setup_value", lang, day=r.setup_deadline, n=r.setup_business_days_before)


def days_off_text(r: Schedule, lang: str) -> str:
    """Weekday holidays and closure days between applying and the latest start, runs joined."""
    if not r.days_off:
        return t("sched.days_off_none", lang)
    runs: list[tuple[date, date, str]] = []  # first, last, name
    for d in r.days_off:
        day = date.fromisoformat(d.date)
        if runs and runs[-1][2] == d.name and (day - runs[-1][1]).days <= 3:
            runs[-1] = (runs[-1][0], day, d.name)
        else:
            runs.append((day, day, d.name))
    parts = [
        (f"{a:%m-%d}" if a == b else f"{a:%m-%d}{t('sched.to', lang) if lang == 'ja' else '..'}{b:%m-%d}") + f" {name}"
        for a, b, name in runs
    ]
    return t("contacts.sep", lang).join(parts)


def step_title(step: Step, lang: str) -> str:
    """The step's title, with what its date is when that is a deadline or a suggestion."""
    if step.kind in ("deadline", "suggested"):
        return step.title + t("sched.kind_suffix", lang, kind=t(f"sched.kind.{step.kind}", lang))
    return step.title


def step_note(step: Step, r: Schedule, lang: str) -> str:
    """Extra words under a step: why its date is only a suggestion, or that the start is approximate."""
    if step.kind == "suggested":
        return t("sched.suggested_note", lang)
    if step.kind == "start":
        if r.latest_start != r.earliest_start:
            return t("sched.start_note_range", lang, day=r.latest_start)
        return t("sched.start_note", lang)
    return ""


def summary_rows(r: Schedule, lang: str) -> list[list[str]]:
    return [
        [t("sched.method", lang), r.method_label],
        [t("sched.applied", lang), r.applied],
        [t("sched.start", lang), start_text(r, lang)],
        [t("sched.setup", lang), setup_text(r, lang)],
        [t("sched.days_off", lang), days_off_text(r, lang)],
        [t("sched.sources", lang), sources_text(r, lang)],
    ]


# ---- month calendars ---------------------------------------------------------------------------
def marks(r: Schedule) -> dict[date, str]:
    """Key dates -> mark kind (applied, deadline, suggested, start, window); a deadline wins over a
    suggestion on the same day, the application and the start over both."""
    closure = r.closure
    out: dict[date, str] = {}
    earliest, latest = date.fromisoformat(r.earliest_start), date.fromisoformat(r.latest_start)
    day = earliest + timedelta(days=1)
    while day <= latest:
        if is_business_day(day, closure):
            out[day] = "window"
        day += timedelta(days=1)
    for kind in ("suggested", "deadline"):
        for st in r.steps:
            if st.kind == kind:
                out[date.fromisoformat(st.due)] = kind
    out[date.fromisoformat(r.applied)] = "applied"
    out[earliest] = "start"
    return out


def months(r: Schedule) -> list[tuple[int, int]]:
    """Months from the application to the latest start (at most MAX_MONTHS)."""
    first, last = date.fromisoformat(r.applied), date.fromisoformat(r.latest_start)
    out: list[tuple[int, int]] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month) and len(out) < MAX_MONTHS:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_title(year: int, month: int, lang: str) -> str:
    return t("sched.month_title", lang, year=year, name=t("sched.month_names", lang).split()[month - 1])


def month_cells(year: int, month: int, r: Schedule, lang: str) -> list[list[tuple[str, str]]]:
    """Week rows of (text, kind) cells, Sunday first; kind is a mark, 'weekend', 'plain' or 'pad'.

    Every cell is 3 columns wide: the day right-aligned in 2, then its glyph (or a space).
    """
    closure = r.closure
    key = marks(r)
    head = [(table.pad(name, 2, right=True) + " ", "head") for name in t("sched.weekdays", lang).split()]
    rows = [head]
    for week in calendar.Calendar(firstweekday=6).monthdatescalendar(year, month):
        row = []
        for day in week:
            if day.month != month:
                row.append(("   ", "pad"))
                continue
            kind = key.get(day)
            if kind is None:
                if day.weekday() >= 5:
                    kind = "weekend"
                elif not is_business_day(day, closure):
                    kind = "off"
                else:
                    kind = "plain"
            row.append((f"{day.day:>2}{GLYPHS.get(kind, ' ')}", kind))
        rows.append(row)
    return rows


def month_lines(year: int, month: int, r: Schedule, lang: str) -> list[str]:
    width = 7 * 3 + 6
    title = month_title(year, month, lang)
    lines = [" " * max(0, (width - table.cell_width(title)) // 2) + title]
    lines += [" ".join(text for text, _ in row).rstrip() for row in month_cells(year, month, r, lang)]
    return lines


def calendar_text(r: Schedule, lang: str, per_row: int = 2) -> str:
    blocks = [month_lines(y, m, r, lang) for y, m in months(r)]
    out = []
    for i in range(0, len(blocks), per_row):
        group = blocks[i : i + per_row]
        height = max(map(len, group))
        for n in range(height):
            out.append("    ".join(table.pad(b[n] if n < len(b) else "", 27) for b in group).rstrip())
        out.append("")
    return "\n".join([*out, t("sched.legend", lang)])


# ---- whole-report renderings -------------------------------------------------------------------
def to_text(r: Schedule, lang: str) -> str:
    out = [table.render(summary_rows(r, lang), header=False), r.closure_note, "", t("sched.steps", lang)]
    for st in r.steps:
        out.append(f"  {st.due} {GLYPHS[st.kind]} {step_title(st, lang)}")
        out.append(f"               {st.what}")
        note = step_note(st, r, lang)
        if note:
            out.append(f"               {note}")
    out += ["", calendar_text(r, lang), "", r.lead_time_note, r.licence_note]
    return "\n".join(out) + "\n"
