"""Plain-text tables that line up with Japanese (double-width) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Set
from functools import lru_cache

# Characters that take no cell of their own: combining marks, format characters (zero-width
# space, joiners), line/paragraph separators. Control characters take none either.
_ZERO_WIDTH = frozenset({"Mn", "Me", "Mc", "Cf", "Zl", "Zp"})


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide and full-width East Asian characters (漢字,
    かな, ＡＢＣ), 0 for control and combining characters, else 1 (as Rich and the terminal count)."""
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return 1
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0
    # Hangul vowel and final jamo join the syllable before them
    if unicodedata.category(ch) in _ZERO_WIDTH or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


@lru_cache(maxsize=4096)
def cell_width(text: str) -> int:
    """Terminal cells of ``text``: the one width function of the CLI tables and the TUI columns."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_width, text))


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_width(text))
    return gap + text if right else text + gap


def render(rows: list[list[str]], right: Set[int] = frozenset(), header: bool = True) -> str:
    """Rows of cells as aligned text; columns in ``right`` are right-aligned."""
    if not rows:
        return ""
    widths = [max(cell_width(r[i]) for r in rows if i < len(r)) for i in range(max(map(len, rows)))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(pad(c, widths[i], i in right) for i, c in enumerate(row)).rstrip())
        if header and n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
