"""The line catalog: what NACCS's current access page lists (FACTS §7) beside the guide's table.

64k, 128k and ADSL are the guide's but not on the access page: they stay quotable and every output
says so. 0.5M is on the page with no fee anywhere: its fees are unknown, never 0, and every total
that lacks them says it is incomplete.
"""

from __future__ import annotations

import csv
import html
import io
import json
import tomllib

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.catalog import offering, option, options, unlisted, unpublished
from naccs_tui.domain.costing import quote
from naccs_tui.domain.scenario import Line, Scenario, combination_problem
from naccs_tui.domain.tariffs import data_file, parse_tariffs

PAGE = "https://bbs.naccscenter.com/naccs/dfw/web/use/userguide/access.html"
NOTICE_JA = "現在の掲示板のアクセス回線の案内には載っていません（NACCSセンターに確認してください）"
NOTICE_EN = "not on the bulletin board's current access-line page (confirm with the NACCS center)"
FORMATS = ("text", "markdown", "csv", "json", "html")

# 0.5M, 2 terminals, IDA 300 (sample prices A 85, B 100): the known fees only.
# A: basic 2 × 5,000 = 10,000 + 300 × 85 = 25,500 -> 35,500; B: 300 × 100 = 30,000; initial 0 known.
HALF = """schema = 1
name = "half"
[line]
kind = "dedicated"
speed = "0.5M"
[usage]
method = "interactive"
terminals = 2
[volumes]
IDA = 300
"""
# The guide's lines the access page no longer lists, as files written before the catalog.
OLD = {
    "64k": '[line]\nkind = "dedicated"\nspeed = "64k"\n[usage]\nterminals = 1\n[volumes]\nIDA = 100\n',
    "128k": '[line]\nkind = "dedicated"\nspeed = "128k"\nrouter = "spare"\n[volumes]\nIDA = 100\n',
    "adsl": '[line]\nkind = "broadband"\nmedium = "adsl"\nmaintenance = "24x365"\n[volumes]\nIDA = 100\n',
}


def run(capsys, *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


# ---- the catalog -------------------------------------------------------------------------------
def test_each_option_says_where_it_is_offered(tariffs):
    listed = {(o.kind, o.name): (o.in_guide, o.listed) for o in options(tariffs)}
    assert listed == {
        ("internet", ""): (True, True),
        ("dedicated", "64k"): (True, False),
        ("dedicated", "128k"): (True, False),
        ("dedicated", "0.5M"): (False, True),
        ("dedicated", "1M"): (True, True),
        ("dedicated", "3M"): (True, True),
        ("dedicated", "5M"): (True, True),
        ("dedicated", "10M"): (True, True),
        ("broadband", "fiber"): (True, True),
        ("broadband", "adsl"): (True, False),
    }
    one = option(tariffs, "dedicated", "1M").offered
    assert one.guide.startswith("guide ") and one.access_page.startswith(f"bbs {PAGE}")
    assert tariffs.access_page.url == PAGE
    # only 0.5M lacks fees, and it lacks all three
    assert [s for s in tariffs.dedicated.speeds if unpublished(tariffs, s)] == ["0.5M"]
    assert unpublished(tariffs, "0.5M") == ("initial", "line", "router")


def test_a_tariffs_file_from_before_the_catalog_takes_the_shipped_one(tariffs):
    data = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
    for key in ("access_page", "internet"):
        del data[key]
    for speed in data["dedicated"]["speeds"].values():
        speed.pop("offered", None)
    for medium in data["broadband"]["media"].values():
        medium.pop("offered", None)
    data["dedicated"]["speeds"]["2M"] = dict(data["dedicated"]["speeds"]["1M"])
    old = parse_tariffs(data, "old.toml")
    assert old.access_page is None
    assert unlisted(Line(kind="dedicated", speed="64k"), old) and unlisted(Line(kind="broadband", medium="adsl"), old)
    assert not unlisted(Line(kind="dedicated", speed="1M"), old)
    assert offering(Line(kind="dedicated", speed="2M"), old).listed is None  # the shipped table does not say


def test_half_megabit_is_quoted_with_its_fees_unknown(tariffs):
    s = Scenario.model_validate(tomllib.loads(HALF))
    s.check(tariffs)  # accepted
    q = quote(s, tariffs)
    assert not q.complete and not q.a.complete and not q.b.complete
    unknown = [(i.key, i.amount) for i in q.a.unknown]
    assert unknown == [("item.line_usage", None), ("item.router", None), ("item.line_initial", None)]
    assert (q.a.monthly, q.b.monthly, q.a.initial, q.b.initial) == (35_500, 30_000, 0, 0)
    assert q.a.line == 0 and q.cheaper == "B" and q.saving == 5_500  # the line is the same on both plans
    # ping monitoring is the guide's flat dedicated-line fee (2,000): known; redundancy is for 1M and up
    ping = quote(s.replace("line", ping_monitoring=True), tariffs)
    assert ping.a.monthly == 37_500 and [i.amount for i in ping.a.items if i.key == "item.ping"] == [2_000]
    assert combination_problem(s.replace("line", router="redundant"), tariffs)[0] == "line.router"


# ---- the notice on the lines the access page no longer lists, in every output -----------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(OLD))
def test_every_quote_format_says_the_access_page_no_longer_lists_it(capsys, tmp_path, fmt, name):
    path = write(tmp_path, f"{name}.toml", OLD[name])
    out = html.unescape(
        run(capsys, "quote", path, "--format", fmt)
        .replace("<wbr>", "")
        .replace('<span class="nb">', "")
        .replace("</span>", "")
    )
    assert NOTICE_JA in out and PAGE in out
    out = html.unescape(
        run(capsys, "quote", path, "--format", fmt, "--lang", "en")
        .replace("<wbr>", "")
        .replace('<span class="nb">', "")
        .replace("</span>", "")
    )
    assert NOTICE_EN in out and PAGE in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_listed_line_carries_no_notice(capsys, tmp_path, fmt):
    path = write(tmp_path, "one.toml", OLD["64k"].replace('"64k"', '"1M"'))
    assert NOTICE_JA not in html.unescape(run(capsys, "quote", path, "--format", fmt))


def test_old_files_still_quote_the_guide_fees(capsys, tmp_path):
    # 64k standard, weekdays: line 20,700 + router 3,700 = 24,400; initial 88,000 (FACTS §1a);
    # A = 24,400 + 5,000 + 100 × 85 = 37,900; B = 24,400 + 100 × 100 = 34,400
    data = json.loads(run(capsys, "quote", write(tmp_path, "64k.toml", OLD["64k"]), "--format", "json"))
    assert (data["plans"]["A"]["monthly"], data["plans"]["B"]["monthly"], data["plans"]["A"]["initial"]) == (
        37_900,
        34_400,
        88_000,
    )
    assert data["complete"] is True and data["line_offering"]["listed_now"] is False
    assert data["line_offering"]["offered"] == {
        "guide": "導入案内「NACCSの導入をお考えのみなさまへ」回線使用料等（一般接続の場合）"
    }
    # ADSL, 24h: line 13,490 + router 5,800 = 19,290; initial 85,000 (FACTS §1b)
    data = json.loads(run(capsys, "quote", write(tmp_path, "adsl.toml", OLD["adsl"]), "--format", "json"))
    assert (data["plans"]["B"]["monthly"], data["plans"]["B"]["initial"]) == (19_290 + 10_000, 85_000)


def test_compare_says_which_file_is_unlisted_or_incomplete(capsys, tmp_path):
    a = write(tmp_path, "a64.toml", OLD["64k"])
    b = write(tmp_path, "half.toml", HALF)
    text = run(capsys, "compare", a, b)
    assert f"a64.toml：専用線 64k：{NOTICE_JA} {PAGE}" in text
    assert "half.toml：専用線 0.5M：初期費用・回線使用料・ルータ使用料は" in text
    assert "30,000＋未掲載" in text  # the 0.5M file's Plan B monthly, marked incomplete
    data = json.loads(run(capsys, "compare", a, b, "--format", "json"))
    rows = {r["label"]: r for r in data["scenarios"]}
    assert (rows["a64.toml"]["unlisted"], rows["a64.toml"]["complete"]) == (True, True)
    assert (rows["half.toml"]["unlisted"], rows["half.toml"]["complete"]) == (False, False)
    rows = list(csv.DictReader(io.StringIO(run(capsys, "compare", a, b, "--format", "csv"))))
    assert [(r["label"], r["complete"], r["unlisted"]) for r in rows] == [
        ("a64.toml", "True", "True"),
        ("half.toml", "False", "False"),
    ]


# ---- 0.5M: incomplete in every format, never a made-up yen figure ------------------------------
def test_text_and_markdown_show_unpublished_fees_and_incomplete_totals(capsys, tmp_path):
    path = write(tmp_path, "half.toml", HALF)
    text = run(capsys, "quote", path)
    row = next(line for line in text.splitlines() if line.startswith("回線使用料（専用線 0.5M）"))
    assert row.removeprefix("回線使用料（専用線 0.5M）").split() == [
        "料金未掲載",
        "料金未掲載",
    ]  # no formula, no figure
    monthly = next(line for line in text.splitlines() if line.startswith("月額合計"))
    assert "35,500 ＋未掲載分（不完全）" in monthly and "30,000 ＋未掲載分（不完全）" in monthly
    md = run(capsys, "quote", path, "--format", "markdown", "--lang", "en")
    assert "| Line usage (dedicated 0.5M) |  | fee not published |  | fee not published |" in md
    assert "| Monthly total |  | 35,500 + unpublished (incomplete) |" in md


def test_csv_leaves_the_amount_empty_and_marks_the_totals(capsys, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run(capsys, "quote", write(tmp_path, "h.toml", HALF), "--format", "csv"))))
    unknown = [(r["plan"], r["group"], r["amount"], r["status"]) for r in rows if r["status"] == "unpublished"]
    assert unknown == [(p, g, "", "unpublished") for p in "AB" for g in ("line", "line", "initial")]
    totals = {(r["plan"], r["key"]): (r["amount"], r["status"]) for r in rows if r["group"] == "total"}
    assert totals[("A", "monthly")] == ("35500", "incomplete")
    assert totals[("B", "total_12_months")] == ("360000", "incomplete")


def test_json_says_complete_false_and_lists_the_unknown_items(capsys, tmp_path):
    data = json.loads(run(capsys, "quote", write(tmp_path, "h.toml", HALF), "--format", "json", "--lang", "en"))
    assert data["complete"] is False
    assert data["unknown_items"] == [
        "Line usage (dedicated 0.5M)",
        "Router (standard, weekday maintenance)",
        "Dedicated line, initial fee (0.5M, standard)",
    ]
    a = data["plans"]["A"]
    assert (a["complete"], a["monthly"], a["initial"], a["total"]) == (False, 35_500, 0, 426_000)
    line = next(i for i in a["items"] if i["label"] == "Line usage (dedicated 0.5M)")
    assert line["amount"] is None and line["unpublished"] is True
    assert data["line_offering"]["unpublished_fees"] == ["initial", "line", "router"]
    assert data["line_offering"]["listed_now"] is True


def test_html_marks_the_unknown_items_and_every_total(capsys, tmp_path):
    page = (
        run(capsys, "quote", write(tmp_path, "h.toml", HALF), "--format", "html")
        .replace("<wbr>", "")
        .replace('<span class="nb">', "")
        .replace("</span>", "")
    )  # phrase breaks
    assert page.count('class="num unpublished">料金未掲載<') == 6  # 3 items × 2 plans
    assert page.count('<span class="incomplete">＋未掲載分（不完全）') == 6  # 3 totals × 2 plans
    assert "35,500 <span" in page and "専用線 0.5M：初期費用・回線使用料・ルータ使用料は" in page


def test_a_company_with_a_half_megabit_unit_is_incomplete(capsys, tmp_path):
    company = """schema = 2
[[office]]
name = "本社"
[office.general]
terminals = 2
[office.general.line]
kind = "dedicated"
speed = "0.5M"
[office.general.volumes]
IDA = 300
"""
    path = write(tmp_path, "co.toml", company)
    data = json.loads(run(capsys, "quote", path, "--format", "json"))
    assert data["company"]["complete"] is False
    assert data["company"]["unknown_items"] == [
        "本社・一般NACCS: 回線使用料（専用線 0.5M）",
        "本社・一般NACCS: ルータ使用料（標準・平日保守）",
        "本社・一般NACCS: 専用線 初期費用（0.5M・標準）",
    ]
    assert data["company"]["monthly"]["chosen"] == 30_000  # auto: Plan B, the known fees
    text = run(capsys, "quote", path)
    assert "30,000 ＋未掲載分（不完全）" in text and "料金未掲載" in text
    page = run(capsys, "quote", path, "--format", "html")
    page = page.replace("<wbr>", "").replace('<span class="nb">', "")  # phrase breaks
    unit = page[page.index('<section class="unit" id="unit-1">') :]
    # the unit's monthly, initial and 12-month totals, each plan: none of them is whole
    assert unit.count('<span class="incomplete">＋未掲載分（不完全）') == 6


# ---- recommend ---------------------------------------------------------------------------------
def test_recommend_proposes_no_unlisted_line_unless_asked(capsys, tmp_path):
    path = write(tmp_path, "64k.toml", OLD["64k"])
    data = json.loads(run(capsys, "recommend", path, "--format", "json", "--top", "50"))
    lines = {
        (e["line_setup"]["kind"], e["line_setup"].get("speed"), e["line_setup"].get("medium")) for e in data["top"]
    }
    assert not lines & {("dedicated", "64k", None), ("dedicated", "128k", None), ("broadband", None, "adsl")}
    assert all(not e["unlisted"] for e in data["top"])
    assert data["unlisted_left_out"] == ["専用線 64k", "専用線 128k", "ブロードバンド回線 ADSL"]
    assert data["current_rank"] is None and data["current_reason"] == "unlisted"
    # asked for (and 16 kbps guaranteed): the 64k line comes first, with the notice
    data = json.loads(
        run(capsys, "recommend", path, "--format", "json", "--include-unlisted", "--need-bandwidth", "16k")
    )
    first = data["top"][0]
    assert first["line_setup"]["speed"] == "64k" and first["unlisted"] and NOTICE_JA in first["notice"]
    assert any(NOTICE_JA in why for why in first["why"]) and data["unlisted_left_out"] == []
    text = run(capsys, "recommend", path, "--include-unlisted", "--need-bandwidth", "16k", "--lang", "en")
    assert NOTICE_EN in text and PAGE in text


def test_recommend_never_ranks_a_line_without_published_fees(capsys, tmp_path):
    path = write(tmp_path, "half.toml", HALF)
    data = json.loads(run(capsys, "recommend", path, "--format", "json", "--top", "50", "--include-unlisted"))
    assert all(e["line_setup"].get("speed") != "0.5M" for e in data["top"] + data["excluded"])
    assert data["unpriced"] == ["専用線 0.5M（帯域保証 125 kbps）"]
    assert data["current_reason"] == "unpriced"
    text = run(capsys, "recommend", path)
    assert "現在の構成は料金未掲載のため順位に入れていません" in text
    assert "料金未掲載のため順位に入れていない回線：専用線 0.5M（帯域保証 125 kbps）" in text
