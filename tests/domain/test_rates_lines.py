"""`naccs-tui rates import-lines` (dedicated-line fees: the 0.5M line's, once NACCS quotes them)
and `naccs-tui rates show` (the tariff edition in use)."""

from __future__ import annotations

import json
import tomllib

import pytest
import tomli_w
from test_catalog import HALF  # 0.5M, 2 terminals, IDA 300

from naccs_tui.cli import main
from naccs_tui.domain.tariffs import data_file, load_tariffs, user_tariffs_path

# A made-up quote from NACCS for 0.5M (no source publishes one): the tests' own figures.
HEAD = "speed,initial_standard,initial_spare,line_standard,router_weekdays,router_24x365,router_spare\n"
HALF_FEES = HEAD + "0.5M,90000,150000,28000,4500,5700,11400\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, ""), err
    return out


def csv_file(tmp_path, text: str, name: str = "lines.csv"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def test_imported_fees_make_the_half_megabit_quote_complete_and_cite_the_import(capsys, tmp_path):
    scenario = tmp_path / "half.toml"
    scenario.write_text(HALF, "utf-8")
    before = json.loads(ok(capsys, "quote", str(scenario), "--format", "json"))
    assert before["complete"] is False
    out = ok(capsys, "rates", "import-lines", csv_file(tmp_path, HALF_FEES))
    assert "1 件の専用線速度の料金を" in out and "0.5M" in out and str(user_tariffs_path()) in out
    assert "まだ料金未掲載" not in out
    data = json.loads(ok(capsys, "quote", str(scenario), "--format", "json"))  # the user file, found on its own
    # line 28,000 + router (weekdays) 4,500 = 32,500; A = 32,500 + 2 × 5,000 + 300 × 85 = 68,000;
    # B = 32,500 + 300 × 100 = 62,500; initial 90,000 on both
    a, b = data["plans"]["A"], data["plans"]["B"]
    assert (a["monthly"], b["monthly"], a["initial"], b["total"]) == (68_000, 62_500, 90_000, 90_000 + 12 * 62_500)
    assert data["complete"] is True and data["unknown_items"] == [] and a["complete"]
    assert {
        "what": "回線使用料等（専用線 0.5M）",
        "source": "取り込んだ料金表：lines.csv 2026-12-01",
        "kind": "import",
    } in data["sources"]
    text = ok(capsys, "quote", str(scenario), "--lang", "en")
    assert "imported price table: lines.csv 2026-12-01" in text and "incomplete" not in text
    # where 0.5M is offered is not changed by an import; the other speeds keep their fees
    mine, shipped = load_tariffs(), load_tariffs(data_file("tariffs.toml"))
    assert mine.dedicated.speeds["0.5M"].offered == shipped.dedicated.speeds["0.5M"].offered
    assert {k: v for k, v in mine.dedicated.speeds.items() if k != "0.5M"} == {
        k: v for k, v in shipped.dedicated.speeds.items() if k != "0.5M"
    }


def test_an_empty_cell_keeps_the_fee_in_use_and_new_speeds_are_unlisted(capsys, tmp_path):
    # 1M: a new line fee only; 2M: a speed the tariffs lack (all its standard fees given)
    text = HEAD + "1M,,,40000,,,\n2M,98000,169000,60000,5200,5800,11600\n"
    out = ok(
        capsys, "rates", "--lang", "en", "import-lines", csv_file(tmp_path, text), "--out", str(tmp_path / "t.toml")
    )
    assert "Added speeds the tariffs in use lack (treated as not on the current page): 2M" in out
    assert "Speeds whose fees are still not published: 0.5M" in out
    mine = load_tariffs(tmp_path / "t.toml")
    one = mine.dedicated
    assert one.speeds["1M"].line.standard == 40_000 and one.speeds["1M"].line.redundant == 54_900
    assert (one.router_fees("1M").weekdays, one.initial_fees("1M").redundant) == (5_200, 270_000)
    assert one.speeds["1M"].source.startswith("import lines.csv ")
    scenario = tmp_path / "two.toml"
    scenario.write_text('[line]\nkind = "dedicated"\nspeed = "2M"\n', "utf-8")
    text = ok(capsys, "quote", str(scenario), "--tariffs", str(tmp_path / "t.toml"))
    assert "専用線 2M：現在の掲示板のアクセス回線の案内には載っていません" in text


def test_an_existing_file_is_replaced_only_with_force(capsys, tmp_path):
    path = csv_file(tmp_path, HALF_FEES)
    ok(capsys, "rates", "import-lines", path)
    code, out, err = run(capsys, "rates", "import-lines", path, "--lang", "en")
    assert code == 2 and out == "" and "file exists (not overwritten; add --force to replace it)" in err
    ok(capsys, "rates", "import-lines", path, "--force")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            HEAD + "0.5M,90000,150000,,4500,5700,11400\n",
            "row 2, line_standard: empty (the tariffs in use have no line_standard for 0.5M)",
        ),
        (HEAD + "0.5M,90000,15.5,28000,4500,5700,11400\n", 'row 2, initial_spare: not a whole number ("15.5")'),
        (HEAD + "half,1,1,1,1,1,1\n", 'row 2, speed: not a line speed ("half"; e.g. 0.5M, 1M, 128k)'),
        (HEAD + "1M,,,1,,,\n1M,,,2,,,\n", "row 3, speed: 1M appears twice (first in row 2)"),
        (
            HEAD.strip() + ",line_redundant\n1M,,,,,,,50000\n",
            "row 2, initial_redundant: empty (the three redundant fees go together)",
        ),
        (
            "speed,initial_standard\n",
            "row 1: missing column initial_spare, line_standard, router_weekdays, router_24x365, router_spare",
        ),
        (
            HEAD.replace("router_spare", "router_sapre"),
            "row 1: unknown column 'router_sapre' (did you mean \"router_spare\"?)",
        ),
        (HEAD, "no speeds: the table has a header but no rows"),
    ],
)
def test_errors_name_the_row_and_column(capsys, tmp_path, text, line):
    code, out, err = run(capsys, "rates", "import-lines", csv_file(tmp_path, text), "--lang", "en")
    assert (code, out) == (2, "") and err.endswith(f"lines.csv: {line}\n"), err
    assert not user_tariffs_path().exists()


def _before_the_catalog(tmp_path):
    data = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
    del data["access_page"], data["internet"], data["dedicated"]["speeds"]["0.5M"]
    for part in (data["dedicated"]["speeds"], data["broadband"]["media"]):
        for entry in part.values():
            entry.pop("offered")
    path = tmp_path / "old.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    return path


def test_an_older_base_gains_the_shipped_catalog(capsys, tmp_path):
    old = _before_the_catalog(tmp_path)
    assert load_tariffs(old).access_page is None and "0.5M" not in load_tariffs(old).dedicated.speeds
    ok(capsys, "rates", "import-lines", csv_file(tmp_path, HALF_FEES), "--tariffs", str(old))
    mine, shipped = load_tariffs(), load_tariffs(data_file("tariffs.toml"))
    assert mine.access_page == shipped.access_page and mine.internet == shipped.internet
    assert mine.dedicated.speeds["64k"].offered == shipped.dedicated.speeds["64k"].offered
    assert mine.dedicated.speeds["0.5M"].offered == shipped.dedicated.speeds["0.5M"].offered
    assert mine.dedicated.speeds["0.5M"].line.standard == 28_000
    # the unit price import does the same for an older base
    rates = csv_file(tmp_path, "code,name_ja,name_en,price_a,price_b\nIDA,輸入,Import,80,100\n", "rates.csv")
    ok(capsys, "rates", "import", rates, "--tariffs", str(old), "--out", str(tmp_path / "ops.toml"))
    ops = load_tariffs(tmp_path / "ops.toml")
    assert ops.access_page == shipped.access_page and "0.5M" in ops.dedicated.speeds


# ---- rates show ----------------------------------------------------------------------------------
def test_rates_show_prints_the_edition_in_use(capsys):
    text = ok(capsys, "rates", "show")
    shipped = str(data_file("tariffs.toml"))
    assert f"使用中の料金表：{shipped}" in text and "（2026-11-25 時点）" in text
    assert "現在の掲示板のアクセス回線の案内にない回線：専用線 64k・専用線 128k・ブロードバンド回線 ADSL" in text
    assert "料金未掲載の回線：専用線 0.5M" in text
    assert "  専用線 0.5M：現在の案内 / 料金未掲載：初期費用・回線使用料・ルータ使用料" in text
    assert "  専用線 64k：導入案内 / 料金：導入案内" in text and "  専用線 1M：導入案内・現在の案内 / " in text
    assert "サンプル単価の業務 13 件：IDA, IDC" in text
    assert "2014052100043" in text and "2014012300445" in text and "（2026-12-06 に記録）" in text
    en = ok(capsys, "rates", "--lang", "en", "show")
    assert "Lines not on the bulletin board's current access-line page: Dedicated line 64k, " in en
    assert "Lines whose fees are not published: Dedicated line 0.5M" in en
    assert "13 operations at sample prices" in en
    data = json.loads(ok(capsys, "rates", "show", "--format", "json"))
    assert data["unlisted"] == ["専用線 64k", "専用線 128k", "ブロードバンド回線 ADSL"]
    assert data["unpublished_fees"] == ["専用線 0.5M"] and len(data["operations"]["samples"]) == 13
    assert data["access_page"] == {
        "url": "https://bbs.naccscenter.com/naccs/dfw/web/use/userguide/access.html",
        "section": "（1）アクセス回線",
        "read": "2026-12-06",
    }


def test_rates_show_after_an_import(capsys, tmp_path):
    ok(capsys, "rates", "import-lines", csv_file(tmp_path, HALF_FEES))
    text = ok(capsys, "rates", "show")
    assert f"使用中の料金表：{user_tariffs_path()}" in text
    assert "  専用線 0.5M：現在の案内 / 料金：取り込んだ料金表：lines.csv 2026-12-01" in text
    assert "料金未掲載の回線：なし" in text
