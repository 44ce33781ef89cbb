"""NameScreen: ask for a short text (an office's name); Escape or an empty answer cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...i18n import t
from ..widgets.buttons import DialogButtons


class NameScreen(ModalScreen[str | None]):
    """Dismiss with the text typed (spaces around it dropped), or None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title, self._value, self._hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Input(self._value, id="name", max_length=100)
            if self._hint:
                yield Static(self._hint, classes="dialog-hint")
            with DialogButtons():
                yield Button(t("dialog.ok"), id="ok", variant="primary")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#name", Input)
        field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        field.focus()

    def _done(self) -> None:
        self.dismiss(self.query_one("#name", Input).value.strip() or None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._done()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
