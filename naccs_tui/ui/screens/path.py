"""PathScreen: ask for a file path (with completion of folder and file names)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static

from ...i18n import t
from ..access import UNLIMITED, Access, access_of
from .dialog import Dialog

WINDOWS = os.name == "nt"
"""Backslashes and drive letters separate folders (on POSIX a backslash is part of a name)."""


def typed_path(text: str) -> str:
    """A path as typed or pasted: without the spaces around it and without the double quotes
    Windows Explorer's "Copy as path" puts around it."""
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return text


def split_typed(value: str, windows: bool = WINDOWS) -> tuple[str, str]:
    """(the folder part as typed, up to and with its last separator; the name being typed).
    On Windows ``\\`` and ``/`` both separate, and ``C:name`` is a name in drive C's folder."""
    cut = max(value.rfind(sep) for sep in ("\\/" if windows else "/")) + 1
    if windows and cut == 0 and value[1:2] == ":":
        cut = 2
    return value[:cut], value[cut:]


def complete(value: str, names: list[str], is_dir, windows: bool = WINDOWS) -> str | None:
    """``value`` completed with the first of ``names`` (the entries of its folder) that starts
    with the name being typed; a folder gets the separator the user typed (else the system's).
    On Windows the names match regardless of case, as the file system does."""
    head, stem = split_typed(value, windows)
    seps = "\\/" if windows else "/"
    sep = head[-1] if head and head[-1] in seps else seps[0]
    fold = str.casefold if windows else str
    for name in sorted(names):
        if fold(name).startswith(fold(stem)) and len(name) > len(stem) and not name.startswith("."):
            return head + stem + name[len(stem) :] + (sep if is_dir(name) else "")
    return None


class PathSuggester(Suggester):
    """Suggest the first file or folder whose name starts with what was typed after the last
    separator (``/``; on Windows ``\\`` too, and after a drive letter); in a served app, only in
    folders inside the served folder (it lists no other)."""

    def __init__(self, access: Access = UNLIMITED) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.access = access

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        head, _ = split_typed(value)
        folder = Path(os.path.expanduser(head or "."))
        if not self.access.allows(folder):
            return None
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        return complete(value, names, lambda name: (folder / name).is_dir())


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


class PathScreen(Dialog[str | None]):
    """Dismiss with the path typed (stripped), or None when cancelled or empty."""

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__(title)
        self._value = value

    def body(self) -> Iterable[Widget]:
        yield PathInput(self._value, access_of(self.app), id="path", placeholder=t("file.placeholder"))
        yield Static(t("file.path_hint"), classes="dialog-hint")

    def accept(self) -> None:
        text = typed_path(self.query_one("#path", Input).value)
        self.dismiss(text or None)
