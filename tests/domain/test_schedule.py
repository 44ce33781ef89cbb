"""Start dates, the setup deadline and the steps: dates counted by hand on a calendar (FACTS §4).

Lead times (tariffs.toml [lead_time], from the guide's flow, approximate): internet about 7
business days, dedicated/broadband about 50-60. System setup complete 4 business days before the
start (a bulletin-board rule, cited). Line works, package and certificate: the business day before
the start, as a suggestion (the guide sets no deadline). Business days skip Saturdays, Sundays,
Japanese public holidays and the closure (default 12-29..01-03, an assumption).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.domain.errors import InputError
from naccs_tui.domain.schedule import (
    DEFAULT_CLOSURE,
    add_business_days,
    days_off,
    holiday_name,
    in_closure,
    is_business_day,
    parse_closure,
    parse_date,
    timeline,
)
from naccs_tui.domain.tariffs import LeadTime
from naccs_tui.render import ics
from naccs_tui.render import schedule as render

D = date


def _steps(p):
    return {s.key: s for s in p.steps}


def test_internet_across_the_year_end(tariffs):
    # Applied Thu 2026-12-24. Business days after it: Fri 12-25 (1), Mon 12-28 (2); 12-29..01-03
    # closed (01-01 is also New Year's Day); Mon 01-04 (3), 01-05 (4), 01-06 (5), 01-07 (6), Fri 01-08 (7).
    p = timeline("netnaccs", D(2026, 12, 24), tariffs.lead_time)
    assert p.earliest_start == p.latest_start == D(2027, 1, 8)
    # 4 business days before 01-08: 01-07 (1), 01-06 (2), 01-05 (3), 01-04 (4)
    assert p.setup_deadline == D(2027, 1, 4)
    s = _steps(p)
    # the guide's order: the certificate (step 5) comes before the start (step 6)
    assert list(s) == ["nss", "setup", "package", "certificate", "start"]
    assert s["nss"].due == D(2026, 12, 24)
    assert s["package"].due == s["certificate"].due == D(2027, 1, 7)  # the business day before the start
    assert {k: st.kind for k, st in s.items()} == {
        "nss": "applied",
        "setup": "deadline",
        "package": "suggested",
        "certificate": "suggested",
        "start": "start",
    }


def test_only_the_cited_setup_rule_is_a_deadline(tariffs):
    # the guide sets no deadline for the line works, the package or the certificate: suggestions
    for method in ("interactive", "netnaccs", "webnaccs"):
        p = timeline(method, D(2026, 6, 1), tariffs.lead_time)
        deadlines = [st.key for st in p.steps if st.kind == "deadline"]
        suggested = [st.key for st in p.steps if st.kind == "suggested"]
        assert deadlines == ["setup"], method
        assert set(suggested) == {"line_works", "package", "certificate"} & {st.key for st in p.steps}
        assert all(st.due < p.earliest_start for st in p.steps if st.kind == "suggested")
        assert p.steps[-1].key == "start"


def test_lead_times_and_the_setup_rule_carry_their_sources(tariffs):
    lead = tariffs.lead_time
    assert lead.source == "guide 利用申込からNACCS利用開始までの流れ"
    # the 4-business-day rule: NACCS bulletin board, notice of 2019-04-02 (system usage rules art. 15)
    assert lead.setup_deadline == 4
    assert lead.setup_deadline_source == "bbs https://bbs.naccscenter.com/naccs/dfw/web/docs/2019032900057"
    # the certificate months had no source: gone, and an older file that still has them loads
    assert not hasattr(lead, "certificate_months")
    old = {"internet": 7, "dedicated_min": 50, "dedicated_max": 60, "setup_deadline": 4, "certificate_months": 2}
    assert LeadTime.model_validate(old) == lead.model_copy(update={"source": None, "setup_deadline_source": None})


def test_methods_get_their_own_steps(tariffs):
    keys = {
        m: [s.key for s in timeline(m, D(2026, 6, 1), tariffs.lead_time).steps]
        for m in ("interactive", "netnaccs", "webnaccs")
    }
    assert "line_works" in keys["interactive"] and "certificate" not in keys["interactive"]
    assert "package" in keys["netnaccs"] and "line_works" not in keys["netnaccs"]
    assert "package" not in keys["webnaccs"] and "certificate" in keys["webnaccs"]
    assert all(k[0] == "nss" for k in keys.values())


def test_around_the_september_holidays(tariffs):
    # Applied Fri 2026-09-18. Sat 19, Sun 20, Mon 21 Respect for the Aged Day, Tue 22 national
    # holiday (between two holidays), Wed 23 Autumnal Equinox Day. Then Thu 24 (1), Fri 25 (2),
    # Mon 28 (3), 29 (4), 30 (5), Thu 10-01 (6), Fri 10-02 (7).
    p = timeline("webnaccs", D(2026, 9, 18), tariffs.lead_time)
    assert p.earliest_start == D(2026, 10, 2)
    assert p.setup_deadline == D(2026, 9, 28)  # 10-01 (1), 09-30 (2), 09-29 (3), 09-28 (4)
    assert [d for d, _ in days_off(D(2026, 9, 18), D(2026, 10, 2), DEFAULT_CLOSURE)] == [
        D(2026, 9, 21),
        D(2026, 9, 22),
        D(2026, 9, 23),
    ]


def test_around_golden_week(tariffs):
    # Applied Wed 2027-04-28. Thu 04-29 Showa Day; Fri 04-30 (1); Sat/Sun; 05-03..05-05 holidays;
    # Thu 05-06 (2), Fri 05-07 (3), Mon 05-10 (4), 05-11 (5), 05-12 (6), Thu 05-13 (7).
    assert timeline("netnaccs", D(2027, 4, 28), tariffs.lead_time).earliest_start == D(2027, 5, 13)


def test_dedicated_50_to_60_business_days_across_the_year_end(tariffs):
    # Applied Tue 2026-12-01, counted by hand:
    #   Dec 2-4 (3), 7-11 (8), 14-18 (13), 21-25 (18), Mon 28 (19); 12-29..01-03 closed.
    #   Jan 4-8 (24), 11 is Coming of Age Day, 12-15 (28), 18-22 (33), 25-29 (38).
    #   Feb 1-5 (43), 8-12 without Foundation Day 11 (47), 15 (48), 16 (49), Wed 17 (50).
    #   Then 18 (51), 19 (52), 22 (53), 23 is the Emperor's Birthday, 24 (54), 25 (55), 26 (56),
    #   Mar 1 (57), 2 (58), 3 (59), Thu 4 (60).
    p = timeline("interactive", D(2026, 12, 1), tariffs.lead_time)
    assert (p.lead_min, p.lead_max) == (50, 60)
    assert p.earliest_start == D(2027, 2, 17)
    assert p.latest_start == D(2027, 3, 4)
    # setup: 4 business days before 02-17: 16 (1), 15 (2), 12 (3), 10 (4) (11 is a holiday)
    assert p.setup_deadline == D(2027, 2, 10)
    s = _steps(p)
    # suggestions: the line works on the business day after the deadline, 3 business days before
    # the start (12, with 11 a holiday), before the package install on the day before (16)
    assert s["line_works"].due == D(2027, 2, 12)
    assert s["package"].due == D(2027, 2, 16)


def test_the_closure_is_editable(tariffs):
    lead = tariffs.lead_time
    # no closure: 12-29, 12-30, 12-31 (Tue-Thu) count; 01-01 is still a holiday, 01-02/03 a weekend.
    # 12-25 (1), 28 (2), 29 (3), 30 (4), 31 (5), 01-04 (6), 01-05 (7)
    assert timeline("netnaccs", D(2026, 12, 24), lead, None).earliest_start == D(2027, 1, 5)
    # a shorter closure 12-31..01-01: 12-25 (1), 28 (2), 29 (3), 30 (4), 01-04 (5), 05 (6), 06 (7)
    assert timeline("netnaccs", D(2026, 12, 24), lead, ("12-31", "01-01")).earliest_start == D(2027, 1, 6)
    # the 50th business day from 12-01 moves 3 business days earlier without the closure:
    # 12-28 is the 19th, +3 = 22 by 12-31; Jan 4-8 (27), 12-15 (31), 18-22 (36), 25-29 (41),
    # Feb 1-5 (46), 8 (47), 9 (48), 10 (49), 12 (50)
    assert timeline("interactive", D(2026, 12, 1), lead, None).earliest_start == D(2027, 2, 12)


def test_a_closure_inside_the_year(tariffs):
    # an Obon closure 08-13..08-16 (no wrap). Applied Tue 2027-08-10: Wed 11 Mountain Day,
    # Thu 12 (1), Fri 13 closed, weekend, Mon 16 closed, 17 (2), 18 (3), 19 (4), 20 (5), 23 (6), Tue 24 (7)
    assert timeline("netnaccs", D(2027, 8, 10), tariffs.lead_time, ("08-13", "08-16")).earliest_start == D(2027, 8, 24)
    assert in_closure(D(2027, 8, 13), ("08-13", "08-16")) and not in_closure(D(2027, 8, 17), ("08-13", "08-16"))
    assert in_closure(D(2027, 1, 3), DEFAULT_CLOSURE) and not in_closure(D(2027, 1, 4), DEFAULT_CLOSURE)


def test_holiday_names_in_both_languages():
    assert holiday_name(D(2027, 1, 11)) == "成人の日"
    assert holiday_name(D(2027, 1, 11), "en") == "Coming of Age Day"
    assert holiday_name(D(2027, 1, 12)) is None


@settings(max_examples=60, deadline=None)
@given(
    applied=st.dates(min_value=D(2025, 1, 1), max_value=D(2030, 12, 31)),
    method=st.sampled_from(["interactive", "netnaccs", "webnaccs"]),
    closure=st.sampled_from([DEFAULT_CLOSURE, None, ("12-30", "01-04"), ("08-13", "08-16")]),
)
def test_plan_invariants(tariffs, applied, method, closure):
    p = timeline(method, applied, tariffs.lead_time, closure)

    # exactly lead_min business days in (applied, earliest], lead_max in (applied, latest]
    def count(last):
        return sum(is_business_day(applied + timedelta(days=n), closure) for n in range(1, (last - applied).days + 1))

    assert count(p.earliest_start) == p.lead_min and count(p.latest_start) == p.lead_max
    assert is_business_day(p.earliest_start, closure) and is_business_day(p.setup_deadline, closure)
    assert applied < p.setup_deadline < p.earliest_start <= p.latest_start
    assert [s.due for s in p.steps] == sorted(s.due for s in p.steps)
    assert p.steps[-1].key == "start" and all(s.due < p.earliest_start for s in p.steps[:-1])
    # taking the closure away never makes the start later
    assert timeline(method, applied, tariffs.lead_time, None).earliest_start <= p.earliest_start
    assert add_business_days(p.earliest_start, -p.lead_min, closure) <= applied


def test_parse_date_and_closure():
    assert parse_date(" 2026-12-24 ") == D(2026, 12, 24)
    for bad in ("2026-13-01", "2026-02-30", "20261224", "2026-1-01", "", "tomorrow"):
        with pytest.raises(InputError) as exc:
            parse_date(bad, "--applied")
        assert exc.value.field == "--applied" and "YYYY-MM-DD" in exc.value.reason
    assert parse_closure("12-29", "01-03") == ("12-29", "01-03")
    for a, b in (("12-32", "01-03"), ("1229", "01-03"), ("13-01", "01-03"), ("12-29", "")):
        with pytest.raises(InputError):
            parse_closure(a, b)


# ---- rendering ---------------------------------------------------------------------------------
def test_report_text_and_calendar_marks(tariffs):
    r = render.schedule_report("netnaccs", D(2026, 12, 24), tariffs.lead_time, DEFAULT_CLOSURE, "en")
    assert (r.earliest_start, r.setup_deadline) == ("2027-01-08", "2027-01-04")
    assert [(st.key, st.kind) for st in r.steps] == [
        ("nss", "applied"),
        ("setup", "deadline"),
        ("package", "suggested"),
        ("certificate", "suggested"),
        ("start", "start"),
    ]
    assert r.closure_note == "Assumes the year-end closure 12-29 to 01-03 is not a business day"
    # weekday days off between applying and the start: the closure's weekdays and New Year's Day
    assert render.days_off_text(r, "en") == "12-29..12-31 year-end closure, 01-01 New Year's Day"
    assert render.months(r) == [(2026, 12), (2027, 1)]
    jan = {cell.strip(): kind for row in render.month_cells(2027, 1, r, "en")[1:] for cell, kind in row}
    # setup 01-04 is a deadline (!); package and certificate 01-07 only a suggestion (+)
    assert jan["4!"] == "deadline" and jan["7+"] == "suggested"
    assert jan["8*"] == "start" and jan["1-"] == "off" and jan["9"] == "weekend"
    dec = {cell.strip(): kind for row in render.month_cells(2026, 12, r, "en")[1:] for cell, kind in row}
    assert dec["24>"] == "applied" and dec["29-"] == "off" and dec["25"] == "plain"
    text = render.to_text(r, "en")
    assert "2027-01-04 ! System setup application (deadline)" in text
    assert "2027-01-07 + Install the package software (suggested)" in text
    assert "a suggested date: the guide sets no deadline" in text
    # the certificate is listed before the start, dated before it
    assert text.index("2027-01-07 + Digital certificate (suggested)") < text.index("2027-01-08 * Start")
    assert "+ suggested" in text and "! deadline" in text  # the legend tells them apart
    assert r.licence_note in text


def test_the_start_and_lead_times_are_about(tariffs):
    r = render.schedule_report("netnaccs", D(2026, 12, 24), tariffs.lead_time, DEFAULT_CLOSURE, "en")
    assert render.start_text(r, "en") == "about 2027-01-08 (about 7 business days after applying)"
    assert render.setup_text(r, "en").startswith("about 2027-01-04 (")
    assert r.lead_time_note == (
        "Lead times, approximate: internet (netNACCS, WebNACCS) about 7 business days; "
        "dedicated/broadband (interactive) about 50-60 business days"
    )
    ja = render.schedule_report("interactive", D(2026, 12, 1), tariffs.lead_time, DEFAULT_CLOSURE, "ja")
    assert render.start_text(ja, "ja") == "2027-02-17 ～ 2027-03-04 ごろ（申込から約 50～60 営業日）"
    assert "約 7 営業日" in ja.lead_time_note and "約 50～60 営業日" in ja.lead_time_note
    assert "2027-03-04 ごろまで" in render.step_note(ja.steps[-1], ja, "ja")


def test_the_report_says_where_its_figures_come_from(tariffs):
    r = render.schedule_report("netnaccs", D(2026, 12, 24), tariffs.lead_time, DEFAULT_CLOSURE, "en")
    kinds = {s.what: s.kind for s in r.sources}
    assert kinds == {
        "lead times": "guide",
        "setup deadline": "bbs",
        "holidays": "library",
        "year-end closure dates": "assumption",
    }
    line = render.sources_text(r, "en")
    assert "利用申込からNACCS利用開始までの流れ" in line
    assert "https://bbs.naccscenter.com/naccs/dfw/web/docs/2019032900057" in line
    assert "holidays library" in line and "an assumption (the guide gives no dates)" in line
    assert ["Sources", line] in render.summary_rows(r, "en") and line in render.to_text(r, "en")
    # no closure: nothing is assumed about it
    none = render.schedule_report("netnaccs", D(2026, 12, 24), tariffs.lead_time, None, "en")
    assert "assumption" not in [s.kind for s in none.sources]


def test_start_window_is_marked_for_dedicated(tariffs):
    r = render.schedule_report("interactive", D(2026, 12, 1), tariffs.lead_time, DEFAULT_CLOSURE, "ja")
    assert render.months(r) == [(2026, 12), (2027, 1), (2027, 2), (2027, 3)]
    marks = render.marks(r)
    # window: business days after 02-17 up to 03-04 (02-23 is a holiday): 18 19 22 24 25 26 1 2 3 4
    window = sorted(d for d, k in marks.items() if k == "window")
    assert len(window) == 10 and window[0] == D(2027, 2, 18) and window[-1] == D(2027, 3, 4)
    assert D(2027, 2, 23) not in marks
    assert "2027-02-17 ～ 2027-03-04 ごろ" in render.start_text(r, "ja")


def test_ics_escaping_and_folding():
    assert ics.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "各端末にインストール（掲示板のセットアップマニュアル参照）" * 3
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1 and all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if n else p for n, p in enumerate(parts)) == line  # unfolds to the original
    assert ics.fold("SHORT:x") == "SHORT:x"
