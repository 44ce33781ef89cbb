"""`naccs-tui schedule` (text, JSON, ICS) and `naccs-tui office`: output and every error path."""

from __future__ import annotations

import json
from datetime import date

import icalendar
import pytest

from naccs_tui.cli import main

SCENARIO = """schema = 1
[line]
kind = "dedicated"
speed = "1M"
[usage]
method = "interactive"
[schedule]
applied = 2026-12-01
closure = ["12-29", "01-03"]
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_defaults_to_today_and_netnaccs(capsys):
    # today is fixed to 2026-12-01 (conftest), a Tuesday: 12-02 (1) 03 (2) 04 (3) 07 (4) 08 (5) 09 (6) 10 (7)
    code, out, err = run(capsys, "schedule", "--lang", "en")
    assert code == 0 and err == ""
    assert "Applied on  2026-12-01" in out and "about 2026-12-10 (about 7 business days after applying)" in out
    # setup 4 business days before 12-10: 09, 08, 07, 04; a bulletin-board rule, cited
    assert "about 2026-12-04 (complete the application 4 business days before the start" in out
    assert "Assumes the year-end closure 12-29 to 01-03 is not a business day" in out
    # where the figures come from: the guide's flow, the bulletin board, the holidays library, an assumption
    sources = next(line for line in out.splitlines() if line.startswith("Sources  "))
    assert "NACCS introduction guide" in sources and "利用申込からNACCS利用開始までの流れ" in sources
    assert (
        "setup deadline: NACCS bulletin board https://bbs.naccscenter.com/naccs/dfw/web/docs/2019032900057" in sources
    )
    assert "holidays: the Python holidays library" in sources
    assert "year-end closure dates: an assumption (the guide gives no dates)" in sources
    # the suggested dates are not deadlines; the certificate comes before the start
    assert "2026-12-09 + Digital certificate (suggested)" in out and "2026-12-10 * Start" in out
    assert out.index("Digital certificate") < out.index("* Start") and "valid 1 year" not in out
    assert "about 7 business days" in out and "about 50-60 business days" in out  # the lead-time note


def test_an_older_tariffs_file_without_sources_still_plans(capsys, tmp_path):
    # a tariffs file written before the sources (it still has certificate_months): loads, and says
    # that it names no source
    from naccs_tui.domain.tariffs import data_file

    text = data_file("tariffs.toml").read_text("utf-8")
    lead = text[text.index("[lead_time]") :].split("\n[", 1)[0]
    old_lead = "[lead_time]\ninternet = 7\ndedicated_min = 50\ndedicated_max = 60\nsetup_deadline = 4\ncertificate_months = 2\n"
    old = text.replace(lead, old_lead)
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    code, out, err = run(capsys, "schedule", "--tariffs", str(path), "--format", "json", "--lang", "en")
    assert (code, err) == (0, "")
    r = json.loads(out)
    assert r["earliest_start"] == "2026-12-10"
    assert [s["kind"] for s in r["sources"]][:2] == ["unknown", "unknown"]


def test_quote_and_compare_say_the_start_is_approximate(capsys, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(SCENARIO, "utf-8")
    _code, out, _ = run(capsys, "quote", str(path), "--lang", "en")
    assert "Start, about: 2027-02-17 to 2027-03-04 (applied 2026-12-01; the guide's lead times are approximate)" in out
    _code, out, _ = run(capsys, "quote", str(path))
    assert "利用開始の目安：2027-02-17～2027-03-04 ごろ" in out
    other = tmp_path / "t.toml"
    other.write_text("schema = 1\n[schedule]\napplied = 2026-12-01\n", "utf-8")
    _code, out, _ = run(capsys, "compare", str(path), str(other), "--lang", "en")
    assert "Start, approx." in out and "Earliest start" not in out
    _code, out, _ = run(capsys, "compare", str(path), str(other))
    assert "開始の目安" in out and "最短開始日" not in out


def test_json_from_a_scenario_file_and_flags_override(capsys, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(SCENARIO, "utf-8")
    code, out, _ = run(capsys, "schedule", str(path), "--format", "json")
    r = json.loads(out)
    assert code == 0 and r["method"] == "interactive" and r["applied"] == "2026-12-01"
    assert (r["earliest_start"], r["latest_start"], r["setup_deadline"]) == ("2027-02-17", "2027-03-04", "2027-02-10")
    assert [s["key"] for s in r["steps"]] == ["nss", "setup", "line_works", "package", "start"]
    # the setup date is a deadline; line works and package dates are only suggestions
    assert [s["kind"] for s in r["steps"]] == ["applied", "deadline", "suggested", "suggested", "start"]
    assert "about 50～60" not in r["lead_time_note"] and "約 50～60 営業日" in r["lead_time_note"]
    assert {s["kind"] for s in r["sources"]} == {"guide", "bbs", "library", "assumption"}
    # flags win over the file: netNACCS applied 12-24 with no closure -> 2027-01-05 (see test_schedule)
    code, out, _ = run(
        capsys,
        "schedule",
        str(path),
        "--format",
        "json",
        "--method",
        "netnaccs",
        "--applied",
        "2026-12-24",
        "--no-closure",
    )
    r = json.loads(out)
    assert (r["method"], r["earliest_start"], r["closure"]) == ("netnaccs", "2027-01-05", None)
    code, out, _ = run(capsys, "schedule", "--format", "json", "--applied", "2026-12-24", "--closure", "12-31", "01-01")
    assert json.loads(out)["earliest_start"] == "2027-01-06"


def test_ics_parses_and_has_the_right_dates(capsys):
    code, out, err = run(capsys, "schedule", "--applied", "2026-12-24", "--format", "ics")
    assert code == 0 and err == ""
    raw = out.encode("utf-8")
    # CRLF everywhere, no bare LF, no content line longer than 75 octets
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(out)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = {e["UID"].split("@")[0].split("-")[-1]: e for e in cal.walk("VEVENT")}
    # internet from 2026-12-24: start 01-08, setup 01-04, package and certificate 01-07 (test_schedule)
    due = {k: e.decoded("DTSTART") for k, e in events.items()}
    assert due == {
        "nss": date(2026, 12, 24),
        "setup": date(2027, 1, 4),
        "package": date(2027, 1, 7),
        "certificate": date(2027, 1, 7),
        "start": date(2027, 1, 8),
    }
    # a deadline and a suggestion read differently, in the summary and the description
    assert str(events["setup"]["SUMMARY"]) == "NACCS: システム設定の申込（期限）"
    assert str(events["package"]["SUMMARY"]) == "NACCS: パッケージソフトのインストール（目安）"
    assert str(events["certificate"]["SUMMARY"]) == "NACCS: デジタル証明書（目安）"
    assert "期限 2027-01-04" in str(events["setup"]["DESCRIPTION"])
    assert "目安 2027-01-07（案内に期限の定めはありません）" in str(events["package"]["DESCRIPTION"])
    assert "期限" not in str(events["package"]["SUMMARY"])
    for e in events.values():  # all-day events: DATE values, one day long, with a stamp
        assert type(e.decoded("DTSTART")) is date and (e.decoded("DTEND") - e.decoded("DTSTART")).days == 1
        assert e.get("DTSTAMP") is not None
    assert str(events["start"]["SUMMARY"]) == "NACCS: 業務開始"
    # the description (several lines, escaped) comes back intact
    assert "年末年始休業 12-29～01-03 を非営業日と仮定" in str(events["start"]["DESCRIPTION"])
    # ... with the approximate start and where the figures come from
    start = str(events["start"]["DESCRIPTION"])
    assert "目安の日付です" in start and "約 7 営業日" in start
    assert "【出典】所要日数：" in start and "https://bbs.naccscenter.com/naccs/dfw/web/docs/2019032900057" in start
    # stable UIDs: the same inputs give the same file
    assert run(capsys, "schedule", "--applied", "2026-12-24", "--format", "ics")[1] == out
    assert len({str(e["UID"]) for e in events.values()}) == 5


def test_ics_english_escapes_commas(capsys):
    _code, out, _ = run(capsys, "schedule", "--lang", "en", "--method", "interactive", "--format", "ics")
    assert "\\," in out  # "After review, read ..." has commas that must be escaped
    cal = icalendar.Calendar.from_ical(out)
    nss = next(e for e in cal.walk("VEVENT") if str(e["UID"]).endswith("-nss@naccs-tui"))
    assert "After review, read the user ID, password" in str(nss["DESCRIPTION"])
    assert {str(e["SUMMARY"]) for e in cal.walk("VEVENT")} >= {"NACCS: Line works (suggested)", "NACCS: Start"}
    setup = next(e for e in cal.walk("VEVENT") if str(e["UID"]).endswith("-setup@naccs-tui"))
    assert str(setup["SUMMARY"]) == "NACCS: System setup application (deadline)"
    assert "Deadline 2027-02-10" in str(setup["DESCRIPTION"])


def test_output_file_is_not_overwritten_without_force(capsys, tmp_path):
    target = tmp_path / "plan.ics"
    assert run(capsys, "schedule", "--format", "ics", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    target.write_text("mine", "utf-8")
    code, _out, err = run(capsys, "schedule", "--format", "ics", "-o", str(target))
    assert (
        code == 2 and err.count("\n") == 1 and "ファイルがすでにあります" in err and target.read_text("utf-8") == "mine"
    )
    assert run(capsys, "schedule", "--format", "ics", "-o", str(target), "--force")[0] == 0
    assert target.read_text("utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["schedule", "--applied", "2026-13-01", "--lang", "en"], "naccs-tui: --applied: '2026-13-01' is not a date"),
        (["schedule", "--applied", "2026-02-30", "--lang", "en"], "--applied: '2026-02-30' is not a date"),
        (["schedule", "--applied", "24/12/2026", "--lang", "en"], "expected YYYY-MM-DD"),
        (
            ["schedule", "--closure", "12-32", "01-03", "--lang", "en"],
            "--closure: '12-32' '01-03': 12-32 is not a day of the year",
        ),
        (["schedule", "--closure", "1229", "0103", "--lang", "en"], "--closure: '1229' '0103': expected \"MM-DD\""),
        (["schedule", "--closure", "12-29", "--lang", "en"], "--closure: expected 2 arguments"),
        (["schedule", "--method", "fax", "--lang", "en"], "invalid choice: 'fax'"),
        (["schedule", "--format", "pdf", "--lang", "en"], "invalid choice: 'pdf'"),
        (["schedule", "missing.toml", "--lang", "en"], "naccs-tui: missing.toml: file not found"),
        (
            ["office", "東京府", "--lang", "en"],
            "naccs-tui: prefecture: unknown prefecture '東京府' (did you mean \"東京都\"?)",
        ),
        (["office", "Tokio", "--lang", "en"], 'did you mean "Tokyo"?'),
        (["office", "Atlantis", "--lang", "en"], "naccs-tui: prefecture: unknown prefecture 'Atlantis'"),
        # the same in Japanese, the default
        (["schedule", "--applied", "2026-02-30"], "naccs-tui: --applied: '2026-02-30' は日付ではありません"),
        (["schedule", "--closure", "12-32", "01-03"], "naccs-tui: --closure: 12-32 という日はありません"),
        (["schedule", "--closure", "12-29"], "naccs-tui schedule: --closure: 値を 2 個書いてください"),
        (["schedule", "--method", "fax"], "--method: 'fax' は使えません"),
        (
            ["office", "東京府"],
            "naccs-tui: prefecture: '東京府' は都道府県名ではありません（「東京都」のことですか？）",
        ),
        (["office", "Tokio"], "（「Tokyo」のことですか？）"),
    ],
)
def test_errors_exit_2_with_one_line(capsys, tmp_path, monkeypatch, argv, needle):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors leave through SystemExit(2)
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2
    assert out == "" and err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_office_accepts_full_short_and_romaji_names(capsys):
    outs = [run(capsys, "office", name, "--format", "json")[1] for name in ("東京都", "東京", "tokyo")]
    assert outs[0] == outs[1] == outs[2]
    r = json.loads(outs[0])
    assert r["prefecture"] == "東京都" and r["office"]["phone"] == "044-520-6280"
    assert r["office"]["free_dial"] == "0120-794522" and r["office"]["fax"] == "044-522-6284"
    code, out, _err = run(capsys, "office", "愛知", "--lang", "en")
    assert code == 0 and "Tokai office" in out and "052-654-6511" in out and "Weekdays 8:30-18:00" in out
    assert "Usage-contract procedures (nationwide)" in out and "044-520-6266" in out
    assert "https://bbs.naccscenter.com/naccs/dfw/web/nss/" in out
