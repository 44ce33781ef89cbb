"""Asking an office's prefecture (which NACCS office to contact) in the navigator: a name the
contacts know (東京都, 東京 or Tokyo), said while it is typed.

Late imports: the offices' table (domain.offices) loads when a prefecture is first resolved, and
the name dialog when one is asked; the navigator, which the company view beside the tabs of a
wide terminal shows on the first frame, needs neither for a company without prefectures
(start-up time).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from ...domain.errors import InputError
from ...i18n import t
from ...render.errors import reason_text


def full_prefecture(text: str | None) -> str | None:
    """The full name of a prefecture typed (東京 or Tokyo: 東京都); None for none; InputError for
    a name that is not one."""
    from ...domain.offices import resolve

    return resolve(text) if text and text.strip() else None


def ask_prefecture(app: App[object], name: str, now: str, then: Callable[[str | None], None]) -> None:
    """Ask the prefecture of the office ``name`` (``now``: the one it has); ``then`` gets what was
    typed, None when left empty or cancelled."""
    from .name import NameScreen

    def refused(text: str) -> str | None:
        try:
            full_prefecture(text)
        except InputError as exc:
            return reason_text(exc)
        return None

    title, hint = t("nav.prefecture_title", name=name), t("nav.prefecture_hint")
    app.push_screen(NameScreen(title, now, hint=hint, check=refused), then)
