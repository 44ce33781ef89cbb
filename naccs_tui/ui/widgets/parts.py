"""Rich styles of a widget's component classes, computed again only when Textual restyles it.

``Widget.get_component_rich_style`` caches its answer only until the next repaint, so a widget
that repaints on every slider step would combine the same styles again and again. Textual gives
the widget new component Styles objects whenever its styles may have changed (focus, theme, CSS);
while they are the same objects, the rich styles are the same too.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class ComponentStyles:
    """The rich style of each of ``names`` (component classes of ``widget``), by name."""

    def __init__(self, widget: Widget, names: tuple[str, ...]) -> None:
        self.widget = widget
        self.names = names
        self._sources: tuple[object, ...] | None = None
        self._styles: dict[str, Style] = {}

    def get(self) -> dict[str, Style]:
        sources = tuple(self.widget._component_styles.get(name) for name in self.names)
        if self._sources is None or any(a is not b for a, b in zip(self._sources, sources)):
            self._styles = {name: self.widget.get_component_rich_style(name) for name in self.names}
            self._sources = sources  # held, so that a new object can never look like an old one
        return self._styles
