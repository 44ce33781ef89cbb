"""The contact for a prefecture (office, usage-contract section, reference pages) as data and text.

Shared by `naccs-tui office` and the contacts pane. Finding the prefecture a user typed (Japanese
with or without its suffix, or romaji) is the domain's: `domain.offices.resolve` and `matches`.
"""

from __future__ import annotations

from ..domain.offices import load_offices, romaji
from ..i18n import get_lang, t
from . import table
from .report_blocks import ContractContact, OfficeContact, OfficeReport, Reference


def pref_name(prefecture: str, lang: str | None = None) -> str:
    """東京都 in Japanese; Tokyo in English."""
    return romaji(prefecture) if (lang or get_lang()) == "en" else prefecture


def pref_label(prefecture: str, lang: str | None = None) -> str:
    """東京都 in Japanese; 'Tokyo (東京都)' in English."""
    name = pref_name(prefecture, lang)
    return prefecture if name == prefecture else f"{name} ({prefecture})"


def office_report(prefecture: str, lang: str) -> OfficeReport:
    """Everything about whom to call for ``prefecture`` (a full name), as data."""
    offices = load_offices()
    o = offices.lookup(prefecture)
    c = offices.contract
    return OfficeReport(
        prefecture=prefecture,
        prefecture_label=pref_label(prefecture, lang),
        office=OfficeContact(
            id=o.id,
            name=o.name(lang),
            address=o.address,
            phone=o.phone,
            free_dial=o.free_dial,
            fax=o.fax,
            hours=offices.hours(lang),
            prefectures=tuple(o.prefectures),
        ),
        contract=ContractContact(
            name=c.name_en if lang == "en" else c.name_ja,
            address=c.address,
            phone=c.phone,
            fax=c.fax,
            hours=c.hours_en if lang == "en" else c.hours_ja,
        ),
        references=tuple(Reference(r.title(lang), r.url) for r in offices.references),
    )


def office_rows(office: OfficeContact | ContractContact, lang: str, area: bool = True) -> list[list[str]]:
    """Label/value rows for an office (or the contract section, which has no free dial)."""
    rows = [[t("contacts.address", lang), office.address], [t("contacts.phone", lang), office.phone]]
    if isinstance(office, OfficeContact) and office.free_dial:
        rows.append([t("contacts.free_dial", lang), office.free_dial])
    rows += [[t("contacts.fax", lang), office.fax], [t("contacts.hours", lang), office.hours]]
    if area and isinstance(office, OfficeContact) and office.prefectures:
        names = [pref_name(p, lang) for p in office.prefectures]
        rows.append([t("contacts.area", lang), t("contacts.area_sep", lang).join(names)])
    return rows


def to_text(r: OfficeReport, lang: str) -> str:
    out = [t("contacts.office_for", lang, prefecture=r.prefecture_label), r.office.name]
    out += ["  " + line for line in table.render(office_rows(r.office, lang), header=False).splitlines()]
    out += ["", t("contacts.contract", lang), r.contract.name]
    out += ["  " + line for line in table.render(office_rows(r.contract, lang), header=False).splitlines()]
    out += ["", t("contacts.references_title", lang)]  # the app's keys belong to the app, not here
    for ref in r.references:
        out += [f"  {ref.title}", f"    {ref.url}"]
    return "\n".join(out) + "\n"
