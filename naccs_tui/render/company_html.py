"""The company quote as an HTML page (printable on A4): the offices × units table and the
company's totals, then a section per unit with what the one-unit page has (the verdict and
break-even, the chart over volumes, the itemized fees with their arithmetic, the dated steps and
the office to call), each section kept on one page when it fits there.

A unit's section is drawn by the one-unit page's own parts (render/html.py) from the unit's part
of the company report, so the two pages cannot say different things.
"""

from __future__ import annotations

import re
from html import escape

from ..i18n import t
from .company import company_rows, heading_lines, summary_rows, unit_heading
from .html import CSS, _chart, _Notes, _office, _plans, _schedule, _sources, _verdict
from .phrases import phrase_breaks
from .report_blocks import PLANS
from .report_model import CompanyReport, PlanFigures, TaxInfo, UnitOffice, UnitPage, UnitSection

UNIT_CSS = """
section.unit { border-top: 2px solid #1b1d21; margin-top: 14px; }
section.unit > h2 { font-size: 12.5pt; border-bottom: none; }
section.unit section h2 { font-size: 10.5pt; border-bottom: 1px solid var(--line); }
section.schedule th[scope=row] { white-space: nowrap; }
section.office dl.facts { grid-template-columns: max-content 1fr max-content 1fr; }
@media print {
  section.unit > h2 { break-after: avoid; }
  section.unit section { break-inside: avoid; }
}
"""
"""A unit's section: its parts' ids made unique (unit-N-…), its styles by class; in print no part
of a unit (verdict, chart, fees, steps, office) is split across pages, and its heading stays with it."""


def _e(x: object) -> str:
    return escape(str(x), quote=True)


def _table(rows: list[list[str]], right: set[int], head: bool = True) -> str:
    def cell(tag: str, i: int, x: str) -> str:
        return f"<{tag}{' class=num' if i in right else ''}>{_e(x)}</{tag}>"

    first = "<thead><tr>" + "".join(cell("th", i, x) for i, x in enumerate(rows[0])) + "</tr></thead>"
    body = rows[1:] if head else rows
    trs = "".join("<tr>" + "".join(cell("td", i, x) for i, x in enumerate(row)) + "</tr>" for row in body)
    return f"<table>{first if head else ''}<tbody>{trs}</tbody></table>"


def unit_page(r: CompanyReport, u: UnitSection) -> UnitPage:
    """The unit's part of the company report as the parts of render/html.py read a one-unit report:
    its plans with their initial fee and N-month total (tax-excluded, as every unit figure), its
    verdict, schedule and its office's contact."""
    months = r.months
    initial_complete = all(i.amount is not None for i in u.initial_items)  # a fee not published: no figure
    plans = {
        p: PlanFigures(
            monthly=u.plans[p].monthly,
            initial=u.initial,
            total=u.initial + months * u.plans[p].monthly,
            metered=u.plans[p].metered,
            basic=u.plans[p].basic,
            line=u.line_monthly,
            options=0,  # the paid options are the office's, counted once in the company block
            items=u.plans[p].items,
            initial_items=u.initial_items,
            complete=u.plans[p].complete,
            monthly_complete=u.plans[p].complete,
            initial_complete=initial_complete,
            unknown_items=(),
        )
        for p in PLANS
    }
    office = r.offices[u.office_index - 1]
    contact = office.contact
    return UnitPage(
        plans=plans,
        cheaper=u.cheaper,
        answer=u.answer,
        months=months,
        tariffs=r.tariffs,
        tax=TaxInfo(False, r.tax.rate_percent, "tax-excluded"),
        complete=u.complete,
        schedule=u.schedule,
        office=UnitOffice(office.prefecture or "", contact.contact) if contact is not None else None,
    )


def _own_ids(html: str, prefix: str) -> str:
    """Every id of a unit's part (its sections, and its chart's SVG ids with the references to
    them: ``url(#…)``, ``href="#…"``) given the unit's prefix: ids are unique on the page, and one
    chart's clip paths never clip another's."""
    html = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m[1]}"', html)
    html = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m[1]})", html)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m[1]}"', html)


def _unit_section(r: CompanyReport, u: UnitSection, n: int, notes: _Notes, lang: str) -> str:
    page = unit_page(r, u)
    parts = [_verdict(page, lang), _chart(page, lang), _plans(page, notes, lang), _schedule(page.schedule, lang)]
    parts.append(_office(page.office, lang))
    body = _own_ids("".join(parts), f"unit-{n}-")
    body = re.sub(r'<section id="(unit-\d+-)([\w-]+)">', lambda m: f'<section id="{m[1]}{m[2]}" class="{m[2]}">', body)
    heading = unit_heading(u, lang).lstrip("■ ")
    return f'<section class="unit" id="unit-{n}"><h2>{_e(heading)}</h2>\n{body}</section>\n'


def to_html(r: CompanyReport, lang: str) -> str:
    """The whole page: the company first (what a 稟議 asks), then each unit."""
    notes = _Notes()
    title = t("company.title", lang) + (f" — {r.company.name}" if r.company.name else "")
    parts = [
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8"><title>{_e(title)}</title>',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{CSS}{UNIT_CSS}</style></head><body><header><h1>{_e(title)}</h1></header>",
        *(f'<div class="warning" role="note">{_e(w)}</div>' for w in r.warnings),
        "<ul>" + "".join(f"<li>{_e(h)}</li>" for h in heading_lines(r, lang)) + "</ul>",
        _table(summary_rows(r, lang), {3, 4, 5, 6}),
        f"<h2>{_e(t('company.totals', lang))}</h2>",
        _table(company_rows(r, lang), {1}, head=False),
        *(_unit_section(r, u, n, notes, lang) for n, u in enumerate(r.units, 1)),
        _sources(r.notes, r.sources, r.tariffs, notes, lang),
        "</body></html>",
    ]
    return phrase_breaks("\n".join(parts) + "\n")  # lines break between phrases, as on the quote page
