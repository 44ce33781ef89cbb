"""NameScreen: ask for a short text (an office's name); Escape or an empty answer cancels. A name
the caller's check refuses keeps the dialog open with the reason under the field."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget
from textual.widgets import Input, Static

from .dialog import Dialog


class NameScreen(Dialog[str | None]):
    """Dismiss with the text typed (spaces around it dropped), or None. ``check`` says why a name
    cannot be taken (None: it can); the typed name then stays for the user to change."""

    DEFAULT_CSS = "NameScreen #name-error { color: $error; display: none; }"

    def __init__(
        self, title: str, value: str = "", hint: str = "", check: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__(title)
        self._value, self._hint, self._check = value, hint, check

    def body(self) -> Iterable[Widget]:
        yield Input(self._value, id="name", max_length=100)
        yield Static(id="name-error")
        if self._hint:
            yield Static(self._hint, classes="dialog-hint")

    def accept(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        refused = self._check(name) if name and self._check else None
        error = self.query_one("#name-error", Static)
        if refused:
            error.update(refused)
            error.display = True
            self.query_one("#name", Input).focus()
            return
        self.dismiss(name or None)
