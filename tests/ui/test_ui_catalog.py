"""The line catalog in the TUI: the notice when a line NACCS's access page no longer lists is chosen,
the 0.5M line's unknown fees and incomplete totals, and the F6 checkbox for unlisted lines."""

from __future__ import annotations

from helpers import run_async, screen_text, shown, text_of, wait_equal, wait_for, wait_for_dialog, wait_for_text
from textual.widgets import Checkbox, DataTable, Input, RadioButton, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.summary import SummaryBar
from naccs_tui.ui.screens.recommend import RecommendScreen

PAGE = "https://bbs.naccscenter.com/naccs/dfw/web/use/userguide/access.html"
NOTICE_JA = "現在の掲示板のアクセス回線の案内には載っていません（NACCSセンターに確認してください）"
NOTICE_EN = "not on the bulletin board's current access-line page (confirm with the NACCS center)"
DEDICATED = Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes={"IDA": 100})
# 0.5M, 2 terminals, IDA 300: known fees A = 2 × 5,000 + 300 × 85 = 35,500; B = 300 × 100 = 30,000
HALF = Scenario(
    line=Line(kind="dedicated", speed="0.5M"), usage=Usage(method="interactive", terminals=2), volumes={"IDA": 300}
)


def flat(text: str) -> str:
    """Text without the line breaks and spaces a wrapped widget adds."""
    return "".join(text.split())


def pick(app, set_id: str, value: str) -> None:
    """Press the button ``value`` of the radio row ``set_id`` (as a click or Enter would)."""
    button = next(b for b in app.query_one(f"#{set_id}").query(RadioButton) if b.name == value)
    button.value = True


@run_async
async def test_choosing_an_unlisted_line_shows_the_notice_with_the_page(tariffs):
    app = NaccsApp(from_scenario(DEDICATED), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: shown(app, "#traits").strip(), "the line's traits")
        assert flat(NOTICE_JA) not in flat(shown(app, "#traits"))  # 1M is on the page
        pick(app, "speed", "64k")
        await wait_equal(pilot, lambda: app.scenario.line.speed, "64k", "64k chosen")
        await wait_for_text(pilot, lambda: flat(shown(app, "#traits")), flat(NOTICE_JA), flat(PAGE))
        assert flat("専用線 64k：") in flat(shown(app, "#traits"))
        pick(app, "kind", "broadband")
        pick(app, "medium", "adsl")
        await wait_equal(pilot, lambda: (app.scenario.line.kind, app.scenario.line.medium), ("broadband", "adsl"))
        await wait_for_text(pilot, lambda: flat(shown(app, "#traits")), flat("ブロードバンド回線 ADSL：" + NOTICE_JA))
        pick(app, "medium", "fiber")
        await wait_for(pilot, lambda: flat(NOTICE_JA) not in flat(shown(app, "#traits")), "the notice gone on fiber")


@run_async
async def test_half_megabit_shows_unpublished_fees_and_incomplete_totals(tariffs):
    app = NaccsApp(from_scenario(HALF), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        # chosen on the line tab: the fees are not published, and the totals leave them out
        await wait_for_text(
            pilot, lambda: flat(shown(app, "#traits")), flat("専用線 0.5M：初期費用・回線使用料・ルータ使用料は")
        )
        bar = app.query_one(SummaryBar)
        await wait_for_text(pilot, lambda: flat(text_of(bar)), "35,500＋未掲載", "30,000＋未掲載")
        assert bar.quote.complete is False
        app.query_one(TabbedContent).active = "plans"
        text = await wait_for_text(pilot, lambda: screen_text(app), "月額合計", "料金未掲載")
        monthly = next(line for line in text.splitlines() if "月額合計" in line)
        assert "35,500＋未掲載" in monthly and "30,000＋未掲載" in monthly
        initial = next(line for line in text.splitlines() if line.strip().startswith("初期費用"))
        assert initial.count("0＋未掲載") == 2
        assert "回線使用料（専用線 0.5M）" in text and text.count("料金未掲載") >= 6  # 3 items × 2 plans
        # the chart's totals are the known fees: it says so under them
        app.query_one(TabbedContent).active = "chart"
        await wait_for_text(pilot, lambda: shown(app, "#chart-facts"), "不完全（料金未掲載の項目を含みません）")


@run_async
async def test_f6_leaves_unlisted_lines_out_unless_the_box_is_checked(tariffs):
    scenario = DEDICATED.replace("line", speed="64k")
    app = NaccsApp(from_scenario(scenario), tariffs=tariffs, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        screen = await wait_for_dialog(pilot, RecommendScreen)
        table = screen.query_one("#rec-table", DataTable)
        box = screen.query_one("#need-unlisted", Checkbox)
        assert box.value is False
        screen.query_one("#need-bandwidth", Input).value = "16k"
        # 16 kbps guaranteed: the cheapest listed line is dedicated 1M; 64k/128k are left out
        await wait_for(pilot, lambda: table.row_count and "1M" in str(table.get_row_at(0)[6]), "1M ranked first")
        lines = [str(table.get_row_at(i)[6]) for i in range(table.row_count)]
        assert not any("64k" in x or "128k" in x or "ADSL" in x for x in lines)
        await wait_for_text(
            pilot, lambda: flat(shown(screen, "#rec-why")), flat("Lines no longer on the bulletin board")
        )
        box.value = True
        await wait_for(pilot, lambda: "64k" in str(table.get_row_at(0)[6]), "64k ranked first once included")
        await wait_for_text(pilot, lambda: flat(shown(screen, "#rec-why")), flat(NOTICE_EN), flat(PAGE))
