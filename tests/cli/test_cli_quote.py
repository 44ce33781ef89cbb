"""`naccs-tui quote`: formats, options and every error path (exit 2, one line, no traceback)."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from naccs_tui.cli import main

BROKER = """schema = 1
name = "Broker"
prefecture = "愛知県"
[line]
kind = "dedicated"
speed = "1M"
[usage]
method = "interactive"
terminals = 2
[volumes]
IDA = 100
IDC = 100
[schedule]
applied = 2026-12-01
"""


@pytest.fixture
def broker(tmp_path):
    path = tmp_path / "broker.toml"
    path.write_text(BROKER, "utf-8")
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_fields(capsys, broker):
    code, out, err = run(capsys, "quote", str(broker), "--format", "json")
    assert code == 0 and err == ""
    r = json.loads(out)
    # line 36,000 + 5,200 = 41,200; metered A 100×85 + 100×170 = 25,500, B 100×100 + 100×200 = 30,000
    a, b = r["plans"]["A"], r["plans"]["B"]
    assert (a["monthly"], a["basic"], a["metered"], a["initial"]) == (41_200 + 10_000 + 25_500, 10_000, 25_500, 98_000)
    assert (b["monthly"], b["basic"], b["metered"]) == (71_200, 0, 30_000)
    assert a["total"] == 98_000 + 12 * 76_700 and b["total"] == 98_000 + 12 * 71_200
    assert {"label", "amount", "formula"} <= set(a["items"][0])
    assert r["cheaper"] == "B"
    # gap 100×15 + 100×30 = 4,500/month; 10,000 / 4,500 × 200 = 444.4 -> 445
    assert r["break_even"]["transactions_per_month"] == 445
    # 5,000 × 30,000 / 4,500 = 33,333
    assert r["break_even"]["plan_b_metered_per_terminal"] == 33_333
    assert r["schedule"]["applied"] == "2026-12-01"
    assert r["schedule"]["earliest_start"] == "2027-02-17"  # 50 business days, see test_schedule
    assert r["schedule"]["setup_deadline"] == "2027-02-10"
    assert next(s["key"] for s in r["schedule"]["steps"]) == "nss"
    assert r["office"]["phone"] == "052-654-6511"  # Aichi -> Tokai office
    assert all(isinstance(i["amount"], int) for i in a["items"])


def test_tax_and_months(capsys, broker):
    _, out, _ = run(capsys, "quote", str(broker), "--format", "json", "--tax", "--months", "24")
    r = json.loads(out)
    # Plan B: 71,200 × 1.1 = 78,320; total (98,000 + 24 × 71,200) × 1.1 = 1,806,800 × 1.1 = 1,987,480
    assert r["plans"]["B"]["monthly"] == 78_320
    assert r["plans"]["B"]["total"] == 1_987_480
    assert r["tax"]["included"] is True
    # item lines stay tax-excluded
    assert r["plans"]["B"]["items"][0]["amount"] == 36_000


def test_text_is_an_itemized_table(capsys, broker):
    code, out, _ = run(capsys, "quote", str(broker), "--lang", "en")
    assert code == 0
    assert "1 × 36,000" in out and "2 × 5,000" in out and "100 × 170" in out
    assert "Plan B is cheaper (saves 5,500 yen a month)" in out
    assert "Plan A pays off from 445 transactions/month (now 200)" in out
    assert "tax excl." in out and "SAMPLES" in out


def test_text_defaults_to_japanese(capsys, broker):
    _, out, _ = run(capsys, "quote", str(broker))
    assert "安いのは プランB（月 5,500 円お得）" in out and "税抜" in out and "月額合計" in out


def test_csv_has_raw_numbers(capsys, broker):
    _, out, _ = run(capsys, "quote", str(broker), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    monthly = {r["plan"]: r["amount"] for r in rows if r["key"] == "monthly"}
    assert monthly == {"A": "76700", "B": "71200"}
    # a reader reads the label in the language asked for; a script reads the key
    labels = {r["key"]: r["label"] for r in rows if r["key"]}
    assert labels == {"monthly": "月額合計", "initial": "初期費用", "total_12_months": "12か月合計"}
    _, out, _ = run(capsys, "quote", str(broker), "--format", "csv", "--lang", "en", "--months", "6")
    labels = {r["key"]: r["label"] for r in csv.DictReader(io.StringIO(out)) if r["key"]}
    assert labels == {"monthly": "Monthly total", "initial": "Initial cost", "total_6_months": "6-month total"}


def test_markdown_table(capsys, broker):
    _, out, _ = run(capsys, "quote", str(broker), "--format", "markdown", "--lang", "en")
    assert "| Line usage (dedicated 1M) | 1 × 36,000 | 36,000 | 1 × 36,000 | 36,000 |" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "file not found"),
        ("[line\n", "broken TOML"),
        ("[usage]\nterminals = 1000\n", "usage.terminals: Input should be less than or equal to 999"),
        ("[volumes]\nXYZ = 1\n", "volumes.XYZ: unknown operation code"),
        (
            '[line]\nkind = "dedicated"\n[usage]\nmethod = "netnaccs"\n',
            "usage.method: netnaccs needs the internet line",
        ),
        ("[usage]\nwat = 1\n", "usage.wat: unknown key"),
        (b"\xff\xfe\x00junk", "not UTF-8 text"),
    ],
)
def test_bad_files_exit_2_with_one_line(capsys, tmp_path, content, expected):
    path = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, "utf-8")
    code, out, err = run(capsys, "quote", str(path), "--lang", "en")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"naccs-tui: {path}: ") and expected in err


def test_folder_as_file(capsys, tmp_path):
    code, _, err = run(capsys, "quote", str(tmp_path))
    assert (code, err) == (2, f"naccs-tui: {tmp_path}: ファイルではなくフォルダーです\n")
    code, _, err = run(capsys, "quote", str(tmp_path), "--lang", "en")
    assert code == 2 and "is a folder" in err


def test_bad_months_is_one_line(capsys, broker):
    with pytest.raises(SystemExit) as info:
        main(["quote", str(broker), "--months", "0"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--months" in err


def test_other_tariffs_file(capsys, tmp_path, broker):
    from naccs_tui.domain.tariffs import data_file

    text = (
        data_file("tariffs.toml")
        .read_text("utf-8")
        .replace("basic_fee_a_per_terminal = 5000", "basic_fee_a_per_terminal = 6000")
    )
    custom = tmp_path / "t.toml"
    custom.write_text(text, "utf-8")
    _, out, _ = run(capsys, "quote", str(broker), "--format", "json", "--tariffs", str(custom))
    assert json.loads(out)["plans"]["A"]["basic"] == 12_000


def test_broken_tariffs_file_names_it(capsys, tmp_path, broker):
    bad = tmp_path / "t.toml"
    bad.write_text("schema = 1\n", "utf-8")
    code, _, err = run(capsys, "quote", str(broker), "--tariffs", str(bad))
    assert code == 2 and err.startswith(f"naccs-tui: {bad}: ")


def test_shipped_tariffs_found_from_any_folder(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from naccs_tui.domain.tariffs import load_tariffs; print(load_tariffs().plans.basic_fee_a_per_terminal)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.stdout.strip() == "5000", proc.stderr
