"""A read-only app writes nothing and its keys say why; a served app's file dialogs stay inside the
served folder; the write guard of a read-only process refuses every write."""

from __future__ import annotations

import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from helpers import run_async, wait_for, wait_for_dialog
from test_ui_files import answer, error_text, file_done, planned, type_path
from textual.widgets import Input, Static

from naccs_tui.cli import main as cli_main
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario, load_scenario, save_scenario
from naccs_tui.i18n import t
from naccs_tui.ui.access import Access
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.screens.compare import CompareScreen
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.export import ExportScreen
from naccs_tui.ui.screens.path import PathScreen, PathSuggester


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- read-only ------------------------------------------------------------------------------------
@run_async
async def test_read_only_refuses_save_open_and_export_and_says_why(tariffs, tmp_path):
    path = tmp_path / "shared.toml"
    save_scenario(planned(), path)
    before = files_in(tmp_path)
    app = build_app(Namespace(file=str(path), tariffs=None, lang="en", read_only=True, root=str(tmp_path)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert app.sub_title == "shared.toml (read-only)"
        app.set_scenario(app.scenario.with_volume("IDC", 999))  # recalculates as ever
        assert app.dirty and app.quote is not None and app.scenario.volumes["IDC"] == 999
        for key, note in (("ctrl+s", "access.no_save"), ("ctrl+o", "access.no_open"), ("ctrl+e", "access.no_export")):
            await pilot.press(key)
            await wait_for(pilot, lambda note=note: t(note, "en") in notes(app), f"the notice after {key}")
        await pilot.app.run_action("save_as")
        no_save = t("access.no_save", "en")
        await wait_for(pilot, lambda: notes(app).count(no_save) == 2, "the notice after save as")
        assert not any(isinstance(s, (PathScreen, ExportScreen)) for s in app.screen_stack)
        assert not any(w.group == "file" for w in app.workers)
        # quitting with changes: no "save and quit" to choose
        await pilot.press("ctrl+q")
        screen = await wait_for_dialog(pilot, ConfirmScreen)
        assert t("access.quit_dirty", "en") in str(screen.query_one(".dialog-body").render())
        assert not screen.query("#answer-save")
        await answer(pilot, "discard", quits=True)
    assert files_in(tmp_path) == before


def test_read_only_needs_an_existing_file(tmp_path, capsys):
    missing = tmp_path / "none.toml"
    assert cli_main([str(missing), "--read-only", "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"naccs-tui: {missing}: no such file (--read-only needs a file to open)\n"
    assert not missing.exists()


def test_a_read_only_process_writes_no_file(tmp_path):
    """The audit hook of --read-only: every way of writing fails as on a read-only disk; reading
    works; the holidays cache is skipped (the schedule still has its holidays); a save through
    the domain is one line."""
    script = f"""
import errno, os, sys, tempfile
from pathlib import Path
from naccs_tui.ui.access import forbid_writes
folder = Path({str(tmp_path)!r})
(folder / "mine.txt").write_text("before")
forbid_writes()
attempts = [
    lambda: open(folder / "new.txt", "w"),
    lambda: open(folder / "mine.txt", "a"),
    lambda: open(folder / "mine.txt", "r+"),
    lambda: os.open(folder / "new.txt", os.O_CREAT | os.O_WRONLY),
    lambda: os.replace(folder / "mine.txt", folder / "moved.txt"),
    lambda: os.remove(folder / "mine.txt"),
    lambda: os.mkdir(folder / "sub"),
    lambda: tempfile.mkstemp(dir=folder),
]
for n, attempt in enumerate(attempts):
    try:
        attempt()
    except OSError as exc:
        assert exc.errno == errno.EROFS, (n, exc)
    else:
        sys.exit(f"attempt {{n}} wrote")
assert (folder / "mine.txt").read_text() == "before"
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario, save_scenario
try:
    save_scenario(Scenario(), folder / "s.toml")
except InputError as exc:
    print(exc.line())
from datetime import date
from naccs_tui.domain.schedule import holiday_name
print(holiday_name(date(2027, 1, 1), "en"))
"""
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    saved, holiday = out.stdout.splitlines()
    assert saved.startswith(f"{tmp_path / 's.toml'}: ") and "Traceback" not in out.stderr
    assert holiday == "New Year's Day"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]  # no cache folder, no file


# ---- the served folder ----------------------------------------------------------------------------
def served(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "served"
    root.mkdir()
    (tmp_path / "outside").mkdir()
    save_scenario(planned(), tmp_path / "outside" / "theirs.toml")
    return root, tmp_path / "outside"


def test_access_allows_only_the_folder_and_the_file(tmp_path, monkeypatch):
    root, outside = served(tmp_path)
    monkeypatch.chdir(root)
    (root / "link").symlink_to(outside)
    access = Access(root=root, file=outside / "theirs.toml")
    assert access.allows("a.toml") and access.allows(root / "sub" / "b.toml") and access.allows("./x/../c.toml")
    assert not access.allows("../outside/x.toml")
    assert not access.allows("link/x.toml")  # a link inside that leads outside
    assert not access.allows("/etc/passwd")
    assert access.allows(outside / "theirs.toml")  # the file named on the command line
    assert Access().allows("/etc/passwd")  # in a terminal: anywhere


@run_async
async def test_served_dialogs_stay_inside_the_folder(tariffs, tmp_path, monkeypatch):
    root, outside = served(tmp_path)
    monkeypatch.chdir(root)
    app = NaccsApp(from_scenario(planned()), tariffs=tariffs, lang="en")
    app.access = Access(root=root)
    line = t("access.outside", "en", path="../outside/theirs.toml", folder=str(root))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await type_path(pilot, "../outside/theirs.toml")
        assert await error_text(pilot) == line
        await pilot.press("enter")
        app.set_scenario(Scenario())
        await pilot.press("ctrl+o")
        await answer(pilot, "discard")
        await type_path(pilot, "../outside/theirs.toml")
        assert await error_text(pilot) == line
        assert app.scenario == Scenario()  # nothing was read
        await pilot.press("enter")
        # inside the folder saving works as ever
        await pilot.press("ctrl+s")
        await type_path(pilot, "mine.toml")
        await file_done(pilot)
        assert load_scenario(root / "mine.toml", tariffs) == Scenario()
    assert load_scenario(outside / "theirs.toml", tariffs) == planned()


@run_async
async def test_served_export_and_compare_stay_inside_the_folder(tariffs, tmp_path, monkeypatch):
    root, outside = served(tmp_path)
    monkeypatch.chdir(root)
    save_scenario(Scenario(), root / "a.toml")
    app = NaccsApp(tariffs=tariffs, lang="en")
    app.access = Access(root=root)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+e")
        screen = await wait_for_dialog(pilot, ExportScreen)
        screen.query_one("#export-path", Input).value = "../outside/quote.md"
        await pilot.press("enter")
        error = screen.query_one("#export-error", Static)
        expected = t("access.outside", "en", path="../outside/quote.md", folder=str(root))
        await wait_for(pilot, lambda: str(error.render()) == expected, "the export's refusal")
        await pilot.press("escape")
        app.push_screen(CompareScreen(app.context(), ["a.toml", "../outside/theirs.toml"]))
        compare = await wait_for_dialog(pilot, CompareScreen)
        error = compare.query_one("#compare-error", Static)
        expected = t("access.outside", "en", path="../outside/theirs.toml", folder=str(root))
        await wait_for(pilot, lambda: str(error.render()) == expected, "the comparison's refusal")
    assert sorted(p.name for p in outside.iterdir()) == ["theirs.toml"]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("a", "a.toml"), ("su", "sub/"), ("../out", None), ("/e", None), ("link/th", None)],
)
@run_async
async def test_path_completion_lists_no_folder_outside(tmp_path, monkeypatch, typed, suggested):
    root, outside = served(tmp_path)
    monkeypatch.chdir(root)
    (root / "a.toml").write_text("")
    (root / "sub").mkdir()
    (root / "link").symlink_to(outside)
    assert await PathSuggester(Access(root=root)).get_suggestion(typed) == suggested
    if suggested is None and typed != "/e":  # in a terminal the same text is completed
        assert await PathSuggester().get_suggestion(typed) is not None
