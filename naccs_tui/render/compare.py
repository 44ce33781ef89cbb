"""The comparison report: typed data (render/compare_model.py) and its text, Markdown and CSV forms."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping

from ..domain.catalog import unlisted
from ..domain.compare import Row
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import line_notices, total_text
from .compare_model import CompareReport, CompareTax, ScenarioColumn
from .jsondoc import to_json
from .labels import line_label, method_label

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


def report(rows: list[Row], *, months: int, tax: bool, lang: str, tariffs: Tariffs | None = None) -> CompareReport:
    """Typed data: one entry per scenario, amounts as integers, dates ISO. With ``tariffs``, each
    scenario whose line the current access page does not list, or whose fees are not published,
    carries its notices, and the warnings name it."""
    notices = {r.label: line_notices(r.scenario.line, tariffs, lang) if tariffs else [] for r in rows}
    warnings = [t("trust.sample", lang)] if any(r.quote.sample_prices for r in rows) else []
    warnings += [t("compare.unlisted", lang, label=label, notice=n) for label, ns in notices.items() for n in ns]
    return CompareReport(
        months=months,
        tax=CompareTax(tax, rows[0].quote.tax_rate_percent if rows else 0),
        sample_prices=any(r.quote.sample_prices for r in rows),
        warnings=tuple(warnings),
        scenarios=tuple(
            ScenarioColumn(
                label=r.label,
                name=r.scenario.name,
                line=line_label(r.scenario, lang),
                method=method_label(r.scenario, lang),
                monthly_a=r.monthly_a,
                monthly_b=r.monthly_b,
                cheaper=r.cheaper,
                initial=r.initial,
                total_a=r.total_a,
                total_b=r.total_b,
                total=r.total,
                start=r.start.isoformat(),
                latest_start=r.latest_start.isoformat(),
                diff=r.diff,
                complete=r.quote.complete,
                unlisted=tariffs is not None and unlisted(r.scenario.line, tariffs),
                notices=tuple(notices[r.label]),
            )
            for r in rows
        ),
    )


def _signed(n: int) -> str:
    return "±0" if n == 0 else f"{n:+,}"


def header(months: int, lang: str) -> list[str]:
    return [
        t("compare.col.scenario", lang),
        t("quote.line", lang),
        t("quote.method", lang),
        t("compare.col.monthly_a", lang),
        t("compare.col.monthly_b", lang),
        t("compare.col.cheaper", lang),
        t("quote.initial", lang),
        t("compare.col.total_a", lang, months=months),
        t("compare.col.total_b", lang, months=months),
        t("compare.col.total", lang, months=months),
        t("compare.col.start", lang),
        t("compare.col.diff", lang),
    ]


def cells(r: ScenarioColumn, lang: str) -> list[str]:
    cheaper = t("plan.equal", lang) if r.cheaper == "equal" else t(f"plan.{r.cheaper}", lang)
    mark = {p: (" ◀" if r.cheaper == p else "") for p in "AB"}
    whole = r.complete

    def money(n: int) -> str:
        return total_text(n, whole, lang, short=True)

    return [
        r.label,
        r.line,
        r.method,
        money(r.monthly_a) + mark["A"],
        money(r.monthly_b) + mark["B"],
        cheaper,
        money(r.initial),
        money(r.total_a),
        money(r.total_b),
        money(r.total),
        r.start,
        _signed(r.diff) + ("" if whole else t("summary.incomplete_mark", lang)),
    ]


RIGHT = {3, 4, 6, 7, 8, 9, 11}


def notes(rep: CompareReport, lang: str, *, short: bool = False) -> list[str]:
    """The lines under the table: the sample warning, the tax and the meaning of the difference
    (``short``: and of the total, whose header ``layout`` shortens)."""
    tax = t("tax.included" if rep.tax.included else "tax.excluded", lang)
    meaning = "compare.total_note" if short else "compare.diff_note"
    out = [t("quote.amounts_note", lang, tax=tax), t(meaning, lang, months=rep.months)]
    return [*rep.warnings, *out]


TEXT_WIDTH = 100
"""Cells the text report fits in."""
MONTHS = (1, 600)
"""The periods a comparison takes, in months (as the CLI's ``--months``)."""
LINE, METHOD, CHEAPER, TOTAL, START = 1, 2, 5, 9, 10
PRIORITY = ((0,), (TOTAL,), (11,), (3, 4), (6,), (START,), (CHEAPER,), (7, 8))
"""Columns of ``header``/``cells`` by how much they decide, the ones read together grouped: the
table takes them in this order while they fit; the line and the method are always details."""
DETAIL_INDENT = "  "


def layout(rep: CompareReport, lang: str, width: int = TEXT_WIDTH) -> list[tuple[str, str]]:
    """The comparison as lines that fit ``width`` cells: a table of the deciding figures that fit
    (one row per scenario, ``"head"``/``"rule"``/``"row"``), each row followed by its details
    (``"detail"``): the line, the method and every figure the table has no room for, as
    "header: value", wrapped between items. A figure is never cut; it moves to the details."""
    head = header(rep.months, lang)
    head[TOTAL] = t("compare.col.total_short", lang, months=rep.months)  # explained by the notes
    rows = [cells(r, lang) for r in rep.scenarios]
    return fit(head, rows, PRIORITY, RIGHT, (LINE, METHOD), lang, width)


def fit(
    head: list[str],
    rows: list[list[str]],
    priority: tuple[tuple[int, ...], ...],
    right: set[int],
    always: tuple[int, ...],
    lang: str,
    width: int,
) -> list[tuple[str, str]]:
    """A table of the columns that fit ``width``, taken in the order of ``priority`` (the first
    group always), each row followed by its details: the cells of ``always`` as they are, then
    every other column the table has no room for as "header: value", wrapped between items."""

    def widest(i: int) -> int:
        return max(table.cell_width(x[i]) for x in [head, *rows])

    chosen: set[int] = set()
    used = -2
    for group in priority:
        extra = sum(widest(i) + 2 for i in group)
        if not chosen or used + extra <= width:
            chosen.update(group)
            used += extra
    columns = [i for i in range(len(head)) if i in chosen]
    aligned = {n for n, i in enumerate(columns) if i in right}
    rendered = table.render([[x[i] for i in columns] for x in [head, *rows]], right=aligned).split("\n")
    out = [("head", rendered[0]), ("rule", rendered[1])]
    for row, line in zip(rows, rendered[2:], strict=True):
        out.append(("row", line))
        parts = [row[i] for i in always]
        parts += [
            t("compare.pair", lang, label=head[i], value=row[i].strip())
            for i in range(len(head))
            if i not in chosen and i not in always
        ]
        out += [("detail", x) for x in wrap_items(parts, width, t("compare.sep", lang), DETAIL_INDENT)]
    return out


def wrap_items(parts: list[str], width: int, sep: str, indent: str = "") -> list[str]:
    """``parts`` joined by ``sep`` in lines of at most ``width`` cells, each starting with ``indent``;
    a line breaks between two parts, and inside a part only at a space when the part alone is
    wider than the line (a line label: "Dedicated line 10M / redundant / ..."): no word is cut."""
    lines: list[str] = []
    for part in parts:
        if lines and table.cell_width(lines[-1] + sep + part) <= width:
            lines[-1] += sep + part
            continue
        lines.append(indent)
        for word in part.split(" "):
            line = lines[-1] + (word if lines[-1] == indent else " " + word)
            if lines[-1] != indent and table.cell_width(line) > width:
                lines.append(indent + word)
            else:
                lines[-1] = line
    return lines


_SENTENCE_END = re.compile(r"(?<=。)|(?<=\.) (?=[A-Z])")


def sentences(note: str, width: int) -> list[str]:
    """A note as lines of at most ``width`` cells where it can: broken only after a sentence
    (after 「。」, or after ". " before a capital), so no word, command or figure is cut."""
    lines: list[str] = []
    for part in filter(None, _SENTENCE_END.split(note)):
        if lines and table.cell_width(lines[-1] + " " + part) <= width:
            lines[-1] += ("" if lines[-1].endswith("。") else " ") + part
        else:
            lines.append(part)
    return lines


def to_text(rep: CompareReport, lang: str) -> str:
    """The table of ``layout`` and the notes, in 100 cells."""
    lines = [line for _, line in layout(rep, lang)]
    lines += ["", *(x for n in notes(rep, lang, short=True) for x in sentences(n, TEXT_WIDTH))]
    return "\n".join(lines) + "\n"


def to_markdown(rep: CompareReport, lang: str) -> str:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    head = header(rep.months, lang)
    lines = [
        f"# {t('compare.title', lang)}",
        "",
        "| " + " | ".join(esc(h) for h in head) + " |",
        "|" + "|".join("---:" if i in RIGHT else "---" for i in range(len(head))) + "|",
    ]
    lines += ["| " + " | ".join(esc(c) for c in cells(r, lang)) + " |" for r in rep.scenarios]
    lines += [""] + [f"- {esc(n)}" for n in notes(rep, lang)]
    return "\n".join(lines) + "\n"


def to_csv(rep: CompareReport, lang: str) -> str:
    """One row per scenario, raw integer amounts."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COLUMNS, "latest_start", "months", "tax_included", "sample_prices", "complete", "unlisted"])
    for r in rep.scenarios:
        extra = [r.latest_start, rep.months, rep.tax.included, rep.sample_prices, r.complete, r.unlisted]
        w.writerow([*(getattr(r, c) for c in COLUMNS), *extra])
    return buf.getvalue()


def _json(rep: CompareReport, lang: str) -> str:
    return to_json(rep.as_dict())


FORMATS: Mapping[str, Callable[[CompareReport, str], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "csv": to_csv,
    "json": _json,
}
"""The one registry of the comparison's formats (companies: render/company_compare.py)."""
