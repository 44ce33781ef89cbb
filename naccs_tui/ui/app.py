"""NaccsApp: owns the company (one frozen model) and which unit is selected; derives the unit's
scenario and quote and the company's quote; panes render from them.

This file keeps the app's keys, actions and screens. Its mixins hold the rest: the state and the
messages that change it (keeper.py; the rules are ui/state.py's), the tabs' panes (tabs.py), the
language switch (language.py), a recommendation applied (apply_flow.py), files (files.py) and
recovery (restore.py).

Late imports: the screens (help, compare, export, offices) load when they are first opened; the
first frame does not need them (start-up time)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import Reactive, var
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane, Tabs

from ..domain.company import Company, UnitKind
from ..domain.company_quote import CompanyQuote
from ..domain.costing import Quote
from ..domain.document import new_document
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs, load_tariffs
from ..i18n import set_lang, t
from .apply_flow import SetupActions
from .compositor import MainScreen
from .context import Context
from .files import FileActions
from .keeper import StateKeeper
from .keys import TABS, AppCommands, Palette, bindings, footer_width
from .language import LanguageActions
from .linebreak import install as install_line_breaking
from .overlay import install as install_whole_characters
from .panes.summary import SummaryBar
from .restore import RecoveryActions
from .state import State, opened
from .tabs import TAB_TITLES, WIDE, TabPanes
from .widgets.header import AppHeader

MIN_SIZE = (80, 24)


class NaccsApp(
    StateKeeper, TabPanes, LanguageActions, SetupActions, FileActions, RecoveryActions, App[int], inherit_bindings=False
):
    """The advisor. Data flows one way: company -> the selected unit's scenario -> quote -> panes."""

    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses elsewhere find it too
    TITLE = "naccs-tui"
    COMMANDS = {AppCommands}
    """Only our own (catalog) commands: Textual's system commands are English-only."""
    BINDINGS = bindings()
    """All from keys.KEYS (Textual's own ctrl+q/ctrl+c are not inherited, so the footer order is ours)."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (MIN_SIZE[0], "-normal"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_SIZE[1], "-tall")]
    CURSOR_BLINK = True
    """Input cursors blink (tests turn it off for stable snapshots)."""

    company: var[Company] = var(new_document, always_update=False)
    """The user's company: offices and their units, replaced whole (frozen), never mutated."""
    unit: var[tuple[int, UnitKind]] = var((1, "netnaccs"), always_update=False)
    """The unit the panes work on: (office counted from 1, "general" | "netnaccs")."""
    scenario: var[Scenario] = var(Scenario, always_update=False)
    """The selected unit as one scenario with its office's options (derived; what the panes edit)."""
    quote: var[Quote | None] = var(None, init=False)
    """The selected unit's quote (derived by the pure engine; with the office's options when the
    company is that one unit, else the options are counted once per office in company_quote)."""
    mix: var[dict[str, int] | None] = var(None, init=False)
    """The mix the total slider scales for the selected unit (ui/state.py), None: its counts."""
    company_quote: var[CompanyQuote | None] = var(None, init=False)
    """Every unit's quote and the company's totals (derived)."""
    tax: var[bool] = var(False)
    """Show totals including consumption tax."""
    months: var[int] = var(12)
    """Horizon of the N-month total."""
    dirty: var[bool] = var(False, always_update=True)
    """Unsaved changes exist."""
    lang: var[str] = var("ja")
    """UI language (ja/en)."""
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    """App's title and sub-title, without repainting the whole screen when they change: the
    header draws them (a slider step that marks the company unsaved changes the header only)."""

    def __init__(
        self,
        company: Company | None = None,
        tariffs: Tariffs | None = None,
        path: str | Path | None = None,
        lang: str = "ja",
    ) -> None:
        if tariffs is None:
            tariffs = load_tariffs()
        self.tariffs = tariffs
        self.path: Path | None = Path(path) if path else None
        set_lang(lang)
        install_line_breaking()  # Japanese breaks at phrases, with 禁則処理, in every widget
        install_whole_characters()  # no double-width character split by a hidden widget edge
        super().__init__()
        self.set_reactive(NaccsApp.lang, lang)
        self._state: State = opened(company or new_document())
        """The company, the selected unit and the company as last opened or saved (ui/state.py);
        the reactives below mirror it for the panes."""
        self.set_reactive(NaccsApp.company, self._state.company)
        self.set_reactive(NaccsApp.unit, self._state.unit)
        self._derive()
        self._tab = "setup"
        self.new_file = False
        """FILE named on the command line does not exist yet (created on the first save)."""

    def get_default_screen(self) -> MainScreen:
        return MainScreen(id="_default")  # a slider step redraws only the lines it changed

    def compose(self) -> ComposeResult:
        self._preset_breakpoints()
        self._plans_hidden = False  # a new tab bar shows every tab
        yield AppHeader()
        with Horizontal(id="body"):
            with TabbedContent(initial=self._tab, id="tabs"):
                for tab in TABS:  # only the first tab shown is filled now; the others when shown
                    with TabPane(t(TAB_TITLES[tab]), id=tab):
                        if tab == self._tab:
                            yield from self._pane_content(tab)
            yield VerticalScroll(id="side", can_focus=False)  # filled when the terminal is wide
        yield SummaryBar().data_bind(NaccsApp.quote, NaccsApp.tax, NaccsApp.company_quote, NaccsApp.unit)
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

    def watch_dirty(self, dirty: bool) -> None:
        if not dirty:  # just opened or saved (files.py): this company is the clean one now
            self._state = replace(self._state, clean=self._state.company)
        if (dirty, self.path) != getattr(self, "_titled", None):  # a slider step leaves the title alone
            self.update_title()

    def update_title(self) -> None:
        self._titled = (self.dirty, self.path)
        name = self.path.name if self.path else t("file.untitled")
        self.title = t("app.title")
        self.sub_title = t("file.dirty", name=name) if self.dirty else name
        if self.access.read_only:
            self.sub_title = t("access.sub_title", name=self.sub_title)

    def on_mount(self) -> None:
        self.update_title()
        self._fit_width()
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.watch(self.default_screen, "focused", self._focus_moved, init=False)
        if self.new_file and self.path:
            self.notify(t("file.new", path=str(self.path)))

    def on_resize(self, event: events.Resize) -> None:
        self._fit_width(event.size.width)
        self.refresh_bindings()  # the footer may have room for every key now, or not

    def context(self) -> Context:
        """The state a dialog works from, handed to it when it opens."""
        assert self.quote is not None
        return Context(
            self.scenario,
            self.tariffs,
            self.quote,
            self.months,
            self.tax,
            self.lang,
            self.path,
            self.company,
            self.unit,
        )

    # ---- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keyed":  # a binding of one language and maybe one state (see keys.py)
            when = parameters[2] if len(parameters) > 2 else None
            return parameters[0] == self.lang and (when is None or self.in_state(str(when)))
        return True

    def in_state(self, when: str) -> bool:
        """The app states a key can depend on (``keys.Key.when``)."""
        several = self.several_units
        states = {"tax_on": self.tax, "tax_off": not self.tax, "several_units": several, "one_unit": not several}
        if when in ("wide", "narrow"):  # the footer has room for every key, or leaves some out
            wide = footer_width(self.lang, {k for k, on in states.items() if on}) <= self.size.width
            return wide == (when == "wide")
        return states.get(when, True)

    def watch_tax(self) -> None:
        self.refresh_bindings()  # the footer shows the tax state

    async def action_keyed(self, lang: str, action: str, when: str | None = None) -> None:
        await self.run_action(action)

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]  # typed App[object]; App[int] is not one
            self.push_screen(Palette(placeholder=t("cmd.placeholder"), id="--command-palette"))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        if tab == "plans" and self.size.width >= WIDE:  # the plans sit beside the tabs: go there
            tabs.active = tabs.active if tabs.active != "plans" else "volumes"
            side = self.query_one("#side-plans")
            side.focus()  # its keys scroll it (the side column itself takes no focus)
            self.query_one("#side").scroll_to_widget(side, animate=False, top=True)
            return
        # the tab bar takes the focus first: a widget focused in the tab left would hand it on to
        # the next widget there as the tab hides, and TabbedContent would show that tab again
        self.screen.set_focus(tabs.query_one(Tabs))  # keys go on from the tab bar
        tabs.active = tab

    def action_leave_field(self) -> None:
        """Esc in a text field: the focus goes to the tab bar (then 1-6 switch tabs, not type)."""
        if isinstance(self.focused, Input):
            self.query_one("#tabs", TabbedContent).query_one(Tabs).focus()

    def action_compare(self) -> None:
        from .screens.compare import CompareScreen

        if not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen(self.context(), [str(self.path)] if self.path else []))

    def action_export(self) -> None:
        from .screens.export import ExportScreen

        if not isinstance(self.screen, ExportScreen) and not self.refused("export"):
            self.push_screen(ExportScreen(self.context()))

    def action_offices(self) -> None:
        from .screens.offices import OfficesScreen

        if not isinstance(self.screen, OfficesScreen):
            assert self.company_quote is not None
            screen = OfficesScreen(self.company, self.company_quote, self.unit)
            self.push_screen(screen.data_bind(NaccsApp.company, NaccsApp.company_quote, NaccsApp.unit))

    def action_toggle_tax(self) -> None:
        self.tax = not self.tax

    def action_set_tax(self, on: bool) -> None:
        self.tax = on

    def action_set_theme(self, theme: str) -> None:
        self.theme = theme
