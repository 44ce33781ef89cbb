"""NumberField: a one-line input for a whole number in a range, refusing bad input politely.

What a typed entry does to the owner's state (the rule: a refused entry changes nothing):
valid values are applied live, so the plans follow the typing; an entry is refused on Enter or on
leaving the field when its text is not a number in range, and then every value it applied on the
way is taken back. Typing ``300`` → Backspace ×3 → Enter applies 30 and 3 while typing and, on
the refusal, puts back the state from before the entry began. An entry is a number (its id): the
field starts one at the first keystroke and hands it to its owner with each value; the app's state
keeps the unit as it was before the entry's first value (``ui.state.apply_unit``) and forgets it
when the entry ends (``EntryEnded``), or takes the entry back from it (``unit_ops.RevertEntry``).
"""

from __future__ import annotations

from itertools import count
from typing import Any

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input

from ...i18n import t
from ..messages import EntryEnded


def parse_count(text: str, minimum: int, maximum: int) -> tuple[int | None, str | None]:
    """(value, None) for a whole number in range ("1,500" is allowed), else (None, reason)."""
    cleaned = text.strip().replace(",", "").replace("_", "")
    if not cleaned:
        return None, t("entry.empty", min=f"{minimum:,}", max=f"{maximum:,}")
    if not cleaned.isascii() or not cleaned.isdigit():
        return None, t("entry.not_a_number", text=text.strip(), min=f"{minimum:,}", max=f"{maximum:,}")
    value = int(cleaned)
    if not minimum <= value <= maximum:
        return None, t("slider.out_of_range", text=f"{value:,}", min=f"{minimum:,}", max=f"{maximum:,}")
    return value, None


_entries = count(1)
"""Entry ids: every typed entry has its own, for the app's whole run."""


class NumberField(Input):
    """Compact integer input. While typing, each valid number is committed at once (live) with
    the entry (id) it belongs to; text that is not a number in range marks the field. Enter
    or leaving the field ends the entry: kept when its text is valid, else refused with a
    notification, the number from before the entry shown again and :class:`Rejected` posted so
    that the owner takes the live values back. Optional ↑/↓ steps by one (a stepper)."""

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
        """A new valid number was typed (with its entry) or stepped (``entry`` None)."""

        def __init__(self, field: NumberField, value: int, entry: int | None = None) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.entry = entry

        @property
        def control(self) -> NumberField:
            return self.field

    class Rejected(Message):
        """An entry was refused: ``value`` (from before it) is shown again; take ``entry`` back."""

        def __init__(self, field: NumberField, value: int, entry: int) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.entry = entry

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
        super().__init__(self.show(value), id=id, classes=classes, compact=True, select_on_focus=True)
        self.minimum, self.maximum = minimum, maximum
        self.number = value
        """The last good value (what the owner was last told, or set from code)."""
        self.arrows = arrows
        self.range_note: str | None = None
        """Said after "out of range" when a number above the maximum is refused (why that maximum)."""
        self.entry: int | None = None
        """The id of the entry being typed (None when the field's text is the number it shows)."""
        self._before = value
        """The number when the entry began (shown again if it is refused)."""

    def validate_virtual_size(self, size: Size) -> Size:
        """At least as wide as the field. Input makes its virtual size as wide as its text on
        every value, and a change of virtual size lays out the whole screen: a number one digit
        longer (a slider step from 995 to 1,000, or the total scaling every operation) would cost
        a layout per step. Text that fits scrolls nowhere at either width; longer text still gets
        its own width (the field scrolls to the cursor as before)."""
        return Size(max(size.width, self.scrollable_content_region.width), size.height)

    def on_resize(self, event: events.Resize) -> None:
        # the field's width is known now: the floor applies from here, not at the first new
        # value (set quietly: no layout of its own, nothing on the screen changes size)
        self.set_reactive(Input.virtual_size, self.validate_virtual_size(self.virtual_size))

    STEP: Any = 1
    """What ↑/↓ add or take away."""

    def parse(self, text: str, maximum: Any = None) -> tuple[Any, str | None]:
        """(value, None) for text that is a value in range (up to ``maximum`` if given), else
        (None, why not). A whole number here; a field of other numbers overrides it (and ``show``)."""
        return parse_count(text, self.minimum, self.maximum if maximum is None else maximum)

    def show(self, value: Any) -> str:
        """The text of a value."""
        return str(value)

    def set_number(self, value: int) -> None:
        """Show ``value`` from code, without posting anything."""
        self.number = value
        parsed, _ = self.parse(self.value, max(self.maximum, value))
        if parsed != value:
            with self.prevent(Input.Changed):
                self.value = self.show(value)
        self.remove_class("-invalid")
        if self.tooltip is not None:  # setting it costs, even to None again (every field, every step of the total)
            self.tooltip = None

    def reason(self) -> str | None:
        """Why the text is refused, or None when it is a number in range."""
        _, reason = self.parse(self.value)
        if reason is not None and self.range_note:
            cleaned = self.value.strip().replace(",", "").replace("_", "")
            if cleaned.isascii() and cleaned.isdigit() and int(cleaned) > self.maximum:
                reason = f"{reason} {self.range_note}"
        return reason

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "increment":
            return self.arrows
        return True

    def action_increment(self, delta: int) -> None:
        if self.entry is not None:  # a step is a whole change of its own; what was typed before stays
            self.post_message(EntryEnded(self.entry))
            self.entry = None
        value = max(self.minimum, min(self.maximum, self.number + delta * self.STEP))
        self.set_number(value)
        self.post_message(self.Committed(self, value))

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        if self.entry is None:
            self.entry, self._before = next(_entries), self.number
        value, _ = self.parse(self.value)
        reason = self.reason()
        self.set_class(reason is not None, "-invalid")
        self.tooltip = reason
        if value is not None and value != self.number:
            self.number = value
            self.post_message(self.Committed(self, value, self.entry))

    def _end_entry(self) -> None:
        """Enter or leaving the field: keep a valid entry, refuse and take back any other."""
        entry, self.entry = self.entry, None
        if entry is None:  # nothing typed since the last entry ended
            return
        reason = self.reason()
        if reason is None:
            self.post_message(EntryEnded(entry))
            return
        self.notify(reason, title=t("slider.refused"), severity="error", timeout=6)
        self.set_number(self._before)
        self.post_message(self.Rejected(self, self._before, entry))

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self:
            self._end_entry()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self._end_entry()
