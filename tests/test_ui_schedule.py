"""Schedule and contacts panes: pilot tests (type, read the scenario and the screen) and snapshots."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import run_async, shown
from textual.widgets import Input, OptionList, TabbedContent

from naccs_tui.domain.scenario import Scenario
from naccs_tui.ui.app import NaccsApp

DEDICATED = Scenario().replace("line", kind="dedicated").replace("usage", method="interactive")


async def open_tab(app: NaccsApp, pilot, tab: str) -> None:
    app.query_one(TabbedContent).active = tab
    await pilot.pause()


async def type_into(app: NaccsApp, pilot, selector: str, text: str, *, keys: bool = True) -> None:
    """Type ``text`` into an input key by key (or paste it whole, which is faster) and press Enter."""
    box = app.query_one(selector, Input)
    box.focus()
    await pilot.pause()
    box.value = "" if keys else text  # focusing selects all; clear so the typing is the whole value
    await pilot.press(*(text if keys else ()), "enter")
    await pilot.pause()


@run_async
async def test_editing_the_applied_date_moves_the_dates_and_a_bad_one_changes_nothing():
    app = NaccsApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "schedule")
        # default: today (2026-12-01), netNACCS -> start 12-10 (test_cli_schedule counts it)
        assert app.query_one("#applied", Input).value == "2026-12-01"
        assert "2026-12-10" in shown(app, "#sched-summary") and "（今日）" in str(
            app.query_one("#applied-today").render()
        )
        await type_into(app, pilot, "#applied", "2026-12-24")
        assert app.scenario.schedule.applied == date(2026, 12, 24)
        summary = shown(app, "#sched-summary")
        assert "2027-01-08" in summary and "2027-01-04" in summary  # start, setup (test_schedule)
        assert "2027-01-08" in shown(app, "#sched-steps")
        assert app.dirty
        # a bad date says so and changes nothing; a good one clears the message
        before = app.scenario
        await type_into(app, pilot, "#applied", "2026-13-01", keys=False)
        assert app.scenario is before
        assert "日付が正しくありません" in shown(app, "#sched-error") and "2026-13-01" in shown(app, "#sched-error")
        await type_into(app, pilot, "#applied", "2027-04-28", keys=False)
        assert app.query_one("#sched-error").has_class("-empty")
        # Golden Week: 04-29, 05-03..05-05 are holidays -> start 2027-05-13 (counted in test_schedule)
        assert app.scenario.schedule.applied == date(2027, 4, 28) and "2027-05-13" in shown(app, "#sched-summary")


@run_async
async def test_the_closure_is_editable_in_the_pane():
    app = NaccsApp(scenario=Scenario().replace("schedule", applied=date(2026, 12, 24)), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        assert "2027-01-08" in shown(app, "#sched-summary")
        await type_into(app, pilot, "#closure-start", "12-31", keys=False)
        await type_into(app, pilot, "#closure-end", "01-01", keys=False)
        # closure 12-31..01-01 -> start 2027-01-06 (counted in test_schedule)
        assert app.scenario.schedule.closure == ("12-31", "01-01")
        assert "2027-01-06" in shown(app, "#sched-summary")
        assert "Assumes the year-end closure 12-31 to 01-01" in shown(app, "#sched-summary")
        before = app.scenario
        await type_into(app, pilot, "#closure-end", "13-45", keys=False)
        assert app.scenario is before and "Not a closure" in shown(app, "#sched-error")


@run_async
async def test_method_comes_from_the_scenario():
    app = NaccsApp(scenario=DEDICATED)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        summary, steps = shown(app, "#sched-summary"), shown(app, "#sched-steps")
        assert "最短 2027-02-17 ～ 最遅 2027-03-04" in summary  # 50-60 business days from 12-01
        assert "回線工事等" in steps and "デジタル証明書" not in steps
        assert "2027年3月" in shown(app, "#sched-calendar") and "保税" in shown(app, "#sched-notes")


@run_async
async def test_pick_a_prefecture_by_typing():
    app = NaccsApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "contacts")
        assert "都道府県を選ぶと" in shown(app, "#office")
        await type_into(app, pilot, "#pref-search", "aichi")
        assert app.scenario.prefecture == "愛知県"
        office = shown(app, "#office")
        assert "東海事務所" in office and "052-654-6511" in office and "0120-794524" in office
        assert "044-520-6266" in shown(app, "#contract")  # usage-contract section, nationwide
        # filter in Japanese, then take the list entry with Enter
        await type_into(app, pilot, "#pref-search", "福")
        options = app.query_one("#pref-list", OptionList)
        # north to south; Enter took the first
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "福島県",
            "福井県",
            "福岡県",
        ]
        assert app.scenario.prefecture == "福島県" and "044-520-6280" in shown(app, "#office")


@run_async
async def test_choose_from_the_list_and_no_match_message():
    app = NaccsApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "contacts")
        box = app.query_one("#pref-search", Input)
        box.focus()
        await pilot.press(*"oki", "down", "enter")  # Okinawa is the only match; Down enters the list
        await pilot.pause()
        assert app.scenario.prefecture == "沖縄県"
        assert "Kyushu office" in shown(app, "#office") and "092-441-7825" in shown(app, "#office")
        await type_into(app, pilot, "#pref-search", "zz", keys=False)
        assert app.scenario.prefecture == "沖縄県"
        assert "No prefecture matches 'zz'" in str(app.query_one("#pref-empty").render())


# ---- snapshots -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_schedule_snapshot(snap_compare, lang, size):
    scenario = DEDICATED.replace("schedule", applied=date(2026, 12, 1))

    async def run_before(pilot) -> None:
        pilot.app.query_one(TabbedContent).active = "schedule"
        await pilot.pause()

    assert snap_compare(NaccsApp(scenario=scenario, lang=lang), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_contacts_snapshot(snap_compare, lang, size):
    scenario = Scenario().replace(None, prefecture="東京都")

    async def run_before(pilot) -> None:
        pilot.app.query_one(TabbedContent).active = "contacts"
        await pilot.pause()

    assert snap_compare(NaccsApp(scenario=scenario, lang=lang), terminal_size=size, run_before=run_before)
