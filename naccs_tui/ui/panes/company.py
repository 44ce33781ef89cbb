"""CompanyPane: the company view of the plans tab, offices x units, each unit's plan (the cheaper
one marked), its break-even, and the company totals; shown only when there is more than one unit.

One row per unit: its office, what it is (general NACCS, netNACCS or WebNACCS), the plan it is on,
Plan A and Plan B (basic plus metered fees, tax-excluded; the cheaper marked), where Plan A starts
to pay and its fixed fees (the line); then one row per office with paid options. The fees of the
plans the units are on plus the fixed column make the company's monthly with the chosen plans.
Enter on a unit's row makes the other panes work on it, ``p`` switches its plan (auto, A, B).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from ...domain.company import UnitKind
from ...domain.company_quote import CompanyQuote, UnitQuote
from ...i18n import t
from ...render.catalog import total_text
from ...render.company import mix_table, total_line
from ...render.labels import office_name, yen
from ...render.table import cell_width
from ...render.table import render as render_table
from ...render.verdict import CHEAPER, MARKER, break_even_line
from ..messages import CompanyEdited, UnitChosen
from ..screens.offices import NEXT_PLAN
from ..state import SetPlan
from ..sync import Synced
from .unit_table import UnitTable

__all__ = ["CompanyPane", "UnitTable"]

COLUMNS = ("office", "unit", "plan", "a", "b", "break_even", "fixed")
RIGHT = frozenset({"a", "b", "break_even", "fixed"})
SELECTED = "▸ "
"""Marks the selected unit's row (East-Asian width N: one cell in CJK terminals too)."""
CUT = ".."
"""Ends an office name cut to fit the table (ASCII: "…" is East-Asian ambiguous)."""
MIN_OFFICE = 8
"""The office column is never cut narrower than this (cells)."""


def _key(office: int, kind: UnitKind | None) -> str:
    """The row key of a unit (kind None: the office's options row)."""
    return f"{office}:{kind or 'options'}"


def unit_name(u: UnitQuote) -> str:
    """General NACCS, or the unit's method (netNACCS or WebNACCS)."""
    return t("company_view.unit_short.general") if u.kind == "general" else t(f"method.{u.scenario.usage.method}")


def _headers() -> dict[str, str]:
    return {
        "office": t("company.col.office"),
        "unit": t("company.col.unit"),
        "plan": t("company.col.plan"),
        "a": t("plan.A"),
        "b": t("plan.B"),
        "break_even": t("company_view.col.break_even"),
        "fixed": t("company_view.col.fixed_short"),
    }


def table_rows(q: CompanyQuote, unit: tuple[int, UnitKind]) -> list[tuple[str, dict[str, str]]]:
    """Every row of the table as (key, cells by column), in order: each office's units, then its
    options (when it has any)."""
    rows: list[tuple[str, dict[str, str]]] = []
    for o in q.offices:
        name = office_name(o.office, o.index)
        for u in o.units:
            mark = SELECTED if (u.office, u.kind) == unit else "  "
            plan = t("company.plan_auto" if u.choice == "auto" else "company.plan_fixed", plan=u.plan)
            be = u.quote.break_even
            cells = {
                "office": mark + name,
                "unit": unit_name(u),
                "plan": plan,
                "a": yen(u.fees("A")) + (f" {CHEAPER}" if u.quote.cheaper == "A" else "  "),
                "b": yen(u.fees("B")) + (f" {CHEAPER}" if u.quote.cheaper == "B" else "  "),
                "break_even": f"{MARKER} {yen(be.transactions_per_month)}" if be else "-",
                "fixed": total_text(u.line, u.quote.a.monthly_complete, short=True),
            }
            rows.append((_key(u.office, u.kind), cells))
        if o.options:
            cells = dict.fromkeys(COLUMNS, "")
            cells |= {"office": "  " + name, "unit": t("company.unit.options"), "fixed": yen(o.options)}
            rows.append((_key(o.index, None), cells))
    return rows


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending with ``CUT`` when it was cut."""
    if cell_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_width(out + ch) > width - len(CUT):
            break
        out += ch
    return out + CUT


def fit_rows(rows: list[tuple[str, dict[str, str]]], width: int) -> list[tuple[str, dict[str, str]]]:
    """The rows with the office names cut so that every column fits ``width`` cells (each column
    has 1 cell of padding on either side); the full name is in the sentence under the table."""
    if not width or not rows:
        return rows
    headers = _headers()
    others = sum(max(map(cell_width, [headers[c], *(cells[c] for _, cells in rows)])) + 2 for c in COLUMNS[1:])
    room = max(MIN_OFFICE, width - others - 2)
    if all(cell_width(cells["office"]) <= room for _, cells in rows):
        return rows
    fitted = []
    for key, cells in rows:
        mark, name = cells["office"][:2], cells["office"][2:]  # the selection mark stays whole
        fitted.append((key, {**cells, "office": mark + clip(name, room - cell_width(mark))}))
    return fitted


class CompanyPane(Synced, Vertical):
    """Follows the app's company quote and selected unit (bound); posts ``UnitChosen`` and
    ``CompanyEdited`` (a unit's plan), never changes state itself."""

    COMPONENT_CLASSES = {"company--selected", "company--cheaper", "company--muted"}
    DEFAULT_CSS = """
    CompanyPane {
        height: auto;
        border-bottom: hkey $foreground 20%;
        & > .company--selected { text-style: bold; }
        & > .company--cheaper { color: $success; text-style: bold; }
        & > .company--muted { color: $text-muted; }
        & > Static { width: 1fr; }
        & > #company-legend, & > #company-tax { color: $text-muted; }
        & > UnitTable { width: 1fr; max-height: 100vh; }
    }
    """

    company_quote: reactive[CompanyQuote | None] = reactive(None, repaint=False)
    """The app's company quote (bound)."""
    unit: reactive[tuple[int, UnitKind]] = reactive((1, "netnaccs"), repaint=False)
    """The unit the other panes work on (bound)."""
    tax = reactive(False, repaint=False)
    """Totals include consumption tax (bound)."""
    months = reactive(12, repaint=False)
    """Horizon of the N-month total (bound)."""

    def __init__(self, company_quote: CompanyQuote, unit: tuple[int, UnitKind], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(CompanyPane.company_quote, company_quote)
        self.set_reactive(CompanyPane.unit, unit)
        self.display = len(company_quote.units) > 1
        self._rows: list[tuple[str, dict[str, str]]] = []  # what the table shows now
        self._full: list[tuple[str, dict[str, str]]] = []  # the same with the office names whole
        self._units: dict[str, UnitQuote] = {}  # the unit of each row key (options rows: none)

    def compose(self):
        yield Static(id="company-legend")
        table = UnitTable(id="company-table", cursor_type="row", show_row_labels=False)
        for column, label in _headers().items():
            table.add_column(Text(label, justify="right" if column in RIGHT else "left"), key=column)
        yield table
        yield Static(id="company-break-even")
        yield Static(id="company-totals")
        yield Static(id="company-tax")

    def watch_company_quote(self) -> None:
        q = self.company_quote
        self.display = q is not None and len(q.units) > 1  # shown or hidden even while its tab is not
        self.data_changed()

    def watch_unit(self) -> None:
        self.data_changed()

    def watch_tax(self) -> None:
        self.data_changed()

    def watch_months(self) -> None:
        self.data_changed()

    def on_resize(self) -> None:
        self._legend()
        self._table(self._full)  # the office names cut to the new width
        self._fit_table()

    def _fit_table(self) -> None:
        """Give the table the height of its header and rows (and of the scroll bar under them
        when the columns are wider than the pane): set as a number of lines, so that the pane's
        height follows its rows in the same layout pass."""
        columns = [[_headers()[c], *(cells[c] for _, cells in self._rows)] for c in COLUMNS]
        wide = sum(max(map(cell_width, texts)) + 2 for texts in columns)  # cell padding 1 each side
        table = self.query_one(UnitTable)
        height = 1 + len(self._rows) + (1 if self.size.width and wide > self.size.width else 0)
        if table.styles.height is None or table.styles.height.value != height:
            table.styles.height = height

    # ---- drawing -----------------------------------------------------------------------------
    def sync(self, parts: set[str]) -> None:
        q = self.company_quote
        if q is None or not self.display:  # shown or hidden by watch_company_quote
            return
        self._units = {_key(u.office, u.kind): u for u in q.units}
        self._legend()
        self._full = table_rows(q, self.unit)
        self._table(self._full)
        self._break_even()
        totals = render_table(mix_table(q, self.tax), right={1, 2, 3, 4}, header=False)
        self._update("#company-totals", totals + "\n" + total_line(q, self.months, self.tax))
        tax = self.query_one("#company-tax", Static)
        tax.display = bool(self.tax)
        if self.tax:
            self._update("#company-tax", t("company.tax_on", rate=q.tax_rate_percent))

    def _update(self, selector: str, text: str) -> None:
        static = self.query_one(selector, Static)
        if str(static.content) == text:
            return
        # a layout only when the text takes another number of lines: a slider step changes the
        # figures here (the pane follows it beside the volumes on a wide terminal), not the height
        static.update(text, layout=False)
        size = static.content_size
        if not size.width or static.get_content_height(size, size, size.width) != size.height:
            static.refresh(layout=True)

    def _legend(self) -> None:
        """The legend of the A and B columns, in full when it fits the width."""
        text = t("company_view.legend", mark=CHEAPER)
        if cell_width(text) > self.size.width:
            text = t("company_view.legend_short", mark=CHEAPER)
        self._update("#company-legend", text)

    def _styled(self, key: str, column: str, text: str) -> Text:
        style = Style()
        if text.startswith(SELECTED):
            style = self.get_component_rich_style("company--selected", partial=True)
        elif key.endswith(":options"):
            style = self.get_component_rich_style("company--muted", partial=True)
        out = Text(text, style=style, justify="right" if column in RIGHT else "left")
        if text.endswith(CHEAPER):
            out.stylize(self.get_component_rich_style("company--cheaper", partial=True))
        return out

    def _table(self, rows: list[tuple[str, dict[str, str]]]) -> None:
        """Draw the rows (the office names cut to the pane's width): the same rows as before get
        their changed cells, others a new table (the cursor staying on its row, else going to the
        selected unit)."""
        rows = fit_rows(rows, self.size.width)
        if rows == self._rows:
            return
        table = self.query_one(UnitTable)
        selected = {key: cells["office"].startswith(SELECTED) for key, cells in rows}
        if [key for key, _ in rows] == [key for key, _ in self._rows]:
            for (key, cells), (_, old) in zip(rows, self._rows, strict=True):
                changed = {
                    column: self._styled(key, column, cells[column])
                    for column in COLUMNS
                    if cells[column] != old[column] or selected[key] != old["office"].startswith(SELECTED)
                }
                if changed:
                    table.update_cells(key, changed)
            self._rows = rows
            return
        keys = [key for key, _ in rows]
        old_key = self._cursor_key()
        table.clear()
        for key, cells in rows:
            table.add_row(*(self._styled(key, column, cells[column]) for column in COLUMNS), key=key)
        self._rows = rows
        self._fit_table()
        target = old_key if old_key in keys else _key(*self.unit)
        if target in keys:
            table.move_cursor(row=keys.index(target), animate=False)

    def _cursor_key(self) -> str | None:
        table = self.query_one(UnitTable)
        if not table.row_count or not self._rows:
            return None
        return self._rows[min(table.cursor_row, len(self._rows) - 1)][0]

    def _break_even(self) -> None:
        """Where Plan A starts to pay, in words, for the unit under the cursor."""
        u = self._units.get(self._cursor_key() or "") or self._units.get(_key(*self.unit))
        if u is None:
            return
        office = office_name(self.company_quote.offices[u.office - 1].office, u.office) if self.company_quote else ""
        self._update(
            "#company-break-even",
            t("company_view.break_even_of", office=office, unit=unit_name(u), sentence=break_even_line(u.quote)),
        )

    # ---- keys ----------------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self.company_quote is not None and self._rows:
            self._break_even()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        u = self._units.get(event.row_key.value or "")
        if u is not None:
            self.post_message(UnitChosen(u.office, u.kind))

    def on_unit_table_plan_key(self, event: UnitTable.PlanKey) -> None:
        event.stop()
        u = self._units.get(event.key)
        if u is None:
            self.notify(t("nav.plan_on_unit"), severity="warning")
            return
        office, kind, plan = u.office, u.kind, NEXT_PLAN[u.choice]
        self.post_message(CompanyEdited(SetPlan(office, kind, plan)))
