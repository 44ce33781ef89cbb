"""The language switch (ja/en): the screen is rebuilt in the other language on the same tab, the
focus on the same control. A mixin for ``NaccsApp`` so that app.py keeps keys, actions and screens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widget import Widget
from textual.widgets import TabbedContent, Tabs

from ..i18n import set_lang, t

if TYPE_CHECKING:
    from .host import MainHost


class LanguageActions:
    """The language key and command; expects ``lang``, ``_tab`` and the tabs (tabs.py)."""

    _lang_later: str | None = None
    """The language asked for while a dialog was open (switched to when it closes)."""

    async def action_toggle_lang(self) -> None:
        app = cast("MainHost", self)
        await self.switch_lang("en" if (self._lang_later or app.lang) == "ja" else "ja")

    async def switch_lang(self, lang: str) -> None:
        """Rebuild the screen in ``lang``, on the same tab, the focus on the same control if it is
        there again, else on the tab bar (never on a removed widget: keys would go nowhere). With
        a dialog open (the palette's command), when the main screen is shown again."""
        app = cast("MainHost", self)
        if app.screen is not app.default_screen:  # recompose() would rebuild the dialog
            self._lang_later = lang if lang != app.lang else None
            if self._lang_later:
                app.notify(t("cmd.lang.later"))
            return
        tabs = app.query_one("#tabs", TabbedContent)
        app._tab = tabs.active or app._tab
        focused = app.focused.id if app.focused else None
        # Showing or hiding a tab leaves the tab bar work for after the next refresh; it must run
        # on the whole bar, not on the half-removed one while the screen is rebuilt.
        await tabs.query_one(Tabs).wait_for_refresh()
        set_lang(lang)
        app.lang = lang
        await app.recompose()
        app.update_title()
        app._fit_width()
        app.refresh_bindings()
        again: list[Widget] = list(app.query(f"#{focused}")) if focused else []
        next((w for w in again if w.focusable), app.query_one("#tabs").query_one(Tabs)).focus()

    async def _screen_changed(self, screen: object) -> None:
        """The main screen is shown again: the language asked for while a dialog was open."""
        if screen is cast("MainHost", self).default_screen and self._lang_later:
            await self.switch_lang(self._lang_later)
            self._lang_later = None
