"""SliderRow: a label, a Slider and a NumberField that stay in sync both ways."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label

from .number import Entry, NumberField
from .slider import Slider


class SliderRow(Horizontal):
    """One labelled count. Moving the slider writes the number; typing a valid number moves
    the slider. Either way one :class:`SliderRow.Changed` is posted; a refused typed entry posts
    :class:`SliderRow.Reverted`; ``set_value`` from code is silent. ``controlled=True``: the row only proposes; its owner shows the value it keeps
    with ``set_value`` (see :class:`Slider`)."""

    DEFAULT_CSS = """
    SliderRow {
        height: 1;
        width: 1fr;
        & > .slider-row--label { width: 24; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
        & > .slider-row--hint { width: auto; height: 1; color: $text-muted; padding: 0 0 0 1; display: none; }
        & > Slider { margin: 0 1; }
        & > NumberField { width: 11; }
    }
    """

    class Changed(Message):
        """The user changed the count (replaceable: a drag posts many, only the last counts).
        ``entry``: the typed entry the value belongs to (None from the slider)."""

        def __init__(self, row: SliderRow, value: int, entry: Entry[Any] | None = None) -> None:
            super().__init__()
            self.row = row
            self.value = value
            self.entry = entry

        @property
        def control(self) -> SliderRow:
            return self.row

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SliderRow.Changed) and message.row is self.row

    class Reverted(Message):
        """A typed entry was refused: take back what its values changed (``entry.revert``).
        Posted by the row after the entry's last Changed, so it is handled after it."""

        def __init__(self, row: SliderRow, value: int, entry: Entry[Any]) -> None:
            super().__init__()
            self.row = row
            self.value = value
            self.entry = entry

        @property
        def control(self) -> SliderRow:
            return self.row

    def __init__(
        self,
        key: str,
        label: str,
        value: int = 0,
        *,
        maximum: int,
        entry_maximum: int | None = None,
        marker: int | None = None,
        hint: str = "",
        controlled: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.key = key
        """What the row counts (an operation code, or "total")."""
        self.controlled = controlled
        self.slider = Slider(min(value, maximum), maximum=maximum, marker=marker, controlled=controlled)
        self.field = NumberField(value, minimum=0, maximum=entry_maximum or maximum)
        self._label, self._hint = label, hint
        self.slider.tooltip = label

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="slider-row--label", markup=False)
        yield self.slider
        yield self.field
        yield Label(self._hint, classes="slider-row--hint", markup=False)

    @property
    def value(self) -> int:
        return self.field.number

    def set_value(self, value: int) -> None:
        """Show ``value`` (from the scenario) without posting."""
        if value == self.field.number and self.slider.value == min(value, self.slider.maximum):
            return
        self.slider.value = min(value, self.slider.maximum)
        self.field.set_number(value)

    def on_slider_changed(self, event: Slider.Changed) -> None:
        event.stop()
        if not self.controlled:
            self.field.set_number(event.value)
        self.post_message(self.Changed(self, event.value))

    def on_number_field_committed(self, event: NumberField.Committed) -> None:
        event.stop()
        if not self.controlled:
            self.slider.value = min(event.value, self.slider.maximum)
        self.post_message(self.Changed(self, event.value, event.entry))

    def on_number_field_rejected(self, event: NumberField.Rejected) -> None:
        event.stop()
        if not self.controlled:
            self.slider.value = min(event.value, self.slider.maximum)
        self.post_message(self.Reverted(self, event.value, event.entry))
