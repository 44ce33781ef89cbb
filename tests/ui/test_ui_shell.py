"""Pilot tests of the TUI shell: line and method panes, language, sizes, help, palette."""

from __future__ import annotations

from helpers import (
    click,
    focus,
    run_async,
    shown,
    wait_closed,
    wait_equal,
    wait_for,
    wait_for_dialog,
    wait_for_text,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer, Input, RadioButton, RadioSet, TabbedContent

from naccs_tui.domain.combos import settle
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import LINE_KINDS, METHODS, ROUTERS, Scenario, combination_problem
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.line import LinePane
from naccs_tui.ui.screens.help import HelpScreen


def shown_text(app) -> str:
    """The text of every visible widget of the active screen (what a user reads)."""
    parts = []
    for widget in app.screen.query("*"):
        if widget.display and widget.visible and widget.region.area and not widget.children:
            try:
                parts.append(str(widget.render()))
            except Exception:  # a widget whose render needs more than plain text
                continue
    return "\n".join(parts)


def footer_text(app) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(key.render()) for key in footer.children)


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def dedicated(**line) -> Scenario:
    return Scenario().replace("line", kind="dedicated", **line).replace("usage", method="interactive")


FIELDS = {
    "kind": lambda s: s.line.kind,
    "speed": lambda s: s.line.speed,
    "method": lambda s: s.usage.method,
}
"""What each radio set of the setup tab sets in the scenario."""


async def started(pilot) -> None:
    """Wait until the setup tab shows its content (the line's traits and the method's facts)."""
    app = pilot.app

    def setup_shown() -> bool:
        laid_out = app.query_one("#traits").region.area > 0
        return laid_out and all(shown(app, part).strip() for part in ("#traits", "#method-info"))

    await wait_for(pilot, setup_shown, "the setup tab to show its content")


async def choose(pilot, set_id: str, value: str) -> None:
    """Move the RadioSet's cursor to ``value`` with the arrow keys, press Enter, and wait until the
    choice is in the app's scenario."""
    radio_set = pilot.app.query_one(f"#{set_id}", RadioSet)
    await focus(pilot, radio_set)
    buttons = list(radio_set.query(RadioButton))
    names = [b.name for b in buttons]
    cursor = next((i for i, b in enumerate(buttons) if b.has_class("-selected")), 0)
    step = names.index(value) - cursor
    await pilot.press(*(["right"] * step if step > 0 else ["left"] * -step))
    await pilot.press("enter")
    await wait_equal(pilot, lambda: FIELDS[set_id](pilot.app.scenario), value, f"{set_id} {value} in the scenario")


def rows_shown(app, *rows: str) -> dict[str, bool]:
    return {row: app.query_one(row).display for row in rows}


@run_async
async def test_default_scenario_shows_internet_without_line_options(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert app.scenario == Scenario()
        assert (app.scenario.line.kind, app.scenario.usage.method) == ("internet", "netnaccs")
        for row in ("#row-speed", "#row-medium", "#row-router", "#row-maintenance", "#row-ping", "#row-lines"):
            assert not app.query_one(row).display, row
        text = shown_text(app)
        assert t("linepane.traits.internet") in text
        assert t("methodpane.certificate") in text
        assert app.sub_title == t("file.untitled")


@run_async
async def test_picking_netnaccs_on_a_dedicated_line_switches_the_line(tariffs):
    app = NaccsApp(from_scenario(dedicated(speed="3M")), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert app.query_one("#row-speed").display
        await choose(pilot, "method", "netnaccs")
        assert app.scenario.line.kind == "internet"
        assert app.dirty and app.sub_title == t("file.dirty", name=t("file.untitled"))
        kept = "専用線 3M / 標準 / 平日保守 × 1"  # the line put away: it comes back with the method
        said = t("fix.line_kept", method="netNACCS", old=t("kind.dedicated"), new=t("kind.internet"), line=kept)
        assert said in notes(app)
        await wait_for(pilot, lambda: not app.query_one("#row-speed").display, "the speed row to go")
        await wait_for_text(pilot, lambda: shown_text(app), t("methodpane.lines.netnaccs"))


@run_async
async def test_switching_kind_shows_only_the_options_that_apply(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await choose(pilot, "kind", "dedicated")
        # interactive is the only method for a dedicated line: switched, and said so
        assert app.scenario.usage.method == "interactive"
        assert t("fix.method", kind=t("kind.dedicated"), old="netNACCS", new=t("method.interactive")) in notes(app)
        rows = ("#row-speed", "#row-medium", "#row-ping", "#row-router")
        await wait_equal(
            pilot,
            lambda: rows_shown(app, *rows),
            {"#row-speed": True, "#row-medium": False, "#row-ping": True, "#row-router": True},
            "the rows of a dedicated line",
        )
        # bandwidth guarantee = 1/4 of 1M = 250 kbps (FACTS 1)
        await wait_for_text(pilot, lambda: shown_text(app), "250 kbps")
        await choose(pilot, "kind", "broadband")
        await wait_equal(
            pilot,
            lambda: rows_shown(app, *rows),
            {"#row-speed": False, "#row-medium": True, "#row-ping": False, "#row-router": True},
            "the rows of a broadband line",
        )
        redundant = next(b for b in app.query(RadioButton) if b.name == "redundant")
        await wait_for(pilot, lambda: redundant.disabled, "redundant routers to be offered no more")
        await wait_for_text(pilot, lambda: shown_text(app), t("linepane.no_redundancy_bb"))
        assert app.scenario.usage.method == "interactive"
        # with the mouse: a click on "internet" switches back, and the method follows
        internet = next(b for b in app.query(RadioButton) if b.name == "internet")
        await click(pilot, internet)
        await wait_equal(
            pilot,
            lambda: (app.scenario.line.kind, app.scenario.usage.method),
            ("internet", "netnaccs"),
            "the click to switch the line",
        )
        await wait_for(pilot, lambda: not app.query_one("#row-router").display, "the router row to go")


@run_async
async def test_speed_without_redundancy_falls_back_to_standard_router(tariffs):
    app = NaccsApp(from_scenario(dedicated(speed="1M", router="redundant")), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await choose(pilot, "speed", "64k")
        assert app.scenario.line.router == "standard"
        where = f"{t('kind.dedicated')} 64k"
        assert t("fix.router", where=where) in notes(app)
        redundant = next(b for b in app.query(RadioButton) if b.name == "redundant")
        await wait_for(pilot, lambda: redundant.disabled, "redundant routers to be offered no more")
        await wait_for_text(pilot, lambda: shown_text(app), t("linepane.no_redundancy", speed="64k"))
        assert combination_problem(app.scenario, tariffs) is None


@run_async
async def test_number_of_lines_and_ping(tariffs):
    app = NaccsApp(from_scenario(dedicated()), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await focus(pilot, app.query_one("#ping"))
        await pilot.press("enter")
        await wait_equal(pilot, lambda: app.scenario.line.ping_monitoring, True, "ping monitoring on")
        await focus(pilot, app.query_one("#lines"))
        await pilot.press("3")  # the field selects its text on focus: typing replaces it
        await wait_equal(pilot, lambda: app.scenario.line.lines, 3, "three lines")


@run_async
async def test_language_switch_changes_footer_tabs_and_labels(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await wait_for_text(pilot, lambda: footer_text(app), t("key.help", "ja"), t("key.save", "ja"))
        await pilot.press("f2")
        await wait_equal(pilot, lambda: app.lang, "en", "English")
        after = await wait_for_text(pilot, lambda: footer_text(app), "Help", "Save")
        assert "ヘルプ" not in after
        await wait_for_text(pilot, lambda: shown_text(app), "Access line", "Line & method")
        await pilot.press("f2")
        await wait_equal(pilot, lambda: app.lang, "ja", "Japanese")
        await wait_for_text(pilot, lambda: footer_text(app), t("key.help", "ja"))
        await wait_for_text(pilot, lambda: shown_text(app), "アクセス回線")


@run_async
async def test_tiny_terminal_says_it_needs_more_room_and_keeps_state(tariffs):
    app = NaccsApp(from_scenario(dedicated(speed="5M")), tariffs=tariffs)
    async with app.run_test(size=(40, 12)) as pilot:
        too_small, body = app.query_one("#too-small"), app.query_one("#body")
        await wait_for(pilot, lambda: too_small.display and not body.display, "the too-small message")
        await wait_for_text(pilot, lambda: shown_text(app), t("shell.too_small", w=80, h=24))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: not too_small.display and body.display, "the body at 80×24")
        assert app.scenario == dedicated(speed="5M")
        await wait_for(pilot, lambda: app.query_one(LinePane).display, "the line pane")
        await pilot.resize_terminal(79, 30)
        await wait_for(pilot, lambda: too_small.display, "the too-small message at 79 columns")


@run_async
async def test_wide_terminal_shows_plans_beside_the_tabs(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        await wait_for(pilot, lambda: app.query_one("#side").display, "the plans beside the tabs")
        await wait_for(pilot, lambda: not tabs.get_tab("plans").display, "the plans tab hidden")
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: not app.query_one("#side").display, "no plans beside the tabs")
        await wait_for(pilot, lambda: tabs.get_tab("plans").display, "the plans tab back")


@run_async
async def test_help_screen_opens_with_f1_and_question_mark(tariffs):
    app = NaccsApp(tariffs=tariffs, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("f1")
        await wait_for_dialog(pilot, HelpScreen)
        await wait_for_text(pilot, lambda: shown_text(app), "How to use it", "^s", "Save")
        await pilot.press("escape")
        await wait_closed(pilot, HelpScreen)
        assert "How to use it" not in shown_text(app)
        await focus(pilot, app.query_one("#kind"))
        await pilot.press("question_mark")
        await wait_for_dialog(pilot, HelpScreen)
        await wait_for_text(pilot, lambda: shown_text(app), "How to use it")


@run_async
async def test_palette_runs_app_commands(tariffs):
    app = NaccsApp(tariffs=tariffs)  # Japanese: the palette lists the catalog's titles
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        for query in (t("cmd.tax_on"), t("cmd.theme_light")):
            await pilot.press("ctrl+p")
            palette = await wait_for_dialog(pilot, CommandPalette)
            field = palette.query_one(Input)
            assert field.placeholder == t("cmd.placeholder")
            field.value = query  # as typed into the palette's search field
            commands = palette.query_one(CommandList)

            def found(commands=commands, query=query) -> bool:  # the search (a worker) offers it first
                return commands.highlighted == 0 and str(commands.get_option_at_index(0).hit.text) == query

            await wait_for(pilot, found, f"the palette to offer {query!r}")
            await pilot.press("enter")
            await wait_closed(pilot, CommandPalette)
        await wait_equal(pilot, lambda: app.tax, True, "tax on")
        await wait_equal(pilot, lambda: app.theme, "textual-light", "the light theme")


# ---- settle(): every combination comes out valid, and the part the user changed is kept ----------
def test_settle_examples(tariffs):
    s, notes_ = settle(Scenario().replace("line", kind="broadband"), tariffs, "line")
    assert (s.line.kind, s.usage.method) == ("broadband", "interactive") and len(notes_) == 1
    s, notes_ = settle(dedicated().replace("usage", method="webnaccs"), tariffs, "method")
    assert (s.line.kind, s.usage.method) == ("internet", "webnaccs") and len(notes_) == 1
    s, notes_ = settle(Scenario().replace("usage", method="interactive"), tariffs, "method")
    assert (s.line.kind, s.usage.method) == ("dedicated", "interactive")
    s, notes_ = settle(
        dedicated(router="redundant", ping_monitoring=True).replace("line", kind="broadband"), tariffs, "line"
    )
    assert (s.line.router, s.line.ping_monitoring) == ("standard", False) and len(notes_) == 2


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(LINE_KINDS),
    method=st.sampled_from(METHODS),
    router=st.sampled_from(ROUTERS),
    speed=st.sampled_from(["64k", "128k", "1M", "3M", "5M", "10M"]),
    ping=st.booleans(),
    changed=st.sampled_from(["line", "method"]),
)
def test_settle_always_valid(tariffs, kind, method, router, speed, ping, changed):
    raw = Scenario().replace("line", kind=kind, router=router, speed=speed, ping_monitoring=ping)
    raw = raw.replace("usage", method=method)
    s, notes_ = settle(raw, tariffs, changed)
    assert combination_problem(s, tariffs) is None
    if changed == "line":
        assert s.line.kind == kind
    else:
        assert s.usage.method == method
    assert (s == raw) == (not notes_)
