"""The commands with a file of several offices (schema 2): quote in every format, compare,
recommend one unit at a time, schedule per office and unit, contacts per office."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from test_company import ISSUE

from naccs_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "multi-office-forwarder.toml"
BROKER = ROOT / "examples" / "customs-broker.toml"


@pytest.fixture
def issue_file(tmp_path):
    path = tmp_path / "company.toml"
    path.write_text(ISSUE, "utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# With the shipped sample prices (IDA 85/100, IDC 170/200, EDA 69/80) the issue's file quotes:
#   general unit (3 terminals, IDA 300, IDC 280): A = 15,000 + 25,500 + 47,600 = 88,100;
#                                                 B = 30,000 + 56,000 = 86,000 (cheaper); line 41,200
#   head-office netNACCS (2 terminals, EDA 50):   A = 10,000 + 3,450 = 13,450; B = 4,000 (cheaper)
#   Osaka netNACCS (1 terminal, EDA 20):          A = 5,000 + 1,380 = 6,380;   B = 1,600 (cheaper)
#   options 2 × 1,000 = 2,000
#   best per unit = all B = 41,200 + 86,000 + 4,000 + 1,600 + 2,000 = 134,800
#   all A = 41,200 + 88,100 + 13,450 + 6,380 + 2,000 = 151,130; initial 98,000
SAMPLE = {"chosen": 134_800, "all_a": 151_130, "all_b": 134_800, "best_per_unit": 134_800}


def test_quote_text_shows_each_unit_and_the_company(capsys, issue_file):
    code, out, _ = run(capsys, "quote", issue_file, "--lang", "en")
    assert code == 0
    assert re.search(r"本社\s+General NACCS\s+Interactive / Dedicated line 1M .*\s3\s+41,200\s+88,100\s+86,000 ✔", out)
    assert re.search(r"大阪支店\s+netNACCS\s+netNACCS\s+1\s+0\s+6,380\s+1,600 ✔\s+Plan B \(auto\)", out)
    assert re.search(r"All on Plan A\s+151,130\s+16,330 yen more than the cheaper plan per unit", out)
    assert re.search(r"The cheaper plan per unit\s+134,800 ✔", out)
    assert re.search(r"12-month total \(chosen plans, initial included\)\s+1,715,600", out)  # 98,000 + 12 × 134,800
    # Plan A saves 300 × 15 + 280 × 30 = 12,900 a month and costs 15,000: 580 × 15,000 / 12,900 = 674.4…
    assert "♦ Plan A pays off from 675 transactions/month (now 580)" in out
    assert "大阪支店 (Osaka (大阪府)): contact Kansai office 06-6446-3812" in out
    assert "本社, netNACCS: start, about 2026-12-10" in out  # 7 business days from Tue 2026-12-01
    assert out.startswith("Note: the operation list and its unit prices are SAMPLES")


def test_quote_json_has_a_unit_list_and_a_company_block(capsys, issue_file):
    code, out, _ = run(capsys, "quote", issue_file, "--format", "json", "--tax", "--months", "24")
    assert code == 0
    r = json.loads(out)
    # with tax each company bill is taxed once: 134,800 × 1.1 = 148,280; 98,000 × 1.1 = 107,800
    assert r["company"]["monthly"]["chosen"] == 148_280 and r["company"]["initial"] == 107_800
    assert r["company"]["total"]["chosen"] == 107_800 + 24 * 148_280
    assert [u["plans"]["A"]["monthly"] for u in r["units"]] == [41_200 + 88_100, 13_450, 6_380]  # tax-excluded
    assert [u["plan"] for u in r["units"]] == ["B", "B", "B"] and r["tax"]["included"] is True
    assert r["sample_prices"] is True and r["warnings"] and r["sources"]


def test_quote_json_without_tax(capsys, issue_file):
    r = json.loads(run(capsys, "quote", issue_file, "--format", "json")[1])
    assert r["company"]["monthly"] == SAMPLE
    assert r["company"]["saving"] == {"chosen": 0, "all_a": 16_330, "all_b": 0}


def test_quote_csv_markdown_and_html(capsys, issue_file):
    code, out, _ = run(capsys, "quote", issue_file, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][9] == "key"
    company = {(r[3], r[9]): int(r[8]) for r in rows if r[0] == "company"}
    assert company[("chosen", "monthly")] == 134_800 and company[("all_a", "monthly")] == 151_130
    assert company[("", "initial")] == 98_000
    unit_totals = [int(r[8]) for r in rows if r[0] == "unit" and r[4] == "total" and r[3] == "A"]
    assert unit_totals == [129_300, 13_450, 6_380]
    labels = {(r[3], r[9]): r[6] for r in rows if r[0] == "company"}
    assert labels[("all_a", "monthly")] == "月額合計（すべてA）"
    assert labels[("chosen", "total_12_months")] == "12か月合計（選んだプラン）"
    plans = {(r[6], r[9]) for r in rows if r[4] == "plan"}
    assert plans and all(key in ("plan_auto", "plan_A", "plan_B") and "（" in label for label, key in plans)
    md = run(capsys, "quote", issue_file, "--format", "markdown", "--lang", "en")[1]
    assert md.startswith("# Company quote") and "| The cheaper plan per unit | 134,800 ✔ |" in md
    page = run(capsys, "quote", issue_file, "--format", "html", "--lang", "en")[1]
    assert page.startswith("<!DOCTYPE html>") and "151,130" in page and "134,800 ✔" in page


def test_compare_companies_and_a_schema_1_file(capsys, issue_file):
    code, out, _ = run(capsys, "compare", issue_file, BROKER, "--format", "json")
    assert code == 0
    first, broker = json.loads(out)["companies"]
    assert (first["chosen"], first["offices"], first["units"]) == (134_800, 2, 3)
    assert (broker["offices"], broker["units"]) == (1, 1)
    assert broker["diff"] == broker["total"] - first["total"]
    # the general unit's start (50 business days) is when the company is all running
    assert first["start"] == broker["start"]
    # two schema-1 files keep today's comparison
    assert "scenarios" in json.loads(run(capsys, "compare", BROKER, BROKER, "--format", "json")[1])


def test_recommend_one_unit_at_a_time(capsys, issue_file):
    code, _, err = run(capsys, "recommend", issue_file)
    assert code == 2 and err.count("\n") == 1
    assert err == (
        "naccs-tui: --unit: 単位が複数あります。--office 名前 --unit general|netnaccs で1つ選んでください"
        "（本社 general, 本社 netnaccs, 大阪支店 netnaccs）\n"
    )
    code, _, err = run(capsys, "recommend", issue_file, "--lang", "en")
    assert code == 2 and err.count("\n") == 1
    assert (
        "choose one with --office NAME --unit general|netnaccs (本社 general, 本社 netnaccs, 大阪支店 netnaccs)" in err
    )
    code, out, _ = run(capsys, "recommend", issue_file, "--office", "大阪支店", "--lang", "en", "--top", "1")
    assert code == 0 and out.startswith("Advice for 大阪支店, netNACCS")
    r = json.loads(run(capsys, "recommend", issue_file, "--unit", "general", "--format", "json")[1])
    assert r["unit"]["office"] == "本社" and r["unit"]["unit"] == "general"
    code, _, err = run(capsys, "recommend", issue_file, "--office", "大阪支店", "--unit", "general")
    assert (
        code == 2
        and "--unit: その単位はありません（本社 general, 本社 netnaccs, 大阪支店 netnaccs から選んでください）" in err
    )


def test_schedule_gives_each_office_and_unit_its_dates(capsys, issue_file):
    code, out, _ = run(capsys, "schedule", issue_file, "--format", "json")
    assert code == 0
    units = json.loads(out)["units"]
    assert [(u["office"], u["unit"], u["schedule"]["business_days"]) for u in units] == [
        ("本社", "general", [50, 60]),
        ("本社", "netnaccs", [7, 7]),
        ("大阪支店", "netnaccs", [7, 7]),
    ]
    # netNACCS: 7 business days from Tue 2026-12-01 are Dec 2, 3, 4, 7, 8, 9, 10
    assert units[1]["schedule"]["earliest_start"] == units[2]["schedule"]["earliest_start"] == "2026-12-10"
    single = json.loads(run(capsys, "schedule", BROKER, "--format", "json")[1])  # interactive, applied 2026-12-01
    assert units[0]["schedule"]["earliest_start"] == single["earliest_start"]
    text = run(capsys, "schedule", issue_file, "--lang", "en")[1]
    assert "■ 大阪支店, netNACCS (netNACCS)" in text and "■ 本社, General NACCS (Interactive)" in text
    code, _, err = run(capsys, "schedule", issue_file, "--method", "netnaccs")
    assert code == 2 and "--method" in err


def test_schedule_ics_is_one_calendar(capsys, issue_file):
    icalendar = pytest.importorskip("icalendar")
    out = run(capsys, "schedule", issue_file, "--format", "ics", "--lang", "en")[1]
    cal = icalendar.Calendar.from_ical(out.encode("utf-8"))
    events = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    # application, setup, package, start, and line works (interactive) or the certificate (netNACCS)
    assert len(uids) == len(set(uids)) == 5 + 5 + 5
    assert any(str(e["SUMMARY"]).startswith("NACCS: 大阪支店 netNACCS: ") for e in events)


def test_office_gives_each_offices_contact(capsys, issue_file):
    code, out, _ = run(capsys, "office", issue_file, "--lang", "en")
    assert code == 0
    assert "■ 本社\nIntroduction inquiries for Tokyo (東京都)" in out
    assert "■ 大阪支店\nIntroduction inquiries for Osaka (大阪府)\nKansai office" in out
    assert out.count("Usage-contract procedures") == 1
    r = json.loads(run(capsys, "office", issue_file, "--format", "json")[1])
    assert [o["office"]["phone"] for o in r["offices"]] == ["044-520-6280", "06-6446-3812"]


@pytest.mark.parametrize("argv", [("--lang", "ja"), ("--lang", "en", "--format", "json")])
def test_the_example_quotes_as_ci_does(capsys, argv):
    code, out, err = run(capsys, "quote", EXAMPLE, *argv)
    assert code == 0 and err == "" and out


def test_the_example_is_two_offices_three_units(capsys):
    r = json.loads(run(capsys, "quote", EXAMPLE, "--format", "json")[1])
    assert [(u["office"], u["unit"]) for u in r["units"]] == [
        ("本社", "general"),
        ("本社", "netnaccs"),
        ("大阪支店", "netnaccs"),
    ]
    # head office: dedicated 1M, spare router: line 36,000 + router 11,600 = 47,600; initial 169,000
    assert (r["units"][0]["line_monthly"], r["company"]["initial"]) == (47_600, 169_000)
    # options: 2 user codes × (1,000 + 1,000) = 4,000 at the head office
    assert [o["options"] for o in r["offices"]] == [4_000, 0]


def test_a_bad_schema_2_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(ISSUE.replace("terminals = 1\n", "terminals = 0\n"), "utf-8")
    code, out, err = run(capsys, "quote", bad)
    assert code == 2 and out == ""
    assert err == f"naccs-tui: {bad}: office[2].netnaccs.terminals: 1 以上にしてください\n"
    code, out, err = run(capsys, "quote", bad, "--lang", "en")
    assert code == 2 and out == ""
    assert err == f"naccs-tui: {bad}: office[2].netnaccs.terminals: Input should be greater than or equal to 1\n"
