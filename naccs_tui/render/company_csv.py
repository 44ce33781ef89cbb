"""The company quote as CSV: one row per unit item and total, the unit's verdict, break-even and
dated steps, each office's options and whom it calls, and the company's totals."""

from __future__ import annotations

import csv
import io

from ..i18n import t
from .company import MIX_KEYS, _plan_cell, contact_lines
from .report_blocks import PLANS, ItemLine
from .report_model import CompanyReport


def to_csv(r: CompanyReport, lang: str) -> str:
    """One row per unit item and total, per office option, per company total; raw integers.
    ``label`` is what a reader reads (in ``lang``); the ``key`` of a total or a plan row (the last
    column) is the same for every language, for scripts: ``monthly``, ``initial``,
    ``total_12_months``, ``plan_auto`` (with the mix, all_a ..., in ``plan``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["scope", "office", "unit", "plan", "group", "code", "label", "formula", "amount", "key", "status"])
    months, monthly = r.months, t("quote.monthly", lang)

    def amount(i: ItemLine) -> list[int | str]:
        return ["", "", "unpublished"] if i.amount is None else [i.amount, "", ""]

    def status(complete: bool) -> str:
        return "" if complete else "incomplete"

    whole = r.company.complete
    for u in r.units:
        unit = ["unit", u.office, u.unit]
        for p in PLANS:
            plan = u.plans[p]
            for i in plan.items:
                w.writerow([*unit, p, i.group, i.code or "", i.label, i.formula, *amount(i)])
            w.writerow([*unit, p, "total", "", monthly, "", plan.monthly, "monthly", status(plan.complete)])
        for i in u.initial_items:
            w.writerow([*unit, "", i.group, "", i.label, i.formula, *amount(i)])
        w.writerow([*unit, u.plan, "plan", "", _plan_cell(u, lang), "", "", f"plan_{u.plan_choice}", ""])
        for line in u.answer.verdict:  # the verdict and the break-even, as the text form says them
            w.writerow([*unit, "", "verdict", "", line.strip(), "", "", "", ""])
        be = u.answer.break_even.transactions_per_month
        w.writerow(
            [*unit, "", "break_even", "", t("csv.break_even", lang), "", "" if be is None else be, "break_even", ""]
        )
        sch = u.schedule
        for key, day in (("earliest_start", sch.earliest_start), ("latest_start", sch.latest_start)):
            w.writerow([*unit, "", "schedule", "", f"{t(f'csv.{key}', lang)}: {day}", "", "", key, ""])
        for st in sch.steps:
            w.writerow([*unit, "", "schedule", "", f"{st.title}: {st.due}", "", "", f"step_{st.key}", ""])
    for o in r.offices:
        for i in o.option_items:
            w.writerow(["office", o.label, "", "", i.group, "", i.label, i.formula, i.amount, ""])
        for line in contact_lines(o, lang):
            w.writerow(["office", o.label, "", "", "contact", "", line, "", "", "contact", ""])
    co = r.company
    for mix, key in MIX_KEYS.items():
        name = t("company_view.mix.chosen" if mix == "chosen" else f"company.compare.{key}", lang)
        for what, value, kind in (
            (monthly, co.monthly[key], "monthly"),
            (t("quote.total", lang, months=months), co.total[key], f"total_{months}_months"),
        ):
            label = t("csv.mix", lang, what=what, mix=name)
            w.writerow(["company", "", "", key, "total", "", label, "", value, kind, status(whole)])
    w.writerow(["company", "", "", "", "total", "", t("quote.initial", lang), "", co.initial, "initial", status(whole)])
    for kind, texts in (("warning", r.warnings), ("note", r.notes)):
        for x in texts:
            w.writerow(["", "", "", "", kind, "", x, "", "", ""])
    for c in r.sources:
        w.writerow(["", "", "", "", "source", "", c.what, c.source, "", ""])
    return buf.getvalue()
