"""The baseline: a bare Textual app with a Header, Footer, a RadioSet, a DataTable and a Label.

A key press ("right"/"left") changes a counter shown in the label: the bare cost of one update.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label, RadioButton, RadioSet


class BareApp(App):
    """Header, footer, a radio set and a table: what any small Textual tool starts with."""

    BINDINGS = [Binding("right", "step(1)", "+", priority=True), Binding("left", "step(-1)", "-", priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.on_change = None  # benchmark hook: called after each update

    def compose(self) -> ComposeResult:
        yield Header()
        with RadioSet():
            for name in ("Internet", "Dedicated", "Broadband"):
                yield RadioButton(name)
        yield DataTable()
        yield Label("0", id="count")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("item", "Plan A", "Plan B")
        for i in range(10):
            table.add_row(f"item {i}", f"{i * 1000:,}", f"{i * 900:,}")

    def action_step(self, delta: int) -> None:
        self.count += delta
        self.query_one("#count", Label).update(str(self.count))
        if self.on_change:
            self.on_change()
