"""UnitTable.update_cells: the row gets its new cells and is the only row drawn again, unless a
cell changes its column's width (then every row is laid out anew, as DataTable does).

What the table paints is read back through its render caches, so a row left with a stale cache
would show its old figures here.
"""

from __future__ import annotations

from collections import Counter

from helpers import run_async, text_of, wait_for
from rich.text import Text
from textual.app import App, ComposeResult

from naccs_tui.ui.panes.unit_table import UnitTable

ROWS = {"1:general": ("本社", "88,100"), "1:netnaccs": ("本社", "13,450"), "2:netnaccs": ("大阪", "6,380")}


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        table = UnitTable(cursor_type="row", show_row_labels=False)
        table.add_column("office", key="office")
        table.add_column("A", key="a")
        for key, (office, fee) in ROWS.items():
            table.add_row(Text(office), Text(fee, justify="right"), key=key)
        yield table


def lines(table: UnitTable) -> list[str]:
    return [line.rstrip() for line in text_of(table).splitlines()]


def rows_drawn(table: UnitTable) -> Counter[str]:
    """Counts the rows whose line the table renders again from now on (by row key)."""
    drawn: Counter[str] = Counter()
    render = table._render_line_in_row

    def counting(row_key, *args, **kwargs):
        drawn[row_key.value] += 1
        return render(row_key, *args, **kwargs)

    table._render_line_in_row = counting
    return drawn


async def shown(pilot, table: UnitTable) -> list[str]:
    await wait_for(pilot, lambda: table.size.height == 4 and table.virtual_size.width > 0, "the table laid out")
    return lines(table)


@run_async
async def test_a_cell_of_the_same_width_redraws_its_row_only():
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(UnitTable)
        before = await shown(pilot, table)
        drawn = rows_drawn(table)
        table.update_cells("1:netnaccs", {"a": Text("14,200", justify="right")})
        after = lines(table)
        assert after[2] == before[2].replace("13,450", "14,200")
        assert after[:2] + after[3:] == before[:2] + before[3:]
        assert set(drawn) == {"1:netnaccs"}
        assert [cell.plain for cell in table.get_row("1:netnaccs")] == ["本社", "14,200"]


@run_async
async def test_a_wider_cell_widens_its_column_for_every_row():
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(UnitTable)
        before = await shown(pilot, table)
        table.update_cells("2:netnaccs", {"a": Text("1,006,380", justify="right")})
        await wait_for(pilot, lambda: lines(table) != before, "the table drawn again")
        await wait_for(pilot, lambda: "1,006,380" in lines(table)[3], "the new cell in full")
        after = lines(table)
        # right-aligned in a wider column: every figure ends where the widest one does
        assert len({len(line) for line in after[1:]}) == 1
        assert after[1].endswith("88,100") and after[2].endswith("13,450")


@run_async
async def test_the_widest_cell_narrowed_narrows_its_column():
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(UnitTable)
        table.update_cells("1:general", {"a": Text("1,088,100", justify="right")})
        await wait_for(pilot, lambda: "1,088,100" in "".join(lines(table)), "the wide cell")
        wide = len(lines(table)[1])
        table.update_cells("1:general", {"a": Text("88,100", justify="right")})
        await wait_for(pilot, lambda: len(lines(table)[1]) < wide, "the column narrowed")
        assert lines(table)[1].endswith("88,100") and lines(table)[3].endswith("6,380")
