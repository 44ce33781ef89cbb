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
from ...domain.tariffs import Tariffs
from ...i18n import t
from ..messages import ScenarioEdited
from ..sync import Synced
from .line import choice_row, press


class MethodPane(Synced, Vertical):
    """Processing method; a change that needs another line switches it (with a notification)."""

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (given, then bound by data_bind; never changed here)."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs) -> None:
        super().__init__()
        self.tariffs = tariffs
        self.set_reactive(MethodPane.scenario, scenario)

    def watch_scenario(self) -> None:
        self.data_changed()

    def compose(self) -> ComposeResult:
        method = self.scenario.usage.method
        yield Label(t("methodpane.title"), classes="pane-title")
        yield choice_row(t("methodpane.method"), "method", [(m, t(f"method.{m}")) for m in METHODS], method)
        yield Static(id="method-info", classes="hint")

    def sync(self, parts: set[str]) -> None:
        s = self.scenario
        method = s.usage.method
        press(self.query_one("#method", RadioSet), method)
        lines = [t(f"methodpane.what.{method}"), t(f"methodpane.lines.{method}")]
        if method == "webnaccs":
            lines.append(t("trust.note.webnaccs_ops"))
            lines.append(t("trust.note.webnaccs_basic", yen=f"{self.tariffs.plans.basic_fee_a_per_terminal:,}"))
        if method in ("netnaccs", "webnaccs"):
            lines.append(t("methodpane.certificate"))
        self.query_one("#method-info", Static).update("\n".join(lines))

    @on(RadioSet.Changed, "#method")
    def _method(self, event: RadioSet.Changed) -> None:
        event.stop()
        s = self.scenario
        method = event.pressed.name
        if not method or method == s.usage.method:
            return
        self.post_message(ScenarioEdited.section("usage", "method", method=method))
