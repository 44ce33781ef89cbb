"""Keyboard and visible state: keys 1-6 go to the tabs, the palette has every tab and finds a
command by its name in either language, the footer shows the tax state, the chosen radio option
has its own glyph (readable without colour)."""

from __future__ import annotations

from helpers import run_async, wait_closed, wait_equal, wait_for, wait_for_dialog
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer, Input, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.keys import TABS
from naccs_tui.ui.widgets.choice import CHOSEN, NOT_CHOSEN


def footer_text(app) -> str:
    return " ".join(str(key.render()) for key in app.screen.query_one(Footer).children)


@run_async
async def test_digit_keys_go_to_each_tab():
    app = NaccsApp(from_scenario(Scenario()), lang="ja")
    async with app.run_test(size=(100, 30)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        await wait_for(pilot, lambda: tabs.active == "setup", "the first tab")
        for n, tab in reversed(list(enumerate(TABS, 1))):
            await pilot.press(str(n))
            await wait_equal(pilot, lambda: tabs.active, tab, f"key {n} to show {tab}")


@run_async
async def test_footer_shows_the_tax_state():
    app = NaccsApp(from_scenario(Scenario()), lang="ja")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: t("key.tax_off") in footer_text(app), "the footer")
        assert t("key.tax_on") not in footer_text(app)
        await pilot.press("f3")
        await wait_for(pilot, lambda: t("key.tax_on") in footer_text(app), "the footer to say tax is on")
        assert app.tax and t("key.tax_off") not in footer_text(app)


@run_async
async def test_palette_finds_english_names_in_japanese_and_has_every_tab():
    app = NaccsApp(from_scenario(Scenario()), lang="ja")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = await wait_for_dialog(pilot, CommandPalette)
        field = palette.query_one(Input)
        commands = palette.query_one(CommandList)

        def first() -> str:
            return str(commands.get_option_at_index(0).hit.text) if commands.option_count else ""

        field.value = "save as"  # the English name, typed while the app speaks Japanese
        await wait_for(pilot, lambda: first().startswith(t("cmd.save_as")), "名前を付けて保存 for 'save as'")
        field.value = "schedule"
        await wait_for(pilot, lambda: first().startswith(t("key.tab.schedule")), "the schedule tab's entry")
        await pilot.press("enter")
        await wait_closed(pilot, CommandPalette)
        await wait_equal(pilot, lambda: app.query_one("#tabs", TabbedContent).active, "schedule", "the tab")


@run_async
async def test_the_chosen_radio_option_has_its_own_glyph():
    app = NaccsApp(from_scenario(Scenario()), lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.query("#kind"), "the line pane")
        kinds = app.query_one("#kind")
        glyphs = {b.name: str(b.render()) for b in kinds.children}
        assert CHOSEN in glyphs["internet"] and NOT_CHOSEN not in glyphs["internet"]
        assert NOT_CHOSEN in glyphs["dedicated"] and CHOSEN not in glyphs["dedicated"]


@run_async
async def test_palette_says_no_matches_in_japanese():
    app = NaccsApp(from_scenario(Scenario()), lang="ja")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = await wait_for_dialog(pilot, CommandPalette)
        palette.query_one(Input).value = "zzzz"
        commands = palette.query_one(CommandList)

        def says() -> str:
            return str(commands.get_option_at_index(0).prompt.renderable) if commands.option_count else ""

        await wait_for(pilot, lambda: t("cmd.no_matches") in says(), "the no-match line in Japanese")
        assert "No matches found" not in says()


@run_async
async def test_an_edit_taken_back_is_not_an_unsaved_change():
    from naccs_tui.ui.messages import ScenarioEdited

    app = NaccsApp(from_scenario(Scenario()), lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.query("#kind"), "the app")
        app.post_message(ScenarioEdited.section("usage", terminals=5))
        await wait_equal(pilot, lambda: app.dirty, True, "an unsaved change")
        app.post_message(ScenarioEdited.section("usage", terminals=1))
        await wait_equal(pilot, lambda: app.dirty, False, "back to the plan as opened")
