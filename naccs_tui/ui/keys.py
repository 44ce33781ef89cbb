"""The app's key bindings and command-palette entries, kept as plain data lists.

To add a key or a palette command (e.g. a new tab or screen), append one entry to ``KEYS`` or
``COMMANDS`` and give its catalog keys a ja and an en text. Bindings are built for both languages
at once; ``NaccsApp.check_action`` shows and runs only those of the current language, so the
footer follows a language switch without touching Textual internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from ..i18n import LANGS, get_lang, t
from ..render.table import cell_width

TABS = ("setup", "volumes", "plans", "chart", "schedule", "contacts", "year")
"""The tabs in the order of the tab bar (keys 1 ... 7 go to them when no text field has the focus)."""


@dataclass(frozen=True)
class Key:
    """One key binding: the key, the app action it runs and the catalog key of its label."""

    key: str
    action: str
    label: str
    show: bool = True
    display: str | None = None
    priority: bool = False
    when: str | None = None
    """Shown and run only in this app state (``NaccsApp.in_state``), e.g. "tax_on"."""
    help: str | None = None
    """Catalog key of the help screen's text, when it differs from the footer label."""


@dataclass(frozen=True)
class Command:
    """One command-palette entry: catalog keys of its title and help, and the action it runs."""

    title: str
    help: str
    action: str


KEYS: list[Key] = [
    Key("ctrl+q", "quit", "key.quit", priority=True),
    Key("f1", "help", "key.help", display="F1"),
    Key("question_mark", "help", "key.help", show=False),
    Key("ctrl+s", "save", "key.save"),
    # where the footer has no room for every key, it leaves out open and export (F1 and ^p have them)
    Key("ctrl+o", "open", "key.open", when="wide"),
    Key("ctrl+o", "open", "key.open", when="narrow", show=False),
    Key("f2", "toggle_lang", "key.lang", display="F2"),
    # the footer shows the state the amounts are in; F3 switches it
    Key("f3", "toggle_tax", "key.tax_off", display="F3", when="tax_off", help="key.tax_toggle"),
    Key("f3", "toggle_tax", "key.tax_on", display="F3", when="tax_on", help="key.tax_toggle"),
    # the navigator: always on F4, in the footer once there is more than one unit
    Key("f4", "offices", "key.offices", display="F4", when="several_units", help="key.offices_help"),
    Key("f4", "offices", "key.offices", display="F4", when="one_unit", show=False, help="key.offices_help"),
    Key("f5", "compare", "key.compare", display="F5"),
    Key("f6", "recommend", "key.recommend", display="F6"),
    Key("ctrl+e", "export", "key.export", when="wide"),
    Key("ctrl+e", "export", "key.export", when="narrow", show=False),
    Key("ctrl+c", "quit", "key.quit", show=False),
    Key("escape", "leave_field", "key.leave_field", show=False, display="Esc"),
    Key("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
    *(
        Key(str(n), f"show_tab({tab!r})", f"key.tab.{tab}", show=False, display="1-7", help="key.tab.help")
        for n, tab in enumerate(TABS, 1)
    ),
]

COMMANDS: list[Command] = [
    Command("cmd.save", "cmd.save.help", "save"),
    Command("cmd.save_as", "cmd.save_as.help", "save_as"),
    Command("cmd.open", "cmd.open.help", "open"),
    Command("cmd.lang", "cmd.lang.help", "toggle_lang"),
    Command("cmd.tax_on", "cmd.tax_on.help", "set_tax(True)"),
    Command("cmd.tax_off", "cmd.tax_off.help", "set_tax(False)"),
    Command("cmd.theme_dark", "cmd.theme.help", "set_theme('textual-dark')"),
    Command("cmd.theme_light", "cmd.theme.help", "set_theme('textual-light')"),
    *(Command(f"key.tab.{tab}", "cmd.tab.help", f"show_tab({tab!r})") for tab in TABS),
    Command("cmd.compare", "palette.compare", "compare"),
    Command("cmd.recommend", "palette.recommend", "recommend"),
    Command("cmd.export", "palette.export", "export"),
    Command("cmd.offices", "cmd.offices.help", "offices"),
    Command("cmd.help", "cmd.help.help", "help"),
    Command("cmd.quit", "cmd.quit.help", "quit"),
]


def footer_width(lang: str, states: set[str]) -> int:
    """The cells the footer takes with every key it can show (the "wide" ones too) in ``lang``
    when the app is in ``states`` (``NaccsApp.in_state``): each key as "key label", one cell
    between two (Textual's compact footer)."""
    shown = [k for k in KEYS if k.show and (k.when is None or k.when in states | {"wide"})]
    keys = [(k.display or "^" + k.key.removeprefix("ctrl+")) + " " + t(k.label, lang) for k in shown]
    return sum(cell_width(k) for k in keys) + len(keys) - 1


def keyed_action(lang: str, action: str, when: str | None = None) -> str:
    """The action string of a binding that belongs to one language (and app state)."""
    return f"keyed({lang!r}, {action!r}, {when!r})"


def bindings(keys: list[Key] | None = None) -> list[BindingType]:
    """Bindings for every language; only the current language's pass ``check_action``."""
    return [
        Binding(
            k.key,
            keyed_action(lang, k.action, k.when),
            t(k.label, lang),
            show=k.show,
            key_display=k.display,
            priority=k.priority,
        )
        for lang in LANGS
        for k in (KEYS if keys is None else keys)
    ]


class AppCommands(Provider):
    """Command palette provider for the entries of ``COMMANDS`` (in the current language)."""

    def _run(self, action: str):
        return partial(self.app.run_action, action)

    async def discover(self) -> Hits:
        for cmd in COMMANDS:
            yield DiscoveryHit(t(cmd.title), self._run(cmd.action), help=t(cmd.help))

    async def search(self, query: str) -> Hits:
        """A command is found by its name in either language (typing "save" in Japanese finds
        保存); it is shown in the current language, with the other name when that one matched."""
        matcher = self.matcher(query)
        current = get_lang()
        for cmd in COMMANDS:
            title = t(cmd.title)
            score = matcher.match(title)
            shown: str | Content | None = matcher.highlight(title) if score > 0 else None
            for lang in LANGS:
                if lang == current:
                    continue
                other = t(cmd.title, lang)
                other_score = matcher.match(other)
                if other_score > score:
                    score = other_score
                    shown = f"{title} ({other})"
            if score > 0 and shown is not None:
                yield Hit(score, shown, self._run(cmd.action), help=t(cmd.help))


class Palette(CommandPalette):
    """Textual's command palette with its one English sentence ("No matches found") from the
    catalog. Textual builds that sentence inside a private method, so this override repeats it
    with our text (checked against textual 8.2.8, the pinned version)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("cmd.no_matches"), style="not bold")), disabled=True, id=self._NO_MATCHES
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
