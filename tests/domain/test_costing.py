"""Costing with values computed by hand from FACTS.md §1/§3 and tariffs.toml.

Sample unit prices used below (tariffs.toml, yen A/B): IDA 85/100, IDC 170/200, EDA 69/80,
EDC 138/160, OLT 96/120, ICG 0/0 (free).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from naccs_tui.domain.costing import quote
from naccs_tui.domain.scenario import Scenario


def scn(line=None, usage=None, volumes=None) -> Scenario:
    return Scenario.model_validate(
        {"line": line or {"kind": "internet"}, "usage": usage or {"method": "netnaccs"}, "volumes": volumes or {}}
    )


def dedicated(**line) -> Scenario:
    return scn({"kind": "dedicated", **line}, {"method": "interactive"})


def broadband(**line) -> Scenario:
    return scn({"kind": "broadband", **line}, {"method": "interactive"})


# (line options, monthly line fees, initial fee) — FACTS §1a/§1b, one line each
LINE_CASES = [
    # 64k: usage 20,700 + router weekdays 3,700; initial 88,000
    (dedicated(speed="64k"), 24_400, 88_000),
    # 128k 24h: usage 30,700 + router 24h 5,600
    (dedicated(speed="128k", maintenance="24x365"), 36_300, 88_000),
    # 128k spare router: 30,700 + flat spare router 11,200 (maintenance hours do not change it); initial 135,000
    (dedicated(speed="128k", router="spare", maintenance="24x365"), 41_900, 135_000),
    # 1M weekdays: 36,000 + 5,200; initial 98,000
    (dedicated(speed="1M"), 41_200, 98_000),
    # 1M with ping monitoring: 36,000 + 5,200 + 2,000
    (dedicated(speed="1M", ping_monitoring=True), 43_200, 98_000),
    # 3M 24h: 91,000 + 5,800
    (dedicated(speed="3M", maintenance="24x365"), 96_800, 98_000),
    # 5M spare: 101,000 + 11,600; initial 169,000
    (dedicated(speed="5M", router="spare"), 112_600, 169_000),
    # 10M redundant + ping: 139,900 + indoor wiring 1,000 + router 21,000 + ping free; initial 270,000
    (dedicated(speed="10M", router="redundant", ping_monitoring=True), 161_900, 270_000),
    # 1M redundant, 2 lines: (54,900 + 1,000 + 21,000) × 2; initial 270,000 × 2
    (dedicated(speed="1M", router="redundant", lines=2), 153_800, 540_000),
    # fiber weekdays: 13,400 + indoor wiring 1,000 + router 5,200; initial 98,000
    (broadband(medium="fiber"), 19_600, 98_000),
    # fiber 24h: 19,900 + 1,000 + 5,800
    (broadband(medium="fiber", maintenance="24x365"), 26_700, 98_000),
    # fiber spare router: 13,400 + 1,000 + 11,600; initial 169,000
    (broadband(medium="fiber", router="spare"), 26_000, 169_000),
    # ADSL weekdays: 10,490 + 5,200 (no indoor wiring); initial 85,000
    (broadband(medium="adsl"), 15_690, 85_000),
    # ADSL 24h spare: line 24h 13,490 + spare router 11,600; initial 130,000
    (broadband(medium="adsl", router="spare", maintenance="24x365"), 25_090, 130_000),
    # internet: nothing paid to the NACCS center
    (scn(), 0, 0),
]


@pytest.mark.parametrize(("scenario", "line_monthly", "initial"), LINE_CASES)
def test_line_fees(scenario, line_monthly, initial, tariffs):
    scenario.check(tariffs)
    q = quote(scenario, tariffs)
    assert q.a.line == q.b.line == line_monthly
    assert q.a.initial == q.b.initial == initial
    # no volumes, 1 terminal: Plan A adds only the 5,000 basic fee
    assert q.a.monthly == line_monthly + 5_000
    assert q.b.monthly == line_monthly


def test_items_carry_their_arithmetic(tariffs):
    s = dedicated(speed="1M", router="redundant").replace("usage", terminals=3).with_volume("IDA", 120)
    q = quote(s, tariffs)
    formulas = {i.key: i.formula for i in q.a.items}
    assert formulas["item.basic"] == "3 × 5,000"
    assert formulas["item.line_usage"] == "1 × 54,900"
    assert formulas["item.indoor_wiring"] == "1 × 1,000"
    assert [i.formula for i in q.a.items if i.group == "metered"] == ["120 × 85"]
    assert [i.formula for i in q.b.items if i.group == "metered"] == ["120 × 100"]
    assert "item.basic" not in {i.key for i in q.b.items}
    assert [i.formula for i in q.a.initial_items] == ["1 × 270,000"]
    # ambiguous readings are separate, named lines with a note
    router = next(i for i in q.a.items if i.key == "item.router")
    assert router.note == "note.router_flat"


def test_plans_and_break_even_on_internet(tariffs):
    q = quote(scn(volumes={"IDA": 100}), tariffs)
    # A: 5,000 + 100 × 85 = 13,500; B: 100 × 100 = 10,000
    assert (q.a.monthly, q.b.monthly, q.cheaper, q.saving) == (13_500, 10_000, "B", 3_500)
    assert (q.a.metered, q.b.metered, q.a.basic, q.b.basic) == (8_500, 10_000, 5_000, 0)
    be = q.break_even
    # the basic fee 5,000 is recovered at 15 yen/transaction: 5,000/15 = 333.3 -> 334
    assert be.scale == Fraction(10, 3)
    assert be.transactions_per_month == 334
    # Plan-B metered fee per terminal there: 333.3 × 100 = 33,333
    assert be.plan_b_metered_per_terminal == 33_333
    assert be.margin_transactions == 234
    assert be.margin_percent == pytest.approx(233.33, abs=0.01)


def test_break_even_on_a_mix_with_several_terminals(tariffs):
    s = (
        dedicated(speed="1M")
        .replace("usage", terminals=3)
        .model_copy(update={"volumes": {"IDA": 300, "IDC": 280, "EDA": 150, "EDC": 140, "ICG": 400}})
    )
    q = quote(s, tariffs)
    # line 41,200. B metered: 300×100 + 280×200 + 150×80 + 140×160 = 30,000+56,000+12,000+22,400 = 120,400
    # A metered: 300×85 + 280×170 + 150×69 + 140×138 = 25,500+47,600+10,350+19,320 = 102,770
    assert q.b.monthly == 41_200 + 120_400
    assert q.a.monthly == 41_200 + 15_000 + 102_770
    assert q.cheaper == "A" and q.saving == 161_600 - 158_970
    # gap 17,630 yen at this mix; 15,000/17,630 × 1,270 = 1,080.5 -> 1,081 transactions
    assert q.break_even.transactions_per_month == 1_081
    # B metered per terminal at the break-even: 5,000 × 120,400 / 17,630 = 34,146
    assert q.break_even.plan_b_metered_per_terminal == 34_146
    assert q.break_even.margin_transactions == 1_081 - 1_270
    # rule of thumb today: 120,400 / 3 = 40,133 per terminal > 37,500 -> Plan A
    assert (q.plan_b_metered_per_terminal, q.rule_of_thumb) == (40_133, "A")


def test_rule_of_thumb_bands(tariffs):
    assert quote(scn(volumes={"IDC": 100}), tariffs).rule_of_thumb == "B"  # 20,000 < 25,000
    assert quote(scn(volumes={"IDC": 150}), tariffs).rule_of_thumb == "depends"  # 30,000
    assert quote(scn(volumes={"IDC": 200}), tariffs).rule_of_thumb == "A"  # 40,000 > 37,500


def test_free_only_netnaccs_costs_nothing_on_plan_b(tariffs):
    q = quote(scn(volumes={"ICG": 500}), tariffs)
    assert q.b.monthly == 0 and q.b.initial == 0
    assert q.a.monthly == 5_000
    assert q.cheaper == "B"
    assert q.break_even is None  # Plan A never pays off on free operations


def test_no_volume_has_no_break_even(tariffs):
    assert quote(scn(), tariffs).break_even is None


def test_paid_options_per_user_code(tariffs):
    s = scn(usage={"method": "netnaccs", "user_codes": 3, "paid_statistics": True, "bonded_storage": True})
    q = quote(s, tariffs)
    # (1,000 + 1,000) × 3 user codes on both plans
    assert q.a.options == q.b.options == 6_000
    assert q.b.monthly == 6_000 and q.a.monthly == 11_000
    assert [i.formula for i in q.b.items] == ["3 × 1,000", "3 × 1,000"]


def test_equal_plans(tariffs):
    # 5,000 / 30 yen gap per IDC = 166.67; OLT gap 24: 5,000 = 24 × 200 + 200 ... use IDA: 15 × 1,000/3
    s = scn(volumes={"OLT": 125, "IDC": 66, "IDA": 1})  # gaps 24×125 + 30×66 + 15×1 = 3,000+1,980+15 = 4,995
    assert quote(s, tariffs).cheaper == "B"
    s = scn(volumes={"OLT": 125, "IDC": 66, "IDA": 1, "EDA": 0, "BIN": 1})  # + 5 (BIN 30-25) = 5,000
    q = quote(s, tariffs)
    assert q.a.monthly == q.b.monthly and q.cheaper == "equal" and q.saving == 0
    assert q.break_even.transactions_per_month == 193 and q.break_even.margin_transactions == 0


def test_n_month_totals_and_tax(tariffs):
    q = quote(dedicated(speed="1M"), tariffs)
    # A: 98,000 + 12 × 46,200 = 652,400; B: 98,000 + 12 × 41,200 = 592,400
    assert (q.a.total(12), q.b.total(12)) == (652_400, 592_400)
    assert q.b.total(60) == 98_000 + 60 * 41_200
    # 10% consumption tax, rounded down
    assert q.with_tax(41_200) == 45_320
    assert q.with_tax(12_345) == 13_579
    assert q.with_tax(0) == 0


def test_saving_with_tax_is_the_difference_of_the_taxed_totals(tariffs):
    # A 5,000 + 1 × 21 (HCH) = 5,021 -> 5,523.1 -> 5,523; B 1 × 25 = 25 -> 27.5 -> 27
    q = quote(scn(volumes={"HCH": 1}), tariffs)
    assert (q.with_tax(q.a.monthly), q.with_tax(q.b.monthly)) == (5_523, 27)
    # the saving shown beside those totals is their difference, 5,496 (taxing the plain
    # difference, 4,996 × 1.1 = 5,495.6 -> 5,495, would be 1 yen off what the user sees)
    assert q.monthly_saving(tax=True) == 5_496
    assert q.monthly_saving(tax=False) == 4_996
