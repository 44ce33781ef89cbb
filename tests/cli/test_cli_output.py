"""What -o writes follows the file name, and the global options go before or after the command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from naccs_tui.cli import command_names, main
from naccs_tui.commands._parser import split_globals

ROOT = Path(__file__).resolve().parents[2]
BROKER = str(ROOT / "examples" / "customs-broker.toml")
SMALL = str(ROOT / "examples" / "small-importer.toml")
BOM = b"\xef\xbb\xbf"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# ---- -o: the suffix chooses the format ------------------------------------------------------------
def test_compare_to_a_csv_file_writes_csv_with_a_bom(capsys, tmp_path):
    target = tmp_path / "out.csv"
    assert run(capsys, "compare", BROKER, SMALL, "-o", str(target)) == (0, "", "")
    raw = target.read_bytes()
    assert raw.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    # customs-broker: Plan A 168,370 a month, 12 x 168,370 + 169,000 initial = 2,189,440
    assert [r["label"] for r in rows] == ["customs-broker.toml", "small-importer.toml"]
    assert (rows[0]["monthly_a"], rows[0]["total"]) == ("168370", "2189440")
    # the same CSV as --format csv on standard output, with the mark Excel needs
    assert raw[3:].decode("utf-8") == run(capsys, "compare", BROKER, SMALL, "--format", "csv")[1]


@pytest.mark.parametrize(
    ("argv", "name", "check"),
    [
        (["quote", BROKER], "q.json", lambda b: json.loads(b)["plans"]["A"]["monthly"] == 168_370),
        (["quote", BROKER], "q.md", lambda b: b.startswith(b"# ") and b"| " in b),
        (["quote", BROKER], "q.html", lambda b: b.lstrip().lower().startswith(b"<!doctype html")),
        (
            ["quote", BROKER],
            "q.csv",
            lambda b: b.startswith(BOM + b"plan,group,code,label,formula,amount,key,status\n"),
        ),
        (["quote", BROKER], "q.txt", lambda b: "プランA" in b.decode("utf-8") and not b.startswith(BOM)),
        (["quote", BROKER], "q", lambda b: "プランA" in b.decode("utf-8")),
        (["recommend", BROKER], "r.csv", lambda b: b.startswith(BOM + b"rank,")),
        (["recommend", BROKER], "r.json", lambda b: "top" in json.loads(b)),
        (["compare", BROKER, SMALL], "c.md", lambda b: b.startswith("# シナリオ比較".encode())),
        (["schedule", BROKER], "s.ics", lambda b: b.startswith(b"BEGIN:VCALENDAR\r\n")),
        (["schedule", BROKER], "s.json", lambda b: "steps" in json.loads(b) or bool(json.loads(b))),
        (["office", "Tokyo"], "o.json", lambda b: json.loads(b)["prefecture"] == "東京都"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_the_file_name_chooses_the_format(capsys, tmp_path, argv, name, check):
    target = tmp_path / name
    assert run(capsys, *argv, "-o", str(target)) == (0, "", "")
    assert check(target.read_bytes())


def test_an_explicit_format_that_agrees_is_fine_and_other_suffixes_take_it(capsys, tmp_path):
    assert run(capsys, "quote", BROKER, "-o", str(tmp_path / "a.csv"), "--format", "csv")[0] == 0
    assert (tmp_path / "a.csv").read_bytes().startswith(BOM)
    assert run(capsys, "quote", BROKER, "-o", str(tmp_path / "a.txt"), "--format", "json")[0] == 0
    assert json.loads((tmp_path / "a.txt").read_bytes())["plans"]["B"]["monthly"] == 171_000


@pytest.mark.parametrize(
    ("argv", "name", "line"),
    [
        (
            ["compare", BROKER, SMALL, "--format", "json"],
            "c.csv",
            "--format: ファイル名の .csv は csv の形式ですが、--format は json です（--format を外すか、合わせてください）",
        ),
        (
            ["quote", BROKER, "--format", "text"],
            "q.html",
            "--format: ファイル名の .html は html の形式ですが、--format は text です（--format を外すか、合わせてください）",
        ),
        (
            ["compare", BROKER, SMALL],
            "c.html",
            "-o: このコマンドは .html のファイルを書けません（書ける形式：text, json, markdown, csv）",
        ),
        (["schedule"], "s.csv", "-o: このコマンドは .csv のファイルを書けません（書ける形式：text, json, ics）"),
    ],
)
def test_a_contradiction_is_one_line_and_writes_nothing(capsys, tmp_path, argv, name, line):
    target = tmp_path / name
    assert run(capsys, *argv, "-o", str(target)) == (2, "", f"naccs-tui: {target}: {line}\n")
    assert not target.exists()
    code, _, err = run(capsys, *argv, "-o", str(target), "--lang", "en")
    assert code == 2 and err.count("\n") == 1 and (" but --format is " in err or "does not write" in err)


# ---- global options before or after the command ---------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "quote", BROKER],
        ["quote", "--lang", "en", BROKER],
        ["quote", BROKER, "--lang", "en"],
        ["--lang=en", "quote", BROKER],
        ["quote", BROKER, "--lang=en"],
    ],
)
def test_lang_before_or_after_the_command(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert "Plan A" in out and "プランA" not in out


def test_rates_import_takes_the_global_options_after_the_file(capsys, tmp_path):
    rates = tmp_path / "r.csv"
    rates.write_text("code,name_ja,name_en,price_a,price_b\nIDA,輸入申告事項登録,Import declaration entry,80,100\n")
    out = tmp_path / "t.toml"
    code, stdout, err = run(capsys, "rates", "import", str(rates), "--out", str(out), "--lang", "en")
    assert (code, err) == (0, "") and stdout.startswith("Imported 1 operation unit price")
    # --tariffs after the file: the base whose fixed fees and other operations are kept
    code, stdout, err = run(capsys, "--lang", "en", "rates", "import", str(rates), "--out", str(tmp_path / "u.toml"))
    assert (code, err) == (0, "") and stdout.startswith("Imported")
    assert run(capsys, "rates", "import", str(rates), "--tariffs", str(out), "--out", str(tmp_path / "v.toml"))[0] == 0


def test_tariffs_before_or_after_the_command(capsys, tmp_path):
    narrow = tmp_path / "t.toml"
    rates = tmp_path / "r.csv"
    rates.write_text("code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,1,2\n")
    assert run(capsys, "rates", "import", str(rates), "--out", str(narrow))[0] == 0
    # the imported table prices IDA at 1 / 2 yen: customs-broker's 300 IDA cost 300 (A) and 600 (B)
    for argv in (["--tariffs", str(narrow), "quote", BROKER], ["quote", BROKER, "--tariffs", str(narrow)]):
        code, out, _ = run(capsys, *argv, "--format", "json")
        items = json.loads(out)["plans"]["A"]["items"]
        assert code == 0 and next(i["amount"] for i in items if i.get("code") == "IDA") == 300


def test_split_globals_moves_only_the_global_options():
    names = command_names()
    assert split_globals(["--lang", "en", "quote", "f.toml", "--tax"], names) == (
        "quote",
        ["--lang", "en", "f.toml", "--tax"],
    )
    assert split_globals(["rates", "import", "f.csv", "--tariffs", "t.toml"], names) == (
        "rates",
        ["--tariffs", "t.toml", "import", "f.csv"],
    )
    # the app itself: a FILE, not a command, and `-h quote` asks the app's help
    assert split_globals(["--lang", "en", "plan.toml"], names) == (None, ["--lang", "en", "plan.toml"])
    assert split_globals(["-h", "quote"], names) == (None, ["-h", "quote"])
    # after --, and an option without its value, nothing moves
    assert split_globals(["quote", "--", "--lang"], names) == ("quote", ["--", "--lang"])
    assert split_globals(["quote", "f", "--lang"], names) == ("quote", ["f", "--lang"])
