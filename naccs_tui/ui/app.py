"""NaccsApp: owns the scenario (one frozen model) and derives the quote; panes render from them."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import Footer, Header, TabbedContent, TabPane

from ..domain.costing import Quote, quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import set_lang, t
from .panes.contacts import ContactsPane
from .panes.line import LinePane
from .panes.method import MethodPane
from .panes.plans import PlansPane
from .panes.schedule import SchedulePane
from .panes.summary import SummaryBar
from .panes.volumes import VolumesPane

TABS = ("setup", "volumes", "plans", "schedule", "contacts")


class NaccsApp(App[int]):
    """The advisor. Data flows one way: scenario -> quote -> panes."""

    CSS_PATH = "app.tcss"
    TITLE = "naccs-tui"
    BINDINGS = [
        Binding("f1", "help", t("key.help"), key_display="F1"),
        Binding("question_mark", "help", t("key.help"), show=False),
        Binding("ctrl+s", "save", t("key.save")),
        Binding("ctrl+o", "open", t("key.open")),
        Binding("f2", "toggle_lang", t("key.lang")),
        Binding("f3", "toggle_tax", t("key.tax")),
        Binding("ctrl+q", "quit", t("key.quit"), priority=True),
    ]

    scenario: var[Scenario] = var(Scenario, always_update=False)
    """The user's plan: replaced whole (frozen), never mutated."""
    quote: var[Quote | None] = var(None, init=False)
    """Derived from scenario and tariffs by the pure engine."""
    tax: var[bool] = var(False)
    """Show totals including consumption tax."""
    months: var[int] = var(12)
    """Horizon of the N-month total."""
    dirty: var[bool] = var(False)
    """Unsaved changes exist."""
    lang: var[str] = var("ja")
    """UI language (ja/en)."""

    def __init__(self, scenario: Scenario | None = None, tariffs: Tariffs | None = None,
                 path: str | Path | None = None, lang: str = "ja") -> None:
        if tariffs is None:
            from ..domain.tariffs import load_tariffs

            tariffs = load_tariffs()
        self.tariffs = tariffs
        self.path: Path | None = Path(path) if path else None
        set_lang(lang)
        super().__init__()
        self.set_reactive(NaccsApp.lang, lang)
        self.set_reactive(NaccsApp.scenario, scenario or Scenario())
        self.set_reactive(NaccsApp.quote, quote(self.scenario, tariffs))
        self._tab = "setup"

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial=self._tab, id="tabs"):
            with TabPane(t("tab.setup"), id="setup"):
                yield LinePane().data_bind(NaccsApp.scenario)
                yield MethodPane().data_bind(NaccsApp.scenario)
            with TabPane(t("tab.volumes"), id="volumes"):
                yield VolumesPane().data_bind(NaccsApp.scenario, NaccsApp.quote)
            with TabPane(t("tab.plans"), id="plans"):
                yield PlansPane().data_bind(NaccsApp.quote, NaccsApp.tax, NaccsApp.months)
            with TabPane(t("tab.schedule"), id="schedule"):
                yield SchedulePane().data_bind(NaccsApp.scenario)
            with TabPane(t("tab.contacts"), id="contacts"):
                yield ContactsPane().data_bind(NaccsApp.scenario)
        yield SummaryBar().data_bind(NaccsApp.quote, NaccsApp.tax)
        yield Footer()

    # ---- state -----------------------------------------------------------------------------
    def set_scenario(self, scenario: Scenario) -> None:
        """The one way panes change the plan: replace the scenario; the quote follows."""
        if scenario != self.scenario:
            self.scenario = scenario
            self.dirty = True

    def watch_scenario(self, scenario: Scenario) -> None:
        self.quote = quote(scenario, self.tariffs)

    def watch_dirty(self) -> None:
        self._update_title()

    def _update_title(self) -> None:
        name = self.path.name if self.path else t("file.untitled")
        self.title = f"{t('app.title')}"
        self.sub_title = f"{name}{' *' if self.dirty else ''}"

    def on_mount(self) -> None:
        self._update_title()

    # ---- actions ---------------------------------------------------------------------------
    def action_toggle_tax(self) -> None:
        self.tax = not self.tax

    async def action_toggle_lang(self) -> None:
        await self.switch_lang("en" if self.lang == "ja" else "ja")

    async def switch_lang(self, lang: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        self._tab = tabs.active or self._tab
        set_lang(lang)
        self.lang = lang
        await self.recompose()
        self._update_title()
