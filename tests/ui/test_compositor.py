"""The main screen's compositor (ui/compositor.py) draws a slider step from the widgets on the
changed lines only, and the terminal ends up showing what a full redraw shows.

Every update the app sends to the terminal (full frames and partial ones) is replayed here on a
grid of cells, as a terminal would apply it; after steps of an operation and of the total, beside
the plans and the company view, the grid must equal the screen drawn afresh.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import StableApp, focus, layout_settled, run_async, volumes_laid_out, wait_for
from rich.cells import cell_len
from rich.segment import ControlType
from textual.widget import Widget
from textual.widgets import TabbedContent

from naccs_tui.domain.document import load_document
from naccs_tui.ui.compositor import LineCompositor
from naccs_tui.ui.widgets.slider_row import SliderRow

MULTI = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"


class Terminal:
    """A grid of (character, style) cells that applies the app's updates as a terminal would."""

    def __init__(self, app) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], tuple[str, str]] = {}
        self.updates = 0

    def apply(self, update) -> None:
        console = self.app.console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            if segment.text == "\n":
                continue
            style = str(segment.style) if segment.style else ""
            for ch in segment.text:
                self.cells[x, y] = (ch, style)
                width = cell_len(ch)
                if width == 2:
                    self.cells[x + 1, y] = ("", style)
                x += width
        self.updates += 1

    def lines(self, width: int, height: int) -> list[list[tuple[str, str]]]:
        return [[self.cells.get((x, y), (" ", "")) for x in range(width)] for y in range(height)]


def drawn_afresh(app) -> list[list[tuple[str, str]]]:
    """The screen as a full redraw paints it, cell by cell."""
    width, height = app.size
    grid = []
    for strip in app.screen._compositor.render_strips():
        row: list[tuple[str, str]] = []
        for segment in strip:
            style = str(segment.style) if segment.style else ""
            for ch in segment.text:
                row.append((ch, style))
                if cell_len(ch) == 2:
                    row.append(("", style))
        grid.append((row + [(" ", "")] * width)[:width])
    return grid[:height]


def replaying(app) -> Terminal:
    """A terminal that receives every update the app sends from now on."""
    terminal = Terminal(app)
    display = app._display

    def _display(screen, renderable) -> None:
        if renderable is not None and screen is app.screen:
            terminal.apply(renderable)
        display(screen, renderable)

    app._display = _display
    return terminal


async def settle(pilot, what: str, done=lambda: True) -> None:
    app = pilot.app
    await wait_for(pilot, done, what)
    refreshed: list[bool] = []
    app.call_after_refresh(refreshed.append, True)
    await wait_for(pilot, lambda: refreshed and layout_settled(app), f"{what}: the screen to settle")


async def volumes_tab(pilot) -> tuple[SliderRow, SliderRow]:
    app = pilot.app
    app.set_focus(None)
    app.query_one("#tabs", TabbedContent).active = "volumes"
    await settle(pilot, "the volumes tab to be laid out", lambda: volumes_laid_out(app))
    return app.query_one("#master", SliderRow), app.query_one("#op-IDA", SliderRow)


async def press(pilot, key: str) -> None:
    app = pilot.app
    before = dict(app.scenario.volumes)
    await pilot.press(key)
    await settle(pilot, f"the step ({key})", lambda: app.scenario.volumes != before)


def test_the_main_screen_uses_the_line_compositor(tariffs):
    app = StableApp(tariffs=tariffs)
    assert isinstance(app.get_default_screen()._compositor, LineCompositor)


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
@run_async
async def test_partial_updates_leave_the_terminal_as_a_full_redraw(tariffs, size):
    company = load_document(MULTI, tariffs)
    app = StableApp(company=company, tariffs=tariffs)
    terminal = replaying(app)
    async with app.run_test(size=size) as pilot:
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        for key in ("right", "right", "left", "end", "home", "right"):
            await press(pilot, key)
        await focus(pilot, master.slider)
        for key in ("right", "left", "pagedown", "left"):
            await press(pilot, key)
        await settle(pilot, "the last step")
        assert terminal.updates > 10
        assert terminal.lines(*size) == drawn_afresh(app)


@run_async
async def test_a_step_asks_only_the_widgets_on_the_changed_lines(tariffs):
    # IDA's step changes its own row, the total's row and legend, the summary bar, and lines of
    # the plans and the company view beside them: not the row of another operation, the header,
    # the tabs or the footer (Textual's own compositor asks every widget in the box around them)
    company = load_document(MULTI, tariffs)
    app = StableApp(company=company, tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        await press(pilot, "right")  # the first step marks the plan unsaved (the title changes)
        asked: set[Widget] = set()
        render_lines = Widget.render_lines

        def counting(self: Widget, crop):
            asked.add(self)
            return render_lines(self, crop)

        Widget.render_lines = counting
        try:
            await press(pilot, "right")
        finally:
            Widget.render_lines = render_lines
        other = app.query_one("#op-IDC", SliderRow)
        assert row.slider in asked and row.field in asked and master.field in asked
        assert not asked & {other, other.slider, other.field, *other.children}
        assert not asked & {app.query_one("Header"), app.query_one("Footer"), app.query_one("#tabs Tabs")}


@run_async
async def test_the_first_tab_is_styled_once_before_the_first_frame(tariffs, monkeypatch):
    # Textual restyles every widget when a screen is resumed; the main screen's first resume comes
    # right after its widgets were styled as they mounted, so it leaves them as they are. A later
    # resume restyles as Textual does.
    from collections import Counter

    from textual import events
    from textual.css.stylesheet import Stylesheet

    styled: Counter[str] = Counter()
    apply = Stylesheet.apply

    def counting(self, node, *args, **kwargs):
        styled[node.id or ""] += 1
        return apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = StableApp(tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        drawn: list[bool] = []
        app.call_after_refresh(drawn.append, True)
        await wait_for(pilot, lambda: drawn, "the first frame")
        assert styled["too-small"] == 1 and styled["setup-scroll"] == 1, styled
        app.screen.post_message(events.ScreenResume())  # as when a screen over it is switched away
        await wait_for(pilot, lambda: styled["too-small"] > 1, "the main screen restyled when resumed again")


@run_async
async def test_a_step_of_the_total_keeps_the_map_of_places(tariffs, monkeypatch):
    # at 80x24 most operations' rows are scrolled out of view; a step of the total repaints their
    # fields all the same, and Textual would rebuild its map of every widget's place (a layout
    # pass over the whole screen) at the next question about one: nothing moved, nothing is rebuilt
    from textual._compositor import Compositor

    from naccs_tui.domain.company import from_scenario
    from naccs_tui.domain.scenario import Line, Scenario, Usage

    volumes = {op.code: 100 * (i + 1) for i, op in enumerate(tariffs.operations)}  # every operation counts
    plan = Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes=volumes)
    app = StableApp(company=from_scenario(plan), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        master, _ = await volumes_tab(pilot)
        await focus(pilot, master.slider)
        await press(pilot, "right")
        shown = app.screen._compositor.visible_widgets
        hidden = [row for row in app.query(SliderRow) if row not in shown]
        assert hidden, "some operations out of view"
        arranged: list[object] = []
        arrange = Compositor._arrange_root
        monkeypatch.setattr(
            Compositor, "_arrange_root", lambda self, *a, **k: arranged.append(1) or arrange(self, *a, **k)
        )
        before = [row.field.value for row in hidden]
        await press(pilot, "right")
        assert [row.field.value for row in hidden] != before  # their fields changed
        await press(pilot, "left")
        assert arranged == []
