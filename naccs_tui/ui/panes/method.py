"""MethodPane: the processing method (interactive / netNACCS / WebNACCS).

Every method stays selectable: picking one that cannot use the current line switches the line and
says so in a notification. That keeps any combination one key press away (a disabled option would
need two steps, line first) while the pane always shows which line each method needs.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Label, RadioSet, Static

from ...domain.scenario import METHODS, Scenario
from ...i18n import t
from ..combos import settle
from .line import choice_row, press
from .shown import ScenarioSync


class MethodPane(ScenarioSync, Vertical):
    """Processing method; a change that needs another line switches it (with a notification)."""

    scenario: reactive[Scenario | None] = reactive(None, repaint=False)
    """The app's scenario (bound by data_bind; never changed here)."""

    def compose(self) -> ComposeResult:
        method = self.app.scenario.usage.method
        yield Label(t("methodpane.title"), classes="pane-title")
        yield choice_row(t("methodpane.method"), "method", [(m, t(f"method.{m}")) for m in METHODS], method)
        yield Static(id="method-info", classes="hint")

    def on_mount(self) -> None:
        if self.scenario is None:
            self._sync(self.app.scenario)

    def _sync(self, s: Scenario) -> None:
        method = s.usage.method
        press(self.query_one("#method", RadioSet), method)
        lines = [t(f"methodpane.what.{method}"), t(f"methodpane.lines.{method}")]
        if method == "webnaccs":
            lines.append(t("methodpane.webnaccs_ops"))
        if method in ("netnaccs", "webnaccs"):
            lines.append(t("methodpane.certificate", months=self.app.tariffs.lead_time.certificate_months))
        self.query_one("#method-info", Static).update("\n".join(lines))

    @on(RadioSet.Changed, "#method")
    def _method(self, event: RadioSet.Changed) -> None:
        event.stop()
        s = self.scenario or self.app.scenario
        method = event.pressed.name
        if not method or method == s.usage.method:
            return
        new, notes = settle(s.replace("usage", method=method), self.app.tariffs, "method")
        for note in notes:
            self.notify(note, title=t("fix.title"))
        self.app.set_scenario(new)
