"""DialogButtons: the row of buttons at the bottom of a dialog; ←/→ move between its buttons."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button


class DialogButtons(Horizontal):
    """A row of buttons (class ``dialog-buttons``). ←/→ move the focus to the button beside the
    focused one (no wrap at the ends). The keys are bound here, on the row, so they apply only
    while a button of the row has the focus: a text field elsewhere in the dialog keeps them."""

    DEFAULT_CLASSES = "dialog-buttons"
    BINDINGS = [
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
    ]

    def action_step(self, step: int) -> None:
        buttons = [b for b in self.query(Button) if b.focusable]
        focused = self.screen.focused
        if not isinstance(focused, Button) or focused not in buttons:
            return
        i = buttons.index(focused) + step
        if 0 <= i < len(buttons):
            buttons[i].focus()
