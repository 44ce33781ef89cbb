"""SliderRow: a label, a Slider and a NumberField that stay in sync both ways."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label

from .number import NumberField
from .slider import Slider


class SliderRow(Horizontal):
    """One labelled count, with one range for both controls: the track covers exactly what the
    field accepts. Moving the slider writes the number; typing a valid number moves the slider.
    Either way one :class:`SliderRow.Changed` is posted; a refused typed entry posts
    :class:`SliderRow.Reverted`; ``set_value`` from code is silent. ``controlled=True``: the row
    only proposes; its owner shows the value it keeps with ``set_value`` (see :class:`Slider`)."""

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

        def __init__(self, row: SliderRow, value: int, entry: int | None = None) -> None:
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
        """A typed entry was refused: take back what its values changed (``unit_ops.RevertEntry``).
        Posted by the row after the entry's last Changed, so it is handled after it."""

        def __init__(self, row: SliderRow, value: int, entry: int) -> None:
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
        self.slider = Slider(value, maximum=maximum, marker=marker, controlled=controlled)
        self.field = NumberField(value, minimum=0, maximum=maximum)
        self._label = label
        self.hint = hint
        """Said after the number when the row is wide (e.g. unit prices)."""
        self.slider.tooltip = label

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="slider-row--label", markup=False)
        yield self.slider
        yield self.field
        yield Label(self.hint, classes="slider-row--hint", markup=False)

    def set_hint_width(self, cells: int) -> None:
        """Give the hint ``cells`` cells: rows whose hints have one width have tracks of one length."""
        self.query_one(".slider-row--hint", Label).styles.width = cells + 1  # + the padding before it

    @property
    def value(self) -> int:
        return self.field.number

    @property
    def maximum(self) -> int:
        return self.slider.maximum

    def set_range(self, maximum: int) -> None:
        """Make ``maximum`` the end of the track and the largest number the field takes."""
        self.field.maximum = maximum
        self.slider.maximum = maximum

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


class SliderScale(Horizontal):
    """Tick labels (e.g. 0, 10, 100, 1k ...) under the track of the SliderRows above it.

    Laid out as a row is (the label's width, the track, the number's width, the hint's width),
    so its middle part has the track's place and length at every width: nothing is measured,
    and the scale cannot lag behind a layout. ``row`` gives the range (rows that share a scale
    share their range); ``labels`` maps values to their labels.
    """

    DEFAULT_CSS = """
    SliderScale {
        height: 1;
        width: 1fr;
        color: $text-muted;
        & > .slider-row--label { width: 24; height: 1; }
        & > .slider-scale--ticks { width: 1fr; min-width: 10; height: 1; margin: 0 1; }
        & > .slider-scale--number { width: 11; height: 1; }
        & > .slider-row--hint { width: auto; height: 1; padding: 0 0 0 1; display: none; }
    }
    """

    def __init__(self, row: SliderRow, labels: dict[int, str], id: str | None = None) -> None:
        super().__init__(id=id)
        self.row = row
        self.ticks = _Ticks(row, labels)

    def compose(self) -> ComposeResult:
        yield Label("", classes="slider-row--label")
        yield self.ticks
        yield Label("", classes="slider-scale--number")
        yield Label("", classes="slider-row--hint")

    def set_hint_width(self, cells: int) -> None:
        """The same as the rows' (see ``SliderRow.set_hint_width``)."""
        self.query_one(".slider-row--hint", Label).styles.width = cells + 1


class _Ticks(Widget):
    """The labels of a SliderScale, in a widget as long as the track."""

    def __init__(self, row: SliderRow, labels: dict[int, str]) -> None:
        super().__init__(classes="slider-scale--ticks")
        self.row, self.labels = row, labels

    def render(self) -> Text:
        return self.row.slider.ticks(max(1, self.content_size.width), self.labels)
