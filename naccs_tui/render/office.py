"""The contact for a prefecture (office, usage-contract section, reference pages) as data and text.

Shared by `naccs-tui office` and the contacts pane. Prefectures may be given in Japanese, with or
without their suffix (東京都 / 東京), or in romaji (Tokyo), any case.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain.errors import InputError, did_you_mean
from ..domain.offices import Offices, load_offices
from ..i18n import t
from . import table


def romaji(prefecture: str) -> str:
    return t(f"pref.{prefecture}", "en")


def pref_label(prefecture: str, lang: str | None = None) -> str:
    """東京都 in Japanese; 'Tokyo (東京都)' in English."""
    name = t(f"pref.{prefecture}", lang)
    return prefecture if name == prefecture else f"{name} ({prefecture})"


def fold_romaji(text: str) -> str:
    """Lower case with long vowels folded, so Tōkyō, toukyou and Tokyo compare equal."""
    out = text.strip().lower().translate(str.maketrans("āēīōū", "aeiou")).replace("-", "")
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        out = out.replace(long, short)
    return out


def matches(query: str, offices: Offices | None = None) -> list[str]:
    """Prefectures (north to south) whose Japanese or romaji name contains ``query``."""
    offices = offices or load_offices()
    q, fq = query.strip(), fold_romaji(query)
    names = offices.prefectures_jis
    if not q:
        return names
    hits = [p for p in names if q in p or fq in fold_romaji(romaji(p))]
    # names that start with the query first (e.g. "kyo" -> Kyoto before Tokyo)
    return sorted(hits, key=lambda p: not (p.startswith(q) or fold_romaji(romaji(p)).startswith(fq)))


def resolve(text: str, offices: Offices | None = None) -> str:
    """The full Japanese name of a prefecture typed by the user, or InputError (did you mean)."""
    offices = offices or load_offices()
    q = text.strip()
    by_romaji = {romaji(p).lower(): p for p in offices.by_prefecture}
    folded = {fold_romaji(key): p for key, p in by_romaji.items()}
    if fold_romaji(q) in folded:
        return folded[fold_romaji(q)]
    try:
        return offices.canonical(q)
    except InputError:
        suggestion = did_you_mean(q, offices.by_prefecture)
        if not suggestion:
            close = did_you_mean(q.lower(), by_romaji)
            for key, name in by_romaji.items():
                close = close.replace(f'"{key}"', f'"{romaji(name)}"')
            suggestion = close
        if not suggestion:
            hits = matches(q, offices) if q else []
            suggestion = f' (did you mean "{hits[0]}"?)' if len(hits) == 1 else ""
        raise InputError(None, "prefecture", f"unknown prefecture {text!r}" + suggestion) from None


def office_report(prefecture: str, lang: str) -> dict[str, Any]:
    """Everything about whom to call for ``prefecture`` (a full name), as plain data."""
    offices = load_offices()
    o = offices.lookup(prefecture)
    c = offices.contract
    return {
        "prefecture": prefecture,
        "prefecture_label": pref_label(prefecture, lang),
        "office": {
            "id": o.id,
            "name": o.name(lang),
            "address": o.address,
            "phone": o.phone,
            "free_dial": o.free_dial,
            "fax": o.fax,
            "hours": offices.hours(lang),
            "prefectures": list(o.prefectures),
        },
        "contract": {
            "name": c.name_en if lang == "en" else c.name_ja,
            "address": c.address,
            "phone": c.phone,
            "fax": c.fax,
            "hours": c.hours_en if lang == "en" else c.hours_ja,
        },
        "references": [{"title": r.title(lang), "url": r.url} for r in offices.references],
    }


def office_rows(office: dict[str, Any], lang: str, area: bool = True) -> list[list[str]]:
    """Label/value rows for an office (or the contract section, which has no free dial)."""
    rows = [[t("contacts.address", lang), office["address"]], [t("contacts.phone", lang), office["phone"]]]
    if office.get("free_dial"):
        rows.append([t("contacts.free_dial", lang), office["free_dial"]])
    rows += [[t("contacts.fax", lang), office["fax"]], [t("contacts.hours", lang), office["hours"]]]
    if area and office.get("prefectures"):
        names = [t(f"pref.{p}", lang) for p in office["prefectures"]]
        rows.append([t("contacts.area", lang), t("contacts.area_sep", lang).join(names)])
    return rows


def to_text(r: dict[str, Any], lang: str) -> str:
    out = [t("contacts.office_for", lang, prefecture=r["prefecture_label"]), r["office"]["name"]]
    out += ["  " + line for line in table.render(office_rows(r["office"], lang), header=False).splitlines()]
    out += ["", t("contacts.contract", lang), r["contract"]["name"]]
    out += ["  " + line for line in table.render(office_rows(r["contract"], lang), header=False).splitlines()]
    out += ["", t("contacts.references", lang)]
    for ref in r["references"]:
        out += [f"  {ref['title']}", f"    {ref['url']}"]
    return "\n".join(out) + "\n"


def to_json(r: dict[str, Any]) -> str:
    return json.dumps(r, ensure_ascii=False, indent=2) + "\n"
