"""The company quote (schema 2): each unit and the company's totals as one typed report
(render.report_model.CompanyReport) and its text and Markdown renderings (the CSV:
render/company_csv.py, the HTML page: render/company_html.py). The comparison of companies is in
render/company_compare.py, each unit's schedule and each office's contact in
render/company_schedule.py.

Unit and office amounts are always tax-excluded (like item lines); with tax on, the company's
monthly bill (one a month) and its initial fee are taxed, rounded down, and period totals are
their sum, so every total adds up as shown.
"""

from __future__ import annotations

from ..domain.company import Company, Office
from ..domain.company_quote import MIXES, CompanyQuote, Mix, OfficeQuote, UnitQuote, company_quote
from ..domain.schedule import timeline, today
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import amount_text, line_notices, offering_block, total_text
from .labels import amounts_note, item_label, line_label, method_label, yen
from .labels import office_name as named_office
from .office import office_report, pref_label
from .quote import (
    item_line,
    item_rows,
    md_escape,
    md_head,
    md_table,
    md_trust,
    md_verdict,
    tariffs_info,
    trust_lines,
    unit_schedule,
)
from .report_blocks import PLANS, Source
from .report_model import (
    CompanyReport,
    CompanyTax,
    CompanyTotals,
    OfficeCall,
    OfficeSection,
    StartWindow,
    UnitPlanFees,
    UnitSection,
)
from .schedule import GLYPHS, step_title
from .sources import cited, notes, office_plans_cited, sample_warning
from .verdict import CHEAPER, verdict_block
from .whatif import terminals_block

MIX_KEYS: dict[Mix, str] = {"chosen": "chosen", "A": "all_a", "B": "all_b", "best": "best_per_unit"}
"""The JSON and CSV names of the plan mixes."""


def office_label(c: Company, index: int, lang: str) -> str:
    return named_office(c, index, lang)


def office_name(office: Office, index: int, lang: str | None = None) -> str:
    """The office's name, or "Office N" when it has none (``index`` from 1)."""
    return named_office(office, index, lang)


def _unit(c: Company, u: UnitQuote, tariffs: Tariffs, lang: str) -> UnitSection:
    q, s = u.quote, u.scenario
    p = timeline(s.usage.method, c.schedule.applied or today(), tariffs.lead_time, c.schedule.closure)
    plans = {
        x.plan: UnitPlanFees(
            monthly=x.monthly,
            fees=u.fees(x.plan),
            basic=x.basic,
            metered=x.metered,
            items=tuple(item_line(i, tariffs, lang, note=False) for i in x.items),
            complete=x.monthly_complete,
        )
        for x in (q.a, q.b)
    }
    return UnitSection(
        office=office_label(c, u.office, lang),
        office_index=u.office,
        unit=u.kind,
        unit_label=t(f"company.unit.{u.kind}", lang),
        method=s.usage.method,
        method_label=method_label(s, lang),
        line=line_label(s, lang),
        terminals=s.usage.terminals,
        plan_choice=u.choice,
        plan=u.plan,
        cheaper=q.cheaper,
        line_monthly=u.line,
        initial=u.initial,
        complete=q.complete,
        line_offering=offering_block(s.line, tariffs, lang),
        initial_items=tuple(item_line(i, tariffs, lang, note=False) for i in q.a.initial_items),
        plans={"A": plans["A"], "B": plans["B"]},
        answer=verdict_block(q, False, lang),  # a unit's figures are tax-excluded
        terminals_what_if=terminals_block(s, tariffs, lang),
        start=StartWindow(p.earliest_start.isoformat(), p.latest_start.isoformat()),
        schedule=unit_schedule(s, tariffs, lang),  # the unit's steps with their dates
    )


def _office(c: Company, o: OfficeQuote, tariffs: Tariffs, lang: str) -> OfficeSection:
    pref = o.office.prefecture
    return OfficeSection(
        index=o.index,
        name=o.office.name,
        label=office_label(c, o.index, lang),
        prefecture=pref,
        user_codes=o.office.user_codes,
        options=o.options,
        option_items=tuple(item_line(i, tariffs, lang, note=False) for i in o.option_items),
        monthly={MIX_KEYS[m]: o.monthly(m) for m in MIXES},
        contact=OfficeCall(pref_label(pref, lang), office_report(pref, lang).office) if pref else None,
    )


def report(
    c: Company,
    tariffs: Tariffs,
    *,
    months: int = 12,
    tax: bool = False,
    lang: str = "ja",
    q: CompanyQuote | None = None,
) -> CompanyReport:
    """Everything `quote` prints for a company, as data: a section per unit and per office, and the totals."""
    q = q or company_quote(c, tariffs)
    sources: list[Source] = []
    all_notes: list[str] = []
    notices: list[str] = []
    for u in q.units:
        sources += [x for x in cited(u.scenario, u.quote, tariffs, tax=tax, lang=lang) if x not in sources]
        all_notes += [n for n in notes(u.scenario, u.quote, tariffs, lang) if n not in all_notes]
        notices += [n for n in line_notices(u.scenario.line, tariffs, lang) if n not in notices]
    office_plans = office_plans_cited(tariffs, lang)
    if office_plans is not None:  # the plan per office × unit and changes by the month (FAQ)
        sources.append(office_plans)
        all_notes += [t("trust.note.plan_change", lang)]
    totals = CompanyTotals(
        name=c.name,
        offices=len(q.offices),
        units=len(q.units),
        line=sum(u.line for u in q.units),
        options=q.options,
        monthly={MIX_KEYS[m]: q.monthly(m, tax) for m in MIXES},
        saving={MIX_KEYS[m]: q.saving(m, tax) for m in MIXES if m != "best"},
        initial=q.initial(tax),
        total={MIX_KEYS[m]: q.total(m, months, tax) for m in MIXES},
        complete=all(u.quote.complete for u in q.units),
        unknown_items=tuple(
            f"{office_label(c, u.office, lang)}・{t(f'company.unit.{u.kind}', lang)}: {item_label(i, tariffs, lang)}"
            for u in q.units
            for i in u.quote.a.unknown
        ),
    )
    return CompanyReport(
        schema=2,
        company=totals,
        units=tuple(_unit(c, u, tariffs, lang) for u in q.units),
        offices=tuple(_office(c, o, tariffs, lang) for o in q.offices),
        tariffs=tariffs_info(tariffs),
        tax=CompanyTax(tax, q.tax_rate_percent, "one bill per company per month"),
        months=months,
        sample_prices=tariffs.sample,
        warnings=tuple(w for w in (sample_warning(tariffs, lang), *notices) if w),
        notes=tuple(all_notes),
        sources=tuple(sources),
    )


# ---- text and Markdown -------------------------------------------------------------------------
def _plan_cell(u: UnitSection, lang: str) -> str:
    key = "company.plan_auto" if u.plan_choice == "auto" else "company.plan_fixed"
    return t(key, lang, plan=t(f"plan.{u.plan}", lang))


def _setup(u: UnitSection) -> str:
    """The unit's method, and its line for the general unit (netNACCS runs over the internet)."""
    return u.method_label if u.unit == "netnaccs" else f"{u.method_label} / {u.line}"


def summary_rows(r: CompanyReport, lang: str) -> list[list[str]]:
    """Offices × units: fixed fees (line, options), Plan A and Plan B fees (the cheaper marked), the plan."""
    head = ["office", "unit", "setup", "terminals", "fixed", "fees_a", "fees_b", "plan"]
    rows = [[t(f"company.col.{h}", lang) for h in head]]
    for u in r.units:
        a, b = u.plans["A"].fees, u.plans["B"].fees
        mark = {p: f" {CHEAPER}" if u.cheaper == p else "" for p in PLANS}
        fixed = total_text(u.line_monthly, u.complete, lang, short=True)
        rows.append([u.office, u.unit_label, _setup(u), str(u.terminals), fixed])
        rows[-1] += [yen(a) + mark["A"], yen(b) + mark["B"], _plan_cell(u, lang)]
    for o in r.offices:
        for i in o.option_items:
            rows.append([o.label, t("company.unit.options", lang), f"{i.label} {i.formula}", ""])
            rows[-1] += [amount_text(i.amount, lang), "", "", ""]
    return rows


def company_rows(r: CompanyReport, lang: str) -> list[list[str]]:
    """The company's monthly bill with the chosen plans, all A, all B and the cheaper plan per unit."""
    co = r.company
    whole = co.complete
    rows = []
    for m in MIXES:
        key = MIX_KEYS[m]
        extra = t("company.saving", lang, yen=yen(co.saving[key])) if co.saving.get(key) else ""
        mark = f" {CHEAPER}" if m == "best" else ""
        rows.append([t(f"company.mix.{m}", lang), total_text(co.monthly[key], whole, lang) + mark, extra])
    rows.append([t("quote.initial", lang), total_text(co.initial, whole, lang), ""])
    rows.append([t("company.total", lang, months=r.months), total_text(co.total["chosen"], whole, lang), ""])
    return rows


def mix_table(q: CompanyQuote, tax: bool, lang: str | None = None) -> list[list[str]]:
    """The company view's totals, one column per plan mix (chosen, all A, all B, the cheaper plan
    per unit, marked): the monthly, then what it costs more than the cheaper plan per unit."""
    tax_word = t("tax.included" if tax else "tax.excluded", lang)
    head = [t("company_view.totals_excl", lang, totals=t("company.totals", lang), tax=tax_word)]
    monthly, more = [""], [t("company_view.col.diff", lang)]
    whole = all(u.quote.a.monthly_complete for u in q.units)
    for m in MIXES:
        head.append(t("company_view.mix.chosen" if m == "chosen" else f"company.compare.{MIX_KEYS[m]}", lang))
        monthly.append(total_text(q.monthly(m, tax), whole, lang, short=True) + (f" {CHEAPER}" if m == "best" else ""))
        saving = q.saving(m, tax) if m != "best" else None
        more.append("" if saving is None else f"+{yen(saving)}" if saving else "0")
    return [head, monthly, more]


def total_line(q: CompanyQuote, months: int, tax: bool, lang: str | None = None) -> str:
    """'12-month total: initial 98,000 + 12 × 134,800 = 1,715,600' (the chosen plans)."""
    formula = t(
        "company_view.total_formula",
        lang,
        initial=yen(q.initial(tax)),
        months=months,
        monthly=yen(q.monthly("chosen", tax)),
        total=yen(q.total("chosen", months, tax)),
    )
    return t("company_view.total_line", lang, label=t("quote.total", lang, months=months), formula=formula)


def heading_lines(r: CompanyReport, lang: str) -> list[str]:
    co, tax = r.company, r.tax
    out = [f"{t('company.name', lang)}: {co.name}"] if co.name else []
    out.append(t("company.counts", lang, offices=co.offices, units=co.units))
    note = t("company.tax_on", lang, rate=tax.rate_percent) if tax.included else amounts_note(False, 0, lang)
    return [*out, note, t("company.fees_note", lang)]


def unit_rows(u: UnitSection, lang: str) -> list[list[str]]:
    """One unit's items, Plan A beside Plan B, and its monthly total (line included, tax-excluded)."""
    a, b = u.plans["A"], u.plans["B"]
    rows = [[t("quote.item", lang), t("plan.A", lang), "", t("plan.B", lang), ""], *item_rows(u.plans, lang)]
    mark = {p: f" {CHEAPER}" if u.cheaper == p else "" for p in PLANS}
    a_text, b_text = (total_text(x.monthly, x.complete, lang) for x in (a, b))
    rows.append([t("company.unit_monthly", lang), "", a_text + mark["A"], "", b_text + mark["B"]])
    return rows


def unit_heading(u: UnitSection, lang: str) -> str:
    return t("company.unit_heading", lang, office=u.office, unit=u.unit_label, setup=_setup(u), n=u.terminals)


def footer_lines(r: CompanyReport, lang: str) -> list[str]:
    out = []
    for u in r.units:
        start = u.start
        key = "company.start_one" if start.earliest == start.latest else "company.start"
        out.append(t(key, lang, office=u.office, unit=u.unit_label, earliest=start.earliest, latest=start.latest))
    for o in r.offices:
        out += contact_lines(o, lang)
    return out


def contact_lines(o: OfficeSection, lang: str) -> list[str]:
    """Whom an office calls (the NACCS office for its prefecture), or that it has no prefecture yet."""
    if o.contact is None:
        return [t("company.no_prefecture", lang, office=o.label)]
    ct = o.contact
    name, phone = ct.contact.name, ct.contact.phone
    return [t("company.contact", lang, office=o.label, prefecture=ct.prefecture_label, name=name, phone=phone)]


def step_lines(u: UnitSection, lang: str) -> list[str]:
    """The unit's steps with their dates, as the schedule command lists them (its marks: > applied,
    ! deadline, + suggested, * start)."""
    return [f"{st.due} {GLYPHS[st.kind]} {step_title(st, lang)}" for st in u.schedule.steps]


def to_text(r: CompanyReport, lang: str) -> str:
    parts = [*r.warnings, *heading_lines(r, lang), ""]
    parts += [table.render(summary_rows(r, lang), right={3, 4, 5, 6}), ""]
    parts += [t("company.totals", lang), table.render(company_rows(r, lang), right={1}, header=False), ""]
    for u in r.units:
        parts += [unit_heading(u, lang), table.render(unit_rows(u, lang), right={2, 4}), *u.answer.verdict]
        parts += [u.terminals_what_if.text, t("sched.steps", lang), *(f"  {x}" for x in step_lines(u, lang)), ""]
    return "\n".join([*parts, *footer_lines(r, lang), "", *trust_lines(r.notes, r.sources, lang)]) + "\n"


def to_markdown(r: CompanyReport, lang: str) -> str:
    lines = md_head(t("company.title", lang), r.warnings, heading_lines(r, lang))
    lines += [*md_table(summary_rows(r, lang), {3, 4, 5, 6}), "", f"## {t('company.totals', lang)}", ""]
    lines += [*md_table([["", "", ""], *company_rows(r, lang)], {1}), ""]
    for u in r.units:
        heading = md_escape(unit_heading(u, lang).lstrip("■ "))
        lines += [f"## {heading}", "", *md_table(unit_rows(u, lang), {2, 4}), "", *md_verdict(u.answer.verdict)]
        lines += [f"- {md_escape(u.terminals_what_if.text)}", f"- {md_escape(t('sched.steps', lang))}"]
        lines += [*(f"  - {md_escape(x)}" for x in step_lines(u, lang)), ""]
    lines += [f"- {md_escape(v)}" for v in footer_lines(r, lang)]
    return "\n".join(lines + md_trust(r.notes, r.sources, lang)) + "\n"
