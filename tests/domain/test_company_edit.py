"""Editing a company the way the TUI's office/unit navigator does: each edit gives a new company
that still passes the file's rules (names unique, every office with a unit), and writing a unit
back from the panes' scenario puts each field where the file keeps it."""

from __future__ import annotations

import tomllib

import pytest

from naccs_tui.domain.company import Company, GeneralUnit, NetnaccsUnit, Office, from_scenario, unit_scenario
from naccs_tui.domain.company_edit import (
    EditRefused,
    add_office,
    add_unit,
    put_unit,
    remove_office,
    remove_unit,
    rename_office,
    set_plan,
)
from naccs_tui.domain.company_file import parse_company
from naccs_tui.domain.company_quote import company_quote
from naccs_tui.domain.document import dumps
from naccs_tui.domain.scenario import Line, Scenario
from naccs_tui.domain.tariffs import load_tariffs

T = load_tariffs()


def two_units() -> Company:
    general = GeneralUnit(terminals=3, line=Line(kind="dedicated", speed="1M"), volumes={"IDA": 300})
    office = Office(
        name="本社",
        prefecture="東京都",
        user_codes=2,
        paid_statistics=True,
        general=general,
        netnaccs=NetnaccsUnit(terminals=2, volumes={"EDA": 50}),
    )
    return Company(offices=(office,))


def still_valid(c: Company) -> Company:
    """The company as its file says it: saved and read back, checked like any file."""
    return parse_company(tomllib.loads(dumps(c)), "x.toml", T)


def test_a_unit_edited_as_a_scenario_goes_back_where_the_file_keeps_it():
    c = two_units()
    s = unit_scenario(c, 1, "netnaccs", options=True)
    assert (s.usage.method, s.usage.user_codes, s.usage.paid_statistics, s.prefecture) == (
        "netnaccs",
        2,
        True,
        "東京都",
    )
    s = s.replace("usage", terminals=4, user_codes=3, bonded_storage=True).with_volume("EDA", 70)
    s = s.model_copy(update={"prefecture": "大阪府"})
    new, kind = put_unit(c, 1, "netnaccs", s)
    o = new.offices[0]
    assert kind == "netnaccs"
    assert (o.netnaccs.terminals, o.netnaccs.volumes) == (4, {"EDA": 70})
    assert (o.user_codes, o.bonded_storage, o.paid_statistics, o.prefecture) == (3, True, True, "大阪府")
    assert o.general == c.offices[0].general  # the other unit is untouched
    assert still_valid(new) == new


def test_a_method_change_moves_the_unit_only_into_a_free_place():
    one = Company(offices=(Office(netnaccs=NetnaccsUnit(terminals=2, plan="A", volumes={"EDA": 5})),))
    s = unit_scenario(one, 1, "netnaccs", options=True)
    s = s.replace("usage", method="interactive").model_copy(update={"line": Line(kind="broadband")})
    new, kind = put_unit(one, 1, "netnaccs", s)
    assert kind == "general" and new.offices[0].netnaccs is None
    g = new.offices[0].general
    assert (g.terminals, g.plan, g.volumes, g.line.kind) == (2, "A", {"EDA": 5}, "broadband")
    # an office that has both: interactive for its netNACCS unit would need a second general unit
    c = two_units()
    s = unit_scenario(c, 1, "netnaccs", options=True).replace("usage", method="interactive")
    with pytest.raises(EditRefused) as info:
        put_unit(c, 1, "netnaccs", s)
    assert info.value.code == "unit_taken"


def test_adding_an_office_names_the_first_and_keeps_names_unique():
    c = from_scenario(Scenario())
    assert c.offices[0].name is None
    two = add_office(c, "大阪支店", first_name="本社")
    assert [o.name for o in two.offices] == ["本社", "大阪支店"]
    assert two.offices[1].netnaccs == NetnaccsUnit() and two.offices[1].general is None
    assert still_valid(two) == two
    with pytest.raises(EditRefused) as info:
        add_office(two, " 本社 ")
    assert info.value.code == "name_taken"
    with pytest.raises(EditRefused):
        rename_office(two, 2, "本社")
    assert rename_office(two, 2, "  神戸支店 ").offices[1].name == "神戸支店"
    assert rename_office(two, 1, "本社").offices[0].name == "本社"  # its own name is no clash
    with pytest.raises(EditRefused) as info:
        rename_office(two, 1, "   ")
    assert info.value.code == "name_empty"


def test_removing_keeps_at_least_one_office_and_one_unit_each():
    c = add_office(two_units(), "大阪支店")
    with pytest.raises(EditRefused) as info:
        remove_unit(c, 2, "netnaccs")
    assert info.value.code == "last_unit"
    one = remove_office(c, 1)
    assert [o.name for o in one.offices] == ["大阪支店"]
    with pytest.raises(EditRefused) as info:
        remove_office(one, 1)
    assert info.value.code == "last_office"
    no_net = remove_unit(c, 1, "netnaccs")
    assert no_net.offices[0].netnaccs is None and still_valid(no_net) == no_net
    with pytest.raises(EditRefused):
        add_unit(c, 1, "general")
    back = add_unit(no_net, 1, "netnaccs")
    assert back.offices[0].netnaccs == NetnaccsUnit()


def test_a_fixed_plan_changes_the_company_total():
    # the netNACCS unit: 2 terminals, EDA 50 at the shipped sample prices 69 (A) / 80 (B):
    #   Plan A = 2 × 5,000 + 50 × 69 = 13,450;  Plan B = 50 × 80 = 4,000  -> auto is on B
    c = two_units()
    q = company_quote(c, T)
    net = q.units[1]
    assert (net.fees("A"), net.fees("B"), net.plan) == (13_450, 4_000, "B")
    fixed = company_quote(set_plan(c, 1, "netnaccs", "A"), T)
    assert fixed.units[1].plan == "A"
    assert fixed.monthly() - q.monthly() == 13_450 - 4_000
    assert fixed.monthly("best") == q.monthly()  # the best per unit does not depend on the choice
