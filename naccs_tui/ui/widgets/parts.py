"""Rich styles of a widget's component classes, computed again only after Textual restyles it.

``Widget.get_component_rich_style`` caches its answer only until the next repaint, so a widget
that repaints on every slider step would combine the same styles again and again. Textual calls
``notify_style_update`` on a widget whenever its styles may have changed (focus, theme, CSS), and
always before it rebuilds the component styles; the owning widget forwards that call to
``invalidate`` and the styles are read afresh at the next paint.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class ComponentStyles:
    """The rich style of each of ``names`` (component classes of ``widget``), by name."""

    def __init__(self, widget: Widget, names: tuple[str, ...]) -> None:
        self.widget = widget
        self.names = names
        self._styles: dict[str, Style] | None = None
        self._base: Style | None = None

    def invalidate(self) -> None:
        """Forget the styles (call from the widget's ``notify_style_update``)."""
        self._styles = None
        self._base = None

    @property
    def base(self) -> Style:
        """The widget's own rich style (colour, background over its ancestors', text style)."""
        if self._base is None:
            self._base = self.widget.rich_style
        return self._base

    def get(self) -> dict[str, Style]:
        if self._styles is None:
            self._styles = {name: self.widget.get_component_rich_style(name) for name in self.names}
        return self._styles
