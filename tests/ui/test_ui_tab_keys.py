"""1-6 go to their tab from every control that is not a text field (README: "go to that tab
directly (outside a text field)"). Issue: with a checkbox of the volumes tab focused, 5 switched to
the schedule for an instant and back: the checkbox handed the focus to the next one as its tab hid,
and TabbedContent showed the tab of the focused widget again."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import focus, layout_settled, run_async, wait_equal, wait_for
from textual.widgets import Input, TabbedContent
from textual.widgets._tabbed_content import ContentTabs

from naccs_tui.domain.document import load_document
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.keys import TABS

EXAMPLE = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"


def controls(app: NaccsApp, tab: str) -> list:
    """One focusable control of each kind on ``tab`` (text fields aside: there a digit is typed)."""
    pane = app.query_one("#tabs", TabbedContent).get_pane(tab)
    kinds: dict[str, object] = {}
    for widget in pane.query("*"):
        if widget.focusable and not isinstance(widget, Input):
            kinds.setdefault(type(widget).__name__, widget)
    return list(kinds.values())


@pytest.mark.parametrize("tab", TABS)
@run_async
async def test_a_digit_goes_to_its_tab_from_every_control(tariffs, tab):
    app = NaccsApp(load_document(EXAMPLE, tariffs), tariffs=tariffs)
    tabs = app.query_one
    async with app.run_test(size=(120, 40)) as pilot:
        home, away = str(TABS.index(tab) + 1), "5" if tab != "schedule" else "2"
        await pilot.press(home)
        await wait_for(pilot, lambda: tabs("#tabs", TabbedContent).active == tab and layout_settled(app), tab)
        await wait_for(pilot, lambda: controls(app, tab) or tab == "schedule", f"the controls of {tab}")
        for control in controls(app, tab):
            await focus(pilot, control)
            await pilot.press(away)
            target = TABS[int(away) - 1]
            await wait_equal(pilot, lambda: tabs("#tabs", TabbedContent).active, target, f"{away} from {control}")
            # the keys go on from the tab bar, the new tab laid out: and it is still the one shown
            await wait_for(pilot, lambda: isinstance(app.focused, ContentTabs) and layout_settled(app), "settled")
            assert tabs("#tabs", TabbedContent).active == target, control
            await pilot.press(home)
            await wait_equal(pilot, lambda: tabs("#tabs", TabbedContent).active, tab, f"back to {tab}")
