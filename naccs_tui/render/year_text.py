"""The year report (render/year.py) as text, Markdown and CSV: a table of the months (Plan A and
Plan B, the cheaper marked, the months where a change of plan pays), the totals, the initial fees
and the period's total, for the whole file and for each unit of a company; then the caveats and
the sources. Every total is the sum of the rows above it as shown."""

from __future__ import annotations

import csv
import io

from ..domain.season import multiplier_text
from ..i18n import t
from . import table
from .catalog import total_text
from .labels import yen
from .quote import md_escape, md_head, md_table, md_trust, trust_lines
from .verdict import CHEAPER
from .year_model import TOTALS, YearFigures, YearMonthRow, YearReport, YearUnit


def multiplier_cell(m: YearMonthRow, lang: str) -> str:
    if m.given:
        return t("year.given", lang)
    return "" if m.multiplier is None else multiplier_text(m.multiplier)


def is_company(r: YearReport) -> bool:
    return r.is_company


def has_factors(f: YearFigures) -> bool:
    """Some month of ``f`` has a season multiplier or is given outright (else no factor column)."""
    return any(m.multiplier is not None or m.given for m in f.months)


def month_rows(f: YearFigures, lang: str, *, units: bool) -> list[list[str]]:
    """The months of ``f`` (the file's or a unit's): month, volume, the season's multiplier (or
    that the month is given; no column when no month has either), Plan A, Plan B (the cheaper
    marked ✔) and where a change of plan pays; for a company's whole, the units each on their
    cheaper plan instead of the multiplier. Then the total of each column of money."""
    factor = not units and has_factors(f)
    head = ["month", "volume", *(("a", "b", "best") if units else ("multiplier", "a", "b")[not factor :]), "change"]
    rows = [[t(f"year.col.{h}", lang) for h in head]]
    for m in f.months:
        mark = {p: f" {CHEAPER}" if m.cheaper == p else "" for p in "AB"}
        a, b = yen(m.a) + mark["A"], yen(m.b) + mark["B"]
        middle = [a, b, yen(m.best)] if units else [multiplier_cell(m, lang), a, b][not factor :]
        pays = t("year.pays_units", lang) if units else t("year.pays", lang, plan=t(f"plan.{m.cheaper}", lang))
        rows.append([m.month, yen(m.volume), *middle, pays if m.pays else ""])
    sums = [total_text(f.totals[k], f.complete, lang) for k in ("a", "b", "switching")]
    middle = sums if units else ["", *sums[:2]][not factor :]
    return [*rows, [t("year.total_row", lang), yen(sum(m.volume for m in f.months)), *middle, ""]]


def money_columns(f: YearFigures, units: bool) -> set[int]:
    """The right-aligned columns of ``month_rows``."""
    if units:
        return {1, 2, 3, 4}
    return {1, 3, 4} if has_factors(f) else {1, 2, 3}


def totals_rows(f: YearFigures, months: int, lang: str, *, units: bool) -> list[list[str]]:
    """The totals of ``f``: each plan all period, the cheaper plan each month, the best fixed plan,
    what switching saves, the initial fees (in the first month) and the period's total with them."""
    whole = f.complete
    fixed = f.best_fixed
    who = "units" if units else "unit"
    best = t(f"year.total.best_fixed_{who}", lang, plan=t(f"plan.{fixed.plan}", lang) if not units else "")
    rows = [
        [t("year.total.a", lang, n=months), total_text(f.totals["a"], whole, lang)],
        [t("year.total.b", lang, n=months), total_text(f.totals["b"], whole, lang)],
        [t(f"year.total.switching_{who}", lang, n=months), total_text(f.totals["switching"], whole, lang)],
        [best, total_text(fixed.total, whole, lang)],
        [t("year.total.saving", lang), yen(f.saving)],
        [t("year.total.initial", lang, month=f.months[0].month), total_text(f.initial, whole, lang)],
    ]
    period = t("year.total.first_year", lang) if months == 12 else t("year.total.period", lang, n=months)
    for k in TOTALS:
        what = t(f"year.total.{k}_short" if k != "switching" else f"year.total.switching_{who}_short", lang)
        rows.append(
            [t("year.total.with_initial", lang, period=period, what=what), total_text(f.first_year[k], whole, lang)]
        )
    return rows


def change_line(f: YearFigures, lang: str) -> str:
    """The months where a change of plan would pay (against the best fixed plan), or that none does."""
    if not f.change_months:
        return t("year.no_change", lang)
    return t("year.change_months", lang, months=", ".join(f.change_months), yen=yen(f.saving))


def fiscal_rows(r: YearReport, lang: str) -> list[list[str]]:
    head = [t("year.col.fiscal", lang), t("year.col.span", lang), t("plan.A", lang), t("plan.B", lang)]
    rows = [[*head, t("year.col.switching", lang)]]
    for fy in r.fiscal_years or ():
        span = t("year.span", lang, start=fy.first, end=fy.to, n=fy.months)
        rows.append([t("year.fy", lang, fy=fy.fiscal_year), span, *(yen(fy.total(k)) for k in TOTALS)])
    return rows


def heading_lines(r: YearReport, lang: str) -> list[str]:
    p = r.period
    out = [f"{t('quote.scenario', lang)}: {r.name}"] if r.name else []
    out.append(t("year.period", lang, start=p.start_month, end=p.to, n=p.months))
    out.append(t(f"year.start.{p.start}", lang) + (" " + t("year.fiscal_note", lang) if p.fiscal else ""))
    tax = r.tax
    out.append(t("year.tax_on", lang, rate=tax.rate_percent) if tax.included else t("year.tax_off", lang))
    if is_company(r):
        out.append(t("year.options", lang, yen=yen(r.options)))
    return out


def unit_title(u: YearUnit, lang: str) -> str:
    return t("year.unit_heading", lang, office=u.office, unit=u.unit_label, method=u.method_label)


def blocks(r: YearReport, lang: str) -> list[tuple[str | None, YearFigures, bool]]:
    """(heading, figures, several units) of each part: the whole file, then each unit of a company."""
    if not is_company(r):
        return [(None, r.fees, False)]
    whole: list[tuple[str | None, YearFigures, bool]] = [
        (t("year.company_heading", lang, n=len(r.units)), r.fees, True)
    ]
    return whole + [(unit_title(u, lang), u.fees, False) for u in r.units]


def to_text(r: YearReport, lang: str) -> str:
    n = r.period.months
    parts = [*r.warnings, *heading_lines(r, lang), ""]
    for title, f, units in blocks(r, lang):
        if title:
            parts.append(title)
        right = money_columns(f, units)
        parts += [table.render(month_rows(f, lang, units=units), right=right), ""]
        parts += [table.render(totals_rows(f, n, lang, units=units), right={1}, header=False), change_line(f, lang), ""]
    if r.fiscal_years is not None:
        parts += [table.render(fiscal_rows(r, lang), right={2, 3, 4}), ""]
    return "\n".join([*parts, *trust_lines(r.notes, r.sources, lang)]) + "\n"


def to_markdown(r: YearReport, lang: str) -> str:
    n = r.period.months
    lines = md_head(t("year.title", lang), r.warnings, heading_lines(r, lang))
    for title, f, units in blocks(r, lang):
        if title:
            lines += [f"## {md_escape(title.lstrip('■ '))}", ""]
        right = money_columns(f, units)
        lines += [*md_table(month_rows(f, lang, units=units), right), ""]
        lines += [*md_table([["", ""], *totals_rows(f, n, lang, units=units)], {1}), ""]
        lines += [f"- {md_escape(change_line(f, lang))}", ""]
    if r.fiscal_years is not None:
        lines += [*md_table(fiscal_rows(r, lang), {2, 3, 4}), ""]
    return "\n".join(lines + md_trust(r.notes, r.sources, lang)[1:]) + "\n"


CSV_HEAD = ["scope", "office", "unit", "month", "volume", "multiplier", "a", "b", "cheaper", "best", "pays"]
CSV_HEAD += ["key", "label", "amount", "status"]
TOTAL_KEYS: tuple[str, ...] = ("total_a", "total_b", "total_switching", "best_fixed", "saving", "initial")
TOTAL_KEYS += ("first_year_a", "first_year_b", "first_year_switching")


def to_csv(r: YearReport, lang: str) -> str:
    """One row per month and per total, for the file (scope ``file``) and each unit of a company
    (scope ``unit``); raw integers. ``key`` is the same in every language: ``month``, ``total_a``,
    ``total_b``, ``total_switching``, ``best_fixed``, ``saving``, ``initial``, ``first_year_a`` ...,
    ``fiscal_year_a`` ...; ``label`` is what a reader reads, in ``lang``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_HEAD)
    n = r.period.months
    parts = [("file", "", "", r.fees)] + [("unit", u.office, u.unit, u.fees) for u in r.units if is_company(r)]
    for scope, office, unit, f in parts:
        where = [scope, office, unit]
        for m in f.months:
            k = m.multiplier if m.multiplier is not None else ("given" if m.given else "")
            row = [m.month, m.volume, k, m.a, m.b, m.cheaper, m.best, int(m.pays)]
            w.writerow([*where, *row, "month", "", "", ""])
        rows = totals_rows(f, n, lang, units=scope == "file" and is_company(r))
        values = [*(f.totals[k] for k in TOTALS), f.best_fixed.total, f.saving, f.initial]
        values += [f.first_year[k] for k in TOTALS]
        status = "" if f.complete else "incomplete"
        for key, (text, _), value in zip(TOTAL_KEYS, rows, values, strict=True):
            w.writerow([*where, "", "", "", "", "", "", "", "", key, text, value, status if key != "saving" else ""])
    for fy in r.fiscal_years or ():
        for k in TOTALS:
            text = (
                t("year.fy", lang, fy=fy.fiscal_year)
                + " "
                + t(f"year.col.{'switching' if k == 'switching' else k}", lang)
            )
            w.writerow(
                ["file", "", "", fy.fiscal_year, "", "", "", "", "", "", "", f"fiscal_year_{k}", text, fy.total(k), ""]
            )
    for kind, texts in (("warning", r.warnings), ("note", r.notes)):
        for x in texts:
            w.writerow(["", "", "", "", "", "", "", "", "", "", "", kind, x, "", ""])
    for c in r.sources:
        w.writerow(["", "", "", "", "", "", "", "", "", "", "", "source", f"{c.what}: {c.source}", "", ""])
    return buf.getvalue()
