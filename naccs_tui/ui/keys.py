"""The app's key bindings and command-palette entries, kept as plain data lists.

To add a key or a palette command (e.g. a new tab or screen), append one entry to ``KEYS`` or
``COMMANDS`` and give its catalog keys a ja and an en text. Bindings are built for both languages
at once; ``NaccsApp.check_action`` shows and runs only those of the current language, so the
footer follows a language switch without touching Textual internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..i18n import LANGS, t


@dataclass(frozen=True)
class Key:
    """One key binding: the key, the app action it runs and the catalog key of its label."""

    key: str
    action: str
    label: str
    show: bool = True
    display: str | None = None
    priority: bool = False


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
    Key("ctrl+o", "open", "key.open"),
    Key("f2", "toggle_lang", "key.lang", display="F2"),
    Key("f3", "toggle_tax", "key.tax", display="F3"),
    Key("f5", "compare", "decide.key.compare", display="F5"),
    Key("f6", "recommend", "decide.key.recommend", display="F6"),
    Key("ctrl+e", "export", "decide.key.export"),
    Key("ctrl+c", "quit", "key.quit", show=False),
    Key("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
]

COMMANDS: list[Command] = [
    Command("cmd.save", "cmd.save.help", "save"),
    Command("cmd.save_as", "cmd.save_as.help", "save_as"),
    Command("cmd.open", "cmd.open.help", "open"),
    Command("cmd.lang", "cmd.lang.help", "toggle_lang"),
    Command("cmd.tax_on", "cmd.tax.help", "set_tax(True)"),
    Command("cmd.tax_off", "cmd.tax.help", "set_tax(False)"),
    Command("cmd.theme_dark", "cmd.theme.help", "set_theme('textual-dark')"),
    Command("cmd.theme_light", "cmd.theme.help", "set_theme('textual-light')"),
    Command("decide.cmd.chart", "decide.palette.chart", "show_tab('chart')"),
    Command("decide.cmd.compare", "decide.palette.compare", "compare"),
    Command("decide.cmd.recommend", "decide.palette.recommend", "recommend"),
    Command("decide.cmd.export", "decide.palette.export", "export"),
    Command("cmd.help", "cmd.help.help", "help"),
    Command("cmd.quit", "cmd.quit.help", "quit"),
]


def keyed_action(lang: str, action: str) -> str:
    """The action string of a binding that belongs to one language."""
    return f"keyed({lang!r}, {action!r})"


def bindings(keys: list[Key] | None = None) -> list[BindingType]:
    """Bindings for every language; only the current language's pass ``check_action``."""
    return [
        Binding(
            k.key,
            keyed_action(lang, k.action),
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
        matcher = self.matcher(query)
        for cmd in COMMANDS:
            title = t(cmd.title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(cmd.action), help=t(cmd.help))
