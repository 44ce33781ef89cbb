"""NaccsApp: owns the company (one frozen model) and which unit is selected; derives the unit's
scenario and quote and the company's quote; panes render from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.reactive import Reactive, var
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane, Tabs

from ..domain.company import Company, EditRefused, UnitKind
from ..domain.company_quote import CompanyQuote, company_quote
from ..domain.costing import Quote, along, with_options
from ..domain.document import new_document
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import set_lang, t
from .compositor import MainScreen
from .context import Context
from .files import FileActions
from .keys import TABS, AppCommands, Palette, bindings, footer_width
from .linebreak import install as install_line_breaking
from .messages import CompanyEdited, EntryEnded, HorizonChosen, ScenarioEdited, UnitChosen
from .overlay import install as install_whole_characters
from .panes.summary import SummaryBar
from .restore import RecoveryActions
from .state import ApplySetup, State, apply, apply_unit, edit_unit, end_entry, needs_merge, opened, select
from .sync import drawing_once, show_panes
from .widgets.header import AppHeader

TAB_TITLES = {
    "setup": "tab.setup",
    "volumes": "tab.volumes",
    "plans": "tab.plans",
    "chart": "decide.tab.chart",
    "schedule": "tab.schedule",
    "contacts": "tab.contacts",
    "year": "year.tab.title",
}
MIN_SIZE = (80, 24)
WIDE = 140
"""From this width the plans are shown beside the tabs (and their tab is hidden)."""


class NaccsApp(FileActions, RecoveryActions, App[int], inherit_bindings=False):
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
    """The user's plan: offices and their units, replaced whole (frozen), never mutated."""
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
    header draws them (a slider step that marks the plan unsaved changes the header only)."""

    def __init__(
        self,
        company: Company | None = None,
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
        self._lang_later: str | None = None
        """The language asked for while a dialog was open (switched to when it closes)."""
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

    # ---- panes, built when first shown -----------------------------------------------------
    # A pane's widgets (about 90 for the volumes) cost start-up time and memory, and a hidden
    # pane would follow every change for nothing: each tab is composed when it is first shown.
    def _pane_content(self, tab: str) -> list[Widget]:
        """The widgets of one tab: each pane gets the data it draws in its constructor and follows
        the app's state through data_bind (call only in the app's context)."""
        scenario, tariffs = self.scenario, self.tariffs
        if tab == "setup":
            from .panes.line import LinePane
            from .panes.method import MethodPane

            panes = (
                LinePane(scenario, tariffs).data_bind(NaccsApp.scenario),
                MethodPane(scenario, tariffs).data_bind(NaccsApp.scenario),
            )
            return [VerticalScroll(*panes, id="setup-scroll", can_focus=False)]
        if tab == "volumes":
            from .panes.volumes import VolumesPane

            return [VolumesPane(scenario, tariffs).data_bind(NaccsApp.scenario, NaccsApp.quote, NaccsApp.mix)]
        if tab == "plans":
            from .panes.plans import PlansPane

            return [
                self._company_pane("company"),
                PlansPane(tariffs, scenario).data_bind(
                    NaccsApp.quote, NaccsApp.scenario, NaccsApp.tax, NaccsApp.months
                ),
            ]
        if tab == "chart":
            from .panes.chart import ChartPane

            chart = ChartPane(scenario, tariffs, self.months)
            return [chart.data_bind(NaccsApp.quote, NaccsApp.scenario, NaccsApp.tax, NaccsApp.months)]
        if tab == "schedule":
            from .panes.schedule import SchedulePane

            return [SchedulePane(scenario, tariffs).data_bind(NaccsApp.scenario)]
        if tab == "year":
            from .panes.year import YearPane

            return [YearPane(scenario, tariffs).data_bind(NaccsApp.scenario, NaccsApp.quote, NaccsApp.tax)]
        from .panes.contacts import ContactsPane

        return [ContactsPane(scenario).data_bind(NaccsApp.scenario)]

    def _fill(self, pane: Widget | None, content: Callable[[], list[Widget]]) -> None:
        """Mount ``content()`` into ``pane`` unless it is already filled."""
        if pane is not None and not pane.children and pane.is_attached:
            pane.mount_all(content())

    def _show_tab(self, tab: str | None) -> None:
        """Fill the tab if it is new (mounted before the next frame), and let its panes catch up
        with what changed while it was hidden."""
        if not tab:
            return
        pane = self.query_one("#tabs", TabbedContent).get_pane(tab)
        if pane.children:
            show_panes(pane)
        else:
            self._fill(pane, lambda: self._pane_content(tab))  # new panes draw when mounted

    @on(TabbedContent.TabActivated, "#tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The one place where showing a tab is handled. Arrowing quickly across the tab bar can
        deliver this after another tab is already active: the tab shown now is what counts."""
        self._show_tab(event.tabbed_content.active)

    # ---- state -----------------------------------------------------------------------------
    @property
    def several_units(self) -> bool:
        """The company has more than one unit (then the office/unit navigator has a use)."""
        return len(self.company.units()) > 1

    def _derive(self) -> None:
        """The selected unit's scenario and quote and the company's quote, from the state. Each
        unit is quoted at most once: units unchanged since the last step keep their quote, and with
        several units the selected unit's quote is the company's (its office's options are counted
        once per office there); a company of one unit shows its office's options in the unit's
        fees (``costing.with_options``, the figures ``quote`` gives with them)."""
        state = self._state
        scenario = state.scenario
        cq = company_quote(state.company, self.tariffs, previous=self.company_quote)
        self.set_reactive(NaccsApp.company_quote, cq)
        if scenario != self.scenario or self.quote is None:
            self.set_reactive(NaccsApp.scenario, scenario)
        office = cq.offices[state.unit[0] - 1]
        unit = next(u for u in office.units if u.kind == state.unit[1])
        alone = not state.several_units
        q = with_options(unit.quote, office.option_items) if alone else unit.quote
        # the total slider's counts are rounded from a mix: the break-even is the mix's
        self.set_reactive(NaccsApp.quote, along(q, scenario, self.tariffs, state.mix))
        self.set_reactive(NaccsApp.mix, dict(state.mix) if state.mix is not None else None)

    def set_company(self, company: Company, unit: tuple[int, UnitKind] | None = None) -> None:
        """Replace the plan (a file opened or restored; and maybe the selected unit; the scenario
        and quotes follow). The panes' memories of the plan before (a mix, a line put away) go."""
        self._set_state(select(replace(self._state, mix=None, put_away=None), company, unit))

    def _set_state(self, new: State) -> None:
        """Make ``new`` the state; the panes hear what changed. Unsaved means: other than the
        plan last opened or saved, so an edit taken back is not one."""
        if (new.company, new.unit, new.mix) == (self.company, self.unit, self._state.mix):
            self._state = new
            return
        company, unit = new.company, new.unit
        self._state = new
        old_unit, old_scenario, old_quote, old_company_quote = self.unit, self.scenario, self.quote, self.company_quote
        old_mix = self.mix
        self.set_reactive(NaccsApp.company, company)
        self.set_reactive(NaccsApp.unit, unit)
        self._derive()
        # the watchers (and bound panes) hear only what changed, after the state is whole again;
        # a pane bound to several of these draws once, at the end
        with drawing_once(self):
            self.mutate_reactive(NaccsApp.company)
            if unit != old_unit:
                self.mutate_reactive(NaccsApp.unit)
            if self.scenario != old_scenario:
                self.mutate_reactive(NaccsApp.scenario)
            if self.mix != old_mix:
                self.mutate_reactive(NaccsApp.mix)
            if self.quote != old_quote:
                self.mutate_reactive(NaccsApp.quote)
            if self.company_quote != old_company_quote:
                self.mutate_reactive(NaccsApp.company_quote)
        self.dirty = new.dirty
        if len(company.units()) != len(old_company_quote.units if old_company_quote else ()):
            self.refresh_bindings()  # F4 shows in the footer once there is more than one unit

    def set_scenario(self, scenario: Scenario, mix: dict[str, int] | None = None) -> bool:
        """The selected unit changed as the panes edit it: write it back into the company. False
        (and a notice) when that cannot be (interactive for a unit whose office has one already).
        ``mix``: the total slider scaled this mix to the new counts."""
        try:
            self._set_state(edit_unit(self._state, scenario, mix))
        except EditRefused as exc:
            self._refused(exc)
            return False
        return True

    def _refused(self, exc: EditRefused) -> None:
        from ..render.labels import refusal_text

        self.notify(refusal_text(exc.code, exc.params), severity="warning")

    @on(CompanyEdited)
    def _company_edited(self, event: CompanyEdited) -> None:
        """The office/unit navigator and the company view post their edits; applied here only."""
        event.stop()
        try:
            self._set_state(apply(self._state, event.op))
        except EditRefused as exc:
            self._refused(exc)
            return
        if event.note:
            self.notify(event.note)

    @on(UnitChosen)
    def _unit_chosen(self, event: UnitChosen) -> None:
        event.stop()
        self._set_state(select(self._state, self.company, (event.office, event.kind)))

    @on(ScenarioEdited)
    def _scenario_edited(self, event: ScenarioEdited) -> None:
        """Panes and screens post their changes (data); the state applies them (``apply_unit``)."""
        event.stop()
        try:
            state, fixes = apply_unit(self._state, event.op, self.tariffs, changed=event.settle, entry=event.entry)
        except EditRefused as exc:  # a refused change says why, never that it was made
            self._refused(exc)
            return
        self._set_state(state)
        if fixes:
            from ..render.labels import fix_text

            for fix in fixes:
                self.notify(fix_text(fix), title=t("fix.title"))
        if event.note:
            self.notify(event.note)

    @on(EntryEnded)
    def _entry_ended(self, event: EntryEnded) -> None:
        event.stop()
        self._state = end_entry(self._state, event.entry)

    @on(HorizonChosen)
    def _horizon_chosen(self, event: HorizonChosen) -> None:
        event.stop()
        self.months = event.months

    def watch_dirty(self, dirty: bool) -> None:
        if not dirty:  # just opened or saved (files.py): this plan is the clean one now
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

    def _fit_width(self, width: int | None = None) -> None:
        """When wide, the plans sit beside the tabs, so their own tab is hidden."""
        try:
            tabs = self.query_one("#tabs", TabbedContent)
        except NoMatches:
            return
        wide = (width or self.size.width) >= WIDE
        if wide:
            if tabs.active == "plans":
                tabs.active = "volumes"
            self._fill(self.query_one("#side"), self._side_content)
        if wide != self._plans_hidden:  # only on a change: each call leaves the tab bar work to do
            (tabs.hide_tab if wide else tabs.show_tab)("plans")
            self._plans_hidden = wide

    def _focus_moved(self, focused: Widget | None) -> None:
        """A focused control hidden or removed (a row the unit chosen in the navigator does not
        have) leaves the focus nowhere and keys do nothing: then it goes to the tab bar."""
        if focused is None:
            self.call_after_refresh(self._focus_found)

    def _focus_found(self) -> None:
        screen = self.default_screen
        bars = list(self.query(Tabs))  # none while switch_lang rebuilds (it sets the focus)
        if screen.focused is None and self.screen is screen and bars:
            bars[0].focus()

    async def _screen_changed(self, screen: object) -> None:
        if screen is self.default_screen and self._lang_later:  # asked for while a dialog was open
            await self.switch_lang(self._lang_later)
            self._lang_later = None

    def _side_content(self) -> list[Widget]:
        from .panes.plans import PlansPane

        side = PlansPane(self.tariffs, self.scenario, id="side-plans")
        return [
            self._company_pane("side-company"),
            side.data_bind(NaccsApp.quote, NaccsApp.scenario, NaccsApp.tax, NaccsApp.months),
        ]

    def _company_pane(self, id: str) -> Widget:
        """The company view (offices x units and the company totals; hidden while there is one unit)."""
        from .panes.company import CompanyPane

        assert self.company_quote is not None
        pane = CompanyPane(self.company_quote, self.unit, id=id)
        return pane.data_bind(NaccsApp.company_quote, NaccsApp.unit, NaccsApp.tax, NaccsApp.months)

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
        from textual.command import CommandPalette

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
        from textual.widgets import Input

        if isinstance(self.focused, Input):
            self.query_one("#tabs", TabbedContent).query_one(Tabs).focus()

    def action_compare(self) -> None:
        from .screens.compare import CompareScreen

        if not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen(self.context(), [str(self.path)] if self.path else []))

    def action_recommend(self) -> None:
        from .screens.recommend import RecommendScreen

        if not isinstance(self.screen, RecommendScreen):
            self.push_screen(RecommendScreen(self.context()), self._recommended)

    def _recommended(self, op: ApplySetup | None) -> None:
        if op is not None:
            self.run_worker(self._apply_setup(op), exclusive=True, group="apply-setup")

    async def _apply_setup(self, op: ApplySetup) -> None:
        """A recommendation applied, or the reason it is not, never both. When its method is the
        office's other unit's, the user chooses: merge this unit into that one (the totals after
        are shown) or keep both as they are."""
        from ..render.labels import setup_change_text

        before = self._state
        if needs_merge(before, op):
            from ..render.labels import yen
            from .screens.confirm import ConfirmScreen

            try:
                merged = apply(before, replace(op, merge=True))
            except EditRefused as exc:
                self._refused(exc)
                return
            now, after = self.company_quote, company_quote(merged.company, self.tariffs)
            assert now is not None
            question = t(
                "decide.recommend.merge_body",
                unit=t(f"company.unit.{'netnaccs' if op.kind == 'general' else 'general'}"),
                now=yen(now.monthly("chosen", self.tax)),
                after=yen(after.monthly("chosen", self.tax)),
            )
            answers = [
                ("merge", t("decide.recommend.merge_yes"), "primary"),
                ("keep", t("decide.recommend.merge_keep"), "default"),
            ]
            answer = await self.push_screen_wait(ConfirmScreen(t("decide.recommend.merge_title"), question, answers))
            if answer != "merge":
                self.notify(t("decide.recommend.kept"))
                return
            self._set_state(merged)
            self.notify(t("decide.recommend.merged"))
            return
        try:
            new = apply(before, op)
        except EditRefused as exc:
            self._refused(exc)
            return
        self._set_state(new)
        old_s, new_s = before.scenario, new.scenario
        self.notify(setup_change_text(old_s, new_s) or t("decide.recommend.unchanged"))

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

    async def action_toggle_lang(self) -> None:
        await self.switch_lang("en" if (self._lang_later or self.lang) == "ja" else "ja")

    async def switch_lang(self, lang: str) -> None:
        """Rebuild the screen in ``lang``, on the same tab, the focus on the same control if it is
        there again, else on the tab bar (never on a removed widget: keys would go nowhere). With
        a dialog open (the palette's command), when the main screen is shown again."""
        if self.screen is not self.default_screen:  # recompose() would rebuild the dialog
            self._lang_later = lang if lang != self.lang else None
            if self._lang_later:
                self.notify(t("cmd.lang.later"))
            return
        tabs = self.query_one("#tabs", TabbedContent)
        self._tab = tabs.active or self._tab
        focused = self.focused.id if self.focused else None
        # Showing or hiding a tab leaves the tab bar work for after the next refresh; it must run
        # on the whole bar, not on the half-removed one while the screen is rebuilt.
        await tabs.query_one(Tabs).wait_for_refresh()
        set_lang(lang)
        self.lang = lang
        await self.recompose()
        self.update_title()
        self._fit_width()
        self.refresh_bindings()
        again: list[Widget] = list(self.query(f"#{focused}")) if focused else []
        next((w for w in again if w.focusable), self.query_one("#tabs").query_one(Tabs)).focus()
