"""Hypothesis invariants of the engine (DESIGN.md "Tests")."""

from __future__ import annotations

import tomllib
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.domain.costing import quote
from naccs_tui.domain.scenario import Scenario, dumps, parse_scenario, to_toml_dict
from naccs_tui.domain.tariffs import data_file, load_tariffs

TARIFFS = load_tariffs(data_file("tariffs.toml"))
CODES = [op.code for op in TARIFFS.operations]

lines = st.one_of(
    st.fixed_dictionaries({"kind": st.just("internet")}),
    st.fixed_dictionaries(
        {
            "kind": st.just("dedicated"),
            "speed": st.sampled_from(["1M", "3M", "5M", "10M"]),
            "router": st.sampled_from(["standard", "spare", "redundant"]),
            "maintenance": st.sampled_from(["weekdays", "24x365"]),
            "ping_monitoring": st.booleans(),
            "lines": st.integers(1, 4),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("dedicated"),
            "speed": st.sampled_from(["64k", "128k"]),
            "router": st.sampled_from(["standard", "spare"]),
            "lines": st.integers(1, 4),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("broadband"),
            "medium": st.sampled_from(["fiber", "adsl"]),
            "router": st.sampled_from(["standard", "spare"]),
            "maintenance": st.sampled_from(["weekdays", "24x365"]),
        }
    ),
)


@st.composite
def scenarios(draw):
    line = draw(lines)
    method = "interactive" if line["kind"] != "internet" else draw(st.sampled_from(["netnaccs", "webnaccs"]))
    usage = {
        "method": method,
        "terminals": draw(st.integers(1, 50)),
        "user_codes": draw(st.integers(1, 10)),
        "paid_statistics": draw(st.booleans()),
        "bonded_storage": draw(st.booleans()),
    }
    volumes = draw(st.dictionaries(st.sampled_from(CODES), st.integers(0, 50_000), max_size=len(CODES)))
    return Scenario.model_validate({"line": line, "usage": usage, "volumes": volumes})


def diff_at(s: Scenario, k: int) -> int:
    q = quote(s.model_copy(update={"volumes": {c: v * k for c, v in s.volumes.items()}}), TARIFFS)
    return q.a.monthly - q.b.monthly


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.integers(0, 20))
def test_plan_difference_is_linear_in_volume(s, k):
    d0, d1 = diff_at(s, 0), diff_at(s, 1)
    assert diff_at(s, k) == d0 + k * (d1 - d0)
    assert d0 == s.usage.terminals * TARIFFS.plans.basic_fee_a_per_terminal


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_plans_equal_at_the_break_even(s):
    q = quote(s, TARIFFS)
    be = q.break_even
    if be is None:
        # no priced gap at this mix: Plan A is never cheaper
        assert q.cheaper == "B"
        return
    ops = TARIFFS.ops
    a = q.a.line + q.a.options + q.a.basic + be.scale * sum(v * ops[c].price_a for c, v in s.volumes.items())
    b = q.b.line + q.b.options + be.scale * sum(v * ops[c].price_b for c, v in s.volumes.items())
    assert abs(a - b) < 1
    # the whole-number break-even is the first volume at which A is not dearer
    assert be.transactions_per_month - 1 < be.transactions_exact <= be.transactions_per_month
    # per terminal figure: B's metered fee at the break-even, per terminal
    per_terminal = be.scale * sum(v * ops[c].price_b for c, v in s.volumes.items()) / s.usage.terminals
    assert abs(per_terminal - be.plan_b_metered_per_terminal) <= Fraction(1, 2)


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_cheaper_plan_flips_at_most_once_along_the_mix(s):
    signs = []
    for k in range(0, 41):
        d = diff_at(s, k)
        signs.append((d > 0) - (d < 0))
    # A - B only falls as volume grows: once A is cheaper it stays cheaper
    assert signs == sorted(signs, reverse=True)


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.integers(1, 60))
def test_totals_are_never_negative(s, months):
    q = quote(s, TARIFFS)
    for p in (q.a, q.b):
        assert p.monthly >= 0 and p.initial >= 0 and p.total(months) >= 0
        assert p.monthly == sum(i.amount for i in p.items)
        assert p.initial == sum(i.amount for i in p.initial_items)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_toml_round_trip(s):
    again = parse_scenario(tomllib.loads(dumps(s)), "x.toml", TARIFFS)
    assert to_toml_dict(again) == to_toml_dict(s)
    assert quote(again, TARIFFS) == quote(s, TARIFFS)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_a_unit_quoted_without_its_options_then_given_them_is_the_quote_with_them(s):
    """The TUI quotes a one-unit company's unit once (without options, in the company's quote) and
    adds its office's options: the figures must be those of quote() with the options."""
    from naccs_tui.domain.costing import option_items, with_options

    bare = s.replace("usage", paid_statistics=False, bonded_storage=False)
    assert with_options(quote(bare, TARIFFS), option_items(s, TARIFFS)) == quote(s, TARIFFS)
