"""LinesView: a block of text lines built for its width, redrawn line by line.

The owner gives a function from (width, styles) to lines and calls ``rebuild`` when its data
changed. Only the lines that differ are repainted, and the screen is laid out again only when the
number of lines changes (a figure that changes, even by a digit, keeps its line), so a step that
changes a few figures costs a few lines' drawing and no layout. Each line is kept as a Strip.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from .parts import ComponentStyles

Build = Callable[[int, dict[str, Style]], list[Text]]


class LinesView(Widget):
    """Lines of text from ``build(width, styles)``; the styles are its component classes by name
    (``year--pays`` is ``styles["pays"]``)."""

    DEFAULT_CSS = """
    LinesView {
        height: auto;
        text-wrap: nowrap;
    }
    """

    def __init__(self, build: Build, prefix: str, names: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._build = build
        self._prefix = prefix
        self._names = names
        self._lines: tuple[int, list[Text]] | None = None
        self._strips: dict[int, Strip] = {}
        self._restyled = False  # the styles changed: build the lines again (they carry them)
        self._parts = ComponentStyles(self, tuple(f"{prefix}--{n}" for n in names))

    def styles_by_name(self) -> dict[str, Style]:
        parts = self._parts.get()
        return {n: parts[f"{self._prefix}--{n}"] for n in self._names}

    def lines_at(self, width: int) -> list[Text]:
        if self._lines is None or self._lines[0] != width or self._restyled:
            self._restyled = False
            self._strips.clear()
            self._lines = (width, self._build(width, self.styles_by_name()))
        return self._lines[1]

    def rebuild(self) -> None:
        """The data changed: build the lines again, repaint those that differ (lay out the screen
        again only when their number changed)."""
        old, self._lines = self._lines, None
        if old is None or not self.size.width:
            self._strips.clear()
            self.refresh(layout=True)
            return
        width, before = old
        after = self.lines_at(width)
        if len(after) != len(before):
            self._strips.clear()
            self.refresh(layout=True)
            return
        changed = [y for y, (b, a) in enumerate(zip(before, after, strict=True)) if a != b]
        for y in changed:
            self._strips.pop(y, None)
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines_at(width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        if hasattr(self, "_parts"):
            self._parts.invalidate()
            self._restyled = True

    def render(self) -> Text:
        return Text("\n", end="").join(self.lines_at(self.content_size.width))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:
            return super().render_line(y)
        strip = self._strips.get(y)
        if strip is None:
            width = self.size.width
            lines = self.lines_at(width)
            if y >= len(lines):
                return Strip.blank(width, self.visual_style.rich_style)
            visual = visualize(self, lines[y], markup=False)
            strip = self._strips[y] = Visual.to_strips(self, visual, width, 1, self.visual_style)[0]
        return strip
