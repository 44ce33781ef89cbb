"""Each unit's schedule (schema 2) under its office, as text, JSON and one iCalendar file, and each
office's contact: the NACCS office for its prefecture.

Late imports: the schedule, the office table and the iCalendar writer load with the form that
needs them (``schedule`` or ``office`` print one form per run; start-up time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..domain.company import Company
from ..domain.schedule import Closure
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .company import office_label
from .report_blocks import INLINE, OMIT_NONE, Block, OfficeReport, Schedule


@dataclass(frozen=True, slots=True)
class UnitSchedule(Block):
    office: str
    office_index: int
    unit: str
    unit_label: str
    schedule: Schedule


@dataclass(frozen=True, slots=True)
class CompanySchedules(Block):
    schema: int
    name: str | None
    units: tuple[UnitSchedule, ...]


@dataclass(frozen=True, slots=True)
class OfficeContacts(Block):
    """Whom an office calls: the office report's keys in its place, when it has a prefecture."""

    label: str
    prefecture: str | None
    call: OfficeReport | None = field(default=None, metadata=OMIT_NONE | INLINE)


@dataclass(frozen=True, slots=True)
class CompanyContacts(Block):
    schema: int
    name: str | None
    offices: tuple[OfficeContacts, ...]


def schedule_reports(c: Company, tariffs: Tariffs, applied: date, closure: Closure, lang: str) -> CompanySchedules:
    """Each unit's own dates (the general unit's line works take the longer lead time)."""
    from .schedule import schedule_report

    units = []
    for i, kind, u in c.units():
        r = schedule_report(u.method, applied, tariffs.lead_time, closure, lang)
        units.append(UnitSchedule(office_label(c, i, lang), i, kind, t(f"company.unit.{kind}", lang), r))
    return CompanySchedules(2, c.name, tuple(units))


def schedule_heading(u: UnitSchedule, lang: str) -> str:
    return t("company.schedule_heading", lang, office=u.office, unit=u.unit_label, method=u.schedule.method_label)


def schedule_text(rep: CompanySchedules, lang: str) -> str:
    from .schedule import to_text as one

    return "\n".join(f"{schedule_heading(u, lang)}\n{one(u.schedule, lang)}" for u in rep.units)


def schedule_ics(rep: CompanySchedules, lang: str) -> str:
    """One calendar: every unit's events, each summary naming its office and unit, UIDs kept apart."""
    from .ics import escape, fold
    from .ics import to_ics as one

    head: list[str] = []
    events: list[str] = []
    for u in rep.units:
        lines = one(u.schedule, lang).replace("\r\n ", "").split("\r\n")
        start, end = lines.index("BEGIN:VEVENT"), len(lines) - 1 - lines[::-1].index("END:VEVENT")
        head = head or lines[:start]
        prefix = escape(f"{u.office} {u.unit_label}: ")
        for line in lines[start : end + 1]:
            if line.startswith("UID:"):
                line = f"UID:office{u.office_index}-{u.unit}-{line[4:]}"
            elif line.startswith("SUMMARY:NACCS: "):
                line = "SUMMARY:NACCS: " + prefix + line[len("SUMMARY:NACCS: ") :]
            events.append(line)
    return "".join(fold(x) + "\r\n" for x in [*head, *events, "END:VCALENDAR"])


def contacts(c: Company, lang: str) -> CompanyContacts:
    """Whom each office calls: the NACCS office for its prefecture."""
    from .office import office_report

    out = []
    for i, o in enumerate(c.offices, 1):
        call = office_report(o.prefecture, lang) if o.prefecture else None
        out.append(OfficeContacts(office_label(c, i, lang), o.prefecture, call))
    return CompanyContacts(2, c.name, tuple(out))


def contacts_text(rep: CompanyContacts, lang: str) -> str:
    """Each office's NACCS office; the usage-contract section and the reference pages once, at the end."""
    from .office import office_rows
    from .office import to_text as one

    parts: list[str] = []
    last = None
    for o in rep.offices:
        parts.append(f"■ {o.label}")
        if o.call is None:
            parts += [t("company.no_prefecture", lang, office=o.label), ""]
            continue
        parts += [t("contacts.office_for", lang, prefecture=o.call.prefecture_label), o.call.office.name]
        parts += ["  " + x for x in table.render(office_rows(o.call.office, lang), header=False).splitlines()] + [""]
        last = o.call
    if last is not None:  # the rest of the one-office text: the contract section and the references
        whole = one(last, lang)
        parts.append(whole[whole.index("\n\n") + 2 :].rstrip("\n"))
    return "\n".join(parts) + "\n"
