"""A light text table: a wrapped label column and right-aligned number columns, CJK-aware.

Rich's Table measures every cell on every render (about 25 ms for the plans at 160x50); this
lays the same rows out with plain string arithmetic, so the plans can be redrawn on every
slider step. Below ``min_label`` cells for the label, each row stacks: label line(s), then
the numbers right-aligned on the next line. A column is as wide as its figures: a heading
(``Row.head``) wraps in it at its words rather than widening it with padding for every row.
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
    head: bool = False
    """A heading: its cells wrap at their words to the width of the figures under them."""


def _column_widths(rows: list[Row], width: int) -> list[int]:
    """Each number column as wide as its widest cell, headings included, while every label still
    fits beside them on one line; else as wide as its widest figure and the widest word of its
    heading (the heading wraps)."""
    ncols = max(len(r.cells) for r in rows)

    def widest(c: int, head: bool) -> int:
        cells = [r.cells[c] for r in rows if c < len(r.cells) and (head or not r.head)]
        words = [w for r in rows if c < len(r.cells) and r.head for w in wrap_cells(r.cells[c], 1)]
        return max(cell_width(x) for x in ["", *cells, *words])

    loose = [widest(c, True) for c in range(1, ncols)]
    labels = max(cell_width(r.cells[0]) for r in rows)
    if width - sum(loose) - len(SEP) * len(loose) >= labels:
        return loose
    return [widest(c, False) for c in range(1, ncols)]


def _head(row: Row, widths: list[int], label_w: int, width: int, stacked: bool) -> list[Text]:
    """A heading row: the label and every column's heading wrapped, bottom-aligned on the figures."""
    columns = [wrap_cells(row.cells[c], w) if c < len(row.cells) else [] for c, w in enumerate(widths, start=1)]
    height = max((len(col) for col in columns), default=0)
    columns = [[""] * (height - len(col)) + col for col in columns]
    style = row.style or ""
    out: list[Text] = []
    label = wrap_cells(row.cells[0], width if stacked else label_w)
    if stacked:
        out += [Text(part, style=style, no_wrap=True, end="") for part in label]
        label = []
    label_w = width - sum(widths) - len(SEP) * len(widths)
    for i in range(max(height, len(label))):
        text = label[i] if i < len(label) else ""
        line = Text(text, style=style, no_wrap=True, end="")  # the words styled, not the padding
        line.append(" " * (label_w - cell_width(text)))
        for col, w in zip(columns, widths, strict=True):
            cell = col[i] if i < len(col) else ""
            line.append(SEP + " " * (w - cell_width(cell)))
            line.append(cell, style)
        out.append(line)
    return out


def layout(rows: list[Row], width: int, min_label: int = 14) -> list[Text]:
    """The rows as lines of at most ``width`` cells."""
    widths = _column_widths(rows, width)
    numbers = sum(widths) + len(SEP) * len(widths)
    label_w = width - numbers
    stacked = label_w < min_label
    out: list[Text] = []
    for row in rows:
        if row.head:
            out += _head(row, widths, label_w, width, stacked)
            continue
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
