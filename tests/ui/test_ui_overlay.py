"""A toast over the panes shows every character it has (issue: 80×24, volumes tab, a bad total:
「読めま  ん。」「この構  比では」: a character that straddled a number field's hidden edge was
split into two spaces by Textual's compositor; ui/overlay.py cuts only where the front widget
changes)."""

from __future__ import annotations

import pytest
from helpers import focus, layout_settled, run_async, screen_text, text_of, volumes_laid_out, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.overlay import front_cuts
from naccs_tui.ui.widgets.slider_row import SliderRow


def test_a_line_is_cut_only_where_the_front_widget_changes():
    # front to back: a toast at 40-80, a number field at 66-78 under it, the pane at 0-80
    assert front_cuts(80, [[(40, 80), (66, 78), (0, 80)]]) == [[0, 40, 80]]
    # the field alone in front of the pane: its edges are cuts
    assert front_cuts(80, [[(66, 78), (0, 80)]]) == [[0, 66, 78, 80]]
    # a gap with nothing in it, and a widget beyond the screen's edge
    assert front_cuts(20, [[(0, 5), (10, 30)]]) == [[0, 5, 10, 20]]


BROKER = Scenario(
    line=Line(kind="dedicated", speed="1M"),
    usage=Usage(method="interactive", terminals=3),
    volumes={"IDA": 300, "IDC": 280, "EDA": 150, "EDC": 140, "ICG": 400},
)


@pytest.mark.parametrize("typed", ["abc", "99999999"])
@run_async
async def test_the_toast_of_a_refused_total_is_drawn_whole_at_80x24(tariffs, typed):
    app = NaccsApp(from_scenario(BROKER), tariffs=tariffs)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.query_one("#tabs", TabbedContent).active = "volumes"
        await wait_for(pilot, lambda: volumes_laid_out(app), "the volumes tab")
        await focus(pilot, app.query_one("#master", SliderRow).field)
        await pilot.press("home", "shift+end", *typed, "enter")
        await wait_for(pilot, lambda: app.screen.query("Toast"), "the toast")
        toast = app.screen.query_one("Toast")

        def drawn() -> bool:
            if not (layout_settled(app) and toast.region.area):
                return False
            screen = screen_text(app).splitlines()
            own = text_of(toast).splitlines()
            return all(line.strip() in screen[toast.region.y + i] for i, line in enumerate(own))

        await wait_for(pilot, drawn, f"the toast of {typed!r} drawn as it renders itself")
        assert "読めません" in screen_text(app) or "構成比では" in screen_text(app)
