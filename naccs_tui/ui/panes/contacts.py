"""Contacts pane: pick the prefecture (type to filter), read whom to call and the reference pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.offices import load_offices, matches
from ...domain.scenario import Scenario
from ...i18n import get_lang, t
from ...render.office import office_report, office_rows, pref_label
from ..messages import ScenarioEdited
from ..sync import Synced
from ..widgets.link import Link

if TYPE_CHECKING:
    from ...render.report_blocks import ContractContact, OfficeContact


class ContactsPane(Synced, Horizontal):
    """The NACCS office for the user's prefecture, the usage-contract section, the reference pages."""

    DEFAULT_CSS = """
    ContactsPane { height: 1fr; }
    ContactsPane #pref-picker { width: 26; height: 1fr; margin: 1 2 0 0; }
    ContactsPane #pref-search { margin: 0 0 1 0; }
    ContactsPane #pref-list { height: 1fr; }
    ContactsPane #pref-empty { color: $error; height: auto; width: 100%; }
    ContactsPane #pref-empty.-empty { display: none; }
    ContactsPane #office-info { height: 1fr; margin: 1 0 0 0; }
    ContactsPane #office-info Static { height: auto; margin: 0 0 1 0; }
    ContactsPane #references { height: auto; }
    """

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (given, then bound); only `prefecture` matters here."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.set_reactive(ContactsPane.scenario, scenario)
        self._shown: tuple[str | None, str] | None = None  # (prefecture, lang) last rendered
        self._filled = False  # the pick list is filled on first show

    def compose(self) -> ComposeResult:
        with Vertical(id="pref-picker"):
            yield Label(t("contacts.pick"), classes="bold")
            yield Input(id="pref-search", placeholder=t("contacts.search"), compact=True)
            yield Label("", id="pref-empty")
            yield OptionList(id="pref-list", compact=True)
        with VerticalScroll(id="office-info"):
            yield Static(id="office")
            yield Static(id="contract")
            with Vertical(id="references"):
                yield Label(t("contacts.references"), classes="bold")
                yield from self._links()

    def watch_scenario(self) -> None:
        self.data_changed()

    def sync(self, parts: set[str]) -> None:
        """The pick list is filled when first shown, so that start-up does not read the office table."""
        if not self._filled:
            self._filled = True
            self._fill(self.query_one("#pref-search", Input).value)
        self._refresh(self.scenario)

    # ---- picking -----------------------------------------------------------------------------
    def _fill(self, query: str) -> None:
        """Show the prefectures matching ``query`` (Japanese or romaji), the chosen one highlighted."""

        names = matches(query)
        options = self.query_one("#pref-list", OptionList)
        options.clear_options()
        options.add_options([Option(pref_label(name), id=name) for name in names])
        empty = self.query_one("#pref-empty", Label)
        empty.update(t("contacts.none_found", text=query) if not names else "")
        empty.set_class(bool(names), "-empty")
        current = self.scenario.prefecture if self.scenario else None
        if current in names:
            options.highlighted = names.index(current)
        elif names:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._filled:
            self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search field takes the highlighted (first) match."""
        event.stop()
        options = self.query_one("#pref-list", OptionList)
        if options.highlighted is not None and options.option_count:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def on_key(self, event) -> None:
        """Down from the search field moves into the list."""
        if event.key == "down" and self.screen.focused is self.query_one("#pref-search", Input):
            self.query_one("#pref-list", OptionList).focus()
            event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, prefecture: str | None) -> None:
        if prefecture and self.scenario is not None:
            self.post_message(ScenarioEdited.section(None, prefecture=prefecture))

    # ---- showing -----------------------------------------------------------------------------
    def _refresh(self, scenario: Scenario) -> None:
        key = (scenario.prefecture, get_lang())
        if key == self._shown:
            return
        self._shown = key

        lang = get_lang()
        offices = load_offices()
        if scenario.prefecture in offices.by_prefecture:
            r = office_report(scenario.prefecture, lang)
            office = Group(
                Text(t("contacts.office_for", prefecture=pref_label(scenario.prefecture)), style="bold"),
                Text(r.office.name, style="bold"),
                self._grid(r.office),
            )
            contract = r.contract
            names = self.query_one("#pref-list", OptionList)
            ids = [names.get_option_at_index(i).id for i in range(names.option_count)]
            if scenario.prefecture in ids:
                names.highlighted = ids.index(scenario.prefecture)
        else:
            office = self._all_offices(lang)
            any_pref = offices.prefectures_jis[0]
            r = office_report(any_pref, lang)
            contract = r.contract
        self.query_one("#office", Static).update(office)
        self.query_one("#contract", Static).update(
            Group(Text(t("contacts.contract"), style="bold"), Text(contract.name, style="bold"), self._grid(contract))
        )

    def _links(self) -> list[Link]:
        """The reference pages as links (Enter or a click opens one, c copies its URL)."""

        refs = office_report(load_offices().prefectures_jis[0], get_lang()).references
        return [Link(ref.title, ref.url) for ref in refs]

    def _all_offices(self, lang: str) -> Group:
        """Before a prefecture is chosen: a hint and the four offices' phone numbers."""

        offices = load_offices()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", overflow="fold")
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        for o in offices.offices:
            grid.add_row(o.name(lang), o.phone, o.free_dial)
        return Group(
            Text(t("contacts.choose"), style="italic"),
            Text(""),
            Text(t("contacts.offices_all") + "  " + offices.hours(lang), style="bold"),
            grid,
        )

    def _grid(self, office: OfficeContact | ContractContact) -> Table:

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in office_rows(office, get_lang()):
            grid.add_row(label, value)
        return grid
