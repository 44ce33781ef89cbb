"""A Japanese character under no widget's edge is drawn whole, also on a toast or a dialog.

Textual's compositor paints a line in pieces ("chops") between cuts, and it cuts every line at
every widget's left and right edge, also where a widget lies under another one. A toast that
covers the volumes pane is cut where the pane's number fields begin, and a double-width character
of the toast that straddles such a cut is split into two spaces (Rich's ``Segment.split_cells``):
「読めません」 showed as 「読めま  ん」 (Textual issue #6357, open for 8.2.8, which is pinned).

``install()`` makes the compositor cut a line only where the widget in front changes: a cut
between two pieces that the same widget paints is left out. Every widget still paints exactly the
cells it owns (the pieces it wins are the same cells, only fewer and longer), so the picture is
the same except that a character no longer breaks where a hidden edge was. Both the full and the
partial updates read the same cuts, so they agree. A character that straddles the edge of the
widget in front stays split, as it must (half of it is covered).
"""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region

_installed = False


def front_cuts(width: int, spans: list[list[tuple[int, int]]]) -> list[list[int]]:
    """For each line, the positions where the widget in front changes, with 0 and ``width``.

    ``spans[y]`` holds the (start, end) columns of the widgets on line y, front to back."""
    out: list[list[int]] = []
    for line in spans:
        edges = sorted({0, width, *(e for span in line for e in span if 0 <= e <= width)})
        kept, before = [0], -2
        for left in edges[:-1]:
            front = next((i for i, (a, b) in enumerate(line) if a <= left < b), -1)
            if front != before and left:
                kept.append(left)
            before = front
        kept.append(width)
        out.append(kept)
    return out


def _cuts(self: Compositor) -> list[list[int]]:
    """``Compositor.cuts``, cut only where the widget in front changes (see the module)."""
    if self._cuts is not None:
        return self._cuts
    width, height = self.size
    spans: list[list[tuple[int, int]]] = [[] for _ in range(height)]
    for region, clip in self.visible_widgets.values():  # front to back, as the chops are painted
        x, y, w, h = Region.intersection(region, clip)
        if w and h:
            for line in spans[y : y + h]:
                line.append((x, x + w))
    self._cuts = front_cuts(width, spans)
    return self._cuts


def install() -> None:
    """Replace the compositor's cuts (once)."""
    global _installed
    if not _installed:
        Compositor.cuts = property(_cuts)  # type: ignore[method-assign,assignment]
        _installed = True
