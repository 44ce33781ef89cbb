"""PathScreen: ask for a file path (with completion of folder and file names)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static

from ...i18n import t
from ..access import UNLIMITED, Access, access_of
from ..widgets.buttons import DialogButtons


class PathSuggester(Suggester):
    """Suggest the first file or folder whose name starts with what was typed after the last /
    (in a served app, only in folders inside the served folder: it lists no other)."""

    def __init__(self, access: Access = UNLIMITED) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.access = access

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        head, _, stem = value.rpartition("/")
        folder = Path(os.path.expanduser(head or ".")) if head or not value.startswith("/") else Path("/")
        if not self.access.allows(folder):
            return None
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        for name in names:
            if name.startswith(stem) and name != stem and not name.startswith("."):
                suffix = "/" if (folder / name).is_dir() else ""
                return f"{head}/{name}{suffix}" if head or value.startswith("/") else f"{name}{suffix}"
        return None


class PathInput(Input):
    """A text field for a path, with ``PathSuggester``: Tab accepts the completion shown (as →
    at the end does); with none shown, Tab moves the focus on as usual."""

    BINDINGS = [Binding("tab", "complete", show=False)]

    def __init__(self, value: str = "", access: Access = UNLIMITED, **kwargs: Any) -> None:
        super().__init__(value, suggester=PathSuggester(access), **kwargs)

    @property
    def completion_shown(self) -> bool:
        """The field shows a completion after the text (as ``Input.render`` decides; Textual is
        pinned, its ``_suggestion`` is the completion for the current value)."""
        return self.has_focus and len(self._suggestion) > len(self.value)

    def action_complete(self) -> None:
        if self.completion_shown:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()


class PathScreen(ModalScreen[str | None]):
    """Dismiss with the path typed (stripped), or None when cancelled or empty."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title, self._value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield PathInput(self._value, access_of(self.app), id="path", placeholder=t("file.placeholder"))
            yield Static(t("file.path_hint"), classes="dialog-hint")
            with DialogButtons():
                yield Button(t("dialog.ok"), id="ok", variant="primary")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#path", Input)
        field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        field.focus()

    def _done(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        self.dismiss(text or None)

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
