"""The comparison of companies (schema 2, a schema-1 file counting as one office): one dict (the
JSON form) and its text, Markdown and CSV renderings, each company's monthly bill with the chosen
plans, all A, all B and the best plan per unit."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..domain.company_quote import MIXES, CompanyRow
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import line_notices, total_text
from .company import MIX_KEYS
from .compare import fit
from .jsondoc import to_json
from .quote import md_table

COMPARE_COLUMNS = ("label", "units", "chosen", "all_a", "all_b", "best_per_unit", "initial", "total", "start", "diff")


def compare_report(
    rows: list[CompanyRow], *, months: int, tax: bool, lang: str, tariffs: Tariffs | None = None
) -> dict[str, Any]:
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
    return {
        "months": months,
        "tax": {"included": tax, "rate_percent": rows[0].quote.tax_rate_percent if rows else 0},
        "sample_prices": sample,
        "warnings": warnings,
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
                "complete": all(u.quote.complete for u in r.quote.units),
            }
            for r in rows
        ],
    }


def compare_rows(rep: dict[str, Any], lang: str) -> list[list[str]]:
    head = [t(f"company.compare.{c}", lang, months=rep["months"]) for c in COMPARE_COLUMNS]
    out = [head]
    for r in rep["companies"]:
        counts = t("company.compare.counts", lang, offices=r["offices"], units=r["units"])
        whole = r.get("complete", True)
        money = [
            total_text(r[k], whole, lang, short=True)
            for k in ("chosen", "all_a", "all_b", "best_per_unit", "initial", "total")
        ]
        out.append([r["label"], counts, *money, r["start"], "±0" if r["diff"] == 0 else f"{r['diff']:+,}"])
    return out


def compare_notes(rep: dict[str, Any], lang: str) -> list[str]:
    tax = t("tax.included" if rep["tax"]["included"] else "tax.excluded", lang)
    notes_ = [t("quote.amounts_note", lang, tax=tax), t("company.compare.note", lang, months=rep["months"])]
    return [*rep["warnings"], *notes_]


COMPARE_RIGHT = {2, 3, 4, 5, 6, 7, 9}
COMPARE_PRIORITY = ((0,), (7,), (9,), (2,), (6,), (8,), (5,), (3, 4), (1,))
"""Columns of ``compare_rows`` by how much they decide: the file, its N-month total, the difference,
the monthly with the chosen plans, the initial, the start, then the other mixes and the counts."""


def compare_layout(rep: dict[str, Any], lang: str, width: int) -> list[tuple[str, str]]:
    """The comparison of companies in ``width`` cells (as ``render.compare.layout``): the deciding
    columns that fit, the rest under each row as "header: value"; a figure is never cut."""
    head, *rows = compare_rows(rep, lang)
    return fit(head, rows, COMPARE_PRIORITY, COMPARE_RIGHT, (), lang, width)


COMPARE_FORMATS = {
    "text": lambda rep, lang: (
        "\n".join([table.render(compare_rows(rep, lang), right=COMPARE_RIGHT), "", *compare_notes(rep, lang)]) + "\n"
    ),
    "markdown": lambda rep, lang: (
        "\n".join(
            [f"# {t('company.compare.title', lang)}", "", *md_table(compare_rows(rep, lang), COMPARE_RIGHT), ""]
            + [f"- {n}" for n in compare_notes(rep, lang)]
        )
        + "\n"
    ),
    "csv": lambda rep, lang: _compare_csv(rep),
    "json": lambda rep, lang: to_json(rep),
}


def _compare_csv(rep: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COMPARE_COLUMNS, "offices", "latest_start", "months", "tax_included", "sample_prices", "complete"])
    for r in rep["companies"]:
        extra = [r["offices"], r["latest_start"], rep["months"], rep["tax"]["included"], rep["sample_prices"]]
        extra.append(r.get("complete", True))
        w.writerow([*(r[c] for c in COMPARE_COLUMNS), *extra])
    return buf.getvalue()
