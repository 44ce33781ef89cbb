"""The main screen's compositor: a partial update draws only the widgets on the changed lines.

Textual (8.2) repaints a partial update by asking every widget inside the bounding box of all the
changed regions for all of its lines, then keeps the changed lines. A slider step changes a few
lines far apart: the moved row, the total's row near the top, the summary bar at the bottom and a
few lines of the plans beside them, so the box is the whole screen and every widget on it (about
100 at 160x50) is asked again. Here each widget that overlaps a changed span is asked only for
the lines from its first to its last changed one; the others are not asked at all. What reaches
the terminal is the same: the same spans, each cut filled by the front-most widget there, as
Textual's own ``_render_chops`` does (``tests/ui/test_compositor.py`` replays the updates on a
screen and compares it with a full render).
"""

from __future__ import annotations

from textual import events
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class LineCompositor(Compositor):
    """Textual's compositor with a partial update limited to the changed lines and spans, and a
    map of every widget's place that a repaint of a widget out of view does not throw away."""

    def update_widgets(self, widgets: set[Widget]) -> None:
        # Textual rebuilds its map of all widgets (a layout pass over the whole screen) at the next
        # question about a widget's place whenever a repainted widget is not in view, to place a
        # new one. A step of the total repaints the field of every operation, most of them
        # scrolled out of view at 80x24; they are in the map already, and a repaint moves nothing.
        if not self._full_map_invalidated and not widgets.issubset(self._full_map.keys()):
            self._full_map_invalidated = True
        regions: list[Region] = []
        visible = self.visible_widgets
        for widget in visible.keys() & widgets:
            region, clip = visible[widget]
            offset = region.offset
            for dirty_region in widget._exchange_repaint_regions():
                if update_region := clip.intersection(dirty_region.translate(offset)):
                    regions.append(update_region)
        self._dirty_regions.update(regions)

    def render_partial_update(self) -> ChopsUpdate | None:
        screen = self.size.region
        regions = [region for region in map(screen.intersection, self._dirty_regions) if region]
        self._dirty_regions.clear()
        if not regions:
            return None
        spans = list(self._regions_to_spans(regions))
        by_line: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            by_line.setdefault(y, []).append((x1, x2))
        cuts = self.cuts
        chops: dict[int, dict[int, Strip | None]] = {y: dict.fromkeys(cuts[y][:-1]) for y in by_line}
        intersection = Region.intersection
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            x, top, width, height = visible = intersection(region, clip)
            if not (width and height):
                continue
            right = x + width
            lines = [
                y
                for y in range(top, top + height)
                if y in by_line and any(x1 < right and x2 > x for x1, x2 in by_line[y])
            ]
            if not lines:
                continue
            first = lines[0]
            strips = widget.render_lines(Region(x - region.x, first - region.y, width, lines[-1] - first + 1))
            first_cut, last_cut = visible.column_span
            for y in lines:
                line = chops[y]
                final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                for cut, piece in zip(
                    final_cuts, strips[y - first].divide([c - x for c in final_cuts[1:]]), strict=False
                ):
                    if line.get(cut) is None:  # the front-most widget at a cut wins
                        line[cut] = piece
        chop_ends = [cut_set[1:] for cut_set in cuts]
        return ChopsUpdate(chops, spans, chop_ends)  # type: ignore[arg-type]  # indexed by line only


class MainScreen(Screen[object]):
    """The app's default screen, drawn by :class:`LineCompositor`; its first resume does not
    restyle the widgets it has just styled."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._compositor = LineCompositor()
        self._resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual resumes the default screen once its widgets are mounted, and a resume restyles
        # every widget (for a screen coming back after a theme or a style changed while it was
        # hidden): at start that is every widget of the first tab a second time, before the first
        # frame. Each later resume (a dialog closed) restyles as Textual does.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
        super()._on_screen_resume(event)
