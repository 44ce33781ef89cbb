"""The comparison of companies (schema 2, a schema-1 file counting as one office): typed data
(render/compare_model.py) and its text, Markdown and CSV renderings, each company's monthly bill
with the chosen plans, all A, all B and the best plan per unit."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping

from ..domain.company_quote import MIXES, CompanyRow
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import line_notices, total_text
from .company import MIX_KEYS
from .compare import fit
from .compare_model import CompanyColumn, CompanyCompareReport, CompareTax
from .jsondoc import to_json
from .quote import md_table

COMPARE_COLUMNS = ("label", "units", "chosen", "all_a", "all_b", "best_per_unit", "initial", "total", "start", "diff")


def compare_report(
    rows: list[CompanyRow], *, months: int, tax: bool, lang: str, tariffs: Tariffs | None = None
) -> CompanyCompareReport:
    sample = any(r.quote.sample_prices for r in rows)
    warnings = [t("trust.sample", lang)] if sample else []
    if tariffs is not None:  # each file's lines the access page no longer lists, or whose fees are unpublished
        for r in rows:
            for u in r.quote.units:
                notices = (
                    t("compare.unlisted", lang, label=r.label, notice=n)
                    for n in line_notices(u.scenario.line, tariffs, lang)
                )
                warnings += [x for x in notices if x not in warnings]
    return CompanyCompareReport(
        months=months,
        tax=CompareTax(tax, rows[0].quote.tax_rate_percent if rows else 0),
        sample_prices=sample,
        warnings=tuple(warnings),
        companies=tuple(
            CompanyColumn(
                label=r.label,
                name=r.company.name,
                offices=len(r.company.offices),
                units=len(r.quote.units),
                **{MIX_KEYS[m]: r.monthly[m] for m in MIXES},
                initial=r.initial,
                total=r.total,
                start=r.start.isoformat(),
                latest_start=r.latest_start.isoformat(),
                diff=r.diff,
                complete=all(u.quote.complete for u in r.quote.units),
            )
            for r in rows
        ),
    )


def compare_rows(rep: CompanyCompareReport, lang: str) -> list[list[str]]:
    head = [t(f"company.compare.{c}", lang, months=rep.months) for c in COMPARE_COLUMNS]
    out = [head]
    for r in rep.companies:
        counts = t("company.compare.counts", lang, offices=r.offices, units=r.units)
        money = [
            total_text(n, r.complete, lang, short=True)
            for n in (r.chosen, r.all_a, r.all_b, r.best_per_unit, r.initial, r.total)
        ]
        out.append([r.label, counts, *money, r.start, "±0" if r.diff == 0 else f"{r.diff:+,}"])
    return out


def compare_notes(rep: CompanyCompareReport, lang: str) -> list[str]:
    tax = t("tax.included" if rep.tax.included else "tax.excluded", lang)
    notes_ = [t("quote.amounts_note", lang, tax=tax), t("company.compare.note", lang, months=rep.months)]
    return [*rep.warnings, *notes_]


COMPARE_RIGHT = {2, 3, 4, 5, 6, 7, 9}
COMPARE_PRIORITY = ((0,), (7,), (9,), (2,), (6,), (8,), (5,), (3, 4), (1,))
"""Columns of ``compare_rows`` by how much they decide: the file, its N-month total, the difference,
the monthly with the chosen plans, the initial, the start, then the other mixes and the counts."""


def compare_layout(rep: CompanyCompareReport, lang: str, width: int) -> list[tuple[str, str]]:
    """The comparison of companies in ``width`` cells (as ``render.compare.layout``): the deciding
    columns that fit, the rest under each row as "header: value"; a figure is never cut."""
    head, *rows = compare_rows(rep, lang)
    return fit(head, rows, COMPARE_PRIORITY, COMPARE_RIGHT, (), lang, width)


def _compare_text(rep: CompanyCompareReport, lang: str) -> str:
    return "\n".join([table.render(compare_rows(rep, lang), right=COMPARE_RIGHT), "", *compare_notes(rep, lang)]) + "\n"


def _compare_markdown(rep: CompanyCompareReport, lang: str) -> str:
    lines = [f"# {t('company.compare.title', lang)}", "", *md_table(compare_rows(rep, lang), COMPARE_RIGHT), ""]
    return "\n".join(lines + [f"- {n}" for n in compare_notes(rep, lang)]) + "\n"


def _compare_csv(rep: CompanyCompareReport, lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COMPARE_COLUMNS, "offices", "latest_start", "months", "tax_included", "sample_prices", "complete"])
    for r in rep.companies:
        extra = [r.offices, r.latest_start, rep.months, rep.tax.included, rep.sample_prices, r.complete]
        w.writerow([*(getattr(r, c) for c in COMPARE_COLUMNS), *extra])
    return buf.getvalue()


def _compare_json(rep: CompanyCompareReport, lang: str) -> str:
    return to_json(rep.as_dict())


COMPARE_FORMATS: Mapping[str, Callable[[CompanyCompareReport, str], str]] = {
    "text": _compare_text,
    "markdown": _compare_markdown,
    "csv": _compare_csv,
    "json": _compare_json,
}
"""The one registry of the formats of the comparison of companies."""
