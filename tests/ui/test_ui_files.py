"""Pilot tests of saving, opening and quitting: nothing the user has is lost, errors are one line."""

from __future__ import annotations

import tempfile
from argparse import Namespace

from helpers import click, run_async, wait_closed, wait_for, wait_for_dialog
from textual.widgets import Input

from naccs_tui.cli import main as cli_main
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario, load_scenario, save_scenario
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.error import ErrorScreen
from naccs_tui.ui.screens.path import PathScreen


def planned() -> Scenario:
    """A scenario unlike the default one in every section a file holds."""
    s = Scenario().replace("line", kind="dedicated", speed="3M", router="redundant", maintenance="24x365", lines=2)
    s = s.replace("usage", method="interactive", terminals=4, user_codes=2, paid_statistics=True)
    return s.with_volume("IDC", 300).with_volume("EDC", 120)


async def file_done(pilot) -> None:
    """Wait until the file action (a worker that waits at its dialogs) has finished. Call it only
    once the action is known to have started (its dialog answered): before, nothing runs yet."""
    app = pilot.app
    await wait_for(pilot, lambda: not any(w.group == "file" and w.is_running for w in app.workers), "the file action")


async def type_path(pilot, path) -> None:
    """Answer the path prompt: replace its text with ``path`` and press Enter."""
    screen = await wait_for_dialog(pilot, PathScreen)
    screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await wait_closed(pilot, PathScreen)


async def answer(pilot, answer_id: str, *, quits: bool = False) -> None:
    """Click an answer of the confirmation dialog and wait until it has closed (or, with
    ``quits``, until the app has stopped)."""
    await wait_for_dialog(pilot, ConfirmScreen)
    await click(pilot, f"#answer-{answer_id}")
    if quits:
        await wait_for(pilot, lambda: not pilot.app.is_running, "the app to quit")
    else:
        await wait_closed(pilot, ConfirmScreen)


async def error_text(pilot) -> str:
    """The one line of the error dialog (waits for the file action to end and the dialog to open)."""
    await file_done(pilot)
    screen = await wait_for_dialog(pilot, ErrorScreen)
    return str(screen.query_one("#error-message").render())


@run_async
async def test_save_then_reopen_gives_the_same_scenario(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scenario(planned())
        assert app.dirty and "*" in app.sub_title
        await pilot.press("ctrl+s")
        await type_path(pilot, path)
        await file_done(pilot)
        assert path.is_file()
        assert not app.dirty and app.sub_title == "plan.toml" and app.path == path
        # a second Ctrl+S writes to the same file without asking
        app.set_scenario(app.scenario.with_volume("IDC", 301))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.dirty, "the second save (without a prompt)")
        await file_done(pilot)
        assert not isinstance(app.screen, (PathScreen, ConfirmScreen))
        assert load_scenario(path, tariffs).volumes["IDC"] == 301
    expected = planned().with_volume("IDC", 301)
    other = NaccsApp(tariffs=tariffs)
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await type_path(pilot, path)
        await file_done(pilot)
        assert other.scenario == expected
        assert other.path == path and not other.dirty
        # the panes show the reopened scenario
        await wait_for(pilot, lambda: other.query_one("#row-speed").display, "the speed row of the dedicated line")


@run_async
async def test_saving_over_an_existing_file_asks(tariffs, tmp_path):
    path = tmp_path / "old.toml"
    save_scenario(Scenario(), path)
    before = path.read_bytes()
    app = NaccsApp(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await type_path(pilot, path)
        screen = await wait_for_dialog(pilot, ConfirmScreen)
        assert str(path) in str(screen.query_one(".dialog-body").render())
        await answer(pilot, "cancel")
        await file_done(pilot)
        assert path.read_bytes() == before and app.path is None
        await pilot.press("ctrl+s")
        await type_path(pilot, path)
        await answer(pilot, "overwrite")
        await file_done(pilot)
        assert load_scenario(path, tariffs) == planned() and app.path == path


@run_async
async def test_quitting_with_unsaved_changes_asks(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scenario(planned())
        await pilot.press("ctrl+q")
        screen = await wait_for_dialog(pilot, ConfirmScreen)
        assert t("file.quit_dirty") in str(screen.query_one(".dialog-body").render())
        await answer(pilot, "cancel")
        await file_done(pilot)
        assert app.is_running and app.scenario == planned()
        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, ConfirmScreen)
        focused = app.focused
        # pressed again while asked, then Tab: once the focus has moved, the second Ctrl+Q (a key
        # before it) has been handled too: still one dialog
        await pilot.press("ctrl+q", "tab")
        await wait_for(pilot, lambda: app.focused is not focused, "the Tab after the second Ctrl+Q")
        assert sum(isinstance(s, ConfirmScreen) for s in app.screen_stack) == 1
        await answer(pilot, "discard", quits=True)
    assert app.return_code == 0


@run_async
async def test_quitting_clean_app_does_not_ask(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit without asking")
    assert app.return_code == 0


@run_async
async def test_broken_toml_opens_nothing_and_shows_the_cli_line(tariffs, tmp_path, capsys):
    bad = tmp_path / "broken.toml"
    bad.write_text('[line]\nkind = "dedicated\n', "utf-8")
    try:
        load_scenario(bad, tariffs)
    except InputError as exc:
        line = exc.line()
    assert line.startswith(f"{bad}: broken TOML")
    assert cli_main(["quote", str(bad), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == f"naccs-tui: {line}"
    # the CLI prints the same line (with the program name) in Japanese and exits 2
    line = f'{bad}: TOML の書き方が正しくありません：ここには書けない文字があります（文字列の「"」の閉じ忘れなど）（2 行目、18 文字目）'
    assert cli_main(["quote", str(bad)]) == 2
    assert capsys.readouterr().err.strip() == f"naccs-tui: {line}"
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scenario(planned())
        await pilot.press("ctrl+o")
        await answer(pilot, "discard")  # unsaved changes: asked first
        await type_path(pilot, bad)
        assert await error_text(pilot) == line
        assert app.scenario == planned() and app.path is None and app.dirty
        await pilot.press("enter")
        await wait_closed(pilot, ErrorScreen)


@run_async
async def test_invalid_value_names_the_field(tariffs, tmp_path):
    bad = tmp_path / "fax.toml"
    bad.write_text('schema = 1\n[usage]\nmethod = "fax"\n', "utf-8")
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await type_path(pilot, bad)
        text = await error_text(pilot)
        assert text.startswith(f"{bad}: usage.method: ")
        assert app.scenario == Scenario()


@run_async
async def test_unwritable_folder_keeps_the_scenario_dirty(tariffs, tmp_path, monkeypatch):
    # the folder refuses new files, as a read-only folder does for a normal user (tests may run as root,
    # for whom chmod does not refuse anything, so the refusal comes from the OS call itself)
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    path = tmp_path / "locked" / "plan.toml"
    path.parent.mkdir()
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scenario(planned())
        await pilot.press("ctrl+s")
        await type_path(pilot, path)
        assert await error_text(pilot) == f"{path}: ここには書き込めません（権限がありません）"
        assert app.dirty and app.scenario == planned() and app.path is None
        assert "*" in app.sub_title
        assert not path.exists()


@run_async
async def test_cli_file_argument(tariffs, tmp_path):
    path = tmp_path / "given.toml"
    save_scenario(planned(), path)
    app = build_app(Namespace(file=str(path), tariffs=None, lang="en"))
    assert app.scenario == planned() and app.path == path and app.lang == "en"
    fresh = build_app(Namespace(file=str(tmp_path / "new.toml"), tariffs=None, lang=None))
    assert fresh.scenario == Scenario() and fresh.new_file
    async with fresh.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")  # the named file does not exist yet: saved there, no prompt
        await wait_for(pilot, lambda: (tmp_path / "new.toml").is_file(), "the file to be written")
        await file_done(pilot)
        assert not fresh.dirty and not isinstance(fresh.screen, PathScreen)
