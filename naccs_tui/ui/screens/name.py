"""NameScreen: ask for a short text (an office's name); Escape or an empty answer cancels. A name
the caller's check refuses keeps the dialog open with the reason under the field."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...i18n import t
from ..widgets.buttons import DialogButtons


class NameScreen(ModalScreen[str | None]):
    """Dismiss with the text typed (spaces around it dropped), or None. ``check`` says why a name
    cannot be taken (None: it can); the typed name then stays for the user to change."""

    DEFAULT_CSS = "NameScreen #name-error { color: $error; display: none; }"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self, title: str, value: str = "", hint: str = "", check: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__()
        self._title, self._value, self._hint, self._check = title, value, hint, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Input(self._value, id="name", max_length=100)
            yield Static(id="name-error")
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
        name = self.query_one("#name", Input).value.strip()
        refused = self._check(name) if name and self._check else None
        error = self.query_one("#name-error", Static)
        if refused:
            error.update(refused)
            error.display = True
            self.query_one("#name", Input).focus()
            return
        self.dismiss(name or None)

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
