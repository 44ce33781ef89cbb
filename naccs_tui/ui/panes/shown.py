"""Panes in hidden tabs do no work: they note that they are stale and catch up when shown."""

from __future__ import annotations

from textual.widget import Widget


def displayed(widget: Widget) -> bool:
    """True when ``widget`` and every ancestor are displayed (its tab is the one shown).

    A pane whose tab is hidden would otherwise update its widgets on every slider step on
    another tab, and each update of a Static asks the whole screen for a new layout.
    """
    node = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True
