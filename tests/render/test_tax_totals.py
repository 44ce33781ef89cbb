"""With tax on, every shown N-month total equals initial + N × monthly *as shown*: NACCS bills
monthly, so each monthly bill and the initial fee are taxed (rounded down) and then added.

Hand-computed case (FACTS §1a, tariffs.toml sample price HCH A 21 / B 25, 10% tax): dedicated 1M,
weekdays, standard router, 1 terminal, HCH 1 a month.
  Plan B monthly 36,000 + 5,200 + 25 = 41,225 -> 45,347.5 -> 45,347; initial 98,000 -> 107,800
  12 months: 107,800 + 12 × 45,347 = 651,964 (the tax of the plain sum, 592,700 × 1.1 = 651,970,
  would be 6 yen more than the figures shown add up to)
  Plan A monthly 41,200 + 5,000 + 21 = 46,221 -> 50,843.1 -> 50,843; 12 months 107,800 + 610,116 = 717,916
"""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.compare import compare
from naccs_tui.domain.costing import billed, quote
from naccs_tui.domain.recommend import Needs, recommend
from naccs_tui.domain.scenario import Scenario, save_scenario
from naccs_tui.render.quote import report
from naccs_tui.render.recommend import report as rec_report
from naccs_tui.render.report import render


def broker() -> Scenario:
    return Scenario.model_validate(
        {
            "line": {"kind": "dedicated", "speed": "1M"},
            "usage": {"method": "interactive", "terminals": 1},
            "volumes": {"HCH": 1},
        }
    )


def test_billed_by_hand():
    assert billed(98_000, 41_225, 12, 10, tax=True) == 651_964
    assert billed(98_000, 41_225, 12, 10, tax=False) == 592_700
    assert billed(0, 41_225, 1, 10, tax=True) == 45_347


def test_quote_totals_by_hand(tariffs):
    q = quote(broker(), tariffs)
    assert (q.monthly("B", tax=True), q.initial("B", tax=True)) == (45_347, 107_800)
    assert q.total("B", 12, tax=True) == 651_964
    assert q.monthly("A", tax=True) == 50_843 and q.total("A", 12, tax=True) == 717_916
    assert q.total("A", 12) == 98_000 + 12 * 46_221


def test_cli_json_and_text_by_hand(tmp_path, capsys, tariffs):
    path = tmp_path / "b.toml"
    save_scenario(broker(), path)
    assert main(["quote", str(path), "--format", "json", "--tax"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["plans"]["B"]["monthly"], r["plans"]["B"]["initial"], r["plans"]["B"]["total"]) == (
        45_347,
        107_800,
        651_964,
    )
    assert main(["quote", str(path), "--tax"]) == 0
    out = capsys.readouterr().out
    assert "651,964" in out and "651,970" not in out
    # the heading says what is taxed: not "all amounts" while the item lines are tax-excluded
    assert "金額はすべて税込" not in out and "明細は税抜" in out


SCENARIOS = st.builds(
    lambda kind, terminals, vols: Scenario.model_validate(
        {
            "line": {"kind": kind},
            "usage": {"method": "interactive" if kind != "internet" else "netnaccs", "terminals": terminals},
            "volumes": vols,
        }
    ),
    st.sampled_from(["internet", "dedicated", "broadband"]),
    st.integers(1, 40),
    st.dictionaries(st.sampled_from(["IDA", "IDC", "EDA", "HCH", "OLT", "SCR"]), st.integers(0, 50_000)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=SCENARIOS, months=st.integers(1, 60), tax=st.booleans())
def test_every_output_adds_up(tariffs, s, months, tax):
    q = quote(s, tariffs)
    r = report(s, tariffs, months=months, tax=tax, lang="en", q=q)
    for p in "AB":
        plan = r.plans[p]
        assert plan.total == plan.initial + months * plan.monthly
    # CSV: the same three figures per plan
    rows = list(csv.reader(io.StringIO(render(r, "csv", "en"))))
    for p in "AB":
        figures = {row[6]: int(row[5]) for row in rows[1:] if row[0] == p and row[1] == "total"}
        assert figures[f"total_{months}_months"] == figures["initial"] + months * figures["monthly"]
    # compare: the cheaper plan's total adds up from its monthly and initial
    row = compare([("x", s), ("y", s)], tariffs, months=months, tax=tax)[0]
    assert row.total_a == row.initial + months * row.monthly_a
    assert row.total_b == row.initial + months * row.monthly_b


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=SCENARIOS, months=st.integers(1, 60), tax=st.booleans())
def test_recommend_totals_add_up(tariffs, s, months, tax):
    rec = recommend(s, tariffs, Needs(), months=months)
    rep = rec_report(rec, s, top=5, tax=tax, lang="en")
    for e in rep.top:
        assert e.total == e.initial + months * e.monthly
