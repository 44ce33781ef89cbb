"""The 年間 / Year tab: the twelve months, the season factors that recalculate live (typed or
↑/↓, through ScenarioEdited and the app's state), the totals, the months where a change pays, no
layout per step, and snapshots at 80×24 and 120×40 in both languages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import StableApp, focus, layout_settled, run_async, screen_text, text_of, wait_equal, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.document import load_document
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.domain.year import file_year
from naccs_tui.ui.panes.year import YearPane
from naccs_tui.ui.widgets.factor import FactorField

ROOT = Path(__file__).resolve().parents[2]
SEASONAL = ROOT / "examples" / "seasonal-broker.toml"
MULTI = ROOT / "examples" / "multi-office-forwarder.toml"


def app_for(path: Path = SEASONAL, lang: str = "ja") -> StableApp:
    tariffs = load_tariffs()
    return StableApp(load_document(path, tariffs), tariffs=tariffs, lang=lang)


def laid_out(app) -> bool:
    pane = app.query_one(YearPane)
    months = app.query_one("#year-months")
    return pane._fees is not None and months.region.area > 0 and text_of(months).strip() != "" and layout_settled(app)


async def year_tab(pilot) -> YearPane:
    app = pilot.app
    app.set_focus(None)
    app.query_one("#tabs", TabbedContent).active = "year"
    await wait_for(pilot, lambda: laid_out(app), "the year tab to be laid out with its months")
    return app.query_one(YearPane)


def row(app, month: str) -> str:
    return next(line for line in text_of(app.query_one("#year-months")).splitlines() if line.startswith(month))


@run_async
async def test_the_months_are_the_year_of_the_unit_and_a_factor_recalculates_them():
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await year_tab(pilot)
        # the start: the schedule's earliest (2027-02-17 on a line: applied 2026-12-01) -> February first
        assert [m.label for m in pane._fees.months][:2] == ["2027-02", "2027-03"]
        assert "96,849 ✔" in row(app, "2027-03") and "98,380" in row(app, "2027-03")  # test_year works it out
        assert "プランAが得" in row(app, "2027-03") and "プランAが得" not in row(app, "2027-04")
        fields = list(app.query(FactorField))
        assert [f.value for f in fields[:3]] == ["0.9", "1.3", "1.1"]  # February, March, April
        assert fields[10].disabled and fields[10].value == "指定"  # December is given outright
        # type March's factor: 2 (IDA 300, IDC 280, EDA 160, EDC 140, ICG 400)
        march = fields[1]
        await focus(pilot, march)
        march.value = ""
        await pilot.press("2", "enter")
        await wait_equal(pilot, lambda: app.scenario.season[2], 2, "March's factor in the scenario")
        company = app.company
        assert company.offices[0].general.season[2] == 2 and app.dirty  # written back into the unit
        expected = file_year(company, app.tariffs, (2027, 2), 12).whole.months[1]
        # by hand: A 19,600 + 10,000 + 300×85 + 280×170 + 160×69 + 140×138 = 133,060
        assert (expected.a, expected.b) == (133_060, 19_600 + 30_000 + 56_000 + 12_800 + 22_400)
        await wait_for(pilot, lambda: "133,060 ✔" in row(app, "2027-03"), "March's new fees in the table")
        # ↑ adds 0.05
        await pilot.press("up")
        await wait_equal(pilot, lambda: app.scenario.season[2], 2.05, "March's factor after ↑")
        assert march.value == "2.05"


@run_async
async def test_a_refused_factor_takes_back_what_it_changed():
    app = app_for(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await year_tab(pilot)
        before = app.scenario.season
        field = app.query(FactorField)[0]
        await focus(pilot, field)
        field.value = ""
        await pilot.press("3", "x", "enter")  # "3" applies live, "3x" is not a factor: refused
        await wait_equal(pilot, lambda: app.scenario.season, before, "the season from before the entry")
        assert field.value == "0.9" and not app.dirty


@run_async
async def test_a_file_without_season_shows_twelve_equal_months_and_no_change():
    app = app_for(ROOT / "examples" / "customs-broker.toml", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await year_tab(pilot)
        assert {(m.a, m.b) for m in pane._fees.months} == {(168_370, 171_000)}
        totals = text_of(app.query_one("#year-totals"))
        assert "No month where changing plan would pay" in totals and "2,189,440" in totals  # 169,000 + 12 × 168,370
        assert [f.value for f in app.query(FactorField)] == ["1"] * 12
        assert "No season and no [months.N]" in totals


@run_async
async def test_a_unit_of_a_company_is_quoted_as_the_plans_quote_it():
    app = app_for(MULTI, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await year_tab(pilot)
        # the head office's general unit: its fees without the office's options (as in the plans)
        unit = app.company_quote.units[0]
        assert {m.a for m in pane._fees.months} == {unit.quote.a.monthly}


def count_layouts(app) -> list[object]:
    layouts: list[object] = []
    app.screen.screen_layout_refresh_signal.subscribe(app, layouts.append, immediate=True)
    return layouts


async def quiet(pilot, what: str, done=lambda: True) -> None:
    app = pilot.app
    await wait_for(pilot, done, what)
    refreshed: list[bool] = []
    app.call_after_refresh(refreshed.append, True)
    await wait_for(pilot, lambda: refreshed and layout_settled(app), f"{what}: the screen to settle")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_a_factor_step_lays_nothing_out(size):
    @run_async
    async def body():
        app = app_for()
        async with app.run_test(size=size) as pilot:
            await year_tab(pilot)
            field = app.query(FactorField)[4]  # June, factor 1
            await focus(pilot, field)
            await quiet(pilot, "the footer to follow the focus")
            await pilot.press("up")  # the first step marks the plan unsaved (the title changes)
            await quiet(pilot, "the first step", lambda: app.scenario.season[5] == 1.05)
            layouts = count_layouts(app)
            for key, value in [("up", "1.1"), ("down", "1.05"), ("up", "1.1"), ("up", "1.15")]:

                def shown(value: str = value) -> bool:
                    pane = app.query_one(YearPane)
                    return (
                        str(app.scenario.season[5]) == value and pane._key is not None and pane._key[0] == pane._unit()
                    )

                await pilot.press(key)
                await quiet(pilot, f"the step to {value}", shown)
            assert layouts == [], "a factor step laid out the screen"
            assert field.value == "1.15" and Decimal(field.value) == Decimal("1.15")

    body()


# ---- snapshots ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_year_snapshot(snap_compare, lang, size):
    async def run_before(pilot) -> None:
        await year_tab(pilot)
        word = "プランAが得" if lang == "ja" else "Plan A pays"
        await wait_for(
            pilot, lambda: word in screen_text(pilot.app) and layout_settled(pilot.app), "the months on the terminal"
        )

    assert snap_compare(app_for(lang=lang), terminal_size=size, run_before=run_before)
