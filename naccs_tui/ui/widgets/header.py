"""The app's header: Textual's, with a title that does not lay the screen out when it changes.

The title changes when the company becomes unsaved (the first slider step away from the file) or
saved again; Textual's header title asks for a layout of the whole screen each time (some 30 ms
at 160x50), although its size never depends on the text (the header's width, one line).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header, Static


class AppHeader(Header):
    """Textual's header, its title laid out once it has its place, then only repainted."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, Static):  # the title (Textual's HeaderTitle; the rest are not Statics)
                _repaint_only(widget)
            yield widget


def _repaint_only(title: Static) -> None:
    """Make ``title.update`` lay out only while the title has no place yet (the header calls it
    with Textual's default, a layout)."""
    update = title.update

    def repaint(content: VisualType = "", *, layout: bool = True) -> None:
        update(content, layout=layout and not title.size.height)

    title.update = repaint  # type: ignore[method-assign]
