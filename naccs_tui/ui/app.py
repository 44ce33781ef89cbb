"""NaccsApp: owns the scenario (one frozen model) and derives the quote; panes render from them."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Static, TabbedContent, TabPane

from ..domain.costing import Quote, quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import set_lang, t
from .commands import AppCommands, bindings
from .files import FileActions
from .panes.summary import SummaryBar

TABS = ("setup", "volumes", "plans", "chart", "schedule", "contacts")
TAB_TITLES = {
    "setup": "tab.setup",
    "volumes": "tab.volumes",
    "plans": "tab.plans",
    "chart": "decide.tab.chart",
    "schedule": "tab.schedule",
    "contacts": "tab.contacts",
}
MIN_SIZE = (80, 24)
WIDE = 140
"""From this width the plans are shown beside the tabs (and their tab is hidden)."""


class NaccsApp(FileActions, App[int], inherit_bindings=False):
    """The advisor. Data flows one way: scenario -> quote -> panes."""

    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere find it too
    TITLE = "naccs-tui"
    COMMANDS = {AppCommands}
    """Only our own (catalog) commands: Textual's system commands are English-only."""
    BINDINGS = bindings()
    """All from commands.KEYS (Textual's own ctrl+q/ctrl+c are not inherited, so the footer order is ours)."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (MIN_SIZE[0], "-normal"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_SIZE[1], "-tall")]
    CURSOR_BLINK = True
    """Input cursors blink (tests turn it off for stable snapshots)."""

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

    def __init__(
        self,
        scenario: Scenario | None = None,
        tariffs: Tariffs | None = None,
        path: str | Path | None = None,
        lang: str = "ja",
    ) -> None:
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
        self.new_file = False
        """FILE named on the command line does not exist yet (created on the first save)."""

    def compose(self) -> ComposeResult:
        self._preset_breakpoints()
        yield Header()
        with Horizontal(id="body"):
            with TabbedContent(initial=self._tab, id="tabs"):
                for tab in TABS:  # only the first tab shown is filled now; the others when shown
                    with TabPane(t(TAB_TITLES[tab]), id=tab):
                        if tab == self._tab:
                            yield from self._pane_content(tab)
            yield VerticalScroll(id="side", can_focus=False)  # filled when the terminal is wide
        yield SummaryBar().data_bind(NaccsApp.quote, NaccsApp.tax)
        yield Footer(compact=True, show_command_palette=False)
        yield Static(t("shell.too_small", w=MIN_SIZE[0], h=MIN_SIZE[1]), id="too-small")

    def _preset_breakpoints(self) -> None:
        """Give the screen its breakpoint classes before its widgets are styled (the same rule as
        Textual's on resize), so that the first resize does not restyle every widget again."""
        width, height = self.size
        classes = {name: False for _, name in self.HORIZONTAL_BREAKPOINTS + self.VERTICAL_BREAKPOINTS}
        for breakpoints, size in ((self.HORIZONTAL_BREAKPOINTS, width), (self.VERTICAL_BREAKPOINTS, height)):
            classes.update({next((name for at, name in sorted(breakpoints, reverse=True) if size >= at), ""): True})
        classes.pop("", None)
        self.screen.update_classes(classes, animate=False)

    # ---- panes, built when first shown -----------------------------------------------------
    # A pane's widgets (about 90 for the volumes) cost start-up time and memory, and a hidden
    # pane would follow every change for nothing: each tab is composed when it is first shown.
    def _pane_content(self, tab: str) -> list[Widget]:
        """The widgets of one tab, bound to the app (call only in the app's context)."""
        if tab == "setup":
            from .panes.line import LinePane
            from .panes.method import MethodPane

            return [
                VerticalScroll(
                    LinePane().data_bind(NaccsApp.scenario),
                    MethodPane().data_bind(NaccsApp.scenario),
                    id="setup-scroll",
                    can_focus=False,
                )
            ]
        if tab == "volumes":
            from .panes.volumes import VolumesPane

            return [VolumesPane().data_bind(NaccsApp.scenario, NaccsApp.quote)]
        if tab == "plans":
            from .panes.plans import PlansPane

            return [PlansPane().data_bind(NaccsApp.quote, NaccsApp.tax, NaccsApp.months)]
        if tab == "chart":
            from .panes.chart import ChartPane

            return [ChartPane().data_bind(NaccsApp.quote, NaccsApp.scenario, NaccsApp.tax, NaccsApp.months)]
        if tab == "schedule":
            from .panes.schedule import SchedulePane

            return [SchedulePane().data_bind(NaccsApp.scenario)]
        from .panes.contacts import ContactsPane

        return [ContactsPane().data_bind(NaccsApp.scenario)]

    def _fill(self, pane: Widget | None, content) -> None:
        """Mount ``content()`` into ``pane`` unless it is already filled."""
        if pane is not None and not pane.children and pane.is_attached:
            pane.mount_all(content())

    def _tab_switched(self, tab: str | None) -> None:
        """Fill a tab as it is shown (runs in the same call as the switch, so the pane is mounted
        before the next frame)."""
        if tab:
            self._fill(self.query_one("#tabs", TabbedContent).get_pane(tab), lambda: self._pane_content(tab))

    def _watch_tabs(self) -> None:
        try:
            switcher = self.query_one("#tabs", TabbedContent).get_child_by_type(ContentSwitcher)
        except NoMatches:
            return
        self.watch(switcher, "current", self._tab_switched, init=False)
        self._tab_switched(switcher.current)

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
        self.title = t("app.title")
        self.sub_title = t("file.dirty", name=name) if self.dirty else name

    def on_mount(self) -> None:
        self._update_title()
        self._watch_tabs()
        self._fit_width()
        if self.new_file and self.path:
            self.notify(t("file.new", path=str(self.path)))

    def on_resize(self, event: events.Resize) -> None:
        self._fit_width(event.size.width)

    def _fit_width(self, width: int | None = None) -> None:
        """When wide, the plans sit beside the tabs, so their own tab is hidden."""
        try:
            tabs = self.query_one("#tabs", TabbedContent)
        except NoMatches:
            return
        if (width or self.size.width) >= WIDE:
            if tabs.active == "plans":
                tabs.active = "volumes"
            tabs.hide_tab("plans")
            self._fill(self.query_one("#side"), self._side_content)
        else:
            tabs.show_tab("plans")

    def _side_content(self) -> list[Widget]:
        from .panes.plans import PlansPane

        return [PlansPane(id="side-plans").data_bind(NaccsApp.quote, NaccsApp.tax, NaccsApp.months)]

    # ---- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keyed":  # a binding of one language (see commands.py)
            return parameters[0] == self.lang
        return True

    async def action_keyed(self, lang: str, action: str) -> None:
        await self.run_action(action)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("cmd.placeholder"), id="--command-palette"))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab

    def action_compare(self) -> None:
        from .screens.compare import CompareScreen

        if not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen([str(self.path)] if self.path else []))

    def action_recommend(self) -> None:
        from .screens.recommend import RecommendScreen

        if not isinstance(self.screen, RecommendScreen):
            self.push_screen(RecommendScreen())

    def action_export(self) -> None:
        from .screens.export import ExportScreen

        if not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen())

    def action_toggle_tax(self) -> None:
        self.tax = not self.tax

    def action_set_tax(self, on: bool) -> None:
        self.tax = on

    def action_set_theme(self, theme: str) -> None:
        self.theme = theme

    async def action_toggle_lang(self) -> None:
        await self.switch_lang("en" if self.lang == "ja" else "ja")

    async def switch_lang(self, lang: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        self._tab = tabs.active or self._tab
        set_lang(lang)
        self.lang = lang
        await self.recompose()
        self._update_title()
        self._watch_tabs()
        self._fit_width()
        self.refresh_bindings()
