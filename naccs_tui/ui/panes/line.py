"""Placeholder, replaced by the pane's own issue."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

class LinePane(Static):
    scenario = reactive(None)

    def render(self) -> str:
        return "LinePane"
