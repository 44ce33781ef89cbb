"""The comparison report: one dict (the JSON form) and its text, Markdown and CSV renderings."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..domain.compare import Row
from ..i18n import t
from . import table
from .jsondoc import to_json
from .labels import line_label, method_label, yen

COLUMNS = (
    "label",
    "line",
    "method",
    "monthly_a",
    "monthly_b",
    "cheaper",
    "initial",
    "total_a",
    "total_b",
    "total",
    "start",
    "diff",
)


def report(rows: list[Row], *, months: int, tax: bool, lang: str) -> dict[str, Any]:
    """Plain data: one entry per scenario, amounts as integers, dates ISO."""
    return {
        "months": months,
        "tax": {"included": tax, "rate_percent": rows[0].quote.tax_rate_percent if rows else 0},
        "sample_prices": any(r.quote.sample_prices for r in rows),
        "warnings": [t("trust.sample", lang)] if any(r.quote.sample_prices for r in rows) else [],
        "scenarios": [
            {
                "label": r.label,
                "name": r.scenario.name,
                "line": line_label(r.scenario, lang),
                "method": method_label(r.scenario, lang),
                "monthly_a": r.monthly_a,
                "monthly_b": r.monthly_b,
                "cheaper": r.cheaper,
                "initial": r.initial,
                "total_a": r.total_a,
                "total_b": r.total_b,
                "total": r.total,
                "start": r.start.isoformat(),
                "latest_start": r.latest_start.isoformat(),
                "diff": r.diff,
            }
            for r in rows
        ],
    }


def _signed(n: int) -> str:
    return "±0" if n == 0 else f"{n:+,}"


def header(months: int, lang: str) -> list[str]:
    return [
        t("decide.col.scenario", lang),
        t("quote.line", lang),
        t("quote.method", lang),
        t("decide.col.monthly_a", lang),
        t("decide.col.monthly_b", lang),
        t("decide.col.cheaper", lang),
        t("quote.initial", lang),
        t("decide.col.total_a", lang, months=months),
        t("decide.col.total_b", lang, months=months),
        t("decide.col.total", lang, months=months),
        t("decide.col.start", lang),
        t("decide.col.diff", lang),
    ]


def cells(r: dict[str, Any], lang: str) -> list[str]:
    cheaper = t("plan.equal", lang) if r["cheaper"] == "equal" else t(f"plan.{r['cheaper']}", lang)
    mark = {p: (" ◀" if r["cheaper"] == p else "") for p in "AB"}
    return [
        r["label"],
        r["line"],
        r["method"],
        yen(r["monthly_a"]) + mark["A"],
        yen(r["monthly_b"]) + mark["B"],
        cheaper,
        yen(r["initial"]),
        yen(r["total_a"]),
        yen(r["total_b"]),
        yen(r["total"]),
        r["start"],
        _signed(r["diff"]),
    ]


RIGHT = {3, 4, 6, 7, 8, 9, 11}


def _notes(rep: dict[str, Any], lang: str) -> list[str]:
    tax = t("tax.included" if rep["tax"]["included"] else "tax.excluded", lang)
    out = [t("quote.amounts_note", lang, tax=tax), t("decide.compare.diff_note", lang, months=rep["months"])]
    return [*rep["warnings"], *out]


def to_text(rep: dict[str, Any], lang: str) -> str:
    rows = [header(rep["months"], lang), *(cells(r, lang) for r in rep["scenarios"])]
    return "\n".join([table.render(rows, right=RIGHT), "", *_notes(rep, lang)]) + "\n"


def to_markdown(rep: dict[str, Any], lang: str) -> str:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    head = header(rep["months"], lang)
    lines = [
        f"# {t('decide.compare.title', lang)}",
        "",
        "| " + " | ".join(esc(h) for h in head) + " |",
        "|" + "|".join("---:" if i in RIGHT else "---" for i in range(len(head))) + "|",
    ]
    lines += ["| " + " | ".join(esc(c) for c in cells(r, lang)) + " |" for r in rep["scenarios"]]
    lines += [""] + [f"- {esc(n)}" for n in _notes(rep, lang)]
    return "\n".join(lines) + "\n"


def to_csv(rep: dict[str, Any], lang: str) -> str:
    """One row per scenario, raw integer amounts."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COLUMNS, "latest_start", "months", "tax_included", "sample_prices"])
    for r in rep["scenarios"]:
        extra = [r["latest_start"], rep["months"], rep["tax"]["included"], rep["sample_prices"]]
        w.writerow([*(r[c] for c in COLUMNS), *extra])
    return buf.getvalue()


FORMATS = {
    "text": to_text,
    "markdown": to_markdown,
    "csv": to_csv,
    "json": lambda r, lang: to_json(r),
}
