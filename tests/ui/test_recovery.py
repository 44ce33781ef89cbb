"""No lost work: unsaved changes go to a recovery file when the app ends without the user's say,
and the next launch on that file offers them back. Pure functions first, then pilot runs with an
injected fault; tests/ui/test_recovery_signals.py sends the signals to a real process.
"""

from __future__ import annotations

import os
import stat
from argparse import Namespace
from pathlib import Path

import pytest
from helpers import click, run_async, wait_closed, wait_for, wait_for_dialog

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario, load_scenario, save_scenario
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.recovery import (
    discard_recovery,
    find_recovery,
    read_recovery,
    recovery_dir,
    recovery_path,
    write_recovery,
)
from naccs_tui.ui.screens.confirm import ConfirmScreen

FILE = Scenario().replace("line", kind="dedicated").replace("usage", method="interactive").with_volume("IDC", 100)


def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])  # a fresh folder per test (conftest)


def test_the_recovery_file_is_in_the_data_folder_one_per_document(tmp_path, monkeypatch):
    assert recovery_dir() == data_home() / "naccs-tui" / "recovery"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    here = recovery_path(Path("a/plan.toml"))
    assert here == recovery_path(tmp_path / "a" / "plan.toml")  # relative or absolute: one document
    assert here.parent == recovery_dir() and here.name.startswith("plan-") and here.suffix == ".toml"
    assert recovery_path(tmp_path / "b" / "plan.toml") != here  # the same name in another folder
    assert recovery_path(None) == recovery_dir() / "untitled.toml"


def test_write_then_read_gives_the_same_document(tariffs, tmp_path):
    document = tmp_path / "plan.toml"
    company = from_scenario(FILE.with_volume("IDC", 777))
    assert find_recovery(document) is None
    written = write_recovery(company, document)
    assert written == recovery_path(document) == find_recovery(document)
    text = written.read_text("utf-8")
    assert text.startswith(f"# naccs-tui：{document} の保存されなかった変更（復元用）")
    assert read_recovery(written, tariffs) == company
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert not document.exists()  # the document itself is never written
    discard_recovery(written)
    assert find_recovery(document) is None
    discard_recovery(written)  # gone already: fine


def launch_args(path: Path, lang: str = "ja") -> Namespace:
    return Namespace(file=str(path), tariffs=None, lang=lang)


@run_async
async def test_an_unexpected_error_writes_the_unsaved_edit(tariffs, tmp_path, monkeypatch):
    path = tmp_path / "plan.toml"
    save_scenario(FILE, path)
    before = path.read_bytes()
    app = build_app(launch_args(path))

    def fault(self) -> None:
        raise RuntimeError("injected fault")

    monkeypatch.setattr(NaccsApp, "action_toggle_tax", fault)
    with pytest.raises(RuntimeError, match="injected fault"):
        async with app.run_test(size=(80, 24)) as pilot:
            app.set_scenario(app.scenario.with_volume("IDC", 777))  # an edit, as the volumes pane makes it
            assert app.dirty
            await pilot.press("f3")  # its handler raises: the app ends
            await wait_for(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 1
    assert app.recovery_written == recovery_path(path)
    kept = read_recovery(recovery_path(path), tariffs)
    assert kept.offices[0].general is not None and kept.offices[0].general.volumes["IDC"] == 777
    assert path.read_bytes() == before  # the file is not touched


@run_async
async def test_the_next_launch_offers_the_edit_back_and_restoring_marks_it_unsaved(tariffs, tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(FILE, path)
    write_recovery(from_scenario(FILE.with_volume("IDC", 777)), path)
    app = build_app(launch_args(path))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await wait_for_dialog(pilot, ConfirmScreen)
        question = " ".join(str(w.render()) for w in dialog.query(".dialog-body"))
        assert "plan.toml には、前回の終了時に保存されなかった変更があります" in question
        assert str(recovery_path(path)) in question
        assert app.scenario.volumes["IDC"] == 100 and not app.dirty  # nothing changed before the answer
        await click(pilot, "#answer-restore")
        await wait_closed(pilot, ConfirmScreen)
        await wait_for(pilot, lambda: app.scenario.volumes.get("IDC") == 777, "the edit to come back")
        assert app.dirty and "未保存" in app.sub_title
        assert find_recovery(path) is None  # restored: now it is the app's unsaved document
    assert load_scenario(path, tariffs).volumes["IDC"] == 100  # saved only by Ctrl+S


@pytest.mark.parametrize("answer", ["discard", "escape"])
@run_async
async def test_discarding_removes_it_and_escape_keeps_it_for_later(tariffs, tmp_path, answer):
    path = tmp_path / "plan.toml"
    save_scenario(FILE, path)
    write_recovery(from_scenario(FILE.with_volume("IDC", 777)), path)
    app = build_app(launch_args(path, "en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, ConfirmScreen)
        if answer == "discard":
            await click(pilot, "#answer-discard")
        else:
            await pilot.press("escape")
        await wait_closed(pilot, ConfirmScreen)
        assert app.scenario.volumes["IDC"] == 100 and not app.dirty
    assert (find_recovery(path) is None) == (answer == "discard")


@pytest.mark.parametrize("choice", ["discard", "save"])
@run_async
async def test_quitting_on_purpose_leaves_no_recovery_file(tariffs, tmp_path, choice):
    path = tmp_path / "plan.toml"
    save_scenario(FILE, path)
    app = build_app(launch_args(path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scenario(app.scenario.with_volume("IDC", 777))
        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, ConfirmScreen)
        await click(pilot, f"#answer-{choice}")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    assert app.return_code == 0 and app.recovery_written is None
    assert find_recovery(path) is None
    assert load_scenario(path, tariffs).volumes["IDC"] == (777 if choice == "save" else 100)


@run_async
async def test_a_document_without_a_file_is_kept_too(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)):
        app.set_scenario(FILE)
    assert app.recovery_written == recovery_path(None) == find_recovery(None)
    assert read_recovery(recovery_path(None), tariffs) == from_scenario(FILE)
