"""Slider: an integer on a logarithmic track, driven by keys and the mouse.

Why a non-linear track and relative steps: a monthly operation count is meaningful from a
handful to tens of thousands. On a linear track 0..100,000 of 50 cells, every cell would be
2,000 transactions, so a small user (say 120 a month) could not be set with the mouse at all.
The track is therefore logarithmic, ``position = log(1 + v - min) / log(1 + max - min)``: each
decade (1-10, 10-100, 100-1,000, ...) gets the same length of track, and a click lands on a
value of the right order of magnitude, rounded to a "nice" number.

Keyboard steps are relative to the magnitude of the value, on the 1-2-5 series: the step is
the largest of 1, 2, 5, 10, 20, 50, ... not above 1/20 of the value, so ←/→ change a count by
2.5-5 % (1 below 40, 5 from 100, 50 from 1,000, 500 from 10,000), and the value lands on a
multiple of its step (103 → 105, not 108). PgUp/PgDn move one tenth of the track, i.e. one
equal ratio jump (10 presses cover the whole range). Home/End go to the ends. Up and down
are exact inverses across a step boundary (100 → 98 → 100).
"""

from __future__ import annotations

from math import expm1, log1p

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ...render.verdict import MARKER
from .parts import ComponentStyles

FILL, TRACK, THUMB, LEFT, RIGHT = "▬", "╌", "▮", "◂", "▸"
"""Track glyphs; all of East-Asian width 'N' (one cell in CJK terminals too)."""


def nice_step(value: int) -> int:
    """The 1-2-5 step for moving up from ``value``: the largest step <= value / 20 (at least 1)."""
    target = max(1, value // 20)
    step, unit = 1, 1
    while True:
        for m in (1, 2, 5):
            if unit * m > target:
                return step
            step = unit * m
        unit *= 10


def step_up(value: int) -> int:
    step = nice_step(value)
    return (value // step + 1) * step


def step_down(value: int) -> int:
    if value <= 0:
        return value - 1
    step = nice_step(value - 1)
    return ((value - 1) // step) * step


def nice_round(value: float) -> int:
    """Round to a multiple of the nice step at that magnitude (1,234 → 1,250; 87 → 88)."""
    v = max(0, round(value))
    step = nice_step(v)
    return int(round(v / step) * step)


class Slider(Widget, can_focus=True):
    """An integer in [minimum, maximum] on a log track, with an optional marker value.

    The value changes by ←/→ (nice step), PgUp/PgDn (a tenth of the track), Home/End, a click
    or a drag. Only user actions post :class:`Slider.Changed`; setting ``value`` from code
    (e.g. syncing with the scenario) is silent, so data can flow one way without loops.

    ``controlled=True`` makes the slider only *propose* a value: it posts Changed and leaves
    ``value`` to its owner, who sets it from the state it keeps. The thumb then moves in the
    same frame as everything the change causes (one repaint per step, not two), and always
    shows what the state holds (e.g. after clamping).
    """

    BINDINGS = [
        Binding("right", "step(1)", "+", show=False),
        Binding("left", "step(-1)", "-", show=False),
        Binding("pageup", "big_step(1)", "++", show=False),
        Binding("pagedown", "big_step(-1)", "--", show=False),
        Binding("home", "to_end(-1)", "min", show=False),
        Binding("end", "to_end(1)", "max", show=False),
    ]
    COMPONENT_CLASSES = {"slider--fill", "slider--track", "slider--thumb", "slider--marker"}
    DEFAULT_CSS = """
    Slider {
        height: 1;
        width: 1fr;
        min-width: 10;
        pointer: pointer;
        & > .slider--fill { color: $primary; }
        & > .slider--track { color: $foreground 40%; }
        & > .slider--thumb { color: $foreground; text-style: bold; }
        & > .slider--marker { color: $warning; text-style: bold; }
        &:focus {
            background: $boost;
            & > .slider--fill { color: $accent; }
            & > .slider--thumb { color: $accent; text-style: bold reverse; }
        }
    }
    """

    value: reactive[int] = reactive(0)
    """The current integer value, always within [minimum, maximum]."""
    marker: reactive[int | None] = reactive(None)
    """A value drawn as ♦ on the track (the break-even); None draws nothing."""
    maximum: reactive[int] = reactive(100)
    """Largest value (the right end of the track)."""

    class Changed(Message):
        """The user moved the slider. Replaceable: during a drag only the latest is handled."""

        def __init__(self, slider: Slider, value: int) -> None:
            super().__init__()
            self.slider = slider
            self.value = value

        @property
        def control(self) -> Slider:
            return self.slider

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, Slider.Changed) and message.slider is self.slider

    def __init__(
        self,
        value: int = 0,
        *,
        minimum: int = 0,
        maximum: int = 100,
        marker: int | None = None,
        controlled: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.minimum = minimum
        self.controlled = controlled
        self.set_reactive(Slider.maximum, max(minimum, maximum))
        self.set_reactive(Slider.value, self.validate_value(value))
        self.set_reactive(Slider.marker, marker)
        self._dragging = False
        self._pending: int | None = None  # controlled: proposed, not yet set by the owner
        self._parts = ComponentStyles(self, ("slider--fill", "slider--track", "slider--thumb", "slider--marker"))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if hasattr(self, "_parts"):
            self._parts.invalidate()  # focus, theme or CSS changed: read the colours again

    def validate_value(self, value: int) -> int:
        return max(self.minimum, min(self.maximum, int(value)))

    def watch_maximum(self) -> None:
        self.value = self.validate_value(self.value)

    def watch_value(self) -> None:
        self._pending = None

    @property
    def _current(self) -> int:
        """The value keys step from: a controlled slider's last proposal until the owner answers
        (so fast repeated keys add up instead of repeating the same proposal)."""
        return self.value if self._pending is None else self._pending

    # ---- geometry ---------------------------------------------------------------------------
    def fraction(self, value: int) -> float:
        """Position of ``value`` on the track, 0.0 (left) .. 1.0 (right)."""
        span = log1p(self.maximum - self.minimum)
        if span <= 0:
            return 0.0
        return log1p(max(0, min(value, self.maximum) - self.minimum)) / span

    def value_at(self, fraction: float) -> int:
        """The nice value under a position of the track (ends are exact)."""
        if fraction <= 0:
            return self.minimum
        if fraction >= 1:
            return self.maximum
        raw = expm1(fraction * log1p(self.maximum - self.minimum))
        return self.validate_value(self.minimum + nice_round(raw))

    def cell_of(self, value: int, width: int | None = None) -> int:
        """The track cell (0-based) where ``value`` is drawn."""
        width = width or max(1, self.content_size.width)
        return round(self.fraction(value) * (width - 1))

    # ---- user actions -----------------------------------------------------------------------
    def _user_set(self, value: int) -> None:
        value = self.validate_value(value)
        if value != self._current:
            if self.controlled:
                self._pending = value
            else:
                self.value = value
            self.post_message(self.Changed(self, value))

    def action_step(self, direction: int) -> None:
        rel = self._current - self.minimum
        self._user_set(self.minimum + (step_up(rel) if direction > 0 else step_down(rel)))

    def action_big_step(self, direction: int) -> None:
        current = self._current
        target = self.value_at(self.fraction(current) + direction / 10)
        if direction > 0:
            target = max(target, self.minimum + step_up(current - self.minimum))
        else:
            target = min(target, self.minimum + step_down(current - self.minimum))
        self._user_set(target)

    def action_to_end(self, direction: int) -> None:
        self._user_set(self.maximum if direction > 0 else self.minimum)

    def _set_from_x(self, x: int) -> None:
        width = max(1, self.content_size.width)
        self._user_set(self.value_at(x / max(1, width - 1)))

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        self.focus()
        self._dragging = True
        self.capture_mouse()
        self._set_from_x(event.get_content_offset_capture(self).x)

    async def _on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            event.stop()
            self._set_from_x(event.get_content_offset_capture(self).x)

    async def _on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            event.stop()
            self._dragging = False
            self.release_mouse()

    # ---- drawing ----------------------------------------------------------------------------
    def _runs(self, width: int) -> list[tuple[str, Style]]:
        """The track as runs of cells of one style (about 5 per line, not one per cell)."""
        style = self._parts.get().__getitem__
        thumb = self.cell_of(self.value, width)
        cells = [FILL] * thumb + [THUMB] + [TRACK] * (width - thumb - 1)
        styles: list[Style] = (
            [style("slider--fill")] * thumb + [style("slider--thumb")] + [style("slider--track")] * (width - thumb - 1)
        )
        if self.has_focus:  # arrows beside the thumb: visible focus without colour
            for pos, glyph in ((thumb - 1, LEFT), (thumb + 1, RIGHT)):
                if 0 <= pos < width:
                    cells[pos], styles[pos] = glyph, style("slider--thumb")
        marker = self.marker
        if marker is not None and self.minimum <= marker <= self.maximum:
            pos = self.cell_of(marker, width)
            if pos != thumb:
                cells[pos], styles[pos] = MARKER, style("slider--marker")
        runs = []
        start = 0
        for i in range(1, width + 1):
            if i == width or styles[i] is not styles[start]:  # the same few Style objects
                runs.append(("".join(cells[start:i]), styles[start]))
                start = i
        return runs

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        for cells, style in self._runs(max(1, self.content_size.width)):
            text.append(cells, style)
        return text

    def render_line(self, y: int) -> Strip:
        """The track as one strip of segments, without Textual's conversion of a Text (the
        general path that ``render`` takes costs several times more, on every slider of a
        step of the total)."""
        width = self.content_size.width
        if y != 0 or width < 1 or self.text_selection is not None:
            return super().render_line(y)
        base = self._parts.base
        return Strip([Segment(cells, base + style) for cells, style in self._runs(width)], width)

    def ticks(self, width: int, labels: dict[int, str]) -> Text:
        """A line of tick labels under a track of ``width`` cells (labels that fit only)."""
        line = [" "] * width
        for value, label in labels.items():
            if not self.minimum <= value <= self.maximum:
                continue
            pos = min(self.cell_of(value, width), width - len(label))
            if all(c == " " for c in line[max(0, pos - 1) : pos + len(label) + 1]):
                line[pos : pos + len(label)] = list(label)
        return Text("".join(line), no_wrap=True, end="")

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()
