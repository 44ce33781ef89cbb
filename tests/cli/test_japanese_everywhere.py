"""Japanese is the default, everywhere: every error path of the command line, every --help, and
the app's file dialogs answer a Japanese user in Japanese.

``english`` finds an English sentence (3 or more English words in a row, or one of the words an
English message is made of), after taking out what is not prose: file names and paths, field paths
(usage.method), keys and codes (price_a, EROFS), options (--format), commands in `backticks` and
URLs. Each path is also run with --lang en: one line, exit 2, no traceback.
"""

from __future__ import annotations

import errno
import re
import tempfile
import tomllib
from pathlib import Path

import pytest
import tomli_w
from helpers import run_async, wait_for_dialog
from test_ui_files import error_text, planned, type_path

from naccs_tui.cli import command_names, main
from naccs_tui.domain.tariffs import data_file
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.screens.error import ErrorScreen

ROOT = Path(__file__).resolve().parents[2]
COMPANY = ROOT / "examples" / "multi-office-forwarder.toml"
_NOT_PROSE = (
    re.compile(r"https?://\S+"),
    re.compile(r"`[^`]*`"),
    re.compile(r"(?<!\S)-{1,2}[A-Za-z][\w-]*"),  # options
    re.compile(r"[^\s（）「」、。：]*[./_\\$=\[\]{}|<>@+][^\s（）「」、。：]*"),  # paths, fields, keys, choices
    re.compile(r"^ {4}[a-z][\w-]*(?= {2,})", re.M),  # a subcommand's name in the help's list of them
)
_WORD = r"(?:[A-Za-z][a-z]+|a)"
_SENTENCE = re.compile(rf"(?<![\w'-]){_WORD}(?:\s+{_WORD}){{2,}}(?![\w'-])")
_ENGLISH_WORDS = re.compile(
    r"(?<![\w'-])(?:unknown|choose|expected|must|cannot|not|the|is|are|mean|required|missing|invalid|error|"
    r"usage|options|arguments?|found|file|folder|broken|empty|row|column|above|than|only|needs|offered|"
    r"denied|unrecognized|show|help|message|exit|too|exists|write|read|allowed|ignored|with|should)(?![\w'-])"
)


def english(text: str) -> list[str]:
    """The English prose left in ``text`` once paths, fields, codes, options and URLs are out."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    return _SENTENCE.findall(text) + _ENGLISH_WORDS.findall(text)


def test_the_check_finds_english_and_lets_the_rest_through():
    assert english("naccs-tui: x.toml: line.speed: unknown speed '2M' (choose 64k, 1M)")
    assert english("naccs-tui: /tmp/a b/x.toml: file not found")
    assert english("row 2, price_a: Plan A price (100) is above Plan B price (80)")
    assert english("usage: naccs-tui quote [-h] FILE\n\noptions:\n  -h, --help  show this help message and exit")
    assert not english(
        "naccs-tui: x.toml: line.kind: kind に 'dedi' は使えません（internet, dedicated, broadband から選んでください）"
    )
    assert not english("使い方: naccs-tui quote [-h] [--lang {ja,en}] [--format {text,json}] FILE")
    assert not english(
        "（既定：$XDG_CONFIG_HOME/naccs-tui/tariffs.toml）`naccs-tui コマンド --help` https://x.example/a b"
    )


# ---- every error path of the command line ---------------------------------------------------------
SCENARIO_ERRORS = {  # the text of a scenario file -> the line must be Japanese
    "broken TOML": "[line\n",
    "TOML: no =": "terminals 3\n",
    "TOML: bad value": "name = abc\n",
    "TOML: key twice": "name = 'a'\nname = 'b'\n",
    "TOML: unclosed string": 'name = "abc\n',
    "TOML: unclosed array": "[schedule]\nclosure = ['12-29'\n",
    "not UTF-8": b"name = '\xff'\n",
    "UTF-16": "name = 'x'\n".encode("utf-16"),
    "binary": b"\x89PNG\x00\x00",
    "unknown key": "[usage]\ntermnals = 2\n",
    "offices in schema 1": "[[office]]\nname = 'x'\n",
    "unknown schema": "schema = 3\n",
    "unknown kind": "[line]\nkind = 'dedi'\n",
    "unknown speed": "[line]\nkind = 'dedicated'\nspeed = '2M'\n",
    "interactive on the internet": "[line]\nkind = 'internet'\n[usage]\nmethod = 'interactive'\n",
    "netnaccs on a dedicated line": "[line]\nkind = 'dedicated'\n[usage]\nmethod = 'netnaccs'\n",
    "redundancy below 1M": "[line]\nkind = 'dedicated'\nspeed = '64k'\nrouter = 'redundant'\n",
    "redundancy on broadband": "[line]\nkind = 'broadband'\nrouter = 'redundant'\n",
    "ping on the internet": "[line]\nping_monitoring = true\n",
    "unknown operation code": "[volumes]\nXYZ = 1\n",
    "unknown prefecture": "prefecture = '東京'\n",
    "too few terminals": "[usage]\nterminals = 0\n",
    "a number in quotes": "[usage]\nterminals = '2'\n",
    "a fraction": "[line]\nlines = 1.5\n",
    "a name that is a number": "name = 5\n",
    "a section that is a value": "line = 3\n",
    "a date that is text": "[schedule]\napplied = '2026-02-30'\n",
    "no such day": "[schedule]\nclosure = ['12-32', '01-03']\n",
    "not MM-DD": "[schedule]\nclosure = ['1229', '0103']\n",
    "one closure day": "[schedule]\nclosure = '12-29'\n",
    "general unit on the internet": "schema = 2\n[[office]]\n[office.general]\n[office.general.line]\nkind = 'internet'\n",
    "office without a unit": "schema = 2\n[[office]]\nname = 'x'\n",
    "office without a name": "schema = 2\n[[office]]\n[office.netnaccs]\n[[office]]\n[office.netnaccs]\n",
    "schema 2 line at the top": "schema = 2\n[line]\nkind = 'dedicated'\n",
    "no office": "schema = 2\n",
    "schema 2 unknown prefecture": "schema = 2\n[[office]]\nprefecture = 'Atlantis'\n[office.netnaccs]\n",
}
RATES_ERRORS = {  # the text of a CSV file for `rates import`
    "empty": "",
    "no header": "IDA,輸入,Import,1,2\n",
    "unknown column": "code,name_ja,name_en,price_a,prise_b\nIDA,輸入,Import,1,2\n",
    "missing column": "code,name_ja,price_a,price_b\nIDA,輸入,1,2\n",
    "column twice": "code,code,name_ja,name_en,price_a,price_b\n",
    "no rows": "code,name_ja,name_en,price_a,price_b\n",
    "missing cell": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1\n",
    "bad code": "code,name_ja,name_en,price_a,price_b\nID-A,輸入,Import,1,2\n",
    "lower-case code": "code,name_ja,name_en,price_a,price_b\nida,輸入,Import,1,2\n",
    "code twice": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1,2\nIDA,輸入,Import,1,2\n",
    "empty name": "code,name_ja,name_en,price_a,price_b\nIDA,,Import,1,2\n",
    "long name": "code,name_ja,name_en,price_a,price_b\nIDA,輸入," + "x" * 81 + ",1,2\n",
    "control character": "code,name_ja,name_en,price_a,price_b\nIDA,輸\x07入,Import,1,2\n",
    "empty price": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,,2\n",
    "negative price": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,-1,2\n",
    "huge price": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1,1000000001\n",
    "fraction price": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1,2.5\n",
    "text price": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,ten,2\n",
    "plan A dearer": "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,100,80\n",
    "broken CSV": 'code,name_ja,name_en,price_a,price_b\nIDA,"輸入,Import,1,2\n',
    "binary": b"\x89PNG\x00\x00",
    "neither UTF-8 nor Shift_JIS": b"code,name_ja\n\x81\x39\xff\xfe",
}


def _tariffs(tmp_path: Path, change) -> str:
    doc = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
    change(doc)
    path = tmp_path / "t.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return str(path)


def _first_op(doc, **values):
    doc["operations"][0].update(values)


OPTION_ERRORS = {  # (tmp_path, a good scenario file) -> argv
    "file not found": lambda tmp, f: ["quote", str(tmp / "none.toml")],
    "a folder": lambda tmp, f: ["quote", str(tmp)],
    "bad date": lambda tmp, f: ["schedule", "--applied", "2026-02-30"],
    "bad closure day": lambda tmp, f: ["schedule", "--closure", "12-32", "01-03"],
    "closure not MM-DD": lambda tmp, f: ["schedule", "--closure", "1229", "0103"],
    "--method with offices": lambda tmp, f: ["schedule", str(COMPANY), "--method", "netnaccs"],
    "unknown prefecture": lambda tmp, f: ["office", "Atlantis"],
    "prefecture near a name": lambda tmp, f: ["office", "東京府"],
    "bad speed": lambda tmp, f: ["recommend", f, "--need-bandwidth", "fast"],
    "speed out of range": lambda tmp, f: ["recommend", f, "--need-bandwidth", "99999M"],
    "several units": lambda tmp, f: ["recommend", str(COMPANY)],
    "unknown office": lambda tmp, f: ["recommend", str(COMPANY), "--office", "Nowhere"],
    "one file to compare": lambda tmp, f: ["compare", f],
    "-o in a missing folder": lambda tmp, f: ["compare", f, f, "-o", str(tmp / "no" / "c.csv")],
    "-o that exists": lambda tmp, f: ["quote", f, "-o", f],
    "-o .html for compare": lambda tmp, f: ["compare", f, f, "-o", str(tmp / "c.html")],
    "-o .csv with --format json": lambda tmp, f: ["compare", f, f, "-o", str(tmp / "c.csv"), "--format", "json"],
    "rates --out exists": lambda tmp, f: ["rates", "import", str(tmp / "ok.csv"), "--out", f],
    "rates --out missing folder": lambda tmp, f: [
        "rates",
        "import",
        str(tmp / "ok.csv"),
        "--out",
        str(tmp / "n" / "t"),
    ],
    "tariffs: Plan A dearer": lambda tmp, f: [
        "quote",
        f,
        "--tariffs",
        _tariffs(tmp, lambda d: _first_op(d, price_a=9999)),
    ],
    "tariffs: code twice": lambda tmp, f: [
        "quote",
        f,
        "--tariffs",
        _tariffs(tmp, lambda d: d["operations"].append(dict(d["operations"][0]))),
    ],
    "tariffs: bad source": lambda tmp, f: ["quote", f, "--tariffs", _tariffs(tmp, lambda d: _first_op(d, source="x"))],
    "tariffs: unknown key": lambda tmp, f: ["quote", f, "--tariffs", _tariffs(tmp, lambda d: d.update(extra=1))],
    "tariffs: a scenario file": lambda tmp, f: ["quote", f, "--tariffs", f],
    # argparse's own usage errors
    "--months 0": lambda tmp, f: ["quote", f, "--months", "0"],
    "--months x": lambda tmp, f: ["quote", f, "--months", "x"],
    "--format pdf": lambda tmp, f: ["quote", f, "--format", "pdf"],
    "--lang fr": lambda tmp, f: ["quote", f, "--lang", "fr"],
    "no FILE": lambda tmp, f: ["quote"],
    "unknown option": lambda tmp, f: ["quote", f, "--bogus"],
    "--closure with one day": lambda tmp, f: ["schedule", "--closure", "12-29"],
    "--closure and --no-closure": lambda tmp, f: ["schedule", "--closure", "12-29", "01-03", "--no-closure"],
    "rates without an action": lambda tmp, f: ["rates"],
    "rates with an unknown action": lambda tmp, f: ["rates", "export"],
    "serve on a bad port": lambda tmp, f: ["serve", "--port", "70000"],
}


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _one_japanese_line(argv: list[str], capsys, tmp_path: Path) -> str:
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("naccs-tui") and "Traceback" not in err, err
    line = err.replace(str(tmp_path), "DIR")
    assert not english(line), line
    code, _, err = _run([*argv, "--lang", "en"], capsys)  # English: the same one line, in English
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return line


@pytest.mark.parametrize("content", SCENARIO_ERRORS.values(), ids=SCENARIO_ERRORS.keys())
def test_scenario_file_errors_are_japanese(capsys, tmp_path, content):
    path = tmp_path / "s.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    line = _one_japanese_line(["quote", str(path)], capsys, tmp_path)
    assert line.startswith("naccs-tui: DIR/s.toml: ")


@pytest.mark.parametrize("content", RATES_ERRORS.values(), ids=RATES_ERRORS.keys())
def test_rates_import_errors_are_japanese(capsys, tmp_path, content):
    path = tmp_path / "rates.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _one_japanese_line(["rates", "import", str(path), "--out", str(tmp_path / "t.toml")], capsys, tmp_path)
    assert not (tmp_path / "t.toml").exists()


def test_a_rates_import_cell_is_named_as_japanese_spreadsheets_name_it(capsys, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(RATES_ERRORS["plan A dearer"], "utf-8")
    line = _one_japanese_line(["rates", "import", str(path)], capsys, tmp_path)
    assert (
        line
        == "naccs-tui: DIR/rates.csv: 2行目, price_a: プランAの単価（100）がプランBの単価（80）より高くなっています\n"
    )


@pytest.mark.parametrize("make", OPTION_ERRORS.values(), ids=OPTION_ERRORS.keys())
def test_command_errors_are_japanese(capsys, tmp_path, monkeypatch, make):
    monkeypatch.chdir(tmp_path)
    good = tmp_path / "good.toml"
    good.write_text("[usage]\nterminals = 1\n", "utf-8")
    (tmp_path / "ok.csv").write_text("code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1,2\n", "utf-8")
    _one_japanese_line(make(tmp_path, str(good)), capsys, tmp_path)


def test_a_read_only_file_system_is_said_in_japanese(capsys, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "q.csv"
    line = _one_japanese_line(
        ["quote", str(ROOT / "examples" / "customs-broker.toml"), "-o", str(out)], capsys, tmp_path
    )
    assert line == "naccs-tui: DIR/q.csv: 書き込めません：読み取り専用のファイルシステムです\n"


@pytest.mark.parametrize("argv", [[], *[[name] for name in command_names()], ["rates", "import"]], ids=str)
def test_every_help_is_japanese(capsys, argv):
    code, out, err = _run([*argv, "--help"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("使い方: naccs-tui") and "オプション:" in out and "このヘルプを表示して終了します" in out
    assert not english(out), english(out)
    code, out, _ = _run([*argv, "--help", "--lang", "en"], capsys)
    assert code == 0 and out.startswith("usage: naccs-tui") and "show this help message and exit" in out


# ---- the app's file dialogs -------------------------------------------------------------------------
@run_async
async def test_the_apps_file_errors_are_japanese(tariffs, tmp_path, monkeypatch):
    broken = tmp_path / "broken.toml"
    broken.write_text("[line\n", "utf-8")
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        for path, reason in (
            (tmp_path / "none.toml", "ファイルが見つかりません"),
            (broken, "TOML の書き方が正しくありません：表の見出しが「]」で閉じていません（1 行目、6 文字目）"),
        ):
            assert app.open_path(path) is False
            screen = await wait_for_dialog(pilot, ErrorScreen)
            assert str(screen.query_one("#error-message").render()) == f"{path}: {reason}"
            await pilot.press("enter")

        def refuse(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        app.set_scenario(planned())
        await pilot.press("ctrl+s")
        await type_path(pilot, tmp_path / "plan.toml")
        text = await error_text(pilot)
        assert text == f"{tmp_path / 'plan.toml'}: 書き込めません：読み取り専用のファイルシステムです"
        assert not english(text.replace(str(tmp_path), "DIR"))
