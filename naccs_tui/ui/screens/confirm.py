"""ConfirmScreen: a question with a few answers (buttons); Escape cancels (returns None)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ..widgets.buttons import DialogButtons


class ConfirmScreen(ModalScreen[str | None]):
    """Ask ``question``; dismiss with the id of the chosen answer, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    ConfirmScreen .dialog.-many .dialog-buttons Button { min-width: 8; }
    """
    """Four answers or more: each button as wide as its label, so that all fit in one row."""

    def __init__(
        self, title: str, question: str, answers: list[tuple[str, str, str]], focus: str | None = None
    ) -> None:
        """``answers``: (id, label, variant) for each button; ``focus``: the id focused first."""
        super().__init__()
        self._title, self._question, self._answers, self._focus = title, question, answers, focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -many" if len(self._answers) > 3 else "dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._question, classes="dialog-body")
            with DialogButtons():
                for answer_id, label, variant in self._answers:
                    yield Button(label, id=f"answer-{answer_id}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        target = self._focus or self._answers[-1][0]
        self.query_one(f"#answer-{target}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("answer-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
