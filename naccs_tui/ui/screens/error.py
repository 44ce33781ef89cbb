"""ErrorScreen: one clear line saying what went wrong (the InputError line), and OK."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ...i18n import t
from ..widgets.buttons import DialogButtons


class ErrorScreen(ModalScreen[None]):
    """Show ``message`` under ``title``; Enter, Escape or OK closes it."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self._title, self._message = title, message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -error"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._message, id="error-message", classes="dialog-body", markup=False)
            with DialogButtons():
                yield Button(t("dialog.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
