"""A company of offices (schema 2): the file, the engine and the issue's "done when" figures.

The figures are computed by hand from FACTS.md and the shipped tariffs.toml (fixed fees) and from
unit prices imported with `rates import` (IDA 80/100, IDC 160/200, EDA 64/80, Plan A/Plan B).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.company import (
    Company,
    GeneralUnit,
    NetnaccsUnit,
    Office,
    from_scenario,
    to_scenario,
)
from naccs_tui.domain.company_file import pick_unit
from naccs_tui.domain.company_quote import company_quote
from naccs_tui.domain.costing import quote
from naccs_tui.domain.document import dumps, load_document, parse_document
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Line, Scenario, load_scenario
from naccs_tui.domain.tariffs import load_tariffs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

# the two-office file of the issue, as written there
ISSUE = """schema = 2
name = "Example Logistics"

[[office]]
name = "本社"
prefecture = "東京都"
user_codes = 2                  # options are per user code, per office
paid_statistics = true
bonded_storage = false

[office.general]                # 一般NACCS: interactive, on a dedicated or broadband line (optional)
terminals = 3
plan = "auto"                   # "A" | "B" | "auto" (the cheaper for these volumes; B on a tie)
[office.general.line]           # the keys of today's [line]; kind is dedicated or broadband
kind = "dedicated"
speed = "1M"
[office.general.volumes]
IDA = 300
IDC = 280

[office.netnaccs]               # netNACCS or WebNACCS over the internet (optional)
method = "netnaccs"             # "netnaccs" | "webnaccs"
terminals = 2
plan = "auto"
[office.netnaccs.volumes]
EDA = 50

[[office]]
name = "大阪支店"
prefecture = "大阪府"
[office.netnaccs]
terminals = 1
[office.netnaccs.volumes]
EDA = 20

[schedule]                      # as today
applied = 2026-12-01
"""
RATES = """code,name_ja,name_en,price_a,price_b
IDA,輸入申告事項登録,Import declaration entry,80,100
IDC,輸入申告,Import declaration,160,200
EDA,輸出申告事項登録,Export declaration entry,64,80
"""


@pytest.fixture
def imported(tmp_path, capsys):
    """The shipped fixed fees with the three unit prices above, imported as a user would."""
    csv = tmp_path / "rates.csv"
    csv.write_text(RATES, "utf-8")
    out = tmp_path / "tariffs.toml"
    assert main(["rates", "import", str(csv), "--out", str(out)]) == 0
    capsys.readouterr()
    return out


@pytest.fixture
def issue_file(tmp_path):
    path = tmp_path / "company.toml"
    path.write_text(ISSUE, "utf-8")
    return path


def test_the_issues_figures(imported, issue_file):
    t = load_tariffs(imported)
    c = load_document(issue_file, t)
    assert isinstance(c, Company)
    q = company_quote(c, t)
    general, head_net, osaka = q.units
    # head office, general unit: 3 terminals on a dedicated 1M line (standard router, weekdays)
    #   line   = 36,000 (1M line usage) + 5,200 (router, >=1M, weekdays)             = 41,200
    #   Plan A = 3 × 5,000 basic + 300 × 80 (IDA) + 280 × 160 (IDC) = 15,000 + 24,000 + 44,800 = 83,800
    #   Plan B =                   300 × 100      + 280 × 200       = 30,000 + 56,000           = 86,000
    assert (general.line, general.fees("A"), general.fees("B")) == (41_200, 83_800, 86_000)
    assert (general.monthly("A"), general.monthly("B")) == (125_000, 127_200)
    assert (general.choice, general.plan, general.best) == ("auto", "A", "A")
    # head office, netNACCS: 2 terminals, EDA 50. A = 2 × 5,000 + 50 × 64 = 13,200; B = 50 × 80 = 4,000
    assert (head_net.line, head_net.fees("A"), head_net.fees("B"), head_net.plan) == (0, 13_200, 4_000, "B")
    # Osaka, netNACCS: 1 terminal, EDA 20. A = 5,000 + 20 × 64 = 6,280; B = 20 × 80 = 1,600
    assert (osaka.line, osaka.fees("A"), osaka.fees("B"), osaka.plan) == (0, 6_280, 1_600, "B")
    # options: head office, 2 user codes × 1,000 paid statistics = 2,000; Osaka none
    assert [o.options for o in q.offices] == [2_000, 0]
    # company, best plan per unit: 41,200 + 83,800 (A) + 4,000 (B) + 1,600 (B) + 2,000 = 132,600
    # all B: 41,200 + 86,000 + 4,000 + 1,600 + 2,000 = 134,800
    # all A: 41,200 + 83,800 + 13,200 + 6,280 + 2,000 = 146,480
    assert q.monthly("best") == q.monthly("chosen") == 132_600
    assert (q.monthly("B"), q.monthly("A")) == (134_800, 146_480)
    assert (q.saving("B"), q.saving("A"), q.saving("chosen")) == (2_200, 13_880, 0)
    # initial: the dedicated 1M line without a spare router, 98,000 (the netNACCS units have none)
    assert q.initial() == 98_000
    # general unit's break-even along its mix (300 IDA : 280 IDC): Plan A saves 300 × 20 + 280 × 40
    # = 17,200 a month at today's volume and costs 15,000 more in basic fees, so it pays from
    # 580 × 15,000 / 17,200 = 505.8… → 506 transactions a month
    assert general.quote.break_even.transactions_per_month == 506
    # 12 months with the chosen plans: 98,000 + 12 × 132,600 = 1,689,200
    assert q.total("chosen", 12) == 1_689_200


def test_tax_is_on_the_companys_one_monthly_bill(imported, issue_file):
    t = load_tariffs(imported)
    q = company_quote(load_document(issue_file, t), t)
    # one bill a month: 132,600 × 1.1 = 145,860; initial 98,000 × 1.1 = 107,800
    assert (q.monthly("chosen", tax=True), q.initial(tax=True)) == (145_860, 107_800)
    # all A: 146,480 × 1.1 = 161,128; the 12-month total adds up as shown: 107,800 + 12 × 145,860
    assert q.monthly("A", tax=True) == 161_128
    assert q.total("chosen", 12, tax=True) == 107_800 + 12 * 145_860 == 1_858_120


def test_the_issues_figures_on_the_command_line(imported, issue_file, capsys):
    import json

    assert main(["quote", str(issue_file), "--tariffs", str(imported), "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    co = r["company"]
    assert co["monthly"] == {"chosen": 132_600, "all_a": 146_480, "all_b": 134_800, "best_per_unit": 132_600}
    assert (co["initial"], co["options"], co["line"]) == (98_000, 2_000, 41_200)
    fees = [(u["office"], u["unit"], u["plans"]["A"]["fees"], u["plans"]["B"]["fees"]) for u in r["units"]]
    assert fees == [
        ("本社", "general", 83_800, 86_000),
        ("本社", "netnaccs", 13_200, 4_000),
        ("大阪支店", "netnaccs", 6_280, 1_600),
    ]
    assert r["units"][0]["break_even"]["transactions_per_month"] == 506
    assert [o["options"] for o in r["offices"]] == [2_000, 0]


# ---- a schema-1 file is a company of one office with one unit, with the same figures ---------------
@pytest.mark.parametrize("path", [p for p in EXAMPLES if "schema = 1" in p.read_text("utf-8")], ids=lambda p: p.stem)
def test_a_schema_1_file_gives_the_same_figures(path, tariffs):
    s = load_scenario(path, tariffs)
    c = from_scenario(s)
    assert load_document(path, tariffs) == c  # schema 1 is read as a company of one unit
    assert len(c.offices) == 1 and len(c.units()) == 1
    kind = c.units()[0][1]
    assert kind == ("general" if s.usage.method == "interactive" else "netnaccs")
    q, one = company_quote(c, tariffs), quote(s, tariffs)
    assert (q.monthly("A"), q.monthly("B"), q.initial()) == (one.a.monthly, one.b.monthly, one.a.initial)
    best = "A" if one.cheaper == "A" else "B"
    for tax in (False, True):
        assert q.monthly("best", tax) == q.monthly("chosen", tax) == one.monthly(best, tax)
        assert q.total("chosen", 36, tax) == one.total(best, 36, tax)
    assert q.units[0].quote.break_even == one.break_even
    assert to_scenario(c) == s  # and back


def test_a_one_unit_company_is_saved_as_schema_1(tariffs):
    s = Scenario(prefecture="大阪府", usage={"method": "webnaccs", "terminals": 2}, volumes={"IDA": 3})
    c = from_scenario(s)
    text = dumps(c)
    assert text.startswith("schema = 1")
    assert parse_document(tomllib.loads(text), "x.toml", tariffs) == c
    # a name, a fixed plan or a second unit need schema 2
    for changed in (
        c.model_copy(update={"offices": (c.offices[0].model_copy(update={"name": "本社"}),)}),
        c.model_copy(
            update={
                "offices": (c.offices[0].model_copy(update={"netnaccs": NetnaccsUnit(method="webnaccs", plan="B")}),)
            }
        ),
        c.model_copy(update={"offices": (c.offices[0].model_copy(update={"general": GeneralUnit()}),)}),
    ):
        text = dumps(changed)
        assert text.startswith("schema = 2")
        assert parse_document(tomllib.loads(text), "x.toml", tariffs) == changed


def test_the_issues_file_round_trips(issue_file, tariffs):
    c = load_document(issue_file, tariffs)
    assert parse_document(tomllib.loads(dumps(c)), "x.toml", tariffs) == c


# ---- options per office, plans per unit ---------------------------------------------------------
def _company(*offices: Office) -> Company:
    return Company(offices=offices)


def test_options_are_counted_once_per_office_whatever_its_units(tariffs):
    both = Office(
        user_codes=3,
        paid_statistics=True,
        bonded_storage=True,
        general=GeneralUnit(line=Line(kind="broadband")),
        netnaccs=NetnaccsUnit(),
    )
    q = company_quote(_company(both), tariffs)
    # 3 user codes × (1,000 statistics + 1,000 storage) = 6,000, once for the office
    assert q.options == 6_000 and len(q.units) == 2
    # no unit carries them: each unit's monthly is its line, basic and metered fees only
    # fiber weekdays: line 13,400 + indoor wiring 1,000 + router 5,200 = 19,600; Plan B, no volumes
    assert [u.monthly("B") for u in q.units] == [19_600, 0]
    assert q.monthly("B") == 19_600 + 6_000


def test_a_fixed_plan_is_kept_and_the_best_per_unit_shows_the_saving(tariffs):
    office = Office(netnaccs=NetnaccsUnit(terminals=2, plan="A", volumes={"IDA": 10}))
    q = company_quote(_company(office), tariffs)
    # shipped sample IDA prices 85/100: A = 2 × 5,000 + 10 × 85 = 10,850; B = 10 × 100 = 1,000
    assert (q.units[0].plan, q.units[0].best) == ("A", "B")
    assert (q.monthly("chosen"), q.monthly("best"), q.saving("chosen")) == (10_850, 1_000, 9_850)


def test_a_tie_is_plan_b(tariffs):
    # SCR at the sample prices 42/50 saves 8 a transaction on Plan A; one terminal's basic fee,
    # 5,000, is paid back at exactly 625 transactions: A = 5,000 + 625 × 42 = 31,250 = 625 × 50 = B
    office = Office(netnaccs=NetnaccsUnit(volumes={"SCR": 625}))
    u = company_quote(_company(office), tariffs).units[0]
    assert u.quote.cheaper == "equal" and (u.plan, u.best) == ("B", "B")
    assert u.monthly("A") == u.monthly("B") == 625 * 50 == 31_250


@settings(max_examples=60, deadline=None)
@given(
    units=st.lists(
        st.tuples(st.booleans(), st.integers(1, 20), st.integers(0, 5_000), st.sampled_from(["A", "B", "auto"])),
        min_size=1,
        max_size=6,
    )
)
def test_best_per_unit_is_never_dearer(units, tariffs):
    offices = []
    for n, (general, terminals, volume, plan) in enumerate(units):
        fields = {"terminals": terminals, "plan": plan, "volumes": {"IDA": volume, "EDA": volume // 2}}
        unit = {"general": GeneralUnit(**fields)} if general else {"netnaccs": NetnaccsUnit(**fields)}
        offices.append(Office(name=f"o{n}", paid_statistics=n % 2 == 0, **unit))
    q = company_quote(Company(offices=offices), tariffs)
    best = q.monthly("best")
    assert best <= min(q.monthly("A"), q.monthly("B"), q.monthly("chosen"))
    assert best == sum(min(u.monthly("A"), u.monthly("B")) for u in q.units) + q.options
    for tax in (False, True):
        assert q.total("chosen", 12, tax) == q.initial(tax) + 12 * q.monthly("chosen", tax)


# ---- errors: one line, the path into the offices counted from 1 -----------------------------------
def _error(text: str, tariffs) -> str:
    with pytest.raises(InputError) as exc:
        parse_document(tomllib.loads(text), "f.toml", tariffs)
    return exc.value.line()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "terminals = 1\n",
            "terminals = 0\n",
            "f.toml: office[2].netnaccs.terminals: Input should be greater than or equal to 1",
        ),
        (
            "terminals = 1\n",
            "termnals = 1\n",
            'f.toml: office[2].netnaccs.termnals: unknown key (did you mean "terminals"?)',
        ),
        (
            'name = "大阪支店"',
            'name = "本社"',
            "f.toml: office[2].name: '本社' is office[1]'s name too (names are unique)",
        ),
        ('name = "大阪支店"\n', "", "f.toml: office[2].name: required when there are several offices"),
        (
            'kind = "dedicated"',
            'kind = "internet"',
            "f.toml: office[1].general.line.kind: the general unit (interactive) needs a dedicated or broadband "
            "line; netNACCS and WebNACCS over the internet go in [office.netnaccs]",
        ),
        (
            'speed = "1M"',
            'speed = "2M"',
            "f.toml: office[1].general.line.speed: unknown speed '2M' (choose 64k, 128k, 0.5M, 1M, 3M, 5M, 10M)",
        ),
        (
            'method = "netnaccs"',
            'method = "interactive"',
            "f.toml: office[1].netnaccs.method: unknown method 'interactive' (choose netnaccs, webnaccs) "
            "(interactive goes in [office.general])",
        ),
        (
            'method = "netnaccs"',
            'method = "webnacs"',
            "f.toml: office[1].netnaccs.method: unknown method 'webnacs' (did you mean \"webnaccs\"?) "
            "(choose netnaccs, webnaccs)",
        ),
        ('plan = "auto"', 'plan = "C"', "f.toml: office[1].general.plan: unknown plan 'C' (choose A, B, auto)"),
        (
            'prefecture = "大阪府"',
            'prefecture = "大阪"',
            'f.toml: office[2].prefecture: unknown prefecture (did you mean "大阪府"?)',
        ),
    ],
)
def test_errors_name_the_path_into_the_offices(old, new, expected, tariffs):
    assert old in ISSUE
    assert _error(ISSUE.replace(old, new, 1), tariffs) == expected  # the first one


def test_an_unknown_code_names_its_unit(tariffs):
    assert _error(ISSUE.replace("IDC = 280", "IDX = 280"), tariffs).startswith(
        'f.toml: office[1].general.volumes.IDX: unknown operation code (did you mean "IDC"?)'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schema = 2\n", "f.toml: office: required: at least one [[office]]"),
        ("schema = 2\noffice = 3\n", "f.toml: office: expected one or more [[office]] tables"),
        (
            'schema = 2\n[[office]]\nname = "a"\n',
            "f.toml: office[1]: an office needs at least one unit: [office.general] or [office.netnaccs]",
        ),
        (
            'schema = 2\n[line]\nkind = "dedicated"\n',
            "f.toml: line: unknown key (in schema 2 a line belongs to a unit: [office.general.line])",
        ),
        (
            'schema = 2\n[[office]]\n[office.netnaccs.line]\nkind = "internet"\n',
            "f.toml: office[1].netnaccs.line: unknown key (netNACCS and WebNACCS run over the internet; "
            "a line belongs to [office.general])",
        ),
        (
            'schema = 2\n[[office]]\n[office.general.line]\nkind = "broadband"\nping_monitoring = true\n',
            "f.toml: office[1].general.line.ping_monitoring: ping monitoring is offered only on dedicated lines",
        ),
        ("schema = 3\n", "f.toml: schema: unknown schema 3 (choose 1, 2)"),
        ('[[office]]\nname = "x"\n', "f.toml: office: unknown key (several offices: schema = 2)"),
    ],
)
def test_file_errors(text, expected, tariffs):
    assert _error(text, tariffs) == expected


def test_a_general_unit_without_a_line_is_on_a_dedicated_1m_line(tariffs):
    c = parse_document(tomllib.loads("schema = 2\n[[office]]\n[office.general]\n"), "f.toml", tariffs)
    # 36,000 line usage + 5,200 router (weekdays) a month; 98,000 initial
    q = company_quote(c, tariffs)
    assert (q.units[0].line, q.initial()) == (41_200, 98_000)


def test_pick_unit(issue_file, tariffs):
    c = load_document(issue_file, tariffs)
    assert pick_unit(c, "大阪支店", None) == (2, "netnaccs")
    assert pick_unit(c, "2", None) == (2, "netnaccs")
    assert pick_unit(c, None, "general") == (1, "general")
    assert pick_unit(c, "本社", "netnaccs") == (1, "netnaccs")
    with pytest.raises(InputError) as exc:
        pick_unit(c, None, None)
    assert "本社 general, 本社 netnaccs, 大阪支店 netnaccs" in exc.value.line()
    with pytest.raises(InputError) as exc:
        pick_unit(c, "本店", None)
    assert exc.value.line() == "--office: unknown office '本店' (choose 本社, 大阪支店)"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'name = "大阪支店"',
            'name = "本社"',
            "f.toml: office[2].name: '本社' は office[1] の名前と同じです（名前は事業所ごとに変えてください）",
        ),
        ('name = "大阪支店"\n', "", "f.toml: office[2].name: 事業所が複数あるときは必須です"),
        (
            'kind = "dedicated"',
            'kind = "internet"',
            "f.toml: office[1].general.line.kind: 一般NACCSの単位（インタラクティブ処理方式）には専用回線か"
            "ブロードバンド回線が必要です。インターネットで使う netNACCS・WebNACCS は [office.netnaccs] に書きます",
        ),
        (
            'prefecture = "大阪府"',
            'prefecture = "大阪"',
            "f.toml: office[2].prefecture: 都道府県名が正しくありません（「大阪府」のことですか？）",
        ),
        (
            "[schedule]",
            "[line]\n[schedule]",
            "f.toml: line: 不明なキーです（schema 2 では回線は単位ごとに書きます：[office.general.line]）",
        ),
    ],
)
def test_errors_are_said_in_japanese(old, new, expected, tariffs):
    from naccs_tui.render.errors import error_line

    assert old in ISSUE
    with pytest.raises(InputError) as exc:
        parse_document(tomllib.loads(ISSUE.replace(old, new, 1)), "f.toml", tariffs)
    assert error_line(exc.value, "ja") == expected
