"""Walking the tab bar at key-repeat speed: every tab shows its content when it is shown.

A pane fills itself when its tab is shown (``TabbedContent.TabActivated``); arrowing quickly across
the tab bar once left the Schedule tab blank (its date fields empty)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_async, shown, wait_for
from textual import events
from textual.widgets import Input, OptionList, Static, TabbedContent
from textual.widgets import Tabs as ContentTabs  # the tab bar of a TabbedContent is a Tabs

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import load_scenario
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.ui.app import NaccsApp

EXAMPLE = Path(__file__).parents[2] / "examples" / "customs-broker.toml"


def _filled(app: NaccsApp) -> dict[str, bool]:
    """Per tab: does it show what it is for? (Read from the widgets the user sees.)"""

    def text(selector: str) -> str:
        return shown(app.screen, selector)

    checks = {
        "setup": lambda: bool(text("#traits")) and bool(text("#method-info")),
        "volumes": lambda: "1,081" in str(app.query_one("#master-legend", Static).render()),
        "plans": lambda: len(app.query_one("#plans").query_one("_PlansView").lines_at(100)) > 10,
        "chart": lambda: "1,081" in text("#chart-legend"),
        "schedule": lambda: app.query_one("#applied", Input).value == "2026-12-01" and "2027" in text("#sched-steps"),
        "contacts": lambda: app.query_one("#pref-list", OptionList).option_count == 47,
    }
    out = {}
    for tab, check in checks.items():
        try:
            out[tab] = bool(check())
        except Exception:
            out[tab] = False
    return out


@pytest.mark.parametrize("rounds", [3])
@run_async
async def test_tab_bar_at_key_repeat_speed_leaves_no_tab_blank(rounds):
    tariffs = load_tariffs()
    app = NaccsApp(from_scenario(load_scenario(EXAMPLE, tariffs)), tariffs=tariffs, lang="ja")
    app.CURSOR_BLINK = False
    async with app.run_test(size=(120, 40)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        app.query_one(ContentTabs).focus()
        await wait_for(pilot, lambda: app.focused is app.query_one(ContentTabs), "the tab bar to have focus")
        order = ["setup", "volumes", "plans", "chart", "schedule", "contacts"]
        for _ in range(rounds):
            # key repeat: the presses arrive faster than the app handles them
            for _ in range(len(order) - 1):
                app.post_message(events.Key("right", None))
            await wait_for(pilot, lambda: tabs.active == "contacts", "the last tab")
            for _ in range(len(order) - 1):
                app.post_message(events.Key("left", None))
            await wait_for(pilot, lambda: tabs.active == "setup", "the first tab")
        # now visit each tab as a user would and check it shows its content
        for i, tab in enumerate(order):
            if i:
                await pilot.press("right")
            await wait_for(pilot, lambda tab=tab: tabs.active == tab, f"tab {tab}")
            await wait_for(pilot, lambda tab=tab: _filled(app)[tab], f"the {tab} tab to show its content")
