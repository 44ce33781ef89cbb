"""UnitTable: the company view's offices x units table (Enter chooses a unit, ``p`` its plan),
redrawing only the row whose cells change."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellKey, ColumnKey, RowKey

from ...i18n import LANGS, get_lang, t


class UnitTable(DataTable[Text]):
    """The offices x units table: Enter chooses the unit under the cursor, ``p`` switches its plan."""

    BINDINGS = [
        binding
        for lang in LANGS
        for binding in (
            Binding("enter", f"choose({lang!r})", t("company_view.key.choose", lang), key_display="Enter"),
            Binding("p", f"cycle_plan({lang!r})", t("company_view.key.plan", lang)),
        )
    ]

    class PlanKey(Message):
        """``p`` was pressed on the row ``key``."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def update_cells(self, key: str, cells: dict[str, Text]) -> None:
        """Give the row ``key`` new ``cells`` (by column) and redraw that row only.

        DataTable's ``update_cell`` redraws every row (its caches follow one counter of updates);
        beside the volumes that was a third of a slider step's time with three units. A cell that
        makes its column wider or narrower goes through it (every row moves then). Reads DataTable
        internals: textual is pinned in pyproject.toml."""
        row_key = RowKey(key)
        row = self._data[row_key]
        if any(self._resizes(row.get(ColumnKey(column)), value, column) for column, value in cells.items()):
            for column, value in cells.items():
                self.update_cell(key, column, value, update_width=True)
            return
        row.update({ColumnKey(column): value for column, value in cells.items()})
        index = self._row_locations.get(row_key)
        if index is None:
            return
        self._row_renderable_cache.discard((self._update_count, index))
        for cell in [k for k in self._cell_render_cache.keys() if k[0] == row_key]:  # noqa: SIM118 (an LRUCache)
            self._cell_render_cache.discard(cell)
        for line in [k for k in self._row_render_cache.keys() if k[0] == row_key]:  # noqa: SIM118
            self._row_render_cache.discard(line)
        for drawn in [k for k in self._line_cache.keys() if self._row_at(k[0]) == row_key]:  # noqa: SIM118
            self._line_cache.discard(drawn)  # keyed by the line first
        self.refresh_row(index)

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        """Measure the updated cells when idle (DataTable's) and draw every row again: a row
        drawn since ``update_cell`` was cached with the column's old width (DataTable keys its
        caches by the count of updates, which measuring the widths does not change)."""
        super()._update_column_widths(updated_cells)
        self._update_count += 1
        self.refresh()

    def _resizes(self, old: object, new: Text, column: str) -> bool:
        """Would ``new`` in place of ``old`` make the column wider, or narrower (``old`` was the widest)?"""
        width = self.columns[ColumnKey(column)].content_width
        before = old.cell_len if isinstance(old, Text) else width
        return new.cell_len > width or (new.cell_len != before and before == width)

    def _row_at(self, y: int) -> RowKey | None:
        try:
            return self._get_offsets(y)[0]
        except LookupError:
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("choose", "cycle_plan"):  # the binding of the current language only
            return parameters[0] == get_lang()
        return super().check_action(action, parameters)

    def action_choose(self, lang: str) -> None:
        self.action_select_cursor()

    def action_cycle_plan(self, lang: str) -> None:
        if self.row_count:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
            if key is not None:
                self.post_message(self.PlanKey(key))
