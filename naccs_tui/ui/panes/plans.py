"""Placeholder, replaced by the pane's own issue."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

class PlansPane(Static):
    quote = reactive(None)
    tax = reactive(None)
    months = reactive(None)

    def render(self) -> str:
        return "PlansPane"
