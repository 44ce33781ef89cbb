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
    assert "Applied on  2026-12-01" in out and "2026-12-10 (about 7 business days after applying)" in out
    # setup 4 business days before 12-10: 09, 08, 07, 04
    assert "2026-12-04 (system setup must be complete 4 business days before the start)" in out
    assert "Assumes the year-end closure 12-29 to 01-03 is not a business day" in out


def test_json_from_a_scenario_file_and_flags_override(capsys, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(SCENARIO, "utf-8")
    code, out, _ = run(capsys, "schedule", str(path), "--format", "json")
    r = json.loads(out)
    assert code == 0 and r["method"] == "interactive" and r["applied"] == "2026-12-01"
    assert (r["earliest_start"], r["latest_start"], r["setup_deadline"]) == ("2027-02-17", "2027-03-04", "2027-02-10")
    assert [s["key"] for s in r["steps"]] == ["nss", "setup", "line_works", "package", "start"]
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
    # internet from 2026-12-24: start 01-08, setup 01-04, package 01-07, certificate 03-08 (test_schedule)
    due = {k: e.decoded("DTSTART") for k, e in events.items()}
    assert due == {
        "nss": date(2026, 12, 24),
        "setup": date(2027, 1, 4),
        "package": date(2027, 1, 7),
        "start": date(2027, 1, 8),
        "certificate": date(2027, 3, 8),
    }
    for e in events.values():  # all-day events: DATE values, one day long, with a stamp
        assert type(e.decoded("DTSTART")) is date and (e.decoded("DTEND") - e.decoded("DTSTART")).days == 1
        assert e.get("DTSTAMP") is not None
    assert str(events["start"]["SUMMARY"]) == "NACCS: 業務開始"
    # the description (several lines, escaped) comes back intact
    assert "年末年始休業 12-29～01-03 を非営業日と仮定" in str(events["start"]["DESCRIPTION"])
    # stable UIDs: the same inputs give the same file
    assert run(capsys, "schedule", "--applied", "2026-12-24", "--format", "ics")[1] == out
    assert len({str(e["UID"]) for e in events.values()}) == 5


def test_ics_english_escapes_commas(capsys):
    _code, out, _ = run(capsys, "schedule", "--lang", "en", "--method", "interactive", "--format", "ics")
    assert "\\," in out  # "After review, read ..." has commas that must be escaped
    cal = icalendar.Calendar.from_ical(out)
    nss = next(e for e in cal.walk("VEVENT") if str(e["UID"]).endswith("-nss@naccs-tui"))
    assert "After review, read the user ID, password" in str(nss["DESCRIPTION"])
    assert {str(e["SUMMARY"]) for e in cal.walk("VEVENT")} >= {"NACCS: Line works", "NACCS: Start"}


def test_output_file_is_not_overwritten_without_force(capsys, tmp_path):
    target = tmp_path / "plan.ics"
    assert run(capsys, "schedule", "--format", "ics", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    target.write_text("mine", "utf-8")
    code, _out, err = run(capsys, "schedule", "--format", "ics", "-o", str(target))
    assert code == 2 and err.count("\n") == 1 and "file exists" in err and target.read_text("utf-8") == "mine"
    assert run(capsys, "schedule", "--format", "ics", "-o", str(target), "--force")[0] == 0
    assert target.read_text("utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["schedule", "--applied", "2026-13-01"], "naccs-tui: --applied: '2026-13-01' is not a date"),
        (["schedule", "--applied", "2026-02-30"], "--applied: '2026-02-30' is not a date"),
        (["schedule", "--applied", "24/12/2026"], "expected YYYY-MM-DD"),
        (["schedule", "--closure", "12-32", "01-03"], "--closure: '12-32' '01-03': 12-32 is not a day of the year"),
        (["schedule", "--closure", "1229", "0103"], "--closure: '1229' '0103': expected \"MM-DD\""),
        (["schedule", "--closure", "12-29"], "--closure: expected 2 arguments"),
        (["schedule", "--method", "fax"], "invalid choice: 'fax'"),
        (["schedule", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["schedule", "missing.toml"], "naccs-tui: missing.toml: file not found"),
        (["office", "東京府"], "naccs-tui: prefecture: unknown prefecture '東京府' (did you mean \"東京都\"?)"),
        (["office", "Tokio"], 'did you mean "Tokyo"?'),
        (["office", "Atlantis"], "naccs-tui: prefecture: unknown prefecture 'Atlantis'"),
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
