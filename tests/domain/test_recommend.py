"""Recommender: hand-computed rankings on hand-made scenario files (fees from tariffs.toml)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.costing import quote
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.recommend import Needs, parse_bandwidth, recommend
from naccs_tui.domain.scenario import combination_problem, load_scenario

DATA = Path(__file__).parents[1] / "data" / "decide"


def scen(tariffs, name):
    return load_scenario(DATA / name, tariffs)


def describe(c):
    ln = c.line
    return (
        ln.kind,
        ln.speed if ln.kind == "dedicated" else ln.medium if ln.kind == "broadband" else "",
        ln.router,
        ln.maintenance,
        c.plan,
        c.total,
    )


def test_every_valid_configuration_is_enumerated(tariffs):
    rec = recommend(scen(tariffs, "small_net.toml"), tariffs)
    # internet: netNACCS + WebNACCS = 2; dedicated 64k/128k/0.5M: 2 routers × 2 hours × 2 ping = 8
    # each -> 24 (no redundancy below 1M); dedicated 1M-10M: 3 routers × 2 × 2 = 12 each -> 48;
    # broadband: 2 media × 2 routers × 2 hours = 8. 82 setups × 2 plans = 164
    assert len(rec.candidates) == 164
    assert all(
        combination_problem(c.scenario(scen(tariffs, "small_net.toml")), tariffs) is None for c in rec.candidates
    )


def test_totals_agree_with_quote(tariffs):
    base = scen(tariffs, "dedicated_1m.toml")
    rec = recommend(base, tariffs, months=24)
    for c in rec.candidates:
        q = quote(c.scenario(base), tariffs)
        assert c.total == q.plan(c.plan).total(24)
        assert c.other_plan_total == q.plan("B" if c.plan == "A" else "A").total(24)


def test_bandwidth_and_24h_ranking(tariffs):
    # dedicated_1m.toml: 2 terminals, statistics, IDC 300 + EDC 200. Plan part per month:
    #   A = 10,000 + 78,600 + 1,000 = 89,600; B = 92,000 + 1,000 = 93,000 -> A wins by 3,400 on any line.
    # 256 kbps guaranteed needs 3M or faster (1M guarantees 1,000/4 = 250); 24h maintenance:
    #   3M std:    91,000 + 5,800 = 96,800 + 89,600 = 186,400; 98,000 + 12 × 186,400 = 2,334,800
    #   5M std:   101,000 + 5,800 = 106,800 -> 196,400;        98,000 + 12 × 196,400 = 2,454,800
    #   3M spare:  91,000 + 11,600 = 102,600 -> 192,200;      169,000 + 12 × 192,200 = 2,475,400
    #   5M spare: 101,000 + 11,600 = 112,600 -> 202,200;      169,000 + 12 × 202,200 = 2,595,400
    #   10M std:  121,000 + 5,800 = 126,800 -> 216,400;        98,000 + 12 × 216,400 = 2,694,800
    # (the same lines with ping monitoring cost 2,000 more and are not listed separately)
    rec = recommend(scen(tariffs, "dedicated_1m.toml"), tariffs, Needs(bandwidth_kbps=256, h24=True))
    top = [describe(c) for c in rec.choices(5)]
    assert top == [
        ("dedicated", "3M", "standard", "24x365", "A", 2_334_800),
        ("dedicated", "5M", "standard", "24x365", "A", 2_454_800),
        ("dedicated", "3M", "spare", "24x365", "A", 2_475_400),
        ("dedicated", "5M", "spare", "24x365", "A", 2_595_400),
        ("dedicated", "10M", "standard", "24x365", "A", 2_694_800),
    ]
    # eligible: 3M/5M/10M × 3 routers × 24h × 2 ping × 2 plans = 36
    assert len(rec.eligible) == 36
    # the cheapest excluded: the internet line, 12 × 89,600 = 1,075,200, for two reasons
    ex = rec.cheaper_excluded()[0]
    assert (ex.line.kind, ex.method, ex.total) == ("internet", "netnaccs", 1_075_200)
    assert [r.key for r in ex.excluded] == ["bandwidth", "no_24h_internet"]
    assert rec.rank_of_current() is None  # 1M weekdays meets neither need


def test_redundancy(tariffs):
    # small_net.toml: 1 terminal, IDC 100 + EDC 50: A part 28,900, B part 28,000 -> B.
    # redundant 1M: 54,900 + wiring 1,000 + router 21,000 = 76,900 (router flat: weekdays = 24h)
    #   B: 104,900/month; 270,000 + 12 × 104,900 = 1,528,800, for both maintenance hours;
    # redundant 3M: 109,900 + 1,000 + 21,000 = 131,900 -> 159,900; 270,000 + 12 × 159,900 = 2,188,800
    rec = recommend(scen(tariffs, "small_net.toml"), tariffs, Needs(redundancy=True))
    top = [describe(c) for c in rec.choices(3)]
    assert top == [
        ("dedicated", "1M", "redundant", "weekdays", "B", 1_528_800),
        ("dedicated", "1M", "redundant", "24x365", "B", 1_528_800),
        ("dedicated", "3M", "redundant", "weekdays", "B", 2_188_800),
    ]


def test_no_needs_current_rank(tariffs):
    # dedicated_1m.toml now: 1M std weekdays, Plan A 1,667,600 over 12 months. Cheaper setups (Plan A,
    # 89,600 plan part; 12 × monthly + initial): internet 1,075,200; ADSL std wd 1,348,480 / 24h 1,391,680;
    # fiber std wd 1,408,400 / 24h 1,493,600; 64k wd 1,456,000 / 24h 1,478,800; 128k wd 1,576,000 /
    # 24h 1,598,800; ADSL spare 1,470,280 / 1,506,280; fiber spare 1,556,200 / 1,634,200;
    # 64k spare 1,593,000 (both hours) -> 15 cheaper. ADSL is offered only where fiber is not
    # available (guide): without no_fiber its 4 setups are not choices, so 11 cheaper: 12th.
    # By default the lines NACCS's access page no longer lists (64k, 128k, ADSL) are left out too:
    # internet and the 4 fiber setups are cheaper, so 6th. (0.5M has no published fee: not ranked.)
    rec = recommend(scen(tariffs, "dedicated_1m.toml"), tariffs)
    assert rec.rank_of_current() == 6
    assert recommend(scen(tariffs, "dedicated_1m.toml"), tariffs, Needs(include_unlisted=True)).rank_of_current() == 12
    best = rec.best
    # netNACCS comes before WebNACCS at the same price (it offers every operation)
    assert (best.line.kind, best.method, best.plan, best.total) == ("internet", "netnaccs", "A", 1_075_200)


def test_method_and_operations(tariffs):
    s = scen(tariffs, "web.toml")
    # WebNACCS alone and every operation: nothing qualifies
    rec = recommend(s, tariffs, Needs(method="webnaccs", full_operations=True))
    assert rec.best is None and rec.choices() == ()
    # every operation: the internet line with netNACCS, Plan B: 12 × 2,800 = 33,600; WebNACCS is out
    rec = recommend(s, tariffs, Needs(full_operations=True))
    assert (rec.best.method, rec.best.plan, rec.best.total) == ("netnaccs", "B", 33_600)
    web = [c for c in rec.candidates if c.method == "webnaccs"]
    assert web and all([r.key for r in c.excluded] == ["partial_operations"] for c in web)
    # interactive fixed: cheapest is fiber weekdays (ADSL only where there is no fiber):
    # 13,400 + 1,000 wiring + 5,200 router = 19,600 + 2,800 = 22,400; 98,000 + 12 × 22,400 = 366,800
    rec = recommend(s, tariffs, Needs(method="interactive"))
    assert describe(rec.best) == ("broadband", "fiber", "standard", "weekdays", "B", 366_800)
    # no fiber at the site, lines off the access page included: ADSL weekdays:
    # 10,490 + 5,200 = 15,690 + 2,800 = 18,490; 85,000 + 12 × 18,490 = 306,880
    rec = recommend(s, tariffs, Needs(method="interactive", no_fiber=True, include_unlisted=True))
    assert describe(rec.best) == ("broadband", "adsl", "standard", "weekdays", "B", 306_880)
    # by default ADSL is left out too (not on the access page): dedicated 1M weekdays,
    # 36,000 + 5,200 = 41,200 + 2,800 = 44,000; 98,000 + 12 × 44,000 = 626,000
    rec = recommend(s, tariffs, Needs(method="interactive", no_fiber=True))
    assert describe(rec.best) == ("dedicated", "1M", "standard", "weekdays", "B", 626_000)


@pytest.mark.parametrize("text,kbps", [("256k", 256), ("1M", 1000), ("0.5m", 500), ("300", 300)])
def test_parse_bandwidth(text, kbps):
    assert parse_bandwidth(text) == kbps


def test_parse_bandwidth_errors():
    for bad in ("fast", "", "-5k", "1e12M"):
        with pytest.raises(InputError):
            parse_bandwidth(bad)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli(capsys):
    f = str(DATA / "dedicated_1m.toml")
    code, out, err = run(
        capsys, "recommend", f, "--need-bandwidth", "256k", "--need-24h", "--format", "json", "--top", "2"
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [e["total"] for e in data["top"]] == [2_334_800, 2_454_800]
    assert data["eligible"] == 36 and data["candidates"] == 164
    assert data["excluded"][0]["total"] == 1_075_200
    code, out, _ = run(capsys, "recommend", f, "--need-redundancy", "--format", "csv", "--top", "1", "--tax")
    rows = list(csv.DictReader(io.StringIO(out)))
    # redundant 1M weekdays, Plan A: 76,900 + 89,600 = 166,500; 270,000 + 12 × 166,500 = 2,268,000 -> × 1.1
    assert rows[0]["rank"] == "1" and rows[0]["router"] == "redundant" and rows[0]["total_12_months"] == "2494800"
    code, out, _ = run(capsys, "recommend", f, "--lang", "en", "--months", "60")
    assert "60-month total" in out and "Your current setup ranks #" in out
    code, out, _ = run(capsys, "recommend", f, "--format", "markdown", "--need-24h")
    assert out.startswith("# おすすめ構成")


def test_cli_errors(capsys):
    code, out, err = run(capsys, "recommend", str(DATA / "broken.toml"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "line.sped" in err
    code, out, err = run(capsys, "recommend", str(DATA / "small_net.toml"), "--need-bandwidth", "fast", "--lang", "en")
    assert code == 2 and err == "naccs-tui: --need-bandwidth: 'fast' is not a speed like 256k or 1M\n"
    code, out, err = run(capsys, "recommend", str(DATA / "small_net.toml"), "--need-bandwidth", "fast")
    assert (
        code == 2 and err == "naccs-tui: --need-bandwidth: 'fast' は速度ではありません（256k や 1M のように書きます）\n"
    )
    with pytest.raises(SystemExit) as exc:
        main(["recommend", str(DATA / "small_net.toml"), "--top", "0"])
    assert exc.value.code == 2


def test_adsl_only_where_there_is_no_fiber(tariffs):
    # interactive at the same volumes: ADSL std weekdays (85,000 + 12 × (10,490 + 5,200 + plan)) is
    # cheaper than fiber, but the guide offers ADSL only where fiber is not available
    s = scen(tariffs, "dedicated_1m.toml")
    rec = recommend(s, tariffs, Needs(method="interactive"))
    assert all(c.line.medium != "adsl" for c in rec.choices() if c.line.kind == "broadband")
    adsl = [c for c in rec.candidates if c.line.kind == "broadband" and c.line.medium == "adsl"]
    assert adsl and all(any(r.key == "adsl_only_without_fiber" for r in c.excluded) for c in adsl)
    told = recommend(s, tariffs, Needs(method="interactive", no_fiber=True, include_unlisted=True))
    best = told.best
    assert (best.line.kind, best.line.medium, best.line.router, best.line.maintenance) == (
        "broadband",
        "adsl",
        "standard",
        "weekdays",
    )
    assert all(c.line.medium != "fiber" for c in told.choices() if c.line.kind == "broadband")
