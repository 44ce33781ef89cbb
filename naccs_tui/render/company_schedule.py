"""Each unit's schedule (schema 2) under its office, as text, JSON and one iCalendar file, and each
office's contact: the NACCS office for its prefecture."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.company import Company
from ..domain.schedule import Closure
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .company import office_label


def schedule_reports(c: Company, tariffs: Tariffs, applied: date, closure: Closure, lang: str) -> dict[str, Any]:
    """Each unit's own dates (the general unit's line works take the longer lead time)."""
    from .schedule import schedule_report

    units = []
    for i, kind, u in c.units():
        r = schedule_report(u.method, applied, tariffs.lead_time, closure, lang)
        label = {"office": office_label(c, i, lang), "office_index": i, "unit": kind}
        units.append(label | {"unit_label": t(f"company.unit.{kind}", lang), "schedule": r})
    return {"schema": 2, "name": c.name, "units": units}


def schedule_heading(u: dict[str, Any], lang: str) -> str:
    return t(
        "company.schedule_heading", lang, office=u["office"], unit=u["unit_label"], method=u["schedule"]["method_label"]
    )


def schedule_text(rep: dict[str, Any], lang: str) -> str:
    from .schedule import to_text as one

    return "\n".join(f"{schedule_heading(u, lang)}\n{one(u['schedule'], lang)}" for u in rep["units"])


def schedule_ics(rep: dict[str, Any], lang: str) -> str:
    """One calendar: every unit's events, each summary naming its office and unit, UIDs kept apart."""
    from .ics import escape, fold
    from .ics import to_ics as one

    head: list[str] = []
    events: list[str] = []
    for u in rep["units"]:
        lines = one(u["schedule"], lang).replace("\r\n ", "").split("\r\n")
        start, end = lines.index("BEGIN:VEVENT"), len(lines) - 1 - lines[::-1].index("END:VEVENT")
        head = head or lines[:start]
        prefix = escape(f"{u['office']} {u['unit_label']}: ")
        for line in lines[start : end + 1]:
            if line.startswith("UID:"):
                line = f"UID:office{u['office_index']}-{u['unit']}-{line[4:]}"
            elif line.startswith("SUMMARY:NACCS: "):
                line = "SUMMARY:NACCS: " + prefix + line[len("SUMMARY:NACCS: ") :]
            events.append(line)
    return "".join(fold(x) + "\r\n" for x in [*head, *events, "END:VCALENDAR"])


def contacts(c: Company, lang: str) -> dict[str, Any]:
    """Whom each office calls: the NACCS office for its prefecture."""
    from .office import office_report

    out = []
    for i, o in enumerate(c.offices, 1):
        entry: dict[str, Any] = {"label": office_label(c, i, lang), "prefecture": o.prefecture}
        out.append(entry | (office_report(o.prefecture, lang) if o.prefecture else {}))
    return {"schema": 2, "name": c.name, "offices": out}


def contacts_text(rep: dict[str, Any], lang: str) -> str:
    """Each office's NACCS office; the usage-contract section and the reference pages once, at the end."""
    from .office import office_rows
    from .office import to_text as one

    parts, last = [], None
    for o in rep["offices"]:
        parts.append(f"■ {o['label']}")
        if not o["prefecture"]:
            parts += [t("company.no_prefecture", lang, office=o["label"]), ""]
            continue
        parts += [t("contacts.office_for", lang, prefecture=o["prefecture_label"]), o["office"]["name"]]
        parts += ["  " + x for x in table.render(office_rows(o["office"], lang), header=False).splitlines()] + [""]
        last = o
    if last is not None:  # the rest of the one-office text: the contract section and the references
        whole = one(last, lang)
        parts.append(whole[whole.index("\n\n") + 2 :].rstrip("\n"))
    return "\n".join(parts) + "\n"
