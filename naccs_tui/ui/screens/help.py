"""HelpScreen: the key bindings and a short how-to, in the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...i18n import t
from ..keys import KEYS


class HelpScreen(ModalScreen[None]):
    """Keys (from ``keys.KEYS``) and how to use the advisor; Escape, F1, ? or q closes it."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "close", show=False)]

    def compose(self) -> ComposeResult:
        groups: dict[str, list[str]] = {}
        for key in KEYS:
            display = key.display or self.app.get_key_display(Binding(key.key, ""))
            keys = groups.setdefault(key.help or key.label, [])
            if display not in keys:
                keys.append(display)
        rows = [f"{' / '.join(keys):<10}  {t(label)}" for label, keys in groups.items()]
        with Vertical(classes="dialog -help"):
            yield Label(t("help.title"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Label(t("help.keys"), classes="help-heading")
                yield Static(Content("\n".join(rows)), id="help-keys")
                yield Label(t("help.howto_title"), classes="help-heading")
                yield Static(Content(t("help.howto")), id="help-howto")
            yield Static(t("help.close"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
