"""The schedule tab refuses a closure over 31 days (and a date with no business day after it) in
its error line, without a freeze or a crash. Repros: typing 01-03 ～ 12-29 gave "2052-01-02 ～
2055-12-31"; a file with closure ["01-04", "01-03"] froze the app on its schedule tab (key 5).
"""

from __future__ import annotations

from argparse import Namespace
from datetime import date

import pytest
from helpers import run_async, shown, wait_equal, wait_for, wait_for_dialog, wait_for_text
from test_ui_schedule import open_tab, type_into

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.screens.error import ErrorScreen

WRAPPED = 'schema = 1\n[schedule]\napplied = 2026-12-24\nclosure = ["01-04", "01-03"]\n'


def error_line(app: NaccsApp) -> str:
    return "".join(shown(app, "#sched-error").split())  # as one line, wherever the pane wrapped it


@run_async
async def test_a_typed_closure_over_31_days_is_refused_in_the_field():
    app = NaccsApp(from_scenario(Scenario().replace("schedule", applied=date(2026, 12, 24))))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        await type_into(app, pilot, "#closure-start", "01-03", keys=False)
        # 01-03 ～ 01-03 (the end not typed yet) is a closure of one day: taken
        await wait_equal(pilot, lambda: app.scenario.schedule.closure, ("01-03", "01-03"), "the closure")
        await type_into(app, pilot, "#closure-end", "12-29")
        await wait_for_text(
            pilot,
            lambda: error_line(app),
            "年末年始休業：01-03～12-29は362日間です。休業期間は31日以内にしてください",
        )
        assert app.scenario.schedule.closure == ("01-03", "01-03") and app.is_running
        assert "2052" not in shown(app, "#sched-summary")
        # the wrap of the file: 01-04 ～ 01-03 is the whole year but one day
        await type_into(app, pilot, "#closure-end", "01-03", keys=False)
        await wait_for(pilot, lambda: app.query_one("#sched-error").has_class("-empty"), "the message to go")
        await type_into(app, pilot, "#closure-start", "01-04", keys=False)
        await wait_for_text(pilot, lambda: error_line(app), "01-04～01-03は366日間です")
        # the common year-end closure runs over the new year and clears the message
        await type_into(app, pilot, "#closure-start", "12-29", keys=False)
        await type_into(app, pilot, "#closure-end", "01-03", keys=False)
        await wait_equal(pilot, lambda: app.scenario.schedule.closure, ("12-29", "01-03"), "the closure")
        await wait_for(pilot, lambda: app.query_one("#sched-error").has_class("-empty"), "the message to go")
        await wait_for_text(pilot, lambda: shown(app, "#sched-summary"), "2027-01-08")


@run_async
async def test_an_applied_date_at_the_end_of_the_calendar_is_an_error_not_a_crash():
    app = NaccsApp(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "schedule")
        await type_into(app, pilot, "#applied", "9999-11-29", keys=False)
        await wait_for_text(pilot, lambda: error_line(app), "Appliedon:nobusinessdaywithin3yearsafter9999-11-29")
        assert app.scenario.schedule.applied == date(9999, 11, 29) and app.is_running
        assert shown(app, "#sched-summary").strip() == ""  # no dates shown that are not there
        await type_into(app, pilot, "#applied", "2026-12-24", keys=False)
        await wait_for_text(pilot, lambda: shown(app, "#sched-summary"), "2027-01-08")
        assert app.query_one("#sched-error").has_class("-empty")


def test_the_app_is_not_started_on_the_wrapped_file(tmp_path):
    path = tmp_path / "wrapped.toml"
    path.write_text(WRAPPED, "utf-8")
    with pytest.raises(InputError) as exc:
        build_app(Namespace(file=str(path), tariffs=None, lang="ja"))
    assert (exc.value.source, exc.value.field, exc.value.code) == (str(path), "schedule.closure", "closure_too_long")


@run_async
async def test_opening_the_wrapped_file_from_the_schedule_tab_shows_one_line(tmp_path):
    path = tmp_path / "wrapped.toml"
    path.write_text(WRAPPED, "utf-8")
    app = NaccsApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await open_tab(app, pilot, "schedule")
        before = app.company
        app.open_path(path)
        screen = await wait_for_dialog(pilot, ErrorScreen)
        message = str(screen.query_one("#error-message").render())
        assert message.startswith(f"{path}: schedule.closure: 01-04") and "31" in message
        assert app.company is before and app.is_running
