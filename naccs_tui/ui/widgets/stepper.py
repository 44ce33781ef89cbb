"""Stepper: a label, [-] number [+], for small counts such as terminals (1..999)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Label

from .number import NumberField


class Stepper(Horizontal):
    """A count changed by typing, ↑/↓ in the field, or clicking - / +."""

    DEFAULT_CSS = """
    Stepper {
        height: 1;
        width: auto;
        margin: 0 2 0 0;
        & > Label { width: auto; height: 1; padding: 0 1 0 0; }
        & > Button { min-width: 3; width: 3; height: 1; }
        & > NumberField { width: 6; margin: 0 1; }
    }
    """

    class Changed(Message):
        """The user changed the count (``entry``: the typed entry it belongs to, if typed)."""

        def __init__(self, stepper: Stepper, value: int, entry: int | None = None) -> None:
            super().__init__()
            self.stepper = stepper
            self.value = value
            self.entry = entry

        @property
        def control(self) -> Stepper:
            return self.stepper

    class Reverted(Message):
        """A typed entry was refused: take back what its values changed (``unit_ops.RevertEntry``)."""

        def __init__(self, stepper: Stepper, value: int, entry: int) -> None:
            super().__init__()
            self.stepper = stepper
            self.value = value
            self.entry = entry

        @property
        def control(self) -> Stepper:
            return self.stepper

    def __init__(
        self, key: str, label: str, value: int, *, minimum: int = 1, maximum: int = 999, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.key = key
        """What is counted (a Usage field name)."""
        self._label = label
        self.field = NumberField(value, minimum=minimum, maximum=maximum, arrows=True)
        self.field.tooltip = None

    def compose(self) -> ComposeResult:
        yield Label(self._label, markup=False)
        minus = Button("-", compact=True, classes="stepper--minus")
        plus = Button("+", compact=True, classes="stepper--plus")
        minus.can_focus = plus.can_focus = False  # the field takes ↑/↓; one Tab stop per stepper
        yield minus
        yield self.field
        yield plus

    @property
    def value(self) -> int:
        return self.field.number

    def set_value(self, value: int) -> None:
        """Show ``value`` (from the scenario) without posting."""
        if value != self.field.number:
            self.field.set_number(value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.field.action_increment(1 if event.button.has_class("stepper--plus") else -1)

    def on_number_field_committed(self, event: NumberField.Committed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value, event.entry))

    def on_number_field_rejected(self, event: NumberField.Rejected) -> None:
        event.stop()  # re-posted here, so it is handled after the entry's last Changed
        self.post_message(self.Reverted(self, event.value, event.entry))
