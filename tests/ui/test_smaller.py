"""The smaller things that were wrong (each reproduced as the issue found it, each a test that
failed before): a one-day start said as a range, the app's keys in the CLI's contacts, 3 doing
nothing at 160 columns, a cut footer, Esc not leaving a text field, the palette's tax entries
alike, checkboxes alike on and off, the recommendation hiding its initial cost at 120 columns, a
new office with no prefecture, the line works on the day of the package install."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import (
    focus,
    layout_settled,
    run_async,
    screen_text,
    settled,
    shown,
    volumes_laid_out,
    wait_closed,
    wait_equal,
    wait_for,
    wait_for_dialog,
    wait_for_screen_text,
    wait_for_text,
)
from test_ui_offices import cursor_to, forwarder, open_navigator
from test_ui_schedule import DEDICATED, open_tab
from textual.widgets import DataTable, Input, TabbedContent
from textual.widgets._footer import FooterKey

from naccs_tui.cli import main
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.document import load_document
from naccs_tui.domain.schedule import timeline
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.keys import COMMANDS
from naccs_tui.ui.screens.name import NameScreen
from naccs_tui.ui.screens.recommend import RecommendScreen

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_a_start_of_one_day_is_said_once(capsys):
    # netNACCS applied today (2026-12-01, a Tuesday): 7 business days, 02 03 04 07 08 09 10; the
    # lead time has no range, so one day
    assert main(["quote", str(EXAMPLES / "small-importer.toml")]) == 0
    out = capsys.readouterr().out
    assert "利用開始の目安：2026-12-10 ごろ（申込 2026-12-01。" in out
    assert "2026-12-10～2026-12-10" not in out


def test_the_office_command_does_not_speak_of_the_apps_keys(capsys):
    assert main(["office", "東京都"]) == 0
    out = capsys.readouterr().out
    assert "\n参考ページ\n" in out and "Enter" not in out and "クリック" not in out


@run_async
async def test_3_at_160_columns_goes_to_the_plans_beside_the_tabs(tariffs):
    app = NaccsApp(load_document(EXAMPLES / "customs-broker.toml", tariffs), tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for(pilot, lambda: app.query("#side-plans") and layout_settled(app), "the side column")
        await pilot.press("3")
        await wait_for(pilot, lambda: app.focused is app.query_one("#side-plans"), "the focus on the side plans")
        assert app.query_one("#tabs", TabbedContent).active == "setup"  # the tab stays


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("example", ["customs-broker.toml", "multi-office-forwarder.toml"])
@run_async
async def test_the_80x24_footer_shows_whole_keys_only(tariffs, lang, example):
    app = NaccsApp(load_document(EXAMPLES / example, tariffs), tariffs=tariffs, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:

        def keys() -> list[FooterKey]:
            return [k for k in app.screen.query(FooterKey) if k.display]

        await wait_for(pilot, lambda: layout_settled(app) and keys() and keys()[0].region.width, "the footer")
        assert all(0 < k.region.right <= 80 for k in keys()), [(str(k.description), k.region) for k in keys()]
        descriptions = [str(k.description) for k in keys()]
        assert t("key.help", lang) in descriptions and t("key.save", lang) in descriptions
        if example.startswith("multi"):
            assert t("key.offices", lang) in descriptions
    # the keys left out still work, and help lists them
    app = NaccsApp(load_document(EXAMPLES / example, tariffs), tariffs=tariffs, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: layout_settled(app), "the app")
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportScreen", "the export dialog")


@run_async
async def test_esc_leaves_a_text_field_so_a_digit_goes_to_its_tab():
    app = NaccsApp(from_scenario(DEDICATED))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "schedule")
        field = app.query_one("#applied", Input)
        await focus(pilot, field)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not field.has_focus, "the field left")
        await pilot.press("6")
        await wait_equal(pilot, lambda: app.query_one("#tabs", TabbedContent).active, "contacts", "the contacts tab")
        assert field.value == "2026-12-01" and app.scenario.schedule.applied is None  # nothing typed into it


@run_async
async def test_a_half_typed_date_left_with_esc_is_said_not_taken():
    app = NaccsApp(from_scenario(DEDICATED))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot, "schedule")
        field = app.query_one("#applied", Input)
        await focus(pilot, field)
        field.value = ""
        await pilot.press("6", "escape")
        await wait_for_text(pilot, lambda: shown(app, "#sched-error"), t("sched.bad_date", text="6"))
        assert app.scenario.schedule.applied is None


def test_the_palettes_tax_entries_say_different_things():
    helps = {c.title: c.help for c in COMMANDS}
    for lang in ("ja", "en"):
        on, off = t(helps["cmd.tax_on"], lang), t(helps["cmd.tax_off"], lang)
        assert on != off
    assert "込み" in t(helps["cmd.tax_on"], "ja") and "税抜" in t(helps["cmd.tax_off"], "ja")


@run_async
async def test_a_checkbox_reads_on_or_off_without_colour(tariffs):
    # customs broker: 管理統計資料 on, 保税管理資料保存サービス off
    app = NaccsApp(load_document(EXAMPLES / "customs-broker.toml", tariffs), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#tabs", TabbedContent).active = "volumes"
        await wait_for(pilot, lambda: volumes_laid_out(app), "the volumes tab")
        await wait_for_screen_text(pilot, "▐X▌ 管理統計資料", "▐ ▌ 保税管理資料保存サービス")


@pytest.mark.parametrize("lang", ["ja", "en"])
@run_async
async def test_the_recommendation_shows_its_figures_at_120_columns(tariffs, lang):
    app = NaccsApp(load_document(EXAMPLES / "customs-broker.toml", tariffs), tariffs=tariffs, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        screen = await wait_for_dialog(pilot, RecommendScreen)
        table = screen.query_one("#rec-table", DataTable)
        await wait_for(pilot, lambda: table.row_count > 0, "the ranking")
        await settled(pilot)
        # the first row: netNACCS on the internet, no initial fee; the second: fiber, 98,000
        initial = [str(table.get_row_at(i)[4]).strip() for i in range(2)]
        assert initial == ["0", "98,000"]
        await wait_for_screen_text(pilot, t("quote.initial", lang), "98,000", what="the initial cost in view")


@run_async
async def test_the_navigator_sets_an_offices_prefecture(tariffs):
    app = NaccsApp(company=forwarder(), tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_navigator(pilot)
        await cursor_to(pilot, screen, (2, None))
        await pilot.press("k")
        dialog = await wait_for_dialog(pilot, NameScreen)
        field = dialog.query_one(Input)
        assert field.value == "大阪府"
        field.value = "Tokio"  # not a prefecture: said under the field, the dialog stays
        await pilot.press("enter")
        await wait_for_text(pilot, lambda: screen_text(app), "都道府県名ではありません")
        assert app.screen is dialog and app.company.offices[1].prefecture == "大阪府"
        field.value = "Tokyo"
        await pilot.press("enter")
        await wait_closed(pilot, NameScreen)
        await wait_equal(pilot, lambda: app.company.offices[1].prefecture, "東京都", "Tokyo: 東京都")


def test_the_line_works_come_before_the_package_install(tariffs):
    # interactive applied 2026-12-01: start 2027-02-17, setup deadline 02-10 (test_schedule.py);
    # the line works on the business day after it (02-12: 11 is a holiday), the package install
    # on the day before the start (02-16)
    p = timeline("interactive", date(2026, 12, 1), tariffs.lead_time)
    due = {s.key: s.due for s in p.steps}
    assert due["setup"] < due["line_works"] < due["package"] < due["start"]
    assert (due["line_works"], due["package"]) == (date(2027, 2, 12), date(2027, 2, 16))
    assert [s.key for s in p.steps] == ["nss", "setup", "line_works", "package", "start"]
