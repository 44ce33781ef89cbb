"""Dialog: what every small dialog shares. A frame (the ``.dialog`` styles of app.tcss) with a
title, the dialog's own body, and a row of buttons (OK and Cancel unless the dialog names others);
Escape cancels, a button other than the accepting one cancels, Enter in a text field accepts. A
dialog says only what is its own: its body (``body``), what accepting does (``accept``) and, when
it has others, its buttons (``buttons``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label

from ...i18n import t
from ..widgets.buttons import DialogButtons

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    """A modal dialog; dismisses with ``accept``'s result, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    FRAME = "dialog"
    """The frame's classes (``dialog -error`` for an error, …)."""
    ACCEPT = "ok"
    """The id of the button that accepts; every other button cancels."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.FRAME):
            yield Label(self.dialog_title, classes="dialog-title")
            yield from self.body()
            with DialogButtons():
                yield from self.buttons()

    def body(self) -> Iterable[Widget]:
        """The widgets between the title and the buttons."""
        return ()

    def buttons(self) -> Iterable[Button]:
        """OK (accepts) and Cancel."""
        yield Button(t("dialog.ok"), id="ok", variant="primary")
        yield Button(t("dialog.cancel"), id="cancel")

    # Textual runs a message handler of every class in the MRO, so a dialog overrides these
    # hooks, never on_mount or on_button_pressed themselves.
    def on_mount(self) -> None:
        self.focus_first()

    def focus_first(self) -> None:
        """The first text field takes the focus (its cursor blinking as the app's do), else the
        accepting button."""
        fields = list(self.query(Input))
        if fields:
            fields[0].cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
            fields[0].focus()
        else:
            self.query_one(f"#{self.ACCEPT}", Button).focus()

    def accept(self) -> None:
        """The accepting button or Enter in a text field: by default, close with None."""
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.accept()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.pressed(event.button)

    def pressed(self, button: Button) -> None:
        """A button: the accepting one accepts, any other cancels."""
        if button.id == self.ACCEPT:
            self.accept()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def answer_buttons(answers: list[tuple[str, str, Any]]) -> list[Button]:
    """Buttons for (id, label, variant) answers, each with the id ``answer-<id>``."""
    return [Button(label, id=f"answer-{answer}", variant=variant) for answer, label, variant in answers]
