"""`naccs-tui rates import`: the official unit price table from CSV to a user tariffs file."""

from __future__ import annotations

import json
import os
import tomllib
from datetime import date
from pathlib import Path

import pytest
from helpers import run_async, wait_for_dialog

from naccs_tui.cli import main
from naccs_tui.domain.costing import quote
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.rates import build_tariffs, decode, parse_rates
from naccs_tui.domain.scenario import parse_scenario
from naccs_tui.domain.tariffs import data_file, load_tariffs, user_tariffs_path
from naccs_tui.i18n import t

# A made-up "official" table for the tests (not the shipped samples: A is 20% and 16.7% below B).
CSV = """code,name_ja,name_en,price_a,price_b
IDA,輸入申告事項登録,Import declaration entry,80,100
IDC,輸入申告,Import declaration,150,180
EDA,輸出申告事項登録,Export declaration entry,60,75
EDC,輸出申告,Export declaration,120,150
ICG,貨物情報照会,Cargo information inquiry,0,0
"""
# the other operations of the shipped table, so that CSV + REST is a complete official table
REST = """SCR,簡易貨物情報登録,Simplified cargo information entry,40,50
OLT,保税運送申告,Bonded transport declaration,100,120
BIC,搬入確認登録（輸出未通関）,"Carry-in confirmation (export, uncleared)",32,40
BOC,搬出確認登録（輸出許可済）,"Carry-out confirmation (export, permitted)",32,40
BIN,搬入確認登録（航空輸入）,Carry-in confirmation (air import),24,30
VAN,バンニング情報登録,Vanning information entry,48,60
HCH,HAWB情報登録（輸入）,HAWB information entry (import),20,25
IDB,輸入申告事項登録呼出し,Import declaration entry recall,16,20
"""
FULL = CSV + REST
# only the two import declarations: a partial table
PARTIAL = """code,name_ja,name_en,price_a,price_b
IDA,輸入申告事項登録,Import declaration entry,80,100
IDC,輸入申告,Import declaration,150,180
"""
SHIPPED_CODES = ["IDA", "IDC", "EDA", "EDC", "SCR", "OLT", "BIC", "BOC", "BIN", "VAN", "HCH", "IDB", "ICG"]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "customs-broker.toml"

BROKER = """schema = 1
name = "broker"
[line]
kind = "dedicated"
speed = "1M"
router = "spare"
maintenance = "weekdays"
ping_monitoring = true
[usage]
method = "interactive"
terminals = 3
user_codes = 1
paid_statistics = true
[volumes]
IDA = 300
IDC = 280
EDA = 150
EDC = 140
ICG = 400
"""

IMPORTER = """schema = 1
[usage]
method = "netnaccs"
[volumes]
IDA = 40
IDC = 40
ICG = 60
"""


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    p = folder / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def _import(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(["rates", "import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---- reading the CSV ----


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis", "utf-16"])
def test_encodings_read_alike(encoding):
    ops = parse_rates(decode(CSV.encode(encoding), "rates.csv"), "rates.csv")
    assert [o["code"] for o in ops] == ["IDA", "IDC", "EDA", "EDC", "ICG"]
    assert ops[1] == {
        "code": "IDC",
        "name_ja": "輸入申告",
        "name_en": "Import declaration",
        "price_a": 150,
        "price_b": 180,
        "sample": False,
    }


def test_spreadsheet_quirks_are_accepted():
    # columns in another order, a header in capitals with spaces, CRLF line ends, a formatted
    # "1,200", full-width digits, a blank line and an all-empty trailing row
    text = (
        "Name_EN , CODE,name_ja,price_b,price_a\r\n"
        'Import declaration,IDC,輸入申告,"1,200",１０００\r\n'
        "\r\n"
        "Cargo inquiry,ICG,貨物情報照会,0,0\r\n"
        ",,,,\r\n"
    )
    ops = parse_rates(text, "x.csv")
    assert [(o["code"], o["price_a"], o["price_b"]) for o in ops] == [("IDC", 1000, 1200), ("ICG", 0, 0)]
    tabbed = "code\tname_ja\tname_en\tprice_a\tprice_b\nIDA\t輸入\tImport\t8\t10\n"
    assert parse_rates(tabbed, "x.txt")[0]["price_b"] == 10


HEAD = "code,name_ja,name_en,price_a,price_b\n"
GOOD = "IDA,輸入申告事項登録,Import declaration entry,80,100\nIDC,輸入申告,Import declaration,150,180\n"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (HEAD + GOOD + "EDA,輸出,Export,10,12.5\n", 'row 4, price_b: not a whole number ("12.5")'),
        (HEAD + GOOD + "EDA,輸出,Export,-1,12\n", 'row 4, price_a: must not be negative ("-1")'),
        (HEAD + "EDA,輸出,Export,,12\n", "row 2, price_a: empty (expected a whole number of yen)"),
        (HEAD + "EDA,輸出,Export,ten,12\n", 'row 2, price_a: not a number ("ten")'),
        (HEAD + "EDA,輸出,Export,10,1000000001\n", 'row 2, price_b: too large ("1000000001"; limit 1,000,000,000)'),
        (HEAD + "EDA,輸出,Export,13,12\n", "row 2, price_a: Plan A price (13) is above Plan B price (12)"),
        (HEAD + GOOD + "IDA,輸入,Import,1,2\n", "row 4, code: IDA appears twice (first in row 2)"),
        (HEAD + "ID-A,輸入,Import,1,2\n", 'row 2, code: not an operation code ("ID-A"; 2-8 capital letters or digits)'),
        (
            HEAD + "ida,輸入,Import,1,2\n",
            'row 2, code: not an operation code ("ida"; 2-8 capital letters or digits) (use capital letters)',
        ),
        (HEAD + "IDA,,Import,1,2\n", "row 2, name_ja: empty"),
        (HEAD + "IDA,輸入,Import,1\n", "row 2, price_b: missing cell"),
        (HEAD + "IDA,輸入," + "x" * 81 + ",1,2\n", "row 2, name_en: longer than 80 characters"),
        (
            "code,name_ja,name_en,price_a,prise_b\n" + GOOD,
            "row 1: unknown column 'prise_b' (did you mean \"price_b\"?) (expected code, name_ja, name_en, price_a, price_b)",
        ),
        (
            "code,name_ja,price_a,price_b\n" + GOOD,
            "row 1: missing column name_en (the header row must name code, name_ja, name_en, price_a, price_b)",
        ),
        ("code,code,name_ja,name_en,price_a,price_b\n", "row 1: column 'code' appears twice"),
        (GOOD, "row 1: no header row (the first row must name the columns code, name_ja, name_en, price_a, price_b)"),
        ("", "empty file (expected a header row: code,name_ja,name_en,price_a,price_b)"),
        ("\n\n", "empty file (expected a header row: code,name_ja,name_en,price_a,price_b)"),
        (HEAD, "no operations: the table has a header but no rows"),
        (HEAD + 'IDA,"輸入,Import,1,2\n', "row 2: broken CSV: unexpected end of data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not a CSV file"),
        # bytes 0-12 are "code,name_ja\n"; 0x81 0x39 at byte 13 is no Shift_JIS character
        (b"code,name_ja\n\x81\x39\xff\xfe", "neither UTF-8 nor Shift_JIS text (byte 13)"),
    ],
)
def test_errors_name_the_row_and_column(tmp_path, monkeypatch, capsys, content, line):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "rates.csv", content)
    code, out, err = _import(["rates.csv", "--lang", "en"], capsys)  # Japanese: test_errors_ja
    assert (code, out, err) == (2, "", f"naccs-tui: rates.csv: {line}\n")
    assert not user_tariffs_path().exists()


def test_missing_and_folder_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NACCS_TUI_LANG", "en")  # the English reasons (Japanese ones: test_errors_ja)
    none = str(tmp_path / "none.csv")
    assert _import([none], capsys)[2] == f"naccs-tui: {none}: file not found\n"
    assert _import([str(tmp_path)], capsys)[2] == f"naccs-tui: {tmp_path}: is a folder, not a file\n"


# ---- writing the user tariffs file ----


def test_import_to_the_xdg_file_is_picked_up(tmp_path, capsys, tariffs):
    csv = _write(tmp_path, "rates.csv", FULL.encode("cp932"))
    target = user_tariffs_path()
    assert not target.parent.exists()  # conftest: a fresh XDG_CONFIG_HOME
    code, out, err = _import([str(csv)], capsys)
    assert (code, err) == (0, "")
    assert target.is_file()
    assert t("rates.auto") in out and str(target) in out
    mine = load_tariffs()  # no path: the XDG file is found on its own
    assert mine.operations == load_tariffs(target).operations
    assert not mine.sample and not any(op.sample for op in mine.operations)
    assert mine.imported == date(2026, 12, 1)  # conftest's fixed today
    assert "rates.csv" in mine.source and tariffs.source in mine.source
    # the fixed fees are the shipped ones, untouched
    for part in ("plans", "lead_time", "dedicated", "broadband"):
        assert getattr(mine, part) == getattr(tariffs, part), part
    assert mine.tax_rate_percent == tariffs.tax_rate_percent and mine.effective == tariffs.effective
    assert [(o.code, o.price_a, o.price_b) for o in mine.operations] == [
        ("IDA", 80, 100),
        ("IDC", 150, 180),
        ("EDA", 60, 75),
        ("EDC", 120, 150),
        ("ICG", 0, 0),
        ("SCR", 40, 50),
        ("OLT", 100, 120),
        ("BIC", 32, 40),
        ("BOC", 32, 40),
        ("BIN", 24, 30),
        ("VAN", 48, 60),
        ("HCH", 20, 25),
        ("IDB", 16, 20),
    ]
    # plain TOML with the schema the shipped file has
    doc = tomllib.loads(target.read_text("utf-8"))
    assert doc["schema"] == 1 and doc["imported"] == date(2026, 12, 1)
    assert all(op["sample"] is False for op in doc["operations"])


def test_imported_table_gives_exact_quotes(tmp_path, capsys):
    csv = _write(tmp_path, "rates.csv", FULL)
    out = tmp_path / "official.toml"
    assert _import([str(csv), "--out", str(out)], capsys)[0] == 0
    official = load_tariffs(out)
    q = quote(parse_scenario(tomllib.loads(BROKER), "b", official), official)
    # line: 1M usage 36,000 + spare router 11,600 + ping 2,000 = 49,600; initial: spare 169,000
    # options: paid statistics 1 x 1,000 = 1,000
    # A metered: 300x80 + 280x150 + 150x60 + 140x120 + 400x0 = 24,000+42,000+9,000+16,800 = 91,800
    # A: 49,600 + 3 x 5,000 + 91,800 + 1,000 = 157,400
    # B metered: 300x100 + 280x180 + 150x75 + 140x150 = 30,000+50,400+11,250+21,000 = 112,650
    # B: 49,600 + 112,650 + 1,000 = 163,250
    assert (q.a.metered, q.a.monthly, q.b.metered, q.b.monthly) == (91_800, 157_400, 112_650, 163_250)
    assert (q.a.initial, q.b.initial, q.cheaper, q.saving) == (169_000, 169_000, "A", 5_850)
    assert q.sample_prices is False

    # the same through the CLI with --tariffs (12 months: 169,000 + 12 x 157,400 = 2,057,800)
    scen = _write(tmp_path, "importer.toml", IMPORTER)
    bro = _write(tmp_path, "broker.toml", BROKER)
    assert main(["quote", str(bro), "--tariffs", str(out), "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["plans"]["A"]["total"] == 2_057_800 and r["tariffs"]["sample"] is False
    # importer: A = 5,000 + 40x80 + 40x150 + 60x0 = 14,200; B = 40x100 + 40x180 = 11,200
    # break-even: gap 40x20 + 40x30 = 2,000 yen at scale 1 -> scale 5,000/2,000 = 2.5 -> 2.5 x 140 = 350
    assert main(["quote", str(scen), "--tariffs", str(out), "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["plans"]["A"]["monthly"], r["plans"]["B"]["monthly"]) == (14_200, 11_200)
    assert r["break_even"]["transactions_per_month"] == 350
    # the sample banner is shown with the shipped table and gone with the official one
    assert main(["quote", str(scen), "--tariffs", str(data_file("tariffs.toml"))]) == 0
    assert t("trust.sample") in capsys.readouterr().out
    assert main(["quote", str(scen), "--tariffs", str(out)]) == 0
    assert t("trust.sample") not in capsys.readouterr().out


def test_never_overwrites_without_force(tmp_path, capsys):
    csv = _write(tmp_path, "rates.csv", CSV)
    out = tmp_path / "mine.toml"
    out.write_text("# my own notes\n", "utf-8")
    code, _, err = _import([str(csv), "--out", str(out), "--lang", "en"], capsys)
    assert code == 2
    assert err == f"naccs-tui: {out}: file exists (not overwritten; add --force to replace it)\n"
    assert out.read_text("utf-8") == "# my own notes\n"
    assert _import([str(csv), "--out", str(out), "--force"], capsys)[0] == 0
    assert load_tariffs(out).operations[0].price_a == 80
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml", "rates.csv"]  # no temp file left


def test_default_location_is_not_overwritten_either(tmp_path, capsys):
    csv = _write(tmp_path, "rates.csv", CSV)
    assert _import([str(csv)], capsys)[0] == 0
    before = user_tariffs_path().read_bytes()
    cheaper = _write(tmp_path, "cheaper.csv", CSV.replace(",80,100", ",70,100"))
    assert _import([str(cheaper)], capsys)[0] == 2
    assert user_tariffs_path().read_bytes() == before
    assert _import([str(cheaper), "--force"], capsys)[0] == 0
    assert load_tariffs().ops["IDA"].price_a == 70


def test_broken_base_tariffs_and_missing_out_folder(tmp_path, capsys):
    csv = _write(tmp_path, "rates.csv", CSV)
    base = _write(tmp_path, "base.toml", "schema = 1\n")
    code, _, err = _import([str(csv), "--tariffs", str(base), "--out", str(tmp_path / "o.toml")], capsys)
    assert code == 2 and err.startswith(f"naccs-tui: {base}: ") and "\n" not in err[:-1]
    code, _, err = _import([str(csv), "--out", str(tmp_path / "no" / "o.toml"), "--lang", "en"], capsys)
    assert (code, err) == (2, f"naccs-tui: {tmp_path / 'no' / 'o.toml'}: folder does not exist\n")


def test_subcommand_is_required(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["rates"])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_build_tariffs_replaces_only_the_operations(tariffs):
    base = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
    ops = parse_rates(FULL, "rates.csv")
    doc, built = build_tariffs(base, ops, source="rates.csv", imported=date(2027, 4, 1))
    assert built.imported == date(2027, 4, 1) and not built.sample
    assert {k for k in base if doc[k] != base[k]} == {"source", "note", "operations"}
    assert len(base["operations"]) == len(tariffs.operations)  # the shipped document is not modified
    with pytest.raises(InputError):
        build_tariffs({"schema": 1}, ops, source="rates.csv", imported=date(2027, 4, 1))


def test_reimport_is_seen_even_with_the_same_timestamp(tmp_path, capsys):
    # a coarse file-system clock can give the replaced file the old mtime: the cache must notice
    csv = _write(tmp_path, "rates.csv", CSV)
    assert _import([str(csv)], capsys)[0] == 0
    target = user_tariffs_path()
    stamp = target.stat().st_mtime_ns
    assert load_tariffs().ops["IDA"].price_a == 80
    cheaper = _write(tmp_path, "cheaper.csv", CSV.replace(",80,100", ",70,100"))
    assert _import([str(cheaper), "--force"], capsys)[0] == 0
    os.utime(target, ns=(stamp, stamp))
    assert load_tariffs().ops["IDA"].price_a == 70


# ---- a partial table never breaks what worked ----


def test_partial_table_keeps_the_operations_it_lacks_and_the_example_still_quotes(tmp_path, capsys):
    csv = _write(tmp_path, "ida-idc.csv", PARTIAL)
    target = user_tariffs_path()
    shipped = data_file("tariffs.toml")
    code = main(["rates", "--lang", "en", "import", str(csv)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    kept = "EDA, EDC, SCR, OLT, BIC, BOC, BIN, VAN, HCH, IDB, ICG"
    assert out == (
        f"Imported 2 operation unit prices from {csv} (official table, not samples)\n"
        f"Kept 11 operations the CSV lacks, at their prices in the tariffs in use ({shipped}): {kept}\n"
        "11 of them keep sample prices (the sample warning stays until their official prices are imported): "
        f"{kept}\n"
        f"Written to: {target}\n"
        "Operations with a Plan A price below Plan B: 2; same price: 0\n"
        "This table is used automatically from now on (unless --tariffs is given)\n"
    )
    doc = tomllib.loads(target.read_text("utf-8"))
    assert [op["code"] for op in doc["operations"]] == ["IDA", "IDC", *kept.split(", ")]
    assert [op["sample"] for op in doc["operations"]] == [False, False] + [True] * 11
    # each operation says where its prices come from
    assert [op["source"] for op in doc["operations"]] == ["import ida-idc.csv 2026-12-01"] * 2 + ["sample"] * 11
    assert doc["note"] == (
        f"Unit prices imported from ida-idc.csv on 2026-12-01; fixed fees copied from {shipped}. "
        f"Kept from {shipped} with their prices (not in ida-idc.csv): {kept}."
    )
    mine = load_tariffs()
    assert mine.sample  # sample prices are still in the table, and said so
    assert (mine.ops["EDA"].price_a, mine.ops["EDA"].price_b) == (69, 80)  # the shipped sample, unchanged

    # the example that worked before the import still quotes, with the imported IDA and IDC prices:
    # A metered: 300x80 + 280x150 + 150x69 + 140x138 + 400x0 = 24,000+42,000+10,350+19,320 = 95,670
    # B metered: 300x100 + 280x180 + 150x80 + 140x160 + 400x0 = 30,000+50,400+12,000+22,400 = 114,800
    assert main(["quote", str(EXAMPLE), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    plans = json.loads(out)["plans"]
    assert err == "" and (plans["A"]["metered"], plans["B"]["metered"]) == (95_670, 114_800)


def test_reimport_keeps_earlier_official_prices_and_edited_fixed_fees(tmp_path, capsys):
    # a full official import, then a fixed fee edited by hand in the user file
    assert _import([str(_write(tmp_path, "full.csv", FULL))], capsys)[0] == 0
    target = user_tariffs_path()
    target.write_text(
        target.read_text("utf-8").replace("basic_fee_a_per_terminal = 5000", "basic_fee_a_per_terminal = 5500"),
        "utf-8",
    )
    # then a new price for IDA alone: every other operation keeps its official price from the first import
    one = _write(tmp_path, "ida.csv", "code,name_ja,name_en,price_a,price_b\nIDA,輸入申告事項登録,Import entry,70,90\n")
    code = main(["rates", "--lang", "en", "import", str(one), "--force"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    others = "IDC, EDA, EDC, ICG, SCR, OLT, BIC, BOC, BIN, VAN, HCH, IDB"
    assert f"Kept 12 operations the CSV lacks, at their prices in the tariffs in use ({target}): {others}\n" in out
    assert "keep sample prices" not in out  # none of the kept prices is a sample
    mine = load_tariffs()
    assert [(o.code, o.price_a, o.price_b, o.sample) for o in mine.operations][:3] == [
        ("IDA", 70, 90, False),
        ("IDC", 150, 180, False),
        ("EDA", 60, 75, False),
    ]
    assert not mine.sample and mine.plans.basic_fee_a_per_terminal == 5500
    # IDC's price comes from the first import, and says so; IDA's from the second
    assert [mine.price_source(mine.ops[c]) for c in ("IDA", "IDC", "IDB")] == [
        "import ida.csv 2026-12-01",
        "import full.csv 2026-12-01",
        "import full.csv 2026-12-01",
    ]
    # a third import keeps the sources the file already gives
    eda = _write(tmp_path, "eda.csv", "code,name_ja,name_en,price_a,price_b\nEDA,輸出申告事項登録,Export entry,50,70\n")
    assert _import([str(eda), "--force"], capsys)[0] == 0
    again = load_tariffs()
    assert [again.price_source(again.ops[c]) for c in ("IDA", "IDC", "EDA")] == [
        "import ida.csv 2026-12-01",
        "import full.csv 2026-12-01",
        "import eda.csv 2026-12-01",
    ]
    # the source names the new file once, and the fixed fees' source is not nested
    assert mine.source == f"NACCS従量料金表 (ida.csv); fixed fees: {load_tariffs(data_file('tariffs.toml')).source}"


def _only_ida_idc(folder: Path) -> Path:
    doc = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
    doc["operations"] = [op for op in doc["operations"] if op["code"] in ("IDA", "IDC")]
    import tomli_w

    return _write(folder, "narrow.toml", tomli_w.dumps(doc))


def test_an_operation_missing_from_the_tariffs_in_use_names_that_file(tmp_path, capsys):
    narrow = _only_ida_idc(tmp_path)
    line = (
        f'naccs-tui: {EXAMPLE}: volumes.EDA: unknown operation code (did you mean "IDA"?) '
        f"(not in the tariffs in use: {narrow})\n"
    )
    assert main(["quote", str(EXAMPLE), "--tariffs", str(narrow), "--lang", "en"]) == 2
    assert capsys.readouterr() == ("", line)
    # launching the TUI with such a file prints the same line and exits 2
    assert main([str(EXAMPLE), "--tariffs", str(narrow), "--lang", "en"]) == 2
    assert capsys.readouterr() == ("", line)
    # the user tariffs file, found on its own, is named too, in Japanese by default
    user = user_tariffs_path()
    user.parent.mkdir(parents=True)
    user.write_bytes(narrow.read_bytes())
    assert main(["quote", str(EXAMPLE)]) == 2
    assert capsys.readouterr().err == (
        f"naccs-tui: {EXAMPLE}: volumes.EDA: 不明な業務コードです（「IDA」のことですか？）（使用中の料金表 {user} にありません）\n"
    )


@run_async
async def test_the_tui_says_the_same_when_opening_such_a_file(tmp_path):
    from naccs_tui.ui.app import NaccsApp
    from naccs_tui.ui.screens.error import ErrorScreen

    narrow = _only_ida_idc(tmp_path)
    app = NaccsApp(tariffs=load_tariffs(narrow))
    async with app.run_test(size=(120, 30)) as pilot:
        assert app.open_path(EXAMPLE) is False
        await wait_for_dialog(pilot, ErrorScreen)
        shown = str(app.screen.query_one("#error-message").render())
        assert shown == (
            f"{EXAMPLE}: volumes.EDA: 不明な業務コードです（「IDA」のことですか？）（使用中の料金表 {narrow} にありません）"
        )
        assert app.path is None  # nothing was opened
