"""Schedule and contacts panes: pilot tests (type, read the scenario and the screen) and snapshots."""

from __future__ import annotations

import re
from datetime import date

import pytest
from helpers import StableApp, focus, run_async, shown, wait_equal, wait_for, wait_for_screen_text, wait_for_text
from textual.widgets import Input, OptionList, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.schedule import WIDE as SIDE_BY_SIDE


def flat(text: str) -> str:
    """``text`` without any whitespace: a wrapped line reads the same wherever the pane broke it."""
    return re.sub(r"\s+", "", text)


DEDICATED = Scenario().replace("line", kind="dedicated").replace("usage", method="interactive")


def filled(app: NaccsApp, tab: str) -> bool:
    """Does the tab show what it is for (the dates worked out, the prefectures listed)?"""
    if tab == "schedule":
        pane = app.query_one("SchedulePane")
        return (
            bool(app.query_one("#applied", Input).value)
            and all(shown(app, part).strip() for part in ("#sched-summary", "#sched-steps", "#sched-calendar"))
            and pane.has_class("-side") == (pane.size.width >= SIDE_BY_SIDE)  # its layout follows its width
        )
    return app.query_one("#pref-list", OptionList).option_count == 47


async def open_tab(app: NaccsApp, pilot, tab: str) -> None:
    app.query_one(TabbedContent).active = tab
    await wait_for(pilot, lambda: filled(app, tab), f"the {tab} tab to show its content")


async def type_into(app: NaccsApp, pilot, selector: str, text: str, *, keys: bool = True) -> None:
    """Type ``text`` into an input key by key (or paste it whole, which is faster) and press Enter.
    The caller waits for the effect it expects."""
    box = app.query_one(selector, Input)
    await focus(pilot, box)
    box.value = "" if keys else text  # focusing selects all; clear so the typing is the whole value
    await pilot.press(*(text if keys else ()), "enter")


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
        await wait_equal(pilot, lambda: app.scenario.schedule.applied, date(2026, 12, 24), "the applied date")
        # start, setup (test_schedule)
        await wait_for_text(pilot, lambda: shown(app, "#sched-summary"), "2027-01-08", "2027-01-04")
        assert "2027-01-08" in shown(app, "#sched-steps")
        assert app.dirty
        # a bad date says so and changes nothing; a good one clears the message
        before = app.scenario
        await type_into(app, pilot, "#applied", "2026-13-01", keys=False)
        await wait_for_text(pilot, lambda: shown(app, "#sched-error"), "日付が正しくありません", "2026-13-01")
        assert app.scenario is before
        await type_into(app, pilot, "#applied", "2027-04-28", keys=False)
        await wait_equal(pilot, lambda: app.scenario.schedule.applied, date(2027, 4, 28), "the applied date")
        await wait_for(pilot, lambda: app.query_one("#sched-error").has_class("-empty"), "the message to go")
        # Golden Week: 04-29, 05-03..05-05 are holidays -> start 2027-05-13 (counted in test_schedule)
        await wait_for_text(pilot, lambda: shown(app, "#sched-summary"), "2027-05-13")


@run_async
async def test_the_closure_is_editable_in_the_pane():
    app = NaccsApp(from_scenario(Scenario().replace("schedule", applied=date(2026, 12, 24))), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        assert "2027-01-08" in shown(app, "#sched-summary")
        await type_into(app, pilot, "#closure-start", "12-31", keys=False)
        await type_into(app, pilot, "#closure-end", "01-01", keys=False)
        # closure 12-31..01-01 -> start 2027-01-06 (counted in test_schedule)
        await wait_equal(pilot, lambda: app.scenario.schedule.closure, ("12-31", "01-01"), "the closure")
        await wait_for_text(
            pilot,
            lambda: shown(app, "#sched-summary"),
            "2027-01-06",
            "Assumes the year-end closure 12-31 to 01-01",
        )
        before = app.scenario
        await type_into(app, pilot, "#closure-end", "13-45", keys=False)
        await wait_for_text(pilot, lambda: shown(app, "#sched-error"), "Not a closure")
        assert app.scenario is before


@run_async
async def test_method_comes_from_the_scenario():
    app = NaccsApp(from_scenario(DEDICATED))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        summary, steps = shown(app, "#sched-summary"), shown(app, "#sched-steps")
        assert "2027-02-17 ～ 2027-03-04 ごろ" in summary  # about 50-60 business days from 12-01
        assert "回線工事等" in steps and "デジタル証明書" not in steps
        assert "2027年3月" in shown(app, "#sched-calendar") and "保税" in shown(app, "#sched-notes")


@run_async
async def test_the_pane_tells_deadlines_from_suggestions_and_names_its_sources():
    app = NaccsApp(from_scenario(DEDICATED))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(app, pilot, "schedule")
        steps = flat(shown(app, "#sched-steps"))
        assert flat("2027-02-10 ! システム設定の申込（期限）") in steps
        assert flat("2027-02-12 + 回線工事等（目安）") in steps  # after the deadline, before the install
        assert flat("2027-02-16 + パッケージソフトのインストール（目安）") in steps
        assert "目安の日付です。案内に期限の定めはありません" in steps
        assert "手順と日付" in steps and "手順と期日" not in steps
        assert "+ 目安" in shown(app, "#sched-calendar")  # the legend
        notes = flat(shown(app, "#sched-notes"))
        assert "約7営業日" in notes and "約50～60営業日" in notes
        assert "【出典】所要日数：" in notes and "利用申込からNACCS利用開始までの流れ" in notes
        assert "NACCS掲示板https://bbs.naccscenter.com/naccs/dfw/web/docs/2019032900057" in notes
        assert "holidays" in notes and "仮定（案内は日付を示していません）" in notes


@run_async
async def test_the_certificate_comes_before_the_start_with_no_unsourced_rule():
    app = NaccsApp(from_scenario(Scenario().replace("schedule", applied=date(2026, 12, 24))))
    async with app.run_test(size=(120, 40)) as pilot:
        # the method pane: obtained before the start; no 1-year validity, no 2-month rule
        info = await wait_for_text(pilot, lambda: shown(app, "#method-info"), "デジタル証明書")
        assert "利用開始までに取得" in info and "1年" not in info and "2か月" not in info
        await open_tab(app, pilot, "schedule")
        steps = flat(shown(app, "#sched-steps"))
        assert flat("2027-01-07 + デジタル証明書（目安）") in steps and "2027-03-08" not in steps
        assert steps.index("デジタル証明書（目安）") < steps.index(flat("2027-01-08 * 業務開始"))


@run_async
async def test_pick_a_prefecture_by_typing():
    app = NaccsApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "contacts")
        assert "都道府県を選ぶと" in shown(app, "#office")
        await type_into(app, pilot, "#pref-search", "aichi")
        await wait_equal(pilot, lambda: app.scenario.prefecture, "愛知県", "the prefecture")
        office = await wait_for_text(pilot, lambda: shown(app, "#office"), "東海事務所")
        assert "東海事務所" in office and "052-654-6511" in office and "0120-794524" in office
        assert "044-520-6266" in shown(app, "#contract")  # usage-contract section, nationwide
        # filter in Japanese, then take the list entry with Enter
        await type_into(app, pilot, "#pref-search", "福")
        await wait_equal(pilot, lambda: app.scenario.prefecture, "福島県", "the first match taken")
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
        await focus(pilot, box)
        await pilot.press(*"oki", "down", "enter")  # Okinawa is the only match; Down enters the list
        await wait_equal(pilot, lambda: app.scenario.prefecture, "沖縄県", "the prefecture")
        await wait_for_text(pilot, lambda: shown(app, "#office"), "Kyushu office", "092-441-7825")
        await type_into(app, pilot, "#pref-search", "zz", keys=False)
        await wait_for_text(pilot, lambda: str(app.query_one("#pref-empty").render()), "No prefecture matches 'zz'")
        assert app.scenario.prefecture == "沖縄県"


# ---- snapshots -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_schedule_snapshot(snap_compare, lang, size):
    scenario = DEDICATED.replace("schedule", applied=date(2026, 12, 1))

    async def run_before(pilot) -> None:
        await open_tab(pilot.app, pilot, "schedule")
        # the applied date in its field and the start window on the terminal (50-60 business days)
        await wait_for_screen_text(pilot, "2026-12-01", "2027-02-17", "2027-03-04")

    assert snap_compare(StableApp(from_scenario(scenario), lang=lang), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_contacts_snapshot(snap_compare, lang, size):
    scenario = Scenario().replace(None, prefecture="東京都")

    async def run_before(pilot) -> None:
        await open_tab(pilot.app, pilot, "contacts")
        await wait_for_screen_text(pilot, "044-520-6280", what="the Tokyo office on the terminal")

    assert snap_compare(StableApp(from_scenario(scenario), lang=lang), terminal_size=size, run_before=run_before)
