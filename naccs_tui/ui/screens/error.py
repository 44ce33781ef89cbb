"""ErrorScreen: one clear line saying what went wrong (the InputError line), and OK."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from ...i18n import t
from .dialog import Dialog


class ErrorScreen(Dialog[None]):
    """Show ``message`` under ``title``; Enter, Escape or OK closes it."""

    FRAME = "dialog -error"

    def __init__(self, title: str, message: str) -> None:
        super().__init__(title)
        self._message = message

    def body(self) -> Iterable[Widget]:
        yield Static(self._message, id="error-message", classes="dialog-body", markup=False)

    def buttons(self) -> Iterable[Button]:
        yield Button(t("dialog.ok"), id="ok", variant="primary")
