"""Random keys never crash the app nor break what it shows (the monkey: tests/monkey.py), and a
regression test for each kind of failure it found.

In the suite: one fixed seed, a few keys on every example file, the sizes 80x24 and 160x50 and
both languages spread over them (a few seconds). A long run over every file x size x language:

    NACCS_MONKEY_KEYS=200 NACCS_MONKEY_SEEDS=1-10 .venv/bin/python -m pytest tests/ui/test_monkey.py

A failure names the seed and run, and the shortest key list that still fails the same way.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from types import SimpleNamespace

import pytest
from helpers import run_async, wait_for
from monkey import EXAMPLES, LANGS, SIZES, Broken, check, env_int, env_seeds, random_keys, reproduce, run_keys, settle
from textual.widgets import TabbedContent, Tabs

from naccs_tui.ui.launch import build_app

LONG = bool(os.environ.get("NACCS_MONKEY_KEYS") or os.environ.get("NACCS_MONKEY_SEEDS"))
KEYS_PER_RUN = env_int("NACCS_MONKEY_KEYS", 8)
SEEDS = env_seeds("NACCS_MONKEY_SEEDS", "1")
COMBOS = list(itertools.product(SIZES, LANGS))
if LONG:  # every file at every size in every language
    RUNS = [(seed, ex, size, lang) for seed in SEEDS for ex in EXAMPLES for size, lang in COMBOS]
else:  # each file once; the sizes and languages take turns, so that every pair is run
    RUNS = [(seed, ex, *COMBOS[i % len(COMBOS)]) for seed in SEEDS for i, ex in enumerate(EXAMPLES)]


@pytest.mark.parametrize(
    ("seed", "example", "size", "lang"),
    RUNS,
    ids=[f"seed{s}-{e.stem}-{w}x{h}-{lang}" for s, e, (w, h), lang in RUNS],
)
def test_random_keys(seed, example, size, lang, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # saves and exports land here
    keys = random_keys(seed, example, size, lang, KEYS_PER_RUN)

    async def monkey() -> None:
        failure = await run_keys(example, size, lang, keys)
        if failure is not None:
            report = await reproduce(example, size, lang, keys, failure)
            pytest.fail(f"seed {seed}: {report}", pytrace=False)

    asyncio.run(monkey())


def test_every_example_is_covered():
    """Each shipped example, both sizes and both languages are in the suite's runs."""
    assert len(EXAMPLES) >= 5
    assert {ex for _, ex, _, _ in RUNS} == set(EXAMPLES)
    assert {(size, lang) for _, _, size, lang in RUNS} == set(COMBOS)


# ---- what the monkey found -------------------------------------------------------------------


def app_on(example: str, lang: str):
    return build_app(SimpleNamespace(file=f"examples/{example}", lang=lang, tariffs=None))


@pytest.mark.parametrize(("size", "lang"), [((80, 24), "ja"), ((160, 50), "en")], ids=["80x24-ja", "160x50-en"])
@run_async
async def test_language_switch_typed_ahead_at_launch(size, lang):
    """F2 then → pressed before the first screen has settled: the screen is rebuilt in the other
    language, the tab bar has the focus and → moves to the next tab (it crashed at every size in
    both languages: the tab bar's pending work ran on the half-removed bar). Both sizes and both
    languages, in two runs."""
    app = app_on("customs-broker.toml", lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f2")
        await pilot.press("right")
        other = "en" if lang == "ja" else "ja"
        await wait_for(pilot, lambda: app.lang == other and isinstance(app.focused, Tabs), "the switch")
        await wait_for(pilot, lambda: app.query_one("#tabs", TabbedContent).active == "volumes", "→ to volumes")
        assert app.focused.is_attached


@run_async
async def test_language_switch_with_tab_bar_work_pending():
    """The same cause, made certain: a tab hidden just before the switch leaves the tab bar work
    for after the next refresh; the switch must not remove the bar under it."""
    app = app_on("customs-broker.toml", "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        await wait_for(pilot, lambda: tabs.active == "setup", "the first tab")

        async def hide_then_switch() -> None:
            tabs.hide_tab("contacts")
            await app.switch_lang("en")

        app.call_later(hide_then_switch)
        await wait_for(pilot, lambda: app.lang == "en" and isinstance(app.focused, Tabs), "the switch")


@run_async
async def test_language_switch_keeps_the_focus_on_a_live_widget():
    """After F2 on a settled screen the focus is on the same control again (found by its id),
    not on nothing (it was lost: Tab was needed before any key did something)."""
    app = app_on("customs-broker.toml", "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        await wait_for(pilot, lambda: isinstance(app.focused, Tabs), "the tab bar to have the focus")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.lang == "en" and app.focused is not None, "the switch")
        assert isinstance(app.focused, Tabs) and app.focused.is_attached
        assert app.focused is app.query_one("#tabs", TabbedContent).query_one(Tabs)
        assert tabs not in app.query(TabbedContent)  # the screen was rebuilt


@run_async
async def test_language_from_the_palette_over_a_dialog_waits_for_the_dialog():
    """The palette's language command chosen over the office navigator (F4, Ctrl+P): the dialog
    stays whole and keeps working, the switch happens when it closes (the main screen's widgets
    were composed into the dialog in place of its own, and its next key crashed: no Tree)."""
    from helpers import wait_closed, wait_for_dialog
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input, Tree

    from naccs_tui.i18n import t
    from naccs_tui.ui.screens.offices import OfficesScreen

    app = app_on("customs-broker.toml", "ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        offices = await wait_for_dialog(pilot, OfficesScreen)
        await pilot.press("ctrl+p")
        palette = await wait_for_dialog(pilot, CommandPalette)
        palette.query_one(Input).value = t("cmd.lang")
        commands = palette.query_one(CommandList)
        first = lambda: str(commands.get_option_at_index(0).hit.text) if commands.option_count else ""  # noqa: E731
        await wait_for(pilot, lambda: first().startswith(t("cmd.lang")), "the language command")
        await pilot.press("enter")
        await wait_for_dialog(pilot, OfficesScreen, "the navigator again")
        assert app.lang == "ja" and offices.query_one(Tree) and not offices.query("#tabs")
        await pilot.press("p")  # the navigator still works: the plan of the unit under the cursor
        await wait_for(pilot, lambda: app.dirty, "p to change the unit's plan")
        await pilot.press("escape")
        await wait_closed(pilot, OfficesScreen)
        await wait_for(pilot, lambda: app.lang == "en" and app.focused is not None, "the switch after the dialog")
        assert app.focused.is_attached and app.screen is app.default_screen


@run_async
async def test_unit_chosen_without_the_focused_row_leaves_the_focus_on_the_tab_bar():
    """Found by the monkey (seed 9, multi-office-forwarder, 80x24, en: tab tab f4 down enter):
    the focus on the dedicated line's speed, a netNACCS unit chosen in the navigator; its line
    has no speed row, the focused row was hidden and the focus was left on nothing (keys did
    nothing until Tab). It goes to the tab bar, and → moves along it."""
    from helpers import wait_closed, wait_for_dialog

    from naccs_tui.ui.screens.offices import OfficesScreen

    app = app_on("multi-office-forwarder.toml", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        await wait_for(pilot, lambda: isinstance(app.focused, Tabs), "the tab bar to have the focus")
        await pilot.press("tab", "tab")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "speed", "the speed row")
        assert app.scenario.line.kind == "dedicated"
        await pilot.press("f4")
        await wait_for_dialog(pilot, OfficesScreen)
        await pilot.press("down", "enter")  # the head office's netNACCS unit: an internet line
        await wait_closed(pilot, OfficesScreen)
        await wait_for(pilot, lambda: app.scenario.line.kind == "internet", "the netNACCS unit")
        await wait_for(pilot, lambda: isinstance(app.focused, Tabs), "the focus on the tab bar")
        await pilot.press("right")
        await wait_for(pilot, lambda: tabs.active == "volumes", "→ to move to the volumes")


@run_async
async def test_the_checks_catch_what_they_guard(tmp_path, monkeypatch):
    """Each invariant fails on the fault it is there for: a summary out of step with the app, an
    unsaved mark that does not match the file, a widget placed beyond the screen's edge, no
    focus."""
    from textual.widgets import Static

    from naccs_tui.ui.panes.summary import SummaryBar

    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_bytes(EXAMPLES[0].read_bytes())
    app = build_app(SimpleNamespace(file="plan.toml", lang="ja", tariffs=None))
    async with app.run_test(size=(80, 24)):
        await settle(app)
        check(app)  # all hold at the start

        bar = app.query_one(SummaryBar)
        bar.tax = not app.tax  # the bar shows the amounts with the other tax state
        with pytest.raises(Broken, match="summary"):
            check(app)
        bar.tax = app.tax

        changed = plan.read_text("utf-8").replace("terminals = 4", "terminals = 5")
        assert changed != plan.read_text("utf-8")
        plan.write_text(changed, "utf-8")  # the file differs now; the title still says unchanged
        with pytest.raises(Broken, match="title"):
            check(app)
        plan.write_bytes(EXAMPLES[0].read_bytes())

        stray = Static("x" * 10)
        await app.screen.mount(stray)
        stray.styles.offset = (75, 0)  # 75 + 10 cells on an 80-cell screen
        await settle(app)
        with pytest.raises(Broken, match="geometry"):
            check(app)
        stray.styles.offset = (0, 0)
        await settle(app)
        check(app)

        app.screen.set_focus(None)
        with pytest.raises(Broken, match="focus"):
            check(app)
