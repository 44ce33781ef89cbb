"""Every text the app shows breaks lines the Japanese way (render.wrap), in one place.

Textual's Content and Rich's Text both ask ``divide_line(text, width, fold)`` where to break a
line; it breaks at spaces, and Japanese has none, so it cut Japanese anywhere (a line could
start with 「。」). ``install()`` makes both ask ``render.wrap`` for text with Japanese in it:
phrase boundaries (BudouX) and 禁則処理; text without Japanese keeps the libraries' own breaking.
Statics, labels, toasts, dialogs, the help and tooltips all go through it. It replaces a module
attribute of textual and rich (textual is pinned, see pyproject.toml); a test checks that the
screens in Japanese have no line starting with closing punctuation.
"""

from __future__ import annotations

from collections.abc import Callable

import rich.text
import textual.content

from ..render.wrap import _CJK, wrap

_installed = False


def break_offsets(text: str, width: int, original: Callable[..., list[int]], fold: bool = True) -> list[int]:
    """Where to break ``text`` (one line, no newline) for ``width`` cells, as string offsets."""
    if width <= 0 or not _CJK.search(text):
        return original(text, width, fold=fold)
    offsets: list[int] = []
    pos = 0
    for i, line in enumerate(wrap(text, width)):
        found = text.find(line, pos)
        if found < 0:  # not a piece of the text (should not happen): the library's own breaking
            return original(text, width, fold=fold)
        if i:
            offsets.append(found)
        pos = found + len(line)
    return offsets


def install() -> None:
    """Route Textual's and Rich's line breaking through ``break_offsets`` (once)."""
    global _installed
    if _installed:
        return
    for module in (textual.content, rich.text):
        original = module.divide_line

        def divide_line(text: str, width: int, fold: bool = True, _original=original) -> list[int]:
            return break_offsets(text, width, _original, fold)

        module.divide_line = divide_line  # type: ignore[attr-defined]
    _installed = True
