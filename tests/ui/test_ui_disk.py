"""Ctrl+S never replaces a file that someone else changed since the app read or wrote it (issue 10,
item 9): it says so and offers reload / overwrite / save as."""

from __future__ import annotations

import os

from helpers import click, run_async, settled, wait_closed, wait_for, wait_for_dialog
from textual.widgets import Input

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.files import content_digest
from naccs_tui.domain.scenario import Scenario, dumps, load_scenario, save_scenario
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.path import PathScreen


def ours() -> Scenario:
    """What the app opened."""
    s = Scenario().replace("line", kind="dedicated", speed="1M")
    return s.replace("usage", method="interactive", terminals=2).with_volume("IDA", 300)


def theirs() -> Scenario:
    """What someone else saved into the same file meanwhile."""
    return ours().replace("usage", terminals=5).with_volume("IDC", 80)


def edited() -> Scenario:
    """The change made in the app."""
    return ours().with_volume("IDA", 450)


def behind_the_back(path) -> bytes:
    """Another program writes the file (as an editor does: in place)."""
    data = dumps(theirs()).encode("utf-8")
    path.write_bytes(data)
    return data


async def conflict_dialog(pilot) -> ConfirmScreen:
    screen = await wait_for_dialog(pilot, ConfirmScreen, "the changed-file dialog")
    assert str(screen.query_one(".dialog-title").render()) == t("file.changed_title")
    return screen


async def choose(pilot, answer: str) -> None:
    await click(pilot, f"#answer-{answer}")
    await wait_closed(pilot, ConfirmScreen)


def test_the_digest_is_the_content_and_none_without_a_file(tmp_path):
    path = tmp_path / "plan.toml"
    assert content_digest(path) is None
    path.write_bytes(b"schema = 1\n")
    first = content_digest(path)
    os.utime(path, ns=(1, 1))  # the time changes, not the content: the same digest
    assert content_digest(path) == first and len(first) == 64
    path.write_bytes(b"schema = 1 \n")
    assert content_digest(path) != first


@run_async
async def test_overwrite_writes_only_when_the_user_says_so(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(ours(), path)
    app = NaccsApp(from_scenario(ours()), tariffs=tariffs, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        app.set_scenario(edited())
        theirs_bytes = behind_the_back(path)
        await pilot.press("ctrl+s")
        screen = await conflict_dialog(pilot)
        body = str(screen.query_one(".dialog-body").render())
        assert str(path) in body and t("file.changed_dirty") in body
        assert path.read_bytes() == theirs_bytes  # asked, nothing written yet
        await choose(pilot, "cancel")
        await settled(pilot)
        assert path.read_bytes() == theirs_bytes and app.dirty and app.scenario == edited()
        await pilot.press("ctrl+s")
        await conflict_dialog(pilot)
        await choose(pilot, "overwrite")
        await wait_for(pilot, lambda: not app.dirty, "the save")
        assert load_scenario(path, tariffs) == edited()
        # the app wrote it last: the next save asks nothing
        app.set_scenario(edited().with_volume("IDA", 451))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.dirty, "the second save")
        assert not isinstance(app.screen, ConfirmScreen)
        assert load_scenario(path, tariffs).volumes["IDA"] == 451


@run_async
async def test_reload_shows_the_other_version(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(ours(), path)
    app = NaccsApp(from_scenario(ours()), tariffs=tariffs, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        app.set_scenario(edited())
        theirs_bytes = behind_the_back(path)
        await pilot.press("ctrl+s")
        await conflict_dialog(pilot)
        await choose(pilot, "reload")
        await wait_for(pilot, lambda: app.scenario == theirs(), "their version")
        assert not app.dirty and path.read_bytes() == theirs_bytes
        # their version is now the one the app knows: a change and Ctrl+S save without asking
        app.set_scenario(theirs().with_volume("IDC", 81))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.dirty, "the save")
        assert load_scenario(path, tariffs) == theirs().with_volume("IDC", 81)


@run_async
async def test_save_as_keeps_their_file_and_writes_ours_elsewhere(tariffs, tmp_path):
    path, copy = tmp_path / "plan.toml", tmp_path / "mine.toml"
    save_scenario(ours(), path)
    app = NaccsApp(from_scenario(ours()), tariffs=tariffs, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        app.set_scenario(edited())
        theirs_bytes = behind_the_back(path)
        await pilot.press("ctrl+s")
        await conflict_dialog(pilot)
        await choose(pilot, "save_as")
        await wait_for_dialog(pilot, PathScreen)
        app.screen.query_one("#path", Input).value = str(copy)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.dirty, "the save")
        assert load_scenario(copy, tariffs) == edited() and app.path == copy
        assert path.read_bytes() == theirs_bytes


@run_async
async def test_a_file_saved_again_unchanged_is_no_conflict_and_a_new_file_made_meanwhile_is(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(ours(), path)
    app = NaccsApp(from_scenario(ours()), tariffs=tariffs, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        path.write_bytes(path.read_bytes())  # an editor saved it again as it was
        os.utime(path, ns=(10**18, 10**18))
        app.set_scenario(edited())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.dirty, "the save")
        assert not isinstance(app.screen, ConfirmScreen) and load_scenario(path, tariffs) == edited()
    # started on a file that did not exist; someone creates it before the first save
    new = tmp_path / "new.toml"
    app = NaccsApp(tariffs=tariffs, path=new)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        theirs_bytes = behind_the_back(new)
        await pilot.press("ctrl+s")
        screen = await conflict_dialog(pilot)
        assert t("file.changed_dirty") not in str(screen.query_one(".dialog-body").render())  # nothing unsaved
        await choose(pilot, "cancel")
        assert new.read_bytes() == theirs_bytes


@run_async
async def test_a_file_opened_in_the_app_is_watched_too(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(ours(), path)
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        assert app.open_path(path) and app.scenario == ours()
        theirs_bytes = behind_the_back(path)
        await pilot.press("ctrl+s")  # not even dirty: saving would still replace their version
        await conflict_dialog(pilot)
        await choose(pilot, "cancel")
        assert path.read_bytes() == theirs_bytes
