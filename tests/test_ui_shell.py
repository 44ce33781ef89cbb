"""Pilot tests of the TUI shell: line and method panes, language, sizes, help, palette."""

from __future__ import annotations

from helpers import run_async
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Footer, Input, RadioButton, RadioSet, TabbedContent

from naccs_tui.domain.combos import settle
from naccs_tui.domain.scenario import LINE_KINDS, METHODS, ROUTERS, Scenario, combination_problem
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.line import LinePane


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


async def focus_set(pilot, set_id: str) -> RadioSet:
    radio_set = pilot.app.query_one(f"#{set_id}", RadioSet)
    radio_set.focus()
    await pilot.pause()
    return radio_set


async def choose(pilot, set_id: str, value: str) -> None:
    """Move the RadioSet's cursor to ``value`` with the arrow keys and press Enter."""
    radio_set = await focus_set(pilot, set_id)
    buttons = list(radio_set.query(RadioButton))
    names = [b.name for b in buttons]
    cursor = next((i for i, b in enumerate(buttons) if b.has_class("-selected")), 0)
    step = names.index(value) - cursor
    await pilot.press(*(["right"] * step if step > 0 else ["left"] * -step))
    await pilot.press("enter")
    await pilot.pause()


@run_async
async def test_default_scenario_shows_internet_without_line_options(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.scenario == Scenario()
        assert (app.scenario.line.kind, app.scenario.usage.method) == ("internet", "netnaccs")
        for row in ("#row-speed", "#row-medium", "#row-router", "#row-maintenance", "#row-ping", "#row-lines"):
            assert not app.query_one(row).display, row
        text = shown_text(app)
        assert t("linepane.traits.internet") in text
        assert t("methodpane.certificate", months=tariffs.lead_time.certificate_months) in text
        assert app.sub_title == t("file.untitled")


@run_async
async def test_picking_netnaccs_on_a_dedicated_line_switches_the_line(tariffs):
    app = NaccsApp(scenario=dedicated(speed="3M"), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.query_one("#row-speed").display
        await choose(pilot, "method", "netnaccs")
        assert app.scenario.usage.method == "netnaccs"
        assert app.scenario.line.kind == "internet"
        assert app.dirty and app.sub_title == t("file.dirty", name=t("file.untitled"))
        assert t("fix.line", method="netNACCS", old=t("kind.dedicated"), new=t("kind.internet")) in notes(app)
        assert not app.query_one("#row-speed").display
        text = shown_text(app)
        assert t("methodpane.lines.netnaccs") in text


@run_async
async def test_switching_kind_shows_only_the_options_that_apply(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(pilot, "kind", "dedicated")
        assert app.scenario.line.kind == "dedicated"
        # interactive is the only method for a dedicated line: switched, and said so
        assert app.scenario.usage.method == "interactive"
        assert t("fix.method", kind=t("kind.dedicated"), old="netNACCS", new=t("method.interactive")) in notes(app)
        shown = {row: app.query_one(row).display for row in ("#row-speed", "#row-medium", "#row-ping", "#row-router")}
        assert shown == {"#row-speed": True, "#row-medium": False, "#row-ping": True, "#row-router": True}
        # bandwidth guarantee = 1/4 of 1M = 250 kbps (FACTS 1)
        assert "250 kbps" in shown_text(app)
        await choose(pilot, "kind", "broadband")
        shown = {row: app.query_one(row).display for row in ("#row-speed", "#row-medium", "#row-ping", "#row-router")}
        assert shown == {"#row-speed": False, "#row-medium": True, "#row-ping": False, "#row-router": True}
        redundant = next(b for b in app.query(RadioButton) if b.name == "redundant")
        assert redundant.disabled
        assert t("linepane.no_redundancy_bb") in shown_text(app)
        assert app.scenario.usage.method == "interactive"
        # with the mouse: a click on "internet" switches back, and the method follows
        internet = next(b for b in app.query(RadioButton) if b.name == "internet")
        await pilot.click(internet)
        await pilot.pause()
        assert (app.scenario.line.kind, app.scenario.usage.method) == ("internet", "netnaccs")
        assert not app.query_one("#row-router").display


@run_async
async def test_speed_without_redundancy_falls_back_to_standard_router(tariffs):
    app = NaccsApp(scenario=dedicated(speed="1M", router="redundant"), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(pilot, "speed", "64k")
        assert app.scenario.line.speed == "64k"
        assert app.scenario.line.router == "standard"
        where = f"{t('kind.dedicated')} 64k"
        assert t("fix.router", where=where) in notes(app)
        redundant = next(b for b in app.query(RadioButton) if b.name == "redundant")
        assert redundant.disabled
        assert t("linepane.no_redundancy", speed="64k") in shown_text(app)
        assert combination_problem(app.scenario, tariffs) is None


@run_async
async def test_number_of_lines_and_ping(tariffs):
    app = NaccsApp(scenario=dedicated(), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.query_one("#ping").focus()
        await pilot.press("enter")
        app.query_one("#lines").focus()
        await pilot.pause()
        await pilot.press("3")  # the field selects its text on focus: typing replaces it
        await pilot.pause()
        assert app.scenario.line.ping_monitoring is True
        assert app.scenario.line.lines == 3


@run_async
async def test_language_switch_changes_footer_tabs_and_labels(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = footer_text(app)
        assert t("key.help", "ja") in before and t("key.save", "ja") in before
        await pilot.press("f2")
        await pilot.pause()
        after = footer_text(app)
        assert app.lang == "en"
        assert "Help" in after and "Save" in after and "ヘルプ" not in after
        text = shown_text(app)
        assert "Access line" in text and "Line & method" in text
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "ja" and t("key.help", "ja") in footer_text(app)
        assert "アクセス回線" in shown_text(app)


@run_async
async def test_tiny_terminal_says_it_needs_more_room_and_keeps_state(tariffs):
    app = NaccsApp(scenario=dedicated(speed="5M"), tariffs=tariffs)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        too_small = app.query_one("#too-small")
        assert too_small.display and not app.query_one("#body").display
        assert t("shell.too_small", w=80, h=24) in shown_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not too_small.display and app.query_one("#body").display
        assert app.scenario == dedicated(speed="5M")
        assert app.query_one(LinePane).display
        await pilot.resize_terminal(79, 30)
        await pilot.pause()
        assert too_small.display


@run_async
async def test_wide_terminal_shows_plans_beside_the_tabs(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert app.query_one("#side").display
        tabs = app.query_one("#tabs", TabbedContent)
        assert not tabs.get_tab("plans").display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not app.query_one("#side").display
        assert tabs.get_tab("plans").display


@run_async
async def test_help_screen_opens_with_f1_and_question_mark(tariffs):
    app = NaccsApp(tariffs=tariffs, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = shown_text(app)
        assert "How to use it" in text and "^s" in text and "Save" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "How to use it" not in shown_text(app)
        app.query_one("#kind").focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "How to use it" in shown_text(app)


@run_async
async def test_palette_runs_app_commands(tariffs):
    app = NaccsApp(tariffs=tariffs)  # Japanese: the palette lists the catalog's titles
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for query in (t("cmd.tax_on"), t("cmd.theme_light")):
            await pilot.press("ctrl+p")
            await pilot.pause()
            field = app.screen.query_one(Input)
            assert field.placeholder == t("cmd.placeholder")
            field.value = query  # as typed into the palette's search field
            await pilot.pause(0.2)
            await pilot.press("enter")
            await pilot.pause()
        assert app.tax is True
        assert app.theme == "textual-light"


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
