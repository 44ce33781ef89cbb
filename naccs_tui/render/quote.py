"""The quote report of one unit (render.report_model.UnitReport) and its text, Markdown and CSV
renderings; the HTML page is render/html.py, the JSON its ``as_dict``.

Late imports: the schedule (and with it the holiday calendar) loads when a report is built: the
TUI's plans pane uses this module's table helpers on its first frame without one; ``csv`` loads
for the CSV form only (start-up time).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence, Set

from ..domain.costing import Item, Quote, quote
from ..domain.scenario import Scenario, to_toml_dict
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import amount_text, line_notices, offering_block, total_text
from .labels import amounts_note, item_label, line_label, method_label
from .report_blocks import PLANS, ItemLine, Plan, Schedule, Source, TariffsInfo
from .report_model import PlanFigures, ScenarioInfo, TaxInfo, UnitOffice, UnitPlanFees, UnitReport
from .sources import cited, notes, sample_warning
from .verdict import CHEAPER, INDENT, pair_rows, verdict_block
from .whatif import terminals_block


def item_line(item: Item, tariffs: Tariffs, lang: str, *, note: bool = True) -> ItemLine:
    """One line item as data: its label, amount, formula, group, operation code (when it has one)
    and, with ``note``, its note (the company report leaves the notes to its report-wide list)."""
    return ItemLine(
        label=item_label(item, tariffs, lang),
        amount=item.amount,
        formula=item.formula,
        group=item.group,
        code=item.params.get("code"),
        unpublished=True if item.amount is None else None,  # no source gives this fee: amount null, never 0
        note=t(item.note, lang) if note and item.note else None,
    )


def unit_schedule(s: Scenario, tariffs: Tariffs, lang: str) -> Schedule:
    from ..domain.schedule import today
    from .schedule import schedule_report

    return schedule_report(s.usage.method, s.schedule.applied or today(), tariffs.lead_time, s.schedule.closure, lang)


def unit_office(prefecture: str, lang: str) -> UnitOffice:
    from .office import office_report

    return UnitOffice(prefecture, office_report(prefecture, lang).office)


def tariffs_info(tariffs: Tariffs) -> TariffsInfo:
    return TariffsInfo(tariffs.source, tariffs.effective.isoformat(), tariffs.sample)


def report(
    s: Scenario, tariffs: Tariffs, *, months: int = 12, tax: bool = False, lang: str = "ja", q: Quote | None = None
) -> UnitReport:
    """Everything the CLI prints, as data (amounts are integers)."""
    q = q or quote(s, tariffs)
    plans = {
        p.plan: PlanFigures(
            monthly=q.monthly(p.plan, tax),
            initial=q.initial(p.plan, tax),
            total=q.total(p.plan, months, tax),
            metered=p.metered,
            basic=p.basic,
            line=p.line,
            options=p.options,
            items=tuple(item_line(i, tariffs, lang) for i in p.items),
            initial_items=tuple(item_line(i, tariffs, lang) for i in p.initial_items),
            complete=p.complete,
            monthly_complete=p.monthly_complete,
            initial_complete=p.initial_complete,
            unknown_items=tuple(item_label(i, tariffs, lang) for i in p.unknown),
        )
        for p in (q.a, q.b)
    }
    file = to_toml_dict(s)
    file.pop("schedule", None)  # the schedule block says it, with its dates
    tax_note = (
        "items are tax-excluded; each monthly bill and the initial fee include tax (rounded down);"
        " total = initial + months × monthly"
        if tax
        else "tax-excluded"
    )
    return UnitReport(
        scenario=ScenarioInfo(
            s.name, line_label(s, lang), method_label(s, lang), s.usage.terminals, s.usage.user_codes, file
        ),
        tariffs=tariffs_info(tariffs),
        tax=TaxInfo(tax, q.tax_rate_percent, tax_note),
        months=months,
        plans={"A": plans["A"], "B": plans["B"]},
        cheaper=q.cheaper,
        saving_monthly=q.monthly_saving(tax),
        answer=verdict_block(q, tax, lang),
        terminals_what_if=terminals_block(s, tariffs, lang),
        complete=q.complete,
        unknown_items=tuple(dict.fromkeys(item_label(i, tariffs, lang) for i in (*q.a.unknown, *q.b.unknown))),
        line_offering=offering_block(s.line, tariffs, lang),
        sample_prices=tariffs.sample,
        warnings=tuple(w for w in (sample_warning(tariffs, lang), *line_notices(s.line, tariffs, lang)) if w),
        notes=tuple(notes(s, q, tariffs, lang)),
        sources=tuple(cited(s, q, tariffs, tax=tax, lang=lang)),
        schedule=unit_schedule(s, tariffs, lang),
        office=unit_office(s.prefecture, lang) if s.prefecture else None,
    )


def _whatif(r: UnitReport) -> list[str]:
    """The terminals what-if sentence."""
    return [r.terminals_what_if.text]


def item_rows(plans: Mapping[Plan, PlanFigures] | Mapping[Plan, UnitPlanFees], lang: str) -> list[list[str]]:
    """Item rows of a quote's or a company unit's plans: label, formula A, amount A, formula B,
    amount B (items matched by label)."""
    rows = []
    for pair in pair_rows(plans["A"].items, plans["B"].items, key=lambda i: i.label):
        row = [next(i.label for i in pair if i is not None)]
        for i in pair:
            row += [i.formula, amount_text(i.amount, lang)] if i else ["", "-"]
        rows.append(row)
    return rows


def totals(plan: PlanFigures, lang: str) -> dict[str, str]:
    """A plan's monthly, initial and N-month totals as shown: a total that leaves out a fee not
    published says so next to its figure."""
    monthly, initial = plan.monthly_complete, plan.initial_complete
    return {
        "monthly": total_text(plan.monthly, monthly, lang),
        "initial": total_text(plan.initial, initial, lang),
        "total": total_text(plan.total, monthly and initial, lang),
    }


def _summary(r: UnitReport, lang: str) -> list[list[str]]:
    a, b = (totals(r.plans[p], lang) for p in PLANS)
    mark = {p: (f" {CHEAPER}" if r.cheaper == p else "") for p in PLANS}  # one cell wide in CJK terminals too
    return [
        [t("quote.monthly", lang), "", a["monthly"] + mark["A"], "", b["monthly"] + mark["B"]],
        [t("quote.initial", lang), "", a["initial"], "", b["initial"]],
        [t("quote.total", lang, months=r.months), "", a["total"], "", b["total"]],
    ]


def _heading(r: UnitReport, lang: str) -> list[str]:
    sc = r.scenario
    out = []
    if sc.name:
        out.append(f"{t('quote.scenario', lang)}: {sc.name}")
    out.append(f"{t('quote.line', lang)}: {sc.line}")
    out.append(
        f"{t('quote.method', lang)}: {sc.method}  ({t('quote.terminals', lang, n=sc.terminals, u=sc.user_codes)})"
    )
    out.append(amounts_note(r.tax.included, r.tax.rate_percent, lang))
    return out


def _footer(r: UnitReport, lang: str) -> list[str]:
    sch = r.schedule
    one = sch.earliest_start == sch.latest_start  # one day: said once, not as a range
    key = "quote.start_one" if one else "quote.start"
    out = [t(key, lang, earliest=sch.earliest_start, latest=sch.latest_start, applied=sch.applied)]
    if r.office is not None:
        out.append(t("quote.office", lang, name=r.office.contact.name, phone=r.office.contact.phone))
    return out


def trust_lines(notes: Sequence[str], sources: Sequence[Source], lang: str) -> list[str]:
    """The notes on ambiguous readings and limits (when any), then the sources, each under its
    title: the end of the text form of the quote and of the company quote."""
    out = []
    if notes:
        out += [t("trust.notes", lang), *(f"  * {n}" for n in notes)]
    out += [t("trust.sources", lang), *(f"  {c.what}: {c.source}" for c in sources)]
    return out


def to_text(r: UnitReport, lang: str) -> str:
    head = [t("quote.item", lang), t("plan.A", lang), "", t("plan.B", lang), ""]
    rows = [head, *item_rows(r.plans, lang), *_summary(r, lang)]
    body = table.render(rows, right={2, 4})
    parts = [*r.warnings, *_heading(r, lang), "", body, "", *r.answer.verdict, *_whatif(r), *_footer(r, lang), ""]
    return "\n".join([*parts, *trust_lines(r.notes, r.sources, lang)]) + "\n"


def md_escape(x: str) -> str:
    """Text for a Markdown table cell or bullet (a ``|`` would end the cell)."""
    return x.replace("|", "\\|")


def md_table(rows: list[list[str]], right: Set[int]) -> list[str]:
    """A Markdown table: the first row is the header; the columns in ``right`` are right-aligned."""
    align = "|" + "|".join("---:" if i in right else "---" for i in range(len(rows[0]))) + "|"
    cells = ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return [cells[0], align, *cells[1:]]


def md_head(title: str, warnings: Sequence[str], heading: list[str]) -> list[str]:
    """The title, the warnings in bold as quotes, the heading lines as bullets, then a blank line."""
    quoted = [f"> **{md_escape(w)}**" for w in warnings]
    lines = [f"# {title}", "", *(x for n, w in enumerate(quoted) for x in ([">", w] if n else [w]))]
    return lines + ([""] if warnings else []) + [f"- {md_escape(h)}" for h in heading] + [""]


def md_verdict(verdict: Sequence[str]) -> list[str]:
    """The verdict as bullets: a line that explains the one above is a nested bullet."""
    return [f"  - {md_escape(v.strip())}" if v.startswith(INDENT) else f"- {md_escape(v)}" for v in verdict]


def md_trust(notes: Sequence[str], sources: Sequence[Source], lang: str) -> list[str]:
    """``trust_lines`` in Markdown: the notes (when any) and the sources, each under a heading."""
    lines = []
    if notes:
        lines += ["", f"## {t('trust.notes', lang)}", ""] + [f"- {md_escape(n)}" for n in notes]
    lines += ["", f"## {t('trust.sources', lang)}", ""]
    return lines + [f"- {md_escape(c.what)}: {md_escape(c.source)}" for c in sources]


def to_markdown(r: UnitReport, lang: str) -> str:
    head = [
        t("quote.item", lang),
        f"{t('plan.A', lang)} {t('quote.formula', lang)}",
        t("plan.A", lang),
        f"{t('plan.B', lang)} {t('quote.formula', lang)}",
        t("plan.B", lang),
    ]
    lines = md_head(t("app.title", lang), r.warnings, _heading(r, lang))
    lines += [*md_table([head, *item_rows(r.plans, lang), *_summary(r, lang)], {2, 4}), ""]
    lines += md_verdict(r.answer.verdict) + [f"- {md_escape(v)}" for v in (*_whatif(r), *_footer(r, lang))]
    return "\n".join(lines + md_trust(r.notes, r.sources, lang)) + "\n"


def to_csv(r: UnitReport, lang: str) -> str:
    """One row per item and per total, raw integer amounts. ``label`` is what a reader reads (in
    ``lang``); a total's ``key`` (the last column) is the same for every language, for scripts:
    ``monthly``, ``initial``, ``total_12_months``."""
    import csv  # here: the other formats do not need it

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["plan", "group", "code", "label", "formula", "amount", "key", "status"])
    months = r.months
    for p in PLANS:
        plan = r.plans[p]
        for item in plan.items + plan.initial_items:
            status = "unpublished" if item.amount is None else ""  # an empty amount: not published, not 0
            amount = "" if item.amount is None else item.amount
            w.writerow([p, item.group, item.code or "", item.label, item.formula, amount, "", status])
        monthly, initial = plan.monthly_complete, plan.initial_complete
        for key, label, value, complete in (
            ("monthly", t("quote.monthly", lang), plan.monthly, monthly),
            ("initial", t("quote.initial", lang), plan.initial, initial),
            (f"total_{months}_months", t("quote.total", lang, months=months), plan.total, monthly and initial),
        ):
            w.writerow([p, "total", "", label, "", value, key, "" if complete else "incomplete"])
    # what a spreadsheet reader must know too: the sample warning, the notes, the sources
    for warning in r.warnings:
        w.writerow(["", "warning", "", warning, "", "", ""])
    for note in r.notes:
        w.writerow(["", "note", "", note, "", "", ""])
    for c in r.sources:
        w.writerow(["", "source", "", c.what, c.source, "", ""])
    return buf.getvalue()
