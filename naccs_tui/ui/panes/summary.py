"""SummaryBar: two lines always in view, so a slider's effect shows on every tab."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.company import UnitKind
from ...domain.company_quote import CompanyQuote
from ...domain.costing import Quote
from ...i18n import t
from ...render.catalog import total_text
from ...render.table import cell_width
from ...render.verdict import break_even_compact, break_even_line, cheaper_compact, cheaper_short

Piece = tuple[str, str]
"""A run of text and the name of its style ("plan", "cheaper" or "" for none)."""


def first_line_forms(q: Quote, tax: bool) -> list[list[Piece]]:
    """Plan A and Plan B monthly and which is cheaper, from the longest wording to the shortest:
    the plan's name, then its letter; the unit after each amount, then once; the verdict sentence,
    then its compact form. Every form has every figure whole."""
    forms: list[list[Piece]] = []
    for full_names, units, verdict in (
        (True, "each", cheaper_short),
        (True, "each", cheaper_compact),
        (False, "each", cheaper_compact),
        (False, "once", cheaper_compact),
    ):
        pieces: list[Piece] = []
        for plan in ("A", "B"):
            name = t(f"plan.{plan}") if full_names else t(f"summary.plan.{plan}")
            pieces.append((f"{name} ", "plan"))
            monthly = total_text(q.monthly(plan, tax), q.plan(plan).monthly_complete, short=True)
            pieces.append((monthly, "cheaper" if q.cheaper == plan else "plan"))
            if units == "each" or plan == "B":
                pieces.append((f" {t('unit.per_month')}", ""))
            pieces.append(("  ", ""))
        pieces.append((verdict(q, tax), "plan" if q.cheaper == "equal" else "cheaper"))
        forms.append(pieces)
    return forms


def second_line_forms(q: Quote, tax: bool) -> list[list[Piece]]:
    """The break-even against the volume now and the tax state, longest wording first."""
    marker = f"  ({t('tax.included' if tax else 'tax.excluded')})"
    return [[(line, ""), (marker, "")] for line in (break_even_line(q), break_even_compact(q))]


def unit_label(cq: CompanyQuote, unit: tuple[int, UnitKind]) -> str:
    """The selected unit, as the summary names it: office, unit."""
    office = cq.offices[unit[0] - 1].office.name or t("company.office_n", n=unit[0])
    return t("nav.summary_unit", office=office, unit=t(f"company.unit.{unit[1]}"))


def company_line_forms(q: Quote, cq: CompanyQuote, tax: bool) -> list[list[Piece]]:
    """With several units: the company's monthly with the chosen plans (tax as shown), then the
    selected unit's break-even when there is room, longest wording first."""
    marker = f"  ({t('tax.included' if tax else 'tax.excluded')})"
    complete = all(u.quote.a.monthly_complete for u in cq.units)
    monthly = total_text(cq.monthly("chosen", tax), complete, short=True)
    whole = t("nav.summary_company", yen=monthly)
    short = t("nav.summary_company_short", yen=monthly)
    return [
        [(whole, "plan"), ("  " + break_even_compact(q), ""), (marker, "")],
        [(whole, "plan"), (marker, "")],
        [(short, "plan"), (marker, "")],
    ]


def fitting(forms: list[list[Piece]], width: int) -> list[Piece]:
    """The first (longest) form whose text fits ``width`` terminal cells, else the shortest."""
    for pieces in forms:
        if cell_width("".join(text for text, _ in pieces)) <= width:
            return pieces
    return forms[-1]


class SummaryBar(Widget):
    """Plan A and Plan B monthly, which is cheaper (glyph + text), the break-even vs now, each on
    one line: the wording shortens to the width (measured in cells), the figures never do."""

    COMPONENT_CLASSES = {"summary--cheaper", "summary--plan"}
    DEFAULT_CSS = """
    SummaryBar {
        height: 2;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        & > .summary--cheaper { color: $success; text-style: bold; }
        & > .summary--plan { text-style: bold; }
    }
    """

    quote = reactive(None)
    """The app's quote: the selected unit's (bound)."""
    company_quote: reactive[CompanyQuote | None] = reactive(None)
    """The app's company quote (bound): with several units, the bar names the selected one and
    gives the company's total."""
    unit: reactive[tuple[int, UnitKind]] = reactive((1, "netnaccs"))
    """The selected unit (bound)."""
    tax = reactive(False)
    """Show the monthly totals including tax (bound)."""

    def lines(self, width: int) -> list[list[Piece]]:
        """The two lines for ``width`` cells (none before there is a quote)."""
        q = self.quote
        if q is None:
            return []
        cq = self.company_quote
        if cq is None or len(cq.units) < 2:
            return [fitting(first_line_forms(q, self.tax), width), fitting(second_line_forms(q, self.tax), width)]
        label: list[Piece] = [(f"[{unit_label(cq, self.unit)}] ", "plan")]
        first = fitting([label + form for form in first_line_forms(q, self.tax)], width)
        return [first, fitting(company_line_forms(q, cq, self.tax), width)]

    def render(self) -> Text:
        styles: dict[str, Style | str] = {
            "plan": self.get_component_rich_style("summary--plan"),
            "cheaper": self.get_component_rich_style("summary--cheaper"),
            "": "",
        }
        text = Text(no_wrap=True, end="")
        for n, pieces in enumerate(self.lines(self.content_size.width)):
            if n:
                text.append("\n")
            for piece, style in pieces:
                text.append(piece, styles[style])
        return text


__all__ = ["SummaryBar"]
