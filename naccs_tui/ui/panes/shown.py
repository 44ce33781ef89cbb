"""Panes in hidden tabs do no work: they note that they are stale and catch up when shown."""

from __future__ import annotations

from textual.widget import Widget


def displayed(widget: Widget) -> bool:
    """True when ``widget`` and every ancestor are displayed (its tab is the one shown).

    A pane whose tab is hidden would otherwise update its widgets on every slider step on
    another tab, and each update of a Static asks the whole screen for a new layout.
    """
    node = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


class SyncWhenShown:
    """Mixin for panes: ``refresh_or_defer()`` runs the pane's ``sync()`` now if the pane is
    displayed, else when it is next shown (so a hidden tab costs nothing on a slider step elsewhere).
    """

    _stale = False
    """Something changed while the pane was hidden: sync when shown."""

    def refresh_or_defer(self) -> None:
        if not self.is_mounted:  # type: ignore[attr-defined]
            return
        if displayed(self):  # type: ignore[arg-type]
            self.sync()  # type: ignore[attr-defined]
        else:
            self._stale = True

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.sync()  # type: ignore[attr-defined]


class ScenarioSync(SyncWhenShown):
    """A pane drawn from the bound ``scenario`` by its ``_sync(scenario)``, now or when shown."""

    def watch_scenario(self, s) -> None:
        if s is not None:
            self.refresh_or_defer()

    def sync(self) -> None:
        self._sync(self.scenario or self.app.scenario)  # type: ignore[attr-defined]
