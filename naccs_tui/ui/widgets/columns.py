"""A light text table: a wrapped label column and right-aligned number columns, CJK-aware.

Rich's Table measures every cell on every render (about 25 ms for the plans at 160x50); this
lays the same rows out with plain string arithmetic, so the plans can be redrawn on every
slider step. Below ``min_label`` cells for the label, each row stacks: label line(s), then
the numbers right-aligned on the next line.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from ...render.table import cell_width, pad
from ...render.wrap import wrap

SEP = "  "


def wrap_cells(text: str, width: int) -> list[str]:
    """Split ``text`` into lines of at most ``width`` cells: render.wrap (phrase boundaries and
    禁則処理 for Japanese, spaces for English)."""
    return wrap(text, max(2, width))


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: the label, the number cells, and styles (None = plain)."""

    cells: tuple[str, ...]
    style: Style | None = None
    cell_styles: tuple[Style | None, ...] = ()


def layout(rows: list[Row], width: int, min_label: int = 14) -> list[Text]:
    """The rows as lines of at most ``width`` cells."""
    ncols = max(len(r.cells) for r in rows)
    widths = [max(cell_width(r.cells[c]) if c < len(r.cells) else 0 for r in rows) for c in range(1, ncols)]
    numbers = sum(widths) + len(SEP) * len(widths)
    label_w = width - numbers
    stacked = label_w < min_label
    out: list[Text] = []
    for row in rows:
        label = row.cells[0]
        styles = row.cell_styles or (None,) * len(row.cells)
        nums = Text(no_wrap=True, end="")
        for c, w in enumerate(widths, start=1):
            cell = row.cells[c] if c < len(row.cells) else ""
            nums.append(SEP)
            nums.append(pad(cell, w, right=True), styles[c] if c < len(styles) else None)
        if stacked:
            for part in wrap_cells(label, width):
                out.append(Text(part, style=row.style or "", no_wrap=True, end=""))
            if any(row.cells[1:]):
                line = Text(" " * max(0, width - numbers), no_wrap=True, end="")
                line.append_text(nums)
                out.append(line)
            continue
        parts = wrap_cells(label, label_w)
        first = Text(pad(parts[0], label_w), style=row.style or "", no_wrap=True, end="")
        first.append_text(nums)
        if row.style:
            first.stylize(row.style)
        out.append(first)
        out += [Text(part, style=row.style or "", no_wrap=True, end="") for part in parts[1:]]
    return out


def paragraph(text: str, width: int, style: Style | str = "") -> list[Text]:
    """A line of prose wrapped to ``width`` cells."""
    return [Text(part, style=style, no_wrap=True, end="") for part in wrap_cells(text, width)]
