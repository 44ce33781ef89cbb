"""The company quote (schema 2): each unit and the company's totals as one dict (the JSON form) and
its text, Markdown, CSV and HTML renderings; the comparison of companies; each unit's schedule
and each office's contact.

Unit and office amounts are always tax-excluded (like item lines); with tax on, the company's
monthly bill (one a month) and its initial fee are taxed, rounded down, and period totals are
their sum, so every total adds up as shown.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from ..domain.company import Company
from ..domain.company_quote import MIXES, CompanyQuote, CompanyRow, Mix, UnitQuote, company_quote
from ..domain.costing import Item
from ..domain.schedule import Closure, today
from ..domain.schedule import plan as start_plan
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .jsondoc import to_json
from .labels import amounts_note, item_label, line_label, method_label, yen
from .sources import cited, notes, sample_warning
from .verdict import CHEAPER, INDENT, pair_rows, verdict_lines

MIX_KEYS: dict[Mix, str] = {"chosen": "chosen", "A": "all_a", "B": "all_b", "best": "best_per_unit"}
"""The JSON and CSV names of the plan mixes."""


def office_label(c: Company, index: int, lang: str) -> str:
    return c.offices[index - 1].name or t("company.office_n", lang, n=index)


def _item(item: Item, tariffs: Tariffs, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"label": item_label(item, tariffs, lang), "amount": item.amount, "formula": item.formula}
    return out | {"group": item.group} | ({"code": item.params["code"]} if "code" in item.params else {})


def _unit(c: Company, u: UnitQuote, tariffs: Tariffs, lang: str) -> dict[str, Any]:
    q, s = u.quote, u.scenario
    be = q.break_even
    p = start_plan(s.usage.method, c.schedule.applied or today(), tariffs.lead_time, c.schedule.closure)
    plans = {
        x.plan: {
            "monthly": x.monthly,
            "fees": u.fees(x.plan),
            "basic": x.basic,
            "metered": x.metered,
            "items": [_item(i, tariffs, lang) for i in x.items],
        }
        for x in (q.a, q.b)
    }
    return {
        "office": office_label(c, u.office, lang),
        "office_index": u.office,
        "unit": u.kind,
        "unit_label": t(f"company.unit.{u.kind}", lang),
        "method": s.usage.method,
        "method_label": method_label(s, lang),
        "line": line_label(s, lang),
        "terminals": s.usage.terminals,
        "plan_choice": u.choice,
        "plan": u.plan,
        "cheaper": q.cheaper,
        "line_monthly": u.line,
        "initial": u.initial,
        "initial_items": [_item(i, tariffs, lang) for i in q.a.initial_items],
        "plans": plans,
        "volume": q.volume,
        "break_even": {
            "transactions_per_month": be.transactions_per_month if be else None,
            "plan_b_metered_per_terminal": be.plan_b_metered_per_terminal if be else None,
            "margin_transactions": be.margin_transactions if be else None,
            "margin_percent": round(be.margin_percent, 1) if be and be.margin_percent is not None else None,
        },
        "rule_of_thumb": {"plan_b_metered_per_terminal": q.plan_b_metered_per_terminal, "verdict": q.rule_of_thumb},
        "verdict": verdict_lines(q, False, lang),
        "start": {"earliest": p.earliest_start.isoformat(), "latest": p.latest_start.isoformat()},
    }


def report(
    c: Company,
    tariffs: Tariffs,
    *,
    months: int = 12,
    tax: bool = False,
    lang: str = "ja",
    q: CompanyQuote | None = None,
) -> dict[str, Any]:
    """Everything `quote` prints for a company, as plain data: a per-unit list and a company block."""
    from .office import office_report, pref_label

    q = q or company_quote(c, tariffs)
    offices = []
    for o in q.offices:
        pref = o.office.prefecture
        entry: dict[str, Any] = {"index": o.index, "name": o.office.name, "label": office_label(c, o.index, lang)}
        entry |= {"prefecture": pref, "user_codes": o.office.user_codes, "options": o.options}
        entry["option_items"] = [_item(i, tariffs, lang) for i in o.option_items]
        entry["monthly"] = {MIX_KEYS[m]: o.monthly(m) for m in MIXES}
        if pref:
            entry["contact"] = {"prefecture_label": pref_label(pref, lang), **office_report(pref, lang)["office"]}
        offices.append(entry)
    sources: list[dict[str, str]] = []
    all_notes: list[str] = []
    for u in q.units:
        sources += [x for x in cited(u.scenario, u.quote, tariffs, tax=tax, lang=lang) if x not in sources]
        all_notes += [n for n in notes(u.scenario, u.quote, tariffs, lang) if n not in all_notes]
    return {
        "schema": 2,
        "company": {
            "name": c.name,
            "offices": len(q.offices),
            "units": len(q.units),
            "line": sum(u.line for u in q.units),
            "options": q.options,
            "monthly": {MIX_KEYS[m]: q.monthly(m, tax) for m in MIXES},
            "saving": {MIX_KEYS[m]: q.saving(m, tax) for m in MIXES if m != "best"},
            "initial": q.initial(tax),
            "total": {MIX_KEYS[m]: q.total(m, months, tax) for m in MIXES},
        },
        "units": [_unit(c, u, tariffs, lang) for u in q.units],
        "offices": offices,
        "tariffs": {"source": tariffs.source, "effective": tariffs.effective.isoformat(), "sample": tariffs.sample},
        "tax": {"included": tax, "rate_percent": q.tax_rate_percent, "bill": "one bill per company per month"},
        "months": months,
        "sample_prices": tariffs.sample,
        "warnings": [w for w in (sample_warning(tariffs, lang),) if w],
        "notes": all_notes,
        "sources": sources,
    }


# ---- text and Markdown -------------------------------------------------------------------------
def _plan_cell(u: dict[str, Any], lang: str) -> str:
    key = "company.plan_auto" if u["plan_choice"] == "auto" else "company.plan_fixed"
    return t(key, lang, plan=t(f"plan.{u['plan']}", lang))


def _setup(u: dict[str, Any]) -> str:
    """The unit's method, and its line for the general unit (netNACCS runs over the internet)."""
    return u["method_label"] if u["unit"] == "netnaccs" else f"{u['method_label']} / {u['line']}"


def summary_rows(r: dict[str, Any], lang: str) -> list[list[str]]:
    """Offices × units: fixed fees (line, options), Plan A and Plan B fees (the cheaper marked), the plan."""
    head = ["office", "unit", "setup", "terminals", "fixed", "fees_a", "fees_b", "plan"]
    rows = [[t(f"company.col.{h}", lang) for h in head]]
    for u in r["units"]:
        a, b = u["plans"]["A"]["fees"], u["plans"]["B"]["fees"]
        mark = {p: f" {CHEAPER}" if u["cheaper"] == p else "" for p in "AB"}
        rows.append([u["office"], u["unit_label"], _setup(u), str(u["terminals"]), yen(u["line_monthly"])])
        rows[-1] += [yen(a) + mark["A"], yen(b) + mark["B"], _plan_cell(u, lang)]
    for o in r["offices"]:
        for i in o["option_items"]:
            rows.append([o["label"], t("company.unit.options", lang), f"{i['label']} {i['formula']}", ""])
            rows[-1] += [yen(i["amount"]), "", "", ""]
    return rows


def company_rows(r: dict[str, Any], lang: str) -> list[list[str]]:
    """The company's monthly bill with the chosen plans, all A, all B and the cheaper plan per unit."""
    co = r["company"]
    rows = []
    for m in MIXES:
        key = MIX_KEYS[m]
        extra = t("company.saving", lang, yen=yen(co["saving"][key])) if co["saving"].get(key) else ""
        mark = f" {CHEAPER}" if m == "best" else ""
        rows.append([t(f"company.mix.{m}", lang), yen(co["monthly"][key]) + mark, extra])
    rows.append([t("quote.initial", lang), yen(co["initial"]), ""])
    rows.append([t("company.total", lang, months=r["months"]), yen(co["total"]["chosen"]), ""])
    return rows


def _heading(r: dict[str, Any], lang: str) -> list[str]:
    co, tax = r["company"], r["tax"]
    out = [f"{t('company.name', lang)}: {co['name']}"] if co["name"] else []
    out.append(t("company.counts", lang, offices=co["offices"], units=co["units"]))
    note = t("company.tax_on", lang, rate=tax["rate_percent"]) if tax["included"] else amounts_note(False, 0, lang)
    return [*out, note, t("company.fees_note", lang)]


def unit_rows(u: dict[str, Any], lang: str) -> list[list[str]]:
    """One unit's items, Plan A beside Plan B, and its monthly total (line included, tax-excluded)."""
    a, b = u["plans"]["A"], u["plans"]["B"]
    rows = [[t("quote.item", lang), t("plan.A", lang), "", t("plan.B", lang), ""]]
    for pair in pair_rows(a["items"], b["items"], key=lambda i: i["label"]):
        row = [next(i["label"] for i in pair if i is not None)]
        for i in pair:
            row += [i["formula"], yen(i["amount"])] if i else ["", "-"]
        rows.append(row)
    mark = {p: f" {CHEAPER}" if u["cheaper"] == p else "" for p in "AB"}
    rows.append([t("company.unit_monthly", lang), "", yen(a["monthly"]) + mark["A"], "", yen(b["monthly"]) + mark["B"]])
    return rows


def unit_heading(u: dict[str, Any], lang: str) -> str:
    return t("company.unit_heading", lang, office=u["office"], unit=u["unit_label"], setup=_setup(u), n=u["terminals"])


def _footer(r: dict[str, Any], lang: str) -> list[str]:
    out = []
    for u in r["units"]:
        start = u["start"]
        key = "company.start_one" if start["earliest"] == start["latest"] else "company.start"
        out.append(t(key, lang, office=u["office"], unit=u["unit_label"], **start))
    for o in r["offices"]:
        if "contact" in o:
            ct = o["contact"]
            out.append(t("company.contact", lang, office=o["label"], prefecture=ct["prefecture_label"], **ct))
        else:
            out.append(t("company.no_prefecture", lang, office=o["label"]))
    return out


def _notes(r: dict[str, Any], lang: str) -> list[str]:
    out = [t("trust.notes", lang), *(f"  * {n}" for n in r["notes"])] if r["notes"] else []
    return [*out, t("trust.sources", lang), *(f"  {c['what']}: {c['source']}" for c in r["sources"])]


def to_text(r: dict[str, Any], lang: str) -> str:
    parts = [*r["warnings"], *_heading(r, lang), ""]
    parts += [table.render(summary_rows(r, lang), right={3, 4, 5, 6}), ""]
    parts += [t("company.totals", lang), table.render(company_rows(r, lang), right={1}, header=False), ""]
    for u in r["units"]:
        parts += [unit_heading(u, lang), table.render(unit_rows(u, lang), right={2, 4}), *u["verdict"], ""]
    return "\n".join([*parts, *_footer(r, lang), "", *_notes(r, lang)]) + "\n"


def _md_table(rows: list[list[str]], right: set[int]) -> list[str]:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    align = "|" + "|".join("---:" if i in right else "---" for i in range(len(rows[0]))) + "|"
    return [
        "| " + " | ".join(esc(c) for c in rows[0]) + " |",
        align,
        *("| " + " | ".join(esc(c) for c in r) + " |" for r in rows[1:]),
    ]


def to_markdown(r: dict[str, Any], lang: str) -> str:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    lines = [f"# {t('company.title', lang)}", "", *(f"> **{esc(w)}**" for w in r["warnings"])]
    lines += ([""] if r["warnings"] else []) + [f"- {esc(h)}" for h in _heading(r, lang)] + [""]
    lines += [*_md_table(summary_rows(r, lang), {3, 4, 5, 6}), "", f"## {t('company.totals', lang)}", ""]
    lines += [*_md_table([["", "", ""], *company_rows(r, lang)], {1}), ""]
    for u in r["units"]:
        lines += [f"## {esc(unit_heading(u, lang).lstrip('■ '))}", "", *_md_table(unit_rows(u, lang), {2, 4}), ""]
        lines += [f"  - {esc(v.strip())}" if v.startswith(INDENT) else f"- {esc(v)}" for v in u["verdict"]] + [""]
    lines += [f"- {esc(v)}" for v in _footer(r, lang)]
    if r["notes"]:
        lines += ["", f"## {t('trust.notes', lang)}", ""] + [f"- {esc(n)}" for n in r["notes"]]
    lines += ["", f"## {t('trust.sources', lang)}", ""] + [
        f"- {esc(c['what'])}: {esc(c['source'])}" for c in r["sources"]
    ]
    return "\n".join(lines) + "\n"


def to_csv(r: dict[str, Any], lang: str) -> str:
    """One row per unit item and total, per office option, per company total; raw integers."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["scope", "office", "unit", "plan", "group", "code", "label", "formula", "amount"])
    for u in r["units"]:
        for p in "AB":
            for i in u["plans"][p]["items"]:
                w.writerow(
                    [
                        "unit",
                        u["office"],
                        u["unit"],
                        p,
                        i["group"],
                        i.get("code", ""),
                        i["label"],
                        i["formula"],
                        i["amount"],
                    ]
                )
            w.writerow(["unit", u["office"], u["unit"], p, "total", "", "monthly", "", u["plans"][p]["monthly"]])
        for i in u["initial_items"]:
            w.writerow(["unit", u["office"], u["unit"], "", i["group"], "", i["label"], i["formula"], i["amount"]])
        w.writerow(["unit", u["office"], u["unit"], u["plan"], "plan", "", f"plan_{u['plan_choice']}", "", ""])
    for o in r["offices"]:
        for i in o["option_items"]:
            w.writerow(["office", o["label"], "", "", i["group"], "", i["label"], i["formula"], i["amount"]])
    co = r["company"]
    for key in MIX_KEYS.values():
        w.writerow(["company", "", "", key, "total", "", "monthly", "", co["monthly"][key]])
        w.writerow(["company", "", "", key, "total", "", f"total_{r['months']}_months", "", co["total"][key]])
    w.writerow(["company", "", "", "", "total", "", "initial", "", co["initial"]])
    for kind, texts in (("warning", r["warnings"]), ("note", r["notes"])):
        for x in texts:
            w.writerow(["", "", "", "", kind, "", x, "", ""])
    for c in r["sources"]:
        w.writerow(["", "", "", "", "source", "", c["what"], c["source"], ""])
    return buf.getvalue()


def to_html(r: dict[str, Any], lang: str) -> str:
    """A short page: the offices × units table and the company block (the per-unit items are left
    to the text and Markdown forms)."""
    from html import escape

    from .html import CSS

    def e(x: object) -> str:
        return escape(str(x), quote=True)

    def tab(rows: list[list[str]], right: set[int], head: bool = True) -> str:
        def cell(tag: str, i: int, x: str) -> str:
            return f"<{tag}{' class=num' if i in right else ''}>{e(x)}</{tag}>"

        first = "<thead><tr>" + "".join(cell("th", i, x) for i, x in enumerate(rows[0])) + "</tr></thead>"
        body = rows[1:] if head else rows
        trs = "".join("<tr>" + "".join(cell("td", i, x) for i, x in enumerate(row)) + "</tr>" for row in body)
        return f"<table>{first if head else ''}<tbody>{trs}</tbody></table>"

    title = t("company.title", lang) + (f" — {r['company']['name']}" if r["company"]["name"] else "")
    parts = [
        f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(title)}</title>',
        f"<style>{CSS}</style></head><body><header><h1>{e(title)}</h1></header>",
        *(f'<div class="warning" role="note">{e(w)}</div>' for w in r["warnings"]),
        "<ul>" + "".join(f"<li>{e(h)}</li>" for h in _heading(r, lang)) + "</ul>",
        tab(summary_rows(r, lang), {3, 4, 5, 6}),
        f"<h2>{e(t('company.totals', lang))}</h2>",
        tab(company_rows(r, lang), {1}, head=False),
        "<ul>" + "".join(f"<li>{e(x)}</li>" for x in [*_footer(r, lang), t("company.html_more", lang)]) + "</ul>",
        f"<h2>{e(t('trust.sources', lang))}</h2><ul class=sources>",
        "".join(f"<li>{e(c['what'])}: {e(c['source'])}</li>" for c in r["sources"]) + "</ul>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


FORMATS = {"text": to_text, "markdown": to_markdown, "csv": to_csv, "json": lambda r, lang: to_json(r), "html": to_html}


# ---- compare -----------------------------------------------------------------------------------
COMPARE_COLUMNS = ("label", "units", "chosen", "all_a", "all_b", "best_per_unit", "initial", "total", "start", "diff")


def compare_report(rows: list[CompanyRow], *, months: int, tax: bool, lang: str) -> dict[str, Any]:
    sample = any(r.quote.sample_prices for r in rows)
    return {
        "months": months,
        "tax": {"included": tax, "rate_percent": rows[0].quote.tax_rate_percent if rows else 0},
        "sample_prices": sample,
        "warnings": [t("trust.sample", lang)] if sample else [],
        "companies": [
            {
                "label": r.label,
                "name": r.company.name,
                "offices": len(r.company.offices),
                "units": len(r.quote.units),
                **{MIX_KEYS[m]: r.monthly[m] for m in MIXES},
                "initial": r.initial,
                "total": r.total,
                "start": r.start.isoformat(),
                "latest_start": r.latest_start.isoformat(),
                "diff": r.diff,
            }
            for r in rows
        ],
    }


def compare_rows(rep: dict[str, Any], lang: str) -> list[list[str]]:
    head = [t(f"company.compare.{c}", lang, months=rep["months"]) for c in COMPARE_COLUMNS]
    out = [head]
    for r in rep["companies"]:
        counts = t("company.compare.counts", lang, offices=r["offices"], units=r["units"])
        money = [yen(r[k]) for k in ("chosen", "all_a", "all_b", "best_per_unit", "initial", "total")]
        out.append([r["label"], counts, *money, r["start"], "±0" if r["diff"] == 0 else f"{r['diff']:+,}"])
    return out


def _compare_notes(rep: dict[str, Any], lang: str) -> list[str]:
    tax = t("tax.included" if rep["tax"]["included"] else "tax.excluded", lang)
    notes_ = [t("quote.amounts_note", lang, tax=tax), t("company.compare.note", lang, months=rep["months"])]
    return [*rep["warnings"], *notes_]


COMPARE_RIGHT = {2, 3, 4, 5, 6, 7, 9}
COMPARE_FORMATS = {
    "text": lambda rep, lang: (
        "\n".join([table.render(compare_rows(rep, lang), right=COMPARE_RIGHT), "", *_compare_notes(rep, lang)]) + "\n"
    ),
    "markdown": lambda rep, lang: (
        "\n".join(
            [f"# {t('company.compare.title', lang)}", "", *_md_table(compare_rows(rep, lang), COMPARE_RIGHT), ""]
            + [f"- {n}" for n in _compare_notes(rep, lang)]
        )
        + "\n"
    ),
    "csv": lambda rep, lang: _compare_csv(rep),
    "json": lambda rep, lang: to_json(rep),
}


def _compare_csv(rep: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COMPARE_COLUMNS, "offices", "latest_start", "months", "tax_included", "sample_prices"])
    for r in rep["companies"]:
        extra = [r["offices"], r["latest_start"], rep["months"], rep["tax"]["included"], rep["sample_prices"]]
        w.writerow([*(r[c] for c in COMPARE_COLUMNS), *extra])
    return buf.getvalue()


# ---- schedule and contacts per office ------------------------------------------------------------
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
