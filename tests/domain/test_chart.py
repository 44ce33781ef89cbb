"""The chart's series and markers (pure function), values computed by hand from tariffs.toml."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.domain.chart import chart
from naccs_tui.domain.costing import quote
from naccs_tui.domain.scenario import Line, Scenario, Usage


def busy() -> Scenario:
    # netNACCS, 2 terminals, IDC 300 + EDC 200 = 500 transactions a month.
    return Scenario(usage=Usage(method="netnaccs", terminals=2), volumes={"IDC": 300, "EDC": 200})


def test_values_at_zero_break_even_and_twice(tariffs):
    c = chart(busy(), tariffs)
    # Plan A fixed = 2 terminals × 5,000 = 10,000; metered A = 300×170 + 200×138 = 78,600 -> 157.2/tx
    # Plan B fixed = 0;                              metered B = 300×200 + 200×160 = 92,000 -> 184/tx
    assert c.volume == 500
    assert c.at(0) == (10_000, 0)
    # break-even: 10,000 / (184 - 157.2) = 10,000 / 26.8 = 25,000/67 = 373.13 transactions
    assert c.break_even == Fraction(25_000, 67)
    # there both plans cost 184 × 25,000/67 = 4,600,000/67 = 68,656.7 -> 68,657 yen
    assert c.at(c.break_even) == (68_657, 68_657)
    # axis end: 2 × max(500 now, 374 at break-even) = 1,000
    assert c.x_max == 1_000 and c.xs[0] == 0 and c.xs[-1] == 1_000
    # at 2× (1,000): A = 10,000 + 157.2 × 1,000 = 167,200; B = 184 × 1,000 = 184,000
    assert c.at(1_000) == (167_200, 184_000)
    assert (c.a[-1], c.b[-1]) == (167_200, 184_000)
    assert (c.a[0], c.b[0]) == (10_000, 0)
    # now (500): A = 10,000 + 78,600 = 88,600; B = 92,000 (= the quote's monthly totals)
    assert c.at(500) == (88_600, 92_000)


def test_break_even_beyond_volume_sets_the_axis(tariffs):
    # 1 terminal, IDC 10: gap = 10 × (200 - 170) = 300 yen; s* = 5,000/300 = 50/3;
    # break-even = 10 × 50/3 = 166.67 -> axis end 2 × 167 = 334
    c = chart(Scenario(volumes={"IDC": 10}), tariffs)
    assert c.break_even == Fraction(500, 3)
    assert c.x_max == 334
    # at 2×: A = 5,000 + 170 × 334 = 61,780; B = 200 × 334 = 66,800 (A has paid off)
    assert c.at(334) == (61_780, 66_800)


def test_horizon_totals_include_initial_and_tax(tariffs):
    # dedicated 1M, standard router, weekdays: initial 98,000; line 36,000 + router 5,200 = 41,200/month
    s = Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes={"IDC": 100})
    c = chart(s, tariffs)
    a, b = c.totals(months=12)
    # x = 0: A = 98,000 + 12 × (41,200 + 5,000) = 652,400; B = 98,000 + 12 × 41,200 = 592,400
    assert (a[0], b[0]) == (652_400, 592_400)
    a, b = c.totals(months=12, tax=True)
    # × 1.10, rounded down: 717,640 and 651,640
    assert (a[0], b[0]) == (717_640, 651_640)
    # marker at now (100): A = 98,000 + 12 × (46,200 + 17,000) = 856,400; B = 98,000 + 12 × 61,200 = 832,400
    assert c.marker_total(100, months=12) == (856_400, 832_400)


def test_no_volume_is_an_empty_chart(tariffs):
    c = chart(Scenario(), tariffs)
    assert c.empty and c.break_even is None
    assert c.at(0) == (5_000, 0)  # Plan A = the basic fee of 1 terminal


def test_free_operations_never_break_even(tariffs):
    # ICG costs 0 on both plans: the lines are parallel, 5,000 apart; axis = 2 × 100
    c = chart(Scenario(volumes={"ICG": 100}), tariffs)
    assert c.break_even is None and c.x_max == 200
    assert set(c.a) == {5_000} and set(c.b) == {0}


codes = st.sampled_from(["IDA", "IDC", "EDA", "EDC", "SCR", "OLT", "BIC", "ICG"])


@settings(max_examples=60, deadline=None)
@given(vols=st.dictionaries(codes, st.integers(0, 50_000), min_size=1, max_size=5), terminals=st.integers(1, 20))
def test_series_agree_with_quote(tariffs, vols, terminals):
    s = Scenario(usage=Usage(terminals=terminals), volumes=vols)
    q, c = quote(s, tariffs), chart(s, tariffs)
    if c.empty:
        return
    assert c.at(q.volume) == (q.a.monthly, q.b.monthly)
    assert c.x_max >= 2 * q.volume
    diffs = [a - b for a, b in zip(c.a, c.b, strict=False)]
    assert diffs == sorted(diffs, reverse=True)  # A - B only falls as volume grows
    if c.break_even is not None:
        assert c.x_max >= 2 * c.break_even
        a, b = c.at(c.break_even)
        assert abs(a - b) <= 1
