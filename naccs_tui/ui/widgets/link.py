"""Link: a reference page the user can open in the browser (Enter or a click) or copy (c).

``App.open_url`` opens the system browser in a terminal, and a new browser tab when the app is
served (textual-serve); ``App.copy_to_clipboard`` works in terminals that allow it (OSC 52).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from ...i18n import t


class Link(Widget, can_focus=True):
    """A titled URL: Enter or a click opens it, c copies it."""

    DEFAULT_CSS = """
    Link { height: auto; width: 1fr; padding: 0 0 0 2; }
    Link:focus { background: $boost; }
    Link > .link--url { color: $text-accent; text-style: underline; }
    """
    COMPONENT_CLASSES = {"link--url"}
    BINDINGS = [
        Binding("enter", "open", show=False),
        Binding("c", "copy", show=False),
    ]

    def __init__(self, title: str, url: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.url = url
        self.tooltip = t("link.hint")

    def render(self) -> Text:
        text = Text(self.title + "\n  ")
        text.append(self.url, self.get_component_rich_style("link--url"))
        return text

    def action_open(self) -> None:
        self.app.open_url(self.url)
        self.notify(t("link.opened", url=self.url))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.notify(t("link.copied", url=self.url))

    def on_click(self) -> None:
        self.action_open()
