"""NumberField: a one-line input for a whole number in a range, refusing bad input politely."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from ...i18n import t


def parse_count(text: str, minimum: int, maximum: int) -> tuple[int | None, str | None]:
    """(value, None) for a whole number in range ("1,500" is allowed), else (None, reason)."""
    cleaned = text.strip().replace(",", "").replace("_", "")
    if not cleaned.isascii() or not cleaned.isdigit():
        return None, t("slider.not_a_number", text=text.strip())
    value = int(cleaned)
    if not minimum <= value <= maximum:
        return None, t("slider.out_of_range", text=f"{value:,}", min=f"{minimum:,}", max=f"{maximum:,}")
    return value, None


class NumberField(Input):
    """Compact integer input. A valid number typed is committed at once (live); an invalid one
    marks the field and, on Enter or leaving the field, is refused with a notification and the
    last good value comes back. Optional ↑/↓ steps by one (a stepper)."""

    DEFAULT_CSS = """
    NumberField {
        width: 10;
        text-align: right;
    }
    """
    BINDINGS = [
        Binding("up", "increment(1)", "+1", show=False),
        Binding("down", "increment(-1)", "-1", show=False),
    ]

    class Committed(Message):
        """A new valid number was typed (or stepped)."""

        def __init__(self, field: NumberField, value: int) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> NumberField:
            return self.field

    def __init__(
        self,
        value: int,
        *,
        minimum: int,
        maximum: int,
        arrows: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(str(value), id=id, classes=classes, compact=True, select_on_focus=True)
        self.minimum, self.maximum = minimum, maximum
        self.number = value
        """The last good value (shown again when bad input is refused)."""
        self.arrows = arrows

    def set_number(self, value: int) -> None:
        """Show ``value`` from code, without posting anything."""
        self.number = value
        parsed, _ = parse_count(self.value, self.minimum, max(self.maximum, value))
        if parsed != value:
            with self.prevent(Input.Changed):
                self.value = str(value)
        self.remove_class("-invalid")
        self.tooltip = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "increment":
            return self.arrows
        return True

    def action_increment(self, delta: int) -> None:
        value = max(self.minimum, min(self.maximum, self.number + delta))
        self.set_number(value)
        self.post_message(self.Committed(self, value))

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        value, reason = parse_count(self.value, self.minimum, self.maximum)
        self.set_class(reason is not None, "-invalid")
        self.tooltip = reason
        if value is not None and value != self.number:
            self.number = value
            self.post_message(self.Committed(self, value))

    def _refuse_if_bad(self) -> None:
        _, reason = parse_count(self.value, self.minimum, self.maximum)
        if reason is not None:
            self.notify(reason, title=t("slider.refused"), severity="error", timeout=4)
            self.set_number(self.number)

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self:
            self._refuse_if_bad()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self._refuse_if_bad()
