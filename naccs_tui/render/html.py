"""The quote report as one self-contained HTML page that prints on A4 (`quote --format html`).

Built from the same typed report as the text, Markdown, CSV and JSON forms (render/quote.py), with
the same sentences: the page only lays them out. Inline CSS and an inline SVG chart, system fonts,
no script and no request to any server. Every string is escaped, so a scenario named "<script>"
shows as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .. import __version__
from ..i18n import t
from .catalog import amount_text
from .labels import yen
from .office import office_rows, pref_label
from .phrases import CSS as PHRASE_CSS
from .phrases import phrase_breaks
from .report_blocks import PLANS, ItemLine, Schedule, Source, TariffsInfo
from .report_model import PlanFigures, UnitOffice, UnitPage, UnitReport
from .schedule import step_note, summary_rows
from .svgchart import chart_of, svg

FONTS = (
    '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", '
    '"Yu Gothic", "Meiryo", "Source Han Sans JP", system-ui, sans-serif'
)

CSS = (
    """
:root { color-scheme: light; --a: #1f5fa8; --b: #c0304f; --be: #2e7d3e; --now: #9a7200; --line: #c8ccd2; }
* { box-sizing: border-box; }
body { font-family: FONTS; font-size: 10.5pt; line-height: 1.45; color: #1b1d21; background: #fff;
       margin: 0 auto; padding: 16px; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2px; }
h2 { font-size: 11.5pt; margin: 12px 0 4px; padding-bottom: 2px; border-bottom: 1.5px solid #1b1d21; }
p, ul, ol, dl { margin: 3px 0; }
.warning { border: 2px solid #b26a00; background: #fff6e5; padding: 4px 8px; margin: 6px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1px 12px; }
#scenario dl.facts, #office dl.facts { grid-template-columns: max-content 1fr max-content 1fr; }
#schedule th[scope=row] { white-space: nowrap; }
dl.facts dt { color: #4a4f57; }
dl.facts dd { margin: 0; }
.verdict { list-style: none; padding: 0; }
.verdict li:first-child { font-weight: bold; font-size: 11pt; }
.verdict li.more { padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border-bottom: 1px solid var(--line); padding: 2px 5px; vertical-align: top; text-align: left; }
thead th { border-bottom: 1.5px solid #1b1d21; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.formula { color: #4a4f57; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: bold; border-top: 1.5px solid #1b1d21; }
tr.sub th { background: #f1f3f6; font-weight: normal; color: #4a4f57; }
td.cheaper { background: #e6f2e8; }
.mark { font-weight: bold; color: var(--be); margin-left: 4px; }
.incomplete, td.unpublished { font-weight: bold; color: #b26a00; white-space: normal; }
sup { font-size: 7pt; color: #4a4f57; }
figure { margin: 4px 0; }
svg.chart { width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 9pt; margin: 0; padding: 0; list-style: none; }
.legend .sw { display: inline-block; width: 26px; height: 0; vertical-align: middle; margin-right: 4px;
              border-top: 2.5px solid; }
.sw.a { border-color: var(--a); } .sw.b { border-top-style: dashed; border-color: var(--b); }
.sw.be { border-top-style: dashed; border-color: var(--be); } .sw.now { border-top-style: dotted; border-color: var(--now); }
.axes, .notes, .sources, footer { font-size: 8.5pt; color: #4a4f57; }
.sources li, .notes li { overflow-wrap: anywhere; }
footer { margin-top: 6px; }
a { color: inherit; text-decoration: none; }
@page { size: A4 portrait; margin: 10mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 8.5pt; line-height: 1.4; }
  table { font-size: 8pt; }
  th, td { padding: 1px 4px; }
  h1 { font-size: 13pt; }
  h2 { margin-top: 8px; }
  ul, ol { padding-left: 1.4em; }
  .notes, .sources, footer { font-size: 7pt; line-height: 1.3; }
  ul.sources { columns: 2; column-gap: 16px; }
  #schedule table { font-size: 7.5pt; }
  footer { break-before: avoid; }
  figure, tr, dl, .warning, .verdict, .legend { break-inside: avoid; }
  h2 { break-after: avoid; }
  .warning, td.cheaper, tr.sub th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".replace("FONTS", FONTS)
    + PHRASE_CSS
)


def _e(x: object) -> str:
    return escape(str(x), quote=True)


def _section(key: str, body: str, lang: str, sid: str) -> str:
    return f'<section id="{sid}"><h2>{_e(t(key, lang))}</h2>\n{body}</section>\n'


def _facts(rows: list[tuple[str, str]]) -> str:
    return '<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows) + "</dl>\n"


# ---- notes: item notes, report notes, numbered once ---------------------------------------------
class _Notes:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def ref(self, text: str | None, lang: str) -> str:
        if not text:
            return ""
        if text not in self.texts:
            self.texts.append(text)
        n = self.texts.index(text) + 1
        return f' <sup title="{_e(t("report.note_ref", lang, n=n))}">[{n}]</sup>'


# ---- parts ---------------------------------------------------------------------------------------
def _scenario(r: UnitReport, lang: str) -> str:
    sc = r.scenario
    rows = []
    if sc.name:
        rows.append((t("quote.scenario", lang), sc.name))
    rows += [
        (t("quote.line", lang), sc.line),
        (t("quote.method", lang), sc.method),
        (t("report.usage", lang), t("quote.terminals", lang, n=sc.terminals, u=sc.user_codes)),
        (t("report.volume", lang), t("report.volume_value", lang, n=yen(r.answer.volume))),
    ]
    if r.office is not None:
        rows.append((t("report.prefecture", lang), pref_label(r.office.prefecture, lang)))
    tax = t("tax.included" if r.tax.included else "tax.excluded", lang)
    rows.append((t("report.amounts", lang), t("quote.amounts_note", lang, tax=tax)))
    return _section("report.section.scenario", _facts(rows), lang, "scenario")


def _verdict(r: UnitReport | UnitPage, lang: str) -> str:
    items = "".join(
        f'<li class="more">{_e(line.strip())}</li>' if line.startswith(" ") else f"<li>{_e(line)}</li>"
        for line in r.answer.verdict  # the sentences of render.verdict, as the text and Markdown forms say them
    )
    return _section("report.section.verdict", f'<ul class="verdict">{items}</ul>\n', lang, "verdict")


def _items(plan: PlanFigures, initial: bool) -> tuple[ItemLine, ...]:
    return plan.initial_items if initial else plan.items


def _item_rows(initial: bool, r: UnitReport | UnitPage, notes: _Notes, lang: str) -> str:
    by = {p: {i.label: i for i in _items(r.plans[p], initial)} for p in PLANS}
    rows = []
    for label in dict.fromkeys(i.label for p in PLANS for i in _items(r.plans[p], initial)):
        note = next((by[p][label].note for p in PLANS if label in by[p]), None)
        cells = [f"<th scope=row>{_e(label)}{notes.ref(note, lang)}</th>"]
        for p in PLANS:
            i = by[p].get(label)
            if i is None:
                cells += ['<td class="formula"></td>', f'<td class="num">{_e(t("report.none", lang))}</td>']
            else:
                cells += [
                    f'<td class="formula">{_e(i.formula)}</td>',
                    f'<td class="num{" unpublished" if i.amount is None else ""}">{_e(amount_text(i.amount, lang))}</td>',
                ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(rows)


def _total_row(
    label: str, values: tuple[int, int], cheaper: str | None, lang: str, complete: tuple[bool, bool] = (True, True)
) -> str:
    cells = [f"<th scope=row>{_e(label)}</th>"]
    for p, v, whole in zip("AB", values, complete, strict=True):
        mark = f'<span class="mark">{_e(t("report.cheaper", lang))}</span>' if cheaper == p else ""
        cls = "num cheaper" if cheaper == p else "num"
        text = (
            _e(yen(v))
            if whole
            else f'{_e(yen(v))} <span class="incomplete">{_e(t("quote.incomplete_mark", lang))}</span>'
        )
        cells += ['<td class="formula"></td>', f'<td class="{cls}">{text}{mark}</td>']
    return '<tr class="total">' + "".join(cells) + "</tr>"


def _plans(r: UnitReport | UnitPage, notes: _Notes, lang: str) -> str:
    a, b = r.plans["A"], r.plans["B"]
    cheaper = r.cheaper if r.cheaper in PLANS else None
    monthly = (a.monthly_complete, b.monthly_complete)
    initial = (a.initial_complete, b.initial_complete)
    whole = (monthly[0] and initial[0], monthly[1] and initial[1])
    head = (
        f"<thead><tr><th>{_e(t('quote.item', lang))}</th>"
        f"<th>{_e(t('plan.A', lang))} {_e(t('quote.formula', lang))}</th><th class=num>{_e(t('plan.A', lang))}</th>"
        f"<th>{_e(t('plan.B', lang))} {_e(t('quote.formula', lang))}</th><th class=num>{_e(t('plan.B', lang))}</th>"
        "</tr></thead>"
    )
    body = [
        f'<tr class="sub"><th colspan=5>{_e(t("report.monthly_rows", lang))}</th></tr>',
        _item_rows(False, r, notes, lang),
        _total_row(t("quote.monthly", lang), (a.monthly, b.monthly), cheaper, lang, monthly),
    ]
    if a.initial_items or b.initial_items:
        body += [
            f'<tr class="sub"><th colspan=5>{_e(t("report.initial_rows", lang))}</th></tr>',
            _item_rows(True, r, notes, lang),
        ]
    body += [
        _total_row(t("quote.initial", lang), (a.initial, b.initial), None, lang, initial),
        _total_row(t("quote.total", lang, months=r.months), (a.total, b.total), None, lang, whole),
    ]
    table = f"<table>{head}<tbody>\n" + "\n".join(body) + "\n</tbody></table>\n"
    return _section("report.section.plans", table, lang, "plans")


def _chart(r: UnitReport | UnitPage, lang: str) -> str:

    c = chart_of(r)
    months, tax = r.months, r.tax.included
    be = r.answer.break_even.transactions_per_month
    if c.empty:
        return _section("report.section.chart", f"<p>{_e(t('chart.empty', lang))}</p>\n", lang, "chart")

    legend = [
        ("a", t("report.legend.a", lang)),
        ("b", t("report.legend.b", lang)),
        ("now", t("report.legend.now", lang, n=yen(c.volume))),
    ]
    if c.break_even is not None and be is not None:
        legend.insert(2, ("be", t("report.legend.break_even", lang, n=yen(be))))
    y_key = "chart.y_label_1" if months == 1 else "chart.y_label"
    tax_word = t("tax.included" if tax else "tax.excluded", lang)
    axes = t("chart.axes", lang, y=t(y_key, lang, months=months, tax=tax_word), x=t("chart.x_label", lang))
    whole = r.complete
    facts = [t("chart.at_now", lang, n=yen(c.volume), a=yen(r.plans["A"].total), b=yen(r.plans["B"].total))]
    if c.break_even is None or be is None:
        facts.append(t("chart.never", lang))
    else:
        n = be  # the whole figure every other place says
        a, b = c.marker_total(n, months, tax)
        facts.append(t("chart.at_break_even", lang, n=yen(n), a=yen(a), b=yen(b), yen=yen(a)))
    if not whole:  # the chart's totals leave out the fees not published
        facts.append(t("quote.incomplete_total", lang))
    body = (
        '<figure><ul class="legend">'
        + "".join(f'<li><span class="sw {cls}"></span>{_e(text)}</li>' for cls, text in legend)
        + "</ul>\n"
        + svg(c, months, tax, t("report.chart_alt", lang, months=months))
        + f'\n<figcaption class="axes">{_e(axes)}</figcaption></figure>\n'
        + "".join(f"<p>{_e(f)}</p>" for f in facts)
        + "\n"
    )
    return _section("report.section.chart", body, lang, "chart")


def _schedule(sch: Schedule, lang: str) -> str:

    rows = [(k, v) for k, v in summary_rows(sch, lang)]
    steps = "".join(
        f"<tr><td class=num>{_e(st.due)}</td><th scope=row>{_e(st.title)}</th>"
        f"<td>{_e(st.what)}{(' ' + _e(step_note(st, sch, lang))) if step_note(st, sch, lang) else ''}</td></tr>"
        for st in sch.steps
    )
    head = f"<thead><tr><th>{_e(t('report.steps_due', lang))}</th><th>{_e(t('sched.step', lang))}</th><th></th></tr></thead>"
    notes = [sch.lead_time_note, sch.closure_note, sch.licence_note]
    body = (
        _facts(rows)
        + f"<table>{head}<tbody>{steps}</tbody></table>\n"
        + '<ul class="notes">'
        + "".join(f"<li>{_e(n)}</li>" for n in notes if n)
        + "</ul>\n"
    )
    return _section("report.section.schedule", body, lang, "schedule")


def _office(office: UnitOffice | None, lang: str) -> str:
    if office is None:
        return _section("report.section.office", f"<p>{_e(t('report.no_office', lang))}</p>\n", lang, "office")

    o = office.contact
    rows = [(k, v) for k, v in office_rows(o, lang, area=False)]
    return _section("report.section.office", f"<p><strong>{_e(o.name)}</strong></p>\n" + _facts(rows), lang, "office")


def _sources(
    report_notes: Sequence[str], sources: Sequence[Source], tariffs: TariffsInfo, notes: _Notes, lang: str
) -> str:
    """Notes (each item note once, numbered as in the table) and sources."""
    for n in report_notes:
        notes.ref(n, lang)
    out = ""
    if notes.texts:
        items = "".join(f"<li>{_e(n)}</li>" for n in notes.texts)
        out += _section("report.section.notes", f'<ol class="notes">{items}</ol>\n', lang, "notes")
    lines = [t("report.tariffs_source", lang, source=tariffs.source, effective=tariffs.effective)]
    lines += [x.line() for x in sources]  # the schedule's are in its own section
    items = "".join(f"<li>{_e(x)}</li>" for x in dict.fromkeys(lines))
    out += _section("report.section.sources", f'<ul class="sources">{items}</ul>\n', lang, "sources")
    return out


def _sample(warnings: Sequence[str]) -> str:
    """The report's warnings (the sample-price one among them)."""
    if not warnings:
        return ""
    body = "<br>".join(_e(x) for x in dict.fromkeys(warnings))
    return f'<div class="warning" role="note">{body}</div>\n'


def to_html(r: UnitReport, lang: str) -> str:
    """The whole page."""

    notes = _Notes()
    name = r.scenario.name
    title = t("report.title", lang) + (f" — {name}" if name else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1></header>",
        _sample(r.warnings),
        _scenario(r, lang),
        _verdict(r, lang),
        _chart(r, lang),
        _plans(r, notes, lang),
        _schedule(r.schedule, lang),
        _office(r.office, lang),
        _sources(r.notes, r.sources, r.tariffs, notes, lang),
        "<footer>" + _e(t("app.title", lang) + " · " + t("report.made_with", lang, version=__version__)) + "</footer>",
        "</body></html>",
    ]
    return phrase_breaks("\n".join(p for p in parts if p) + "\n")  # lines break between phrases
