"""Seasonal volumes in the model and the year's engine (domain/season.py, domain/year.py): each
month's counts, each month's fees, the totals, the fiscal calendar and the terminals what-if.
Figures are hand-computed from FACTS.md and the sample unit prices of tariffs.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.domain.company import from_scenario, to_scenario, unit_scenario
from naccs_tui.domain.company_edit import merge_units, put_unit
from naccs_tui.domain.costing import quote
from naccs_tui.domain.document import dumps, load_document, parse_document
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.months import month_counts
from naccs_tui.domain.scenario import Scenario, parse_scenario
from naccs_tui.domain.year import file_year, fiscal_length, fiscal_year, terminals_a_cheaper, unit_year

ROOT = Path(__file__).resolve().parents[2]
SEASONAL = ROOT / "examples" / "seasonal-broker.toml"
BROKER = ROOT / "examples" / "customs-broker.toml"
MULTI = ROOT / "examples" / "multi-office-forwarder.toml"
SEASON = [0.8, 0.9, 1.3, 1.1, 0.9, 1, 1, 0.8, 1, 1.1, 1.2, 1]


def scenario(**fields) -> Scenario:
    return Scenario.model_validate({"line": {"kind": "dedicated"}, **fields})


# ---- a month's counts ----------------------------------------------------------------------------
def test_a_month_is_the_typical_month_times_its_multiplier_rounded_half_up():
    s = scenario(volumes={"IDA": 25, "IDC": 105, "EDA": 3}, season=[1] * 6 + [0.58, 1.1, 1, 1, 1, 0.5])
    # July: 25 × 0.58 = 14.5 exactly (the float product is 14.4999…): half up is 15
    assert month_counts(s, 7) == {"IDA": 15, "IDC": 61, "EDA": 2}  # 105 × 0.58 = 60.9, 3 × 0.58 = 1.74
    assert month_counts(s, 8) == {"IDA": 28, "IDC": 116, "EDA": 3}  # 27.5 -> 28, 115.5 -> 116, 3.3 -> 3
    assert month_counts(s, 12) == {"IDA": 13, "IDC": 53, "EDA": 2}  # 12.5, 52.5, 1.5: all up
    assert month_counts(s, 1) == {"IDA": 25, "IDC": 105, "EDA": 3}


def test_a_month_given_outright_replaces_the_whole_month():
    s = scenario(volumes={"IDA": 100, "IDC": 50}, season=[2] * 12, months={"4": {"IDA": 7}})
    assert month_counts(s, 4) == {"IDA": 7}  # IDC is not listed: 0 that month
    assert month_counts(s, 5) == {"IDA": 200, "IDC": 100}


def test_without_season_or_months_every_month_is_the_typical_month():
    s = scenario(volumes={"IDA": 100})
    assert [month_counts(s, m) for m in range(1, 13)] == [{"IDA": 100}] * 12


def test_a_month_never_goes_above_the_largest_count():
    s = scenario(volumes={"IDA": 900_000}, season=[100] * 12)
    assert month_counts(s, 3) == {"IDA": 1_000_000}


# ---- the file --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "doc, field",
    [
        ("season = [1, 1]", "season"),
        ("season = [1,1,1,1,1,1,1,1,1,1,1,-0.5]", "season"),
        ("season = [1,1,1,1,1,1,1,1,1,1,1,101]", "season"),
        ("season = [1,1,1,1,1,1,1,1,1,1,true,1]", "season"),
        ("season = [1,1,1,1,1,1,1,1,1,1,'x',1]", "season"),
        ("season = [1,1,1,1,1,1,1,1,1,1,nan,1]", "season"),
        ("season = 'all'", "season"),
        ("[months.13]\nIDA = 1", "months"),
        ("[months.0]\nIDA = 1", "months"),
        ("[months.04]\nIDA = 1", "months"),
        ("[months.4]\nIDA = -1", "months.4.IDA"),
        ("[months.4]\nZZZ = 1", "months.4.ZZZ"),
    ],
)
def test_a_bad_season_or_month_is_one_error_naming_the_field(doc, field, tariffs):
    with pytest.raises(InputError) as exc:
        parse_scenario(tomllib.loads(doc), "f.toml", tariffs)
    assert exc.value.field == field and exc.value.code is not None


def test_the_season_error_names_the_month_in_both_languages(tariffs):
    from naccs_tui.render.errors import error_line

    with pytest.raises(InputError) as exc:
        parse_scenario(tomllib.loads("season = [1,1,1,1,1,1,1,1,1,1,1,-1]"), "f.toml", tariffs)
    assert error_line(exc.value, "ja") == "f.toml: season: 12月の値 -1 は範囲外です（0～100）"
    assert error_line(exc.value, "en") == "f.toml: season: month 12: -1 is out of range (0 to 100)"


def test_schema_2_takes_a_season_per_unit_and_names_its_path(tariffs):
    doc = """schema = 2
[[office]]
name = "本社"
[office.netnaccs]
season = [1,1,1,1,1,1,1,1,1,1,1,1.5]
[office.netnaccs.volumes]
EDA = 10
[office.netnaccs.months.3]
EDA = 30
[[office]]
name = "支店"
[office.general]
season = [1, 2]
"""
    with pytest.raises(InputError) as exc:
        parse_document(tomllib.loads(doc), "c.toml", tariffs)
    assert exc.value.field == "office[2].general.season"
    with pytest.raises(InputError) as exc:
        parse_document(tomllib.loads("schema = 2\nseason = [1]\n[[office]]\n[office.netnaccs]\n"), "c.toml", tariffs)
    assert exc.value.code == "schema2_season"
    c = parse_document(tomllib.loads(doc.split('[[office]]\nname = "支店"')[0]), "c.toml", tariffs)
    unit = c.offices[0].netnaccs
    assert unit.season[11] == 1.5 and unit.months == {"3": {"EDA": 30}}
    assert parse_document(tomllib.loads(dumps(c)), "c.toml", tariffs) == c  # written back as it was


def test_season_and_months_round_trip_through_both_schemas(tariffs):
    c = load_document(SEASONAL, tariffs)
    s = to_scenario(c)
    assert s is not None and list(s.season) == SEASON and s.months["12"]["IDA"] == 230
    assert parse_document(tomllib.loads(dumps(c)), "x.toml", tariffs) == c
    assert "season = [" in dumps(c) and "[months.12]" in dumps(c)
    # as a unit of a company (schema 2) and back
    assert unit_scenario(c, 1, "general", options=True) == s
    two = c.model_copy(update={"offices": (c.offices[0].model_copy(update={"name": "大阪"}),)})
    text = dumps(two)
    assert "schema = 2" in text and "[office.general.months.12]" in text
    assert parse_document(tomllib.loads(text), "y.toml", tariffs) == two
    # the panes' edit path keeps them
    edited = s.replace(None, season=[2] * 12)
    new, _ = put_unit(c, 1, "general", edited)
    assert new.offices[0].general.season == (2,) * 12 and new.offices[0].general.months == s.months
    assert from_scenario(s) == c


def test_a_file_without_season_is_written_as_before(tariffs):
    text = BROKER.read_text("utf-8")
    c = load_document(BROKER, tariffs)
    assert "season" not in dumps(c) and "months" not in dumps(c)
    assert tomllib.loads(dumps(c))["volumes"] == tomllib.loads(text)["volumes"]


def test_merging_two_seasonal_units_adds_their_months(tariffs):
    doc = """schema = 2
[[office]]
[office.general]
season = [2,1,1,1,1,1,1,1,1,1,1,1]
[office.general.volumes]
IDA = 10
[office.netnaccs]
[office.netnaccs.volumes]
IDA = 5
[office.netnaccs.months.6]
IDA = 1
"""
    c = parse_document(tomllib.loads(doc), "m.toml", tariffs)
    merged, kind = merge_units(c, 1, "netnaccs", "interactive")
    unit = merged.offices[0].general
    assert kind == "general" and unit.season is None
    assert [month_counts(unit, m)["IDA"] for m in (1, 2, 6)] == [25, 15, 11]  # 20+5, 10+5, 10+1


# ---- fees month by month -------------------------------------------------------------------------
def test_a_file_without_season_gives_twelve_identical_months(tariffs):
    c = load_document(BROKER, tariffs)
    f = file_year(c, tariffs, (2027, 2), 12)
    # line 36,000 + router 11,600 + ping 2,000 + statistics 1,000 = 50,600; basic 3 × 5,000;
    # metered A 300×85 + 280×170 + 150×69 + 140×138 = 102,770; B 300×100 + 280×200 + 150×80 + 140×160 = 120,400
    assert {(m.a, m.b) for m in f.whole.months} == {(50_600 + 15_000 + 102_770, 50_600 + 120_400)}
    assert [m.label for m in f.whole.months][:2] == ["2027-02", "2027-03"] and f.whole.months[-1].label == "2028-01"
    assert f.whole.total("a") == 12 * 168_370 and f.whole.total("b") == 12 * 171_000
    assert f.whole.total("switching") == f.whole.total("fixed") == 12 * 168_370 and f.whole.saving == 0
    assert f.whole.initial == 169_000  # 1M with a spare router
    assert f.whole.with_initial("a") == 169_000 + 12 * 168_370 == quote(to_scenario(c), tariffs).total("A", 12)
    assert f.whole.change_months == ()


def test_a_seasonal_month_costs_what_a_quote_of_its_counts_costs(tariffs):
    c = load_document(SEASONAL, tariffs)
    f = file_year(c, tariffs, (2027, 2), 12)
    march = f.whole.months[1]
    # March × 1.3: IDA 195, IDC 182, EDA 104, EDC 91, ICG 260; fiber weekdays 13,400 + wiring 1,000
    # + router 5,200 = 19,600; A: 2 × 5,000 + 195×85 + 182×170 + 104×69 + 91×138 = 10,000 + 67,249
    assert (march.label, march.volume, march.multiplier) == ("2027-03", 832, 1.3)
    assert (march.a, march.b) == (19_600 + 10_000 + 67_249, 19_600 + 78_780)
    assert march.cheaper == "A" and march.pays  # Plan B is the best fixed plan over the year
    december = f.whole.months[10]
    assert december.given and december.multiplier is None and december.volume == 930
    assert f.whole.fixed_plan == "B"
    assert [m.label for m in f.whole.change_months] == ["2027-03", "2027-11", "2027-12"]
    assert f.whole.saving == sum(m.b - m.a for m in f.whole.change_months) > 0
    assert f.whole.total("switching") == sum(min(m.a, m.b) for m in f.whole.months)


def test_a_company_month_is_its_units_plus_the_offices_options(tariffs):
    c = load_document(MULTI, tariffs)
    f = file_year(c, tariffs, (2027, 2), 12)
    assert f.options == 4_000 and len(f.units) == 3
    for j, m in enumerate(f.whole.months):
        units = [u.fees.months[j] for u in f.units]
        assert m.a == sum(u.a for u in units) + 4_000 and m.b == sum(u.b for u in units) + 4_000
        assert m.best == sum(min(u.a, u.b) for u in units) + 4_000
    assert f.whole.total("fixed") == sum(u.fees.total("fixed") for u in f.units) + 12 * 4_000


def test_tax_is_on_each_month_and_the_totals_add_it_up(tariffs):
    f = file_year(load_document(SEASONAL, tariffs), tariffs, (2027, 2), 12).whole
    taxed = f.taxed(10)
    assert taxed.months[1].a == 96_849 * 110 // 100 == 106_533
    assert taxed.total("a") == sum(m.a * 110 // 100 for m in f.months)
    assert taxed.initial == 107_800


def test_the_fiscal_calendar():
    assert fiscal_year((2027, 3)) == 2026 and fiscal_year((2027, 4)) == 2027
    # the start's fiscal year from the start month and, when only part of one, the next whole one
    assert fiscal_length((2027, 4)) == 12 and fiscal_length((2027, 2)) == 14
    assert fiscal_length((2027, 3)) == 13 and fiscal_length((2027, 10)) == 18 and fiscal_length((2027, 5)) == 23


def test_months_with_the_same_counts_share_one_quote(tariffs, monkeypatch):
    import naccs_tui.domain.year as year

    calls = []
    real = year.quote
    monkeypatch.setattr(year, "quote", lambda s, t: calls.append(1) or real(s, t))
    unit_year(to_scenario(load_document(SEASONAL, tariffs)), tariffs, (2027, 1), 12)
    assert len(calls) == 7  # factors 0.8, 0.9, 1, 1.1, 1.2, 1.3 and December given


# ---- the terminals what-if --------------------------------------------------------------------------
def test_terminals_what_if_by_hand(tariffs):
    s = to_scenario(load_document(BROKER, tariffs))
    # B − A: 300×15 + 280×30 + 150×11 + 140×22 = 17,630 a month: 3 terminals (15,000) < 17,630 < 20,000
    assert terminals_a_cheaper(s, tariffs) == 3
    assert terminals_a_cheaper(scenario(volumes={"IDA": 1}), tariffs) == 0
    assert terminals_a_cheaper(scenario(volumes={}), tariffs) == 0


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["IDA", "IDC", "EDA", "EDC", "ICG"]), st.integers(0, 60_000), max_size=5))
def test_terminals_what_if_is_where_plan_a_stops_being_cheaper(tariffs, volumes):
    s = scenario(volumes=volumes)
    n = terminals_a_cheaper(s, tariffs)
    assert n is not None and n >= 0
    if 1 <= n <= 999:
        assert quote(s.replace("usage", terminals=n), tariffs).cheaper == "A"
    if n + 1 <= 999:
        assert quote(s.replace("usage", terminals=n + 1), tariffs).cheaper != "A"
