"""The year-end closure is at most 31 days and may run over the new year; a business-day search is
bounded. Repros: a closure of ["01-04", "01-03"] (the whole year but one day) ran `quote` for 4 s
into an OverflowError; `schedule --closure 12-31 12-29` (reversed) gave a start in 2036.

Dates are counted by hand from the calendar: 2026-12-24 is a Thursday; the default closure 12-29 to
01-03 holds 6 days; Japan's holidays from the Cabinet Office calendar (01-01, 01-11 in 2027).
"""

from __future__ import annotations

from datetime import date as D
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.schedule import (
    DEFAULT_CLOSURE,
    MAX_CLOSURE_DAYS,
    NoBusinessDay,
    add_business_days,
    closure_days,
    in_closure,
    parse_closure,
    timeline,
)

WRAPPED = 'schema = 1\n[schedule]\napplied = 2026-12-24\nclosure = ["01-04", "01-03"]\n'
BOUND_JA = "休業期間は 31 日以内にしてください（年をまたいでもかまいません。例 12-29～01-03）"
BOUND_EN = "a closure is at most 31 days (it may run over the new year, e.g. 12-29 to 01-03)"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("12-29", "01-03", 6),  # 29, 30, 31, 1, 2, 3: over the new year
        ("08-13", "08-16", 4),  # Obon, inside the year
        ("12-01", "12-31", 31),
        ("12-01", "01-01", 32),
        ("02-20", "03-21", 31),  # 10 days of February in a leap year (20-29), 21 of March
        ("01-01", "01-01", 1),
        ("01-04", "01-03", 366),  # a day short of a year, in a leap year
        ("12-31", "12-29", 365),
        ("01-03", "12-29", 362),  # 29 days of January, then February (29) to November (305), 29 of December
    ],
)
def test_closure_length_counts_both_days_and_runs_over_the_new_year(start, end, days):
    assert closure_days(start, end) == days
    if days <= MAX_CLOSURE_DAYS:
        assert parse_closure(start, end) == (start, end)
    else:
        with pytest.raises(InputError) as exc:
            parse_closure(start, end, field="--closure")
        assert (exc.value.field, exc.value.code) == ("--closure", "closure_too_long")
        assert exc.value.params == {"start": start, "end": end, "days": days, "max_days": 31}


def test_the_wrapped_file_is_refused_at_once_naming_the_field(capsys, tmp_path):
    path = tmp_path / "wrapped.toml"
    path.write_text(WRAPPED, "utf-8")
    code, out, err = run(capsys, "quote", str(path))
    assert (code, out) == (2, "")
    assert err == f"naccs-tui: {path}: schedule.closure: 01-04～01-03 は 366 日間です。{BOUND_JA}\n"
    code, out, err = run(capsys, "quote", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"naccs-tui: {path}: schedule.closure: 01-04 to 01-03 is 366 days; {BOUND_EN}\n"
    # the TUI is not started on it either: the same line, exit 2, before any screen
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert err == f"naccs-tui: {path}: schedule.closure: 01-04～01-03 は 366 日間です。{BOUND_JA}\n"


def test_a_company_file_names_the_same_field(capsys, tmp_path):
    path = tmp_path / "company.toml"
    path.write_text(
        'schema = 2\n[[office]]\n[office.netnaccs]\nterminals = 1\n[schedule]\nclosure = ["12-31", "12-29"]\n', "utf-8"
    )
    code, _out, err = run(capsys, "schedule", str(path))
    assert code == 2
    assert err == f"naccs-tui: {path}: schedule.closure: 12-31～12-29 は 365 日間です。{BOUND_JA}\n"


@pytest.mark.parametrize(
    ("days", "length"),
    [(("01-02", "01-01"), 366), (("12-31", "12-29"), 365), (("12-01", "01-01"), 32), (("01-03", "12-29"), 362)],
)
def test_the_closure_flag_is_refused_with_one_line(capsys, days, length):
    code, out, err = run(capsys, "schedule", "--closure", *days)
    assert (code, out) == (2, "")
    assert err == f"naccs-tui: --closure: {days[0]}～{days[1]} は {length} 日間です。{BOUND_JA}\n"
    assert "Traceback" not in err


def test_the_year_end_closure_still_runs_over_the_new_year(capsys):
    # netNACCS applied Thu 2026-12-24: 12-25 (1), 28 (2); 12-29..01-03 closed; 01-04 (3), 05 (4),
    # 06 (5), 07 (6), 08 (7)
    code, out, _err = run(capsys, "schedule", "--closure", "12-29", "01-03", "--applied", "2026-12-24", "--lang", "en")
    assert code == 0 and "about 2027-01-08 (about 7 business days after applying)" in out
    # a 31-day closure is taken: December whole, 12-01 to 12-31 (01-01 a holiday, 01-02/03 a weekend);
    # applied Mon 2026-11-30: 01-04 (1) ... 01-08 (5), 01-12 (6, 01-11 is Coming of Age Day), 01-13 (7)
    code, out, _err = run(capsys, "schedule", "--closure", "12-01", "12-31", "--applied", "2026-11-30", "--lang", "en")
    assert code == 0 and "about 2027-01-13 (about 7 business days after applying)" in out


def test_a_search_that_finds_no_business_day_says_so(capsys, tmp_path):
    # near the end of the calendar the search stops (Python's dates end at 9999-12-31)
    with pytest.raises(NoBusinessDay) as exc:
        add_business_days(D(9999, 11, 20), 60, DEFAULT_CLOSURE)
    assert (exc.value.code, exc.value.field, exc.value.params["day"]) == (
        "no_business_day_after",
        "schedule.applied",
        "9999-11-20",
    )
    # a closure that leaves no day (never taken from a file or a field: see above) ends the search
    # after three years instead of running on
    with pytest.raises(NoBusinessDay):
        add_business_days(D(2026, 12, 1), 1, ("01-01", "12-31"))
    code, out, err = run(capsys, "schedule", "--applied", "9999-11-29")
    assert (code, out) == (2, "")
    assert err == (
        "naccs-tui: --applied: 9999-11-29 の後 3 年以内に営業日がありません（扱える日付は 0001-02-01～9999-11-30）\n"
    )
    code, _out, err = run(capsys, "schedule", "--applied", "0001-01-01", "--lang", "en")
    assert code == 2
    assert err == "naccs-tui: --applied: 0001-01-01 is outside the calendar (0001-02-01 to 9999-11-30)\n"
    path = tmp_path / "late.toml"  # from a file: the file and its field
    path.write_text("schema = 1\n[schedule]\napplied = 9999-11-29\n", "utf-8")
    code, _out, err = run(capsys, "schedule", str(path), "--lang", "en")
    assert code == 2
    assert err.startswith(f"naccs-tui: {path}: schedule.applied: no business day within 3 years after 9999-11-29")


MONTH_DAY = st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 12, 31)).map(lambda d: d.strftime("%m-%d"))


@settings(max_examples=80, deadline=None)
@given(
    start=MONTH_DAY,
    end=MONTH_DAY,
    applied=st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
    method=st.sampled_from(["interactive", "netnaccs", "webnaccs"]),
)
def test_any_accepted_closure_gives_a_start_within_a_bounded_horizon(tariffs, start, end, applied, method):
    try:
        closure = parse_closure(start, end)
    except InputError as exc:
        assert exc.code == "closure_too_long" and closure_days(start, end) > MAX_CLOSURE_DAYS
        return
    assert closure_days(start, end) <= MAX_CLOSURE_DAYS
    p = timeline(method, applied, tariffs.lead_time, closure)
    # 60 business days need at most 60 + 23 (the weekdays of 31 closed days) + 17 (the most weekday
    # holidays Japan has in a year, 2000-2091) = 100 weekdays: 20 weeks, 140 days, + a weekend at the start
    assert applied < p.earliest_start <= p.latest_start <= applied + timedelta(days=142)
    assert not in_closure(p.earliest_start, closure) and not in_closure(p.latest_start, closure)
