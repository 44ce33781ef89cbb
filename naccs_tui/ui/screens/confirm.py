"""ConfirmScreen: a question with a few answers (buttons); Escape cancels (returns None)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from .dialog import Dialog, answer_buttons


class ConfirmScreen(Dialog[str | None]):
    """Ask ``question``; dismiss with the id of the chosen answer, or None on Escape."""

    DEFAULT_CSS = """
    ConfirmScreen .dialog.-many .dialog-buttons Button { min-width: 8; }
    """
    """Four answers or more: each button as wide as its label, so that all fit in one row."""

    def __init__(
        self, title: str, question: str, answers: list[tuple[str, str, str]], focus: str | None = None
    ) -> None:
        """``answers``: (id, label, variant) for each button; ``focus``: the id focused first."""
        super().__init__(title)
        self._question, self._answers, self._focus = question, answers, focus
        self.FRAME = "dialog -many" if len(answers) > 3 else "dialog"

    def body(self) -> Iterable[Widget]:
        yield Static(self._question, classes="dialog-body")

    def buttons(self) -> Iterable[Button]:
        return answer_buttons(self._answers)

    def focus_first(self) -> None:
        target = self._focus or self._answers[-1][0]
        self.query_one(f"#answer-{target}", Button).focus()

    def pressed(self, button: Button) -> None:
        self.dismiss((button.id or "").removeprefix("answer-"))
