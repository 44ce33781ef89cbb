"""The app's header: Textual's, with a title that does not lay the screen out when it changes.

The title changes when the plan becomes unsaved (the first slider step away from the file) or
saved again; Textual's header title asks for a layout of the whole screen each time (some 30 ms
at 160x50), although its size never depends on the text (the header's width, one line).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class Title(HeaderTitle):
    """The header's title: laid out once it has its place, then only repainted."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout and not self.size.height)


class AppHeader(Header):
    """Textual's header with :class:`Title`."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield Title() if type(widget) is HeaderTitle else widget
