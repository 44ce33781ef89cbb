"""The cost-vs-volume chart of a quote report as one static SVG (for the HTML report).

The numbers come from the domain chart module (`naccs_tui.domain.chart`), the one the TUI's chart
tab draws, so the crossing is the same figure. The drawing is matplotlib's SVG backend (text kept
as text, so the page's system fonts draw it and a PDF of the page can be searched).

Late imports: matplotlib loads only when a chart is drawn: a report without a chart (no volumes)
and the quote's other formats do not need it (start-up time).
"""

from __future__ import annotations

import io
import re
from fractions import Fraction
from html import escape
from math import ceil

from ..domain.chart import Chart, chart
from ..domain.costing import BreakEven, PlanQuote, Quote
from .report_model import PlanFigures, UnitPage, UnitReport

A_COLOUR, B_COLOUR, BE_COLOUR, NOW_COLOUR = "#1f5fa8", "#c0304f", "#2e7d3e", "#9a7200"
FIGSIZE = (6.9, 1.9)  # inches: the width of an A4 page's text column


def _plan(name: str, p: PlanFigures) -> PlanQuote:
    """The tax-excluded plan figures of a report (items are always tax-excluded; a fee not
    published counts for nothing, as in the report's totals)."""
    monthly = sum(i.amount or 0 for i in p.items)
    initial = sum(i.amount or 0 for i in p.initial_items)
    return PlanQuote(name, (), (), monthly, initial, p.metered, p.basic, p.line, p.options)


def quote_of(r: UnitReport | UnitPage) -> Quote:
    """The Quote a report was made from, as far as the chart needs it (amounts tax-excluded)."""
    a, b = _plan("A", r.plans["A"]), _plan("B", r.plans["B"])
    volume = r.answer.volume
    be_r = r.answer.break_even
    be = None
    gap = b.metered - a.metered  # Σ volume × (price B − price A): what Plan A's basic fee buys back
    if (
        be_r.transactions_per_month is not None
        and be_r.plan_b_metered_per_terminal is not None
        and be_r.margin_transactions is not None
        and volume > 0
        and gap > 0
    ):
        exact = Fraction(a.basic * volume, gap)
        be = BreakEven(
            exact / volume,
            exact,
            be_r.transactions_per_month,
            be_r.plan_b_metered_per_terminal,
            be_r.margin_transactions,
            be_r.margin_percent,
        )
    return Quote(
        a,
        b,
        r.cheaper,
        abs(a.monthly - b.monthly),
        volume,
        be,
        r.answer.rule_of_thumb.plan_b_metered_per_terminal,
        r.answer.rule_of_thumb.verdict,
        r.tariffs.sample,
        r.tax.rate_percent,
    )


def chart_of(r: UnitReport | UnitPage) -> Chart:
    """The domain chart of a report: the same series and break-even as the TUI's chart tab."""
    # chart() reads only the quote when one is given; the scenario and tariffs are not needed.
    return chart(None, None, q=quote_of(r))  # type: ignore[arg-type]


def _ticks(v: float, _pos: object) -> str:
    return f"{v:,.0f}"


def svg(c: Chart, months: int, tax: bool, title: str) -> str:
    """Plan A and Plan B (``months``-month totals) against monthly volume, as an <svg> element."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ya, yb = c.totals(months, tax)
    rc = {  # text stays text (system fonts, searchable in the printed PDF); stable ids
        "svg.fonttype": "none",
        "svg.hashsalt": "naccs-tui",
        "font.size": 8,
        "font.family": ["sans-serif"],
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]  # matplotlib types the keys as literals
        fig = Figure(figsize=FIGSIZE, layout="constrained")
        ax = fig.add_subplot()
        ax.plot(c.xs, ya, color=A_COLOUR, linewidth=1.8)
        ax.plot(c.xs, yb, color=B_COLOUR, linewidth=1.8, linestyle=(0, (6, 3)))
        top = max(max(ya), max(yb)) * 1.12 or 1
        ax.set_xlim(0, c.x_max)
        ax.set_ylim(0, top)
        ax.grid(True, color="#dddddd", linewidth=0.5)
        ax.xaxis.set_major_formatter(FuncFormatter(_ticks))
        ax.yaxis.set_major_formatter(FuncFormatter(_ticks))
        ax.xaxis.set_major_locator(MaxNLocator(8, integer=True))
        if c.break_even is not None:
            n = ceil(c.break_even)  # the whole figure every other place says
            ax.axvline(n, color=BE_COLOUR, linewidth=1.2, linestyle="-.")
            ax.plot([n], [c.marker_total(n, months, tax)[0]], marker="D", markersize=5, color=BE_COLOUR)
            ax.annotate(f"{n:,}", (n, top), xytext=(3, -10), textcoords="offset points", color=BE_COLOUR)
        ax.axvline(c.volume, color=NOW_COLOUR, linewidth=1.5, linestyle=":")
        ax.annotate(f"{c.volume:,}", (c.volume, top), xytext=(3, -20), textcoords="offset points", color=NOW_COLOUR)
        # the plan letters beside each line: the chart reads without colour (and in black and white)
        ia, ib = len(c.xs) * 8 // 10, len(c.xs) * 9 // 10
        ax.annotate("A", (c.xs[ia], ya[ia]), xytext=(0, 6), textcoords="offset points", color=A_COLOUR, weight="bold")
        ax.annotate("B", (c.xs[ib], yb[ib]), xytext=(0, 6), textcoords="offset points", color=B_COLOUR, weight="bold")
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(buf.getvalue(), title)


def _inline(text: str, title: str) -> str:
    """matplotlib's SVG file as an element to put in a page: no prolog, no metadata, fluid width."""
    body = text[text.index("<svg") :]
    body = re.sub(r"\s*<metadata>.*?</metadata>", "", body, count=1, flags=re.S)
    body = re.sub(r'\swidth="[^"]*pt"\sheight="[^"]*pt"', "", body, count=1)
    return body.replace("<svg", f'<svg role="img" aria-label="{escape(title)}" class="chart"', 1)
