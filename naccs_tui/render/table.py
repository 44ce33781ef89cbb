"""Plain-text tables that line up with Japanese (double-width) characters."""

from __future__ import annotations

import unicodedata


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_width(text))
    return gap + text if right else text + gap


def render(rows: list[list[str]], right: set[int] = frozenset(), header: bool = True) -> str:
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
