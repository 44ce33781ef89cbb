"""The year report (render/year.py) as one self-contained HTML page: the period, a bar chart of
Plan A and Plan B month by month (the cheaper marked, the months where a change of plan pays
shaded), the month table and the totals, for the whole file and for each unit of a company, then
the caveats and the sources. The same rows and sentences as the text form (render/year_text.py);
the page's CSS is the printed quote's; every string is escaped."""

from __future__ import annotations

import io
from html import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import __version__
from ..i18n import t
from .html import CSS
from .svgchart import A_COLOUR, B_COLOUR, BE_COLOUR, _inline
from .year_model import YearFigures, YearReport
from .year_text import (
    blocks,
    change_line,
    fiscal_rows,
    heading_lines,
    money_columns,
    month_rows,
    totals_rows,
)

EXTRA_CSS = """
tr.pays td { background: #fff3d6; font-weight: bold; }
.legend .sw.bar-a { border-top: 8px solid var(--a); } .legend .sw.bar-b { border-top: 8px dashed var(--b); }
.legend .sw.pays { border-top: 8px solid #fff3d6; }
"""
FIGSIZE = (6.9, 2.3)
PAYS_COLOUR = "#fff3d6"


def _e(x: object) -> str:
    return escape(str(x), quote=True)


def _table(rows: list[list[str]], right: set[int], pays: list[bool] | None = None, head: bool = True) -> str:
    def cell(tag: str, i: int, x: str) -> str:
        return f"<{tag}{' class=num' if i in right else ''}>{_e(x)}</{tag}>"

    first = "<thead><tr>" + "".join(cell("th", i, x) for i, x in enumerate(rows[0])) + "</tr></thead>" if head else ""
    body = rows[1:] if head else rows
    marks = pays or []
    trs = "".join(
        f"<tr{' class=pays' if n < len(marks) and marks[n] else ''}>"
        + "".join(cell("td", i, x) for i, x in enumerate(row))
        + "</tr>"
        for n, row in enumerate(body)
    )
    return f"<table>{first}<tbody>{trs}</tbody></table>\n"


def bars_svg(f: YearFigures, title: str) -> str:
    """Plan A (solid) and Plan B (hatched) side by side for each month, ✔ over the cheaper, the
    months where a change of plan pays shaded; as an <svg> element (matplotlib, text kept as text)."""
    months = f.months
    xs = list(range(len(months)))
    rc = {
        "svg.fonttype": "none",
        "svg.hashsalt": "naccs-tui-year",
        "font.size": 8,
        "font.family": ["sans-serif"],
        "axes.spines.top": False,
        "axes.spines.right": False,
        "hatch.color": B_COLOUR,
    }
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]
        fig = Figure(figsize=FIGSIZE, layout="constrained")
        ax = fig.add_subplot()
        top = max(max(m.a, m.b) for m in months) * 1.15 or 1
        for x, m in zip(xs, months, strict=True):
            if m.pays:
                ax.axvspan(x - 0.5, x + 0.5, color=PAYS_COLOUR, zorder=0)
        ax.bar([x - 0.2 for x in xs], [m.a for m in months], 0.4, color=A_COLOUR, zorder=2)
        ax.bar(
            [x + 0.2 for x in xs],
            [m.b for m in months],
            0.4,
            color="white",
            edgecolor=B_COLOUR,
            hatch="////",
            zorder=2,
        )
        for x, m in zip(xs, months, strict=True):
            if m.cheaper in ("A", "B"):
                dx, y = (-0.2, m.a) if m.cheaper == "A" else (0.2, m.b)
                ax.annotate("✔", (x + dx, y), xytext=(0, 2), textcoords="offset points", ha="center", color=BE_COLOUR)
        ax.set_ylim(0, top)
        ax.set_xlim(-0.6, len(xs) - 0.4)
        ax.set_xticks(xs, [m.month for m in months], rotation=45 if len(xs) > 12 else 0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.5, zorder=1)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(buf.getvalue(), title)


def _chart(f: YearFigures, lang: str) -> str:
    legend = [
        ("bar-a", t("year.html.legend_a", lang)),
        ("bar-b", t("year.html.legend_b", lang)),
        ("pays", t("year.html.legend_pays", lang)),
    ]
    items = "".join(f'<li><span class="sw {cls}"></span>{_e(text)}</li>' for cls, text in legend)
    svg = bars_svg(f, t("year.html.chart_alt", lang))
    return f'<figure><ul class="legend">{items}</ul>\n{svg}\n<figcaption class="axes">{_e(t("year.html.axes", lang))}</figcaption></figure>\n'


def to_html(r: YearReport, lang: str) -> str:
    n = r.period.months
    title = t("year.title", lang) + (f" — {r.name}" if r.name else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}{EXTRA_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1></header>",
        *(f'<div class="warning" role="note">{_e(w)}</div>' for w in r.warnings),
        "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in heading_lines(r, lang)) + "</ul>",
    ]
    for heading, f, units in blocks(r, lang):
        body = _chart(f, lang)
        rows = month_rows(f, lang, units=units)
        body += _table(rows, money_columns(f, units), [m.pays for m in f.months])
        body += _table(totals_rows(f, n, lang, units=units), {1}, head=False)
        body += f"<p>{_e(change_line(f, lang))}</p>\n"
        name = heading.lstrip("■ ") if heading else t("year.html.months", lang)
        parts.append(f"<section><h2>{_e(name)}</h2>\n{body}</section>")
    if r.fiscal_years is not None:
        parts.append(
            f"<section><h2>{_e(t('year.col.fiscal', lang))}</h2>\n{_table(fiscal_rows(r, lang), {2, 3, 4})}</section>"
        )
    notes = "".join(f"<li>{_e(x)}</li>" for x in r.notes)
    parts.append(f'<section><h2>{_e(t("trust.notes", lang))}</h2><ol class="notes">{notes}</ol></section>')
    sources = "".join(f"<li>{_e(c.what)}: {_e(c.source)}</li>" for c in r.sources)
    parts.append(f'<section><h2>{_e(t("trust.sources", lang))}</h2><ul class="sources">{sources}</ul></section>')
    made = t("app.title", lang) + " · " + t("report.made_with", lang, version=__version__)
    parts += [f"<footer>{_e(made)}</footer>", "</body></html>"]
    return "\n".join(parts) + "\n"
