"""Windows paths, a file held open by another program, and `python -m naccs_tui`.

Simulated on Linux: path logic with windows=True (checked against PureWindowsPath), the error
Windows raises when os.replace meets a file Excel holds open (PermissionError, injected), an os
without fchmod (Windows before Python 3.13), and cmd.exe's quoting for the browser tabs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest
from helpers import run_async, settled, wait_for_dialog

from naccs_tui.cli import main
from naccs_tui.domain import files
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.files import write_atomic
from naccs_tui.render.errors import error_line
from naccs_tui.ui.screens.path import complete, split_typed, typed_path

ROOT = Path(__file__).resolve().parents[2]


# ---- paths as typed -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "head", "stem"),
    [
        (r"C:\Users\山田\Documents\見積", "C:\\Users\\山田\\Documents\\", "見積"),
        ("C:\\Users\\", "C:\\Users\\", ""),
        ("D:/data/naccs/q", "D:/data/naccs/", "q"),
        (r"C:\data/naccs\q", "C:\\data/naccs\\", "q"),  # both separators, as Windows takes them
        ("C:見積", "C:", "見積"),  # drive C's current folder
        (r"\\server\share\plans\b", "\\\\server\\share\\plans\\", "b"),  # a network share
        ("examples", "", "examples"),
    ],
)
def test_windows_paths_split_where_windows_splits_them(typed, head, stem):
    assert split_typed(typed, windows=True) == (head, stem)
    if head:  # the folder part names the folder PureWindowsPath sees
        assert PureWindowsPath(head + (stem or "x")).parent == PureWindowsPath(head)


def test_on_posix_a_backslash_is_part_of_a_name():
    assert split_typed(r"C:\Users\見積", windows=False) == ("", r"C:\Users\見積")
    assert split_typed("~/plans/b", windows=False) == ("~/plans/", "b")


def test_completion_keeps_the_users_separators_and_matches_case_as_windows_does():
    names = ["Examples", "examples-old.toml", ".hidden", "quote.csv"]
    folders = {"Examples"}
    got = complete(r"C:\Users\山田\exa", names, folders.__contains__, windows=True)
    assert got == "C:\\Users\\山田\\examples\\"  # what was typed, the rest of the name, a backslash
    p = PureWindowsPath(got)
    assert p.drive == "C:" and p.parent == PureWindowsPath(r"C:\Users\山田") and p.name.lower() == "examples"
    assert complete("D:/work/q", names, folders.__contains__, windows=True) == "D:/work/quote.csv"
    assert complete("C:q", names, folders.__contains__, windows=True) == "C:quote.csv"
    assert complete("exa", names, folders.__contains__, windows=True) == "examples\\"  # Windows' own separator
    assert complete(r"C:\x\.h", names, folders.__contains__, windows=True) is None  # hidden: not offered
    # POSIX: case matters, / only
    assert complete("plans/exa", names, folders.__contains__, windows=False) == "plans/examples-old.toml"
    assert complete("plans/Exa", names, folders.__contains__, windows=False) == "plans/Examples/"
    assert complete("Exa", names, folders.__contains__, windows=False) == "Examples/"


@pytest.mark.parametrize(
    ("pasted", "path"),
    [
        ('"C:\\Users\\山田\\Documents\\見積 A.toml"', "C:\\Users\\山田\\Documents\\見積 A.toml"),  # Copy as path
        ("  plan.toml  ", "plan.toml"),
        ('"', '"'),
        ('say "hi".toml', 'say "hi".toml'),
    ],
)
def test_a_pasted_path_loses_explorers_quotes(pasted, path):
    assert typed_path(pasted) == path


def test_a_file_argument_with_a_drive_letter_is_taken_as_typed(capsys):
    """Windows' own path is named in the one-line error, backslashes and all (here it does not
    exist: on Linux a backslash is part of a name)."""
    typed = r"C:\Users\山田\見積.toml"
    assert main(["quote", typed]) == 2
    assert capsys.readouterr().err == f"naccs-tui: {typed}: ファイルが見つかりません\n"


# ---- a file held open by another program -----------------------------------------------------------
def _held(monkeypatch, times: int | None):
    """os.replace refuses ``times`` times (None: always), as Windows does while Excel has the file."""
    real = os.replace
    calls, sleeps = [], []

    def replace(src, dst):
        calls.append(dst)
        if times is None or len(calls) <= times:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    monkeypatch.setattr(files.time, "sleep", sleeps.append)
    return calls, sleeps


def test_a_briefly_held_file_is_replaced_after_a_retry(tmp_path, monkeypatch):
    target = tmp_path / "quote.csv"
    target.write_bytes(b"old")
    calls, sleeps = _held(monkeypatch, times=2)
    write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert len(calls) == 3 and sleeps == [0.05, 0.1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.csv"]


def test_a_file_held_open_is_left_as_it_was_and_one_line_says_why(tmp_path, monkeypatch):
    target = tmp_path / "quote.csv"
    target.write_bytes(b"old")
    calls, sleeps = _held(monkeypatch, times=None)
    with pytest.raises(InputError) as caught:
        write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old"  # nothing lost
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.csv"]  # no temp file left
    assert len(calls) == 6 and 0.9 <= sum(sleeps) <= 1.5  # tried for about a second
    exc = caught.value
    assert error_line(exc, "en") == (
        f"{target}: cannot replace the file: it is open in another program (such as Excel) or read-only; "
        "close it and try again (the file is unchanged)"
    )
    assert error_line(exc, "ja") == (
        f"{target}: ファイルを置き換えられません。ほかのプログラム（Excelなど）で開いているか、読み取り専用です。"
        "閉じてからやり直してください（ファイルは元のままです）"
    )
    assert "\n" not in error_line(exc, "ja")


def test_the_cli_says_so_in_one_line_and_exits_2(tmp_path, monkeypatch, capsys):
    out = tmp_path / "比較.csv"
    out.write_bytes(b"old")
    _held(monkeypatch, times=None)
    example = str(ROOT / "examples" / "customs-broker.toml")
    code = main(["compare", example, example, "--format", "csv", "-o", str(out), "--force"])
    assert code == 2 and out.read_bytes() == b"old"
    err = capsys.readouterr().err
    assert err.startswith(f"naccs-tui: {out}: ファイルを置き換えられません。") and err.count("\n") == 1


@run_async
async def test_the_app_keeps_the_scenario_when_the_file_is_held(tariffs, tmp_path, monkeypatch):
    """Ctrl+S over a file Excel holds: one line in Japanese, the file as it was, the app dirty."""
    from naccs_tui.domain.company import from_scenario
    from naccs_tui.domain.scenario import Scenario, save_scenario
    from naccs_tui.ui.app import NaccsApp
    from naccs_tui.ui.screens.error import ErrorScreen

    path = tmp_path / "plan.toml"
    save_scenario(Scenario(), path)
    before = path.read_bytes()
    edited = Scenario().with_volume("IDA", 450)
    app = NaccsApp(from_scenario(Scenario()), tariffs=tariffs, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        app.set_scenario(edited)
        _held(monkeypatch, times=None)
        await pilot.press("ctrl+s")
        screen = await wait_for_dialog(pilot, ErrorScreen)
        shown = str(screen.query_one("#error-message").render())
        assert (
            shown
            == f"{path}: ファイルを置き換えられません。ほかのプログラム（Excelなど）で開いているか、読み取り専用です。閉じてからやり直してください（ファイルは元のままです）"
        )
        assert path.read_bytes() == before and app.dirty and app.scenario == edited


def test_saving_works_without_fchmod(tmp_path, monkeypatch):
    """Windows before Python 3.13 has no os.fchmod."""
    monkeypatch.delattr(files.os, "fchmod")
    target = tmp_path / "plan.toml"
    write_atomic(target, b"schema = 1\n")
    assert target.read_bytes() == b"schema = 1\n"


# ---- the browser tabs' command under cmd.exe --------------------------------------------------------
def test_each_tab_runs_under_cmd_exe_with_its_quoting(tmp_path, monkeypatch):
    from naccs_tui.commands.serve import app_command

    monkeypatch.chdir(tmp_path)
    ns = type("Args", (), {"file": "見積 A.toml", "lang": "ja", "tariffs": None})()
    cmd = app_command(ns, windows=True)
    assert cmd == subprocess.list2cmdline(
        [sys.executable, "-m", "naccs_tui", str(tmp_path / "見積 A.toml"), "--lang", "ja", "--root", str(tmp_path)]
    )
    assert not cmd.startswith("exec ") and f'"{tmp_path / "見積 A.toml"}"' in cmd


# ---- python -m naccs_tui --------------------------------------------------------------------------
def test_python_m_naccs_tui_is_the_command(tmp_path, capsys):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    example = str(ROOT / "examples" / "small-importer.toml")
    for argv in (["--help"], ["quote", example, "--format", "json"], ["quote", "missing.toml"]):
        proc = subprocess.run(
            [sys.executable, "-m", "naccs_tui", *argv], capture_output=True, env=env, cwd=tmp_path, timeout=60
        )
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        assert (proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")) == (code, out, err)


def test_importing_the_main_module_starts_nothing(capsys):
    import runpy

    runpy.run_module("naccs_tui.__main__", run_name="__mp_main__")  # what Windows' multiprocessing does
    assert capsys.readouterr() == ("", "")
