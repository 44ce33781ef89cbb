"""The schedule as an iCalendar file (RFC 5545): one all-day event per step, the start included.

A step's summary says when its date is a deadline or only a suggestion, its description says
the same and where the dates come from.

Written by hand (it is small): CRLF line endings, lines folded at 75 octets without splitting a
UTF-8 character, TEXT values escaped, UIDs that depend only on the inputs (so re-exporting the same
timeline gives the same events).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..i18n import t
from .report_blocks import Schedule
from .schedule import sources_text, step_note, step_title

PRODID = "-//naccs-tui//NACCS introduction schedule//EN"


def escape(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, continuation lines starting with a space."""
    out: list[str] = []
    chunk, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(chunk)
            chunk, size, limit = " ", 1, 75
        chunk += ch
        size += n
    out.append(chunk)
    return "\r\n".join(out)


def _date(day: str) -> str:
    return day.replace("-", "")


def _event(uid: str, stamp: str, day: str, summary: str, description: str) -> list[str]:
    start = date.fromisoformat(day)
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def to_ics(r: Schedule, lang: str, stamp: date | None = None) -> str:
    """The iCalendar text of a schedule report (render.schedule.schedule_report).

    ``stamp`` (DTSTAMP) defaults to the application date, so the output depends only on the timeline.
    """
    stamp_text = f"{(stamp or date.fromisoformat(r.applied)):%Y%m%d}T000000Z"
    closure = "-".join(c.replace("-", "") for c in r.closure) if r.closure else "none"
    base = f"{r.method}-{_date(r.applied)}-{closure}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(t('ics.calname', lang))}",
    ]
    notes = [
        r.closure_note,
        r.lead_time_note,
        r.licence_note,
        t("sched.sources_line", lang, text=sources_text(r, lang)),
    ]
    for st in r.steps:
        extra = []
        if st.kind == "deadline":
            extra.append(t("ics.due", lang, day=st.due))
        elif st.kind == "suggested":
            extra.append(t("ics.suggested", lang, day=st.due))
        note = step_note(st, r, lang)
        if note and st.kind != "suggested":  # a suggestion's note is in ics.suggested
            extra.append(note)
        description = "\n".join([st.what, *extra, "", *notes])
        summary = f"NACCS: {step_title(st, lang)}"
        lines += _event(f"{base}-{st.key}@naccs-tui", stamp_text, st.due, summary, description)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
