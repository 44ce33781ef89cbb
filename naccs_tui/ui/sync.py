"""One way for every pane to follow the data: draw now when shown, else when the tab is shown.

A pane's watchers call ``data_changed(part)``. A displayed pane draws at once (``sync(parts)``);
a pane in a hidden tab only notes which parts are stale, so a slider step on one tab costs
nothing on the others. The app calls ``show_panes`` when ``TabbedContent.TabActivated`` says a
tab is shown (and after it fills a tab), and every stale pane in it draws then.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

from textual import events
from textual.widget import Widget

ALL = "all"
"""The part name that means: everything the pane shows."""


def displayed(widget: Widget) -> bool:
    """True when ``widget`` and every ancestor are displayed (its tab is the one shown)."""
    node: object = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


class Synced:
    """Mixin of the panes (before the container class: ``class P(Synced, Vertical)``): draws
    from its bound data by ``sync(parts)``, now or when shown.

    Not a Widget itself, so that the pane keeps the CSS type of its container (Textual follows
    only the first base class for CSS type names).
    """

    is_mounted: bool

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._stale: set[str] = {ALL}

    def sync(self, parts: set[str]) -> None:
        """Draw the ``parts`` that changed (``ALL`` among them: everything)."""
        raise NotImplementedError

    def data_changed(self, part: str = ALL) -> None:
        """Call from a watcher: draw ``part`` now if the pane is shown (at the end of a
        ``drawing_once`` block: once for all its changes), else when it is."""
        self._stale.add(part)
        if self.is_mounted and displayed(self):  # type: ignore[arg-type]
            held: list[Synced] | None = getattr(cast(Widget, self).app, "_held_panes", None)
            if held is not None:
                held.append(self)
            else:
                self._catch_up()

    def shown(self) -> None:
        """The pane's tab was shown: draw what changed while it was hidden."""
        if self._stale and self.is_mounted and displayed(self):  # type: ignore[arg-type]
            self._catch_up()

    def _catch_up(self) -> None:
        parts, self._stale = self._stale, set()
        self.sync(parts)

    def on_mount(self) -> None:
        self.shown()
        cast(Widget, self).call_after_refresh(self._resize_once_placed)

    def _resize_once_placed(self) -> None:
        """Send the pane the Resize that Textual (8.2) may have left out. The first draw above
        refreshes widgets not laid out yet; reading their size then makes the compositor place the
        new pane on the spot, and its next layout pass, seeing nothing new, sends the pane neither
        Resize nor Show. A pane that fits itself to its width in ``on_resize`` (the volumes labels,
        the schedule's calendar beside the steps) would keep its narrow layout until the terminal
        is resized. So, once the pane has its size: one Resize (a second one is harmless)."""
        widget = cast(Widget, self)
        if not widget.is_attached or not displayed(widget):
            return  # its tab was left before it was laid out: Textual sends Resize when it is shown
        if not widget.outer_size:
            widget.call_after_refresh(self._resize_once_placed)  # not laid out yet
            return
        widget.post_message(events.Resize(widget.outer_size, widget.virtual_size, widget.container_size))


def show_panes(root: Widget) -> None:
    """Let every pane under ``root`` catch up (``root`` was just shown)."""
    for widget in root.walk_children():
        if isinstance(widget, Synced):
            widget.shown()


@contextmanager
def drawing_once(app: object) -> Iterator[None]:
    """Inside the block a shown pane told of changes draws once, when the block ends. The app
    sets its reactives one by one (company, unit, scenario, quote, company quote); a pane bound
    to several of them would otherwise draw for each (the plans twice on every slider step)."""
    if getattr(app, "_held_panes", None) is not None:  # already inside one
        yield
        return
    held: list[Synced] = []
    app._held_panes = held  # type: ignore[attr-defined]
    try:
        yield
    finally:
        app._held_panes = None  # type: ignore[attr-defined]
        for pane in dict.fromkeys(held):
            if pane._stale and pane.is_mounted:
                pane._catch_up()
