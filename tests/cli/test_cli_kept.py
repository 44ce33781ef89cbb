"""--help and usage errors said again from the cache folder (commands/_kept.py): the same bytes
as argparse says, in both languages, and only while every file that made them is unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from naccs_tui.cli import command_names, main
from naccs_tui.commands import _kept, _parser

HELP = [["--help"], ["-h"], *[[name, "--help"] for name in command_names()]]
HELP += [["rates", action, "--help"] for action in ("import", "import-lines", "show")]
USAGE_ERRORS = [["quote"], ["compare"], ["rates"], ["rates", "import"], ["--lang"], ["quote", "--lang"], ["year"]]


def _said(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _without_argparse(monkeypatch) -> None:
    """Make the parsing path fail: what is said next can only be a kept answer."""

    def fail(*args, **kwargs):
        raise AssertionError("argparse was asked")

    monkeypatch.setattr(_parser, "split_globals", fail)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("argv", HELP + USAGE_ERRORS, ids=" ".join)
def test_a_kept_answer_is_the_same_bytes_as_argparses(monkeypatch, capsys, argv, lang):
    monkeypatch.setenv("NACCS_TUI_LANG", lang)
    monkeypatch.setenv("COLUMNS", "100")
    first = _said(argv, capsys)
    if argv in USAGE_ERRORS:
        assert first[:2] == (2, "") and first[2].count("\n") == 1 and first[2].startswith("naccs-tui")
    else:
        assert first[0] == 0 and first[2] == "" and first[1].startswith("使い方: " if lang == "ja" else "usage: ")
    assert _kept.answer(argv) is not None
    _without_argparse(monkeypatch)
    assert _said(argv, capsys) == first


@pytest.mark.parametrize("argv", [["quote", "--help", "--lang", "en"], ["--lang", "en", "quote"], ["--lang=en", "-h"]])
def test_the_language_typed_is_part_of_the_line(monkeypatch, capsys, argv):
    first = _said(argv, capsys)
    assert "使い方" not in first[1] + first[2]
    _without_argparse(monkeypatch)
    assert _said(argv, capsys) == first
    assert _kept.answer([a.replace("en", "ja") for a in argv]) is None


def test_another_width_or_language_is_worked_out_again(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    wide = _said(["quote", "--help"], capsys)
    monkeypatch.setenv("COLUMNS", "60")
    assert _kept.answer(["quote", "--help"]) is None
    narrow = _said(["quote", "--help"], capsys)
    assert max(map(len, narrow[1].splitlines())) < max(map(len, wide[1].splitlines()))
    monkeypatch.setenv("NACCS_TUI_LANG", "en")
    assert _kept.answer(["quote", "--help"]) is None


def test_a_changed_file_of_the_program_makes_the_answer_stale(monkeypatch, capsys, tmp_path):
    module = tmp_path / "naccs_probe.py"
    module.write_text("X = 1\n", "utf-8")
    probe = type(sys)("naccs_probe")
    probe.__file__ = str(module)
    monkeypatch.setitem(sys.modules, "naccs_probe", probe)
    first = _said(["--help"], capsys)
    assert _kept.answer(["--help"]) is not None
    module.write_text("X = 22\n", "utf-8")  # another size: as a new version of a module would be
    assert _kept.answer(["--help"]) is None
    assert _said(["--help"], capsys) == first  # said by argparse again, and kept again
    assert _kept.answer(["--help"]) is not None


def test_a_damaged_file_is_ignored(monkeypatch, capsys):
    first = _said(["quote"], capsys)
    (folder,) = Path(os.environ["XDG_CACHE_HOME"]).glob("*/cli-answers")
    for path in folder.iterdir():
        path.write_bytes(b"\x00garbage")
    assert _kept.answer(["quote"]) is None
    assert _said(["quote"], capsys) == first


def test_only_lines_of_known_words_are_kept(capsys):
    for argv in (["quote", "secret-name", "--bogus"], ["quote", "--months", "0", "x"], ["--lang", "fr"], ["nosuch"]):
        if argv != ["nosuch"]:
            assert _said(argv, capsys)[0] == 2
        assert _kept.answer(argv) is None
    assert not list(Path(os.environ["XDG_CACHE_HOME"]).glob("*/cli-answers/*"))
    assert _kept.answer(["../../x"]) is None and _kept._path(["../../x"]) is None


@pytest.mark.parametrize(
    "argv", [["--help"], ["quote", "--help"], ["quote"], ["rates", "show", "--help", "--lang", "en"]]
)
def test_a_kept_answer_loads_neither_argparse_nor_the_catalog(tmp_path, argv):
    code = (
        "import sys\nfrom naccs_tui.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "names = ('argparse', 'pydantic', 'tomllib', 'budoux', 'naccs_tui.i18n', 'naccs_tui.render.glyphs')\n"
        "print(sorted(m for m in names if m in sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"}
    run = [sys.executable, "-c", code, *argv]
    first = subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)
    second = subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)
    assert "argparse" in first.stderr.splitlines()[-1]
    assert second.stderr.splitlines()[-1] == "[]"
    assert (second.returncode, second.stdout, second.stderr.splitlines()[:-1]) == (
        first.returncode,
        first.stdout,
        first.stderr.splitlines()[:-1],
    )
