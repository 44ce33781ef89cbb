"""Compare: hand-made scenario files, values computed by hand from tariffs.toml; CLI paths."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.compare import compare
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import load_scenario
from naccs_tui.render.table import cell_width

DATA = Path(__file__).parents[1] / "data" / "decide"
FILES = ["small_net.toml", "dedicated_1m.toml", "fiber.toml", "web.toml"]


def load(tariffs, *names):
    return [(n, load_scenario(DATA / n, tariffs)) for n in names]


def test_four_scenarios_by_hand(tariffs):
    rows = compare(load(tariffs, *FILES), tariffs, months=12)
    small, ded, fiber, web = rows
    # small_net: netNACCS, 1 terminal, IDC 100 + EDC 50
    #   A = 5,000 + 100×170 + 50×138 = 28,900; B = 100×200 + 50×160 = 28,000 -> B; 12 months B = 336,000
    assert (small.monthly_a, small.monthly_b, small.cheaper, small.initial) == (28_900, 28_000, "B", 0)
    assert (small.total_a, small.total_b, small.total, small.diff) == (346_800, 336_000, 336_000, 0)
    # dedicated 1M standard weekdays: line 36,000 + router 5,200 = 41,200; initial 98,000;
    #   2 terminals (10,000), IDC 300 + EDC 200 (A 78,600 / B 92,000), statistics 1 × 1,000
    #   A = 41,200 + 10,000 + 78,600 + 1,000 = 130,800; B = 41,200 + 92,000 + 1,000 = 134,200 -> A
    #   12 months A = 98,000 + 12 × 130,800 = 1,667,600; B = 98,000 + 12 × 134,200 = 1,708,400
    assert (ded.monthly_a, ded.monthly_b, ded.cheaper, ded.initial) == (130_800, 134_200, "A", 98_000)
    assert (ded.total_a, ded.total_b, ded.total) == (1_667_600, 1_708_400, 1_667_600)
    assert ded.diff == 1_667_600 - 336_000
    # fiber 24h: 19,900 + wiring 1,000 + router 5,800 = 26,700; A = 26,700 + 5,000 + 23,900 = 55,600;
    #   B = 26,700 + 28,000 = 54,700 -> B; 12 months = 98,000 + 12 × 54,700 = 754,400
    assert (fiber.monthly_a, fiber.monthly_b, fiber.cheaper, fiber.total) == (55_600, 54_700, "B", 754_400)
    assert fiber.diff == 754_400 - 336_000
    # web: 3 terminals, 2 user codes × bonded storage 1,000; BIC 20 (34/40), ICG 100 (free)
    #   A = 15,000 + 680 + 2,000 = 17,680; B = 800 + 2,000 = 2,800; 12 months B = 33,600
    assert (web.monthly_a, web.monthly_b, web.total, web.diff) == (17_680, 2_800, 33_600, 33_600 - 336_000)


def test_start_dates(tariffs):
    # today = 2026-12-01 (conftest). Internet: 7 business days -> Dec 2,3,4,7,8,9,10 = 2026-12-10.
    # Dedicated: 50 business days, skipping Dec 29-Jan 3, Jan 11 (成人の日) and Feb 11 (建国記念の日):
    # Dec: 19 days (2-4, 7-11, 14-18, 21-25, 28); Jan 4-8 -> 24; 12-15 -> 28; 18-22 -> 33; 25-29 -> 38;
    # Feb 1-5 -> 43; 8-10 -> 46; 12 -> 47; 15, 16, 17 -> 50 = 2027-02-17
    small, ded = compare(load(tariffs, "small_net.toml", "dedicated_1m.toml"), tariffs)
    assert small.start == date(2026, 12, 10)
    assert ded.start == date(2027, 2, 17)


def test_tax_and_months(tariffs):
    # 24 months, tax: small_net B = 24 × 28,000 = 672,000 -> 739,200; web B = 24 × 2,800 = 67,200 -> 73,920
    small, web = compare(load(tariffs, "small_net.toml", "web.toml"), tariffs, months=24, tax=True)
    assert (small.total, web.total) == (739_200, 73_920)
    assert web.diff == 73_920 - 739_200
    # monthly amounts with tax: 28,900 -> 31,790
    assert small.monthly_a == 31_790


def test_needs_two_to_four(tariffs):
    one = load(tariffs, "small_net.toml")
    with pytest.raises(InputError):
        compare(one, tariffs)
    with pytest.raises(InputError):
        compare(one * 5, tariffs)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_formats(capsys):
    paths = [str(DATA / n) for n in FILES]
    code, out, err = run(capsys, "compare", *paths, "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [s["total"] for s in data["scenarios"]] == [336_000, 1_667_600, 754_400, 33_600]
    assert data["scenarios"][1]["start"] == "2027-02-17"
    code, out, _ = run(capsys, "compare", *paths[:2], "--format", "csv", "--months", "1")
    rows = list(csv.DictReader(io.StringIO(out)))
    # 1 month: small_net B = 28,000; dedicated A = 98,000 + 130,800 = 228,800; diff 200,800
    assert [(r["label"], r["total"], r["diff"]) for r in rows] == [
        ("small_net.toml", "28000", "0"),
        ("dedicated_1m.toml", "228800", "200800"),
    ]
    code, out, _ = run(capsys, "compare", *paths[:2], "--lang", "en")
    assert code == 0
    assert "Scenario" in out and "+1,331,600" in out and "tax excl." in out
    code, out, _ = run(capsys, "compare", *paths[:2], "--format", "markdown")
    assert out.startswith("# シナリオ比較") and "| small_net.toml |" in out


@pytest.mark.parametrize("count", [1, 5])
def test_cli_wrong_number_of_files(capsys, count):
    code, out, err = run(capsys, "compare", *([str(DATA / "small_net.toml")] * count))
    assert code == 2 and out == ""
    assert err == f"naccs-tui: FILE: シナリオファイルを 2～4 個指定してください（{count} 個でした）\n"
    code, out, err = run(capsys, "compare", *([str(DATA / "small_net.toml")] * count), "--lang", "en")
    assert err.count("\n") == 1 and "2 to 4" in err


def test_cli_bad_file_is_one_line(capsys):
    code, out, err = run(capsys, "compare", str(DATA / "small_net.toml"), str(DATA / "broken.toml"), "--lang", "en")
    assert code == 2 and out == ""
    assert err == f'naccs-tui: {DATA / "broken.toml"}: line.sped: unknown key (did you mean "speed"?)\n'
    code, _, err = run(capsys, "compare", str(DATA / "small_net.toml"), str(DATA / "missing.toml"), "--lang", "en")
    assert code == 2 and err.endswith("missing.toml: file not found\n")


HUGE = """schema = 1
name = "huge"
[line]
kind = "dedicated"
speed = "10M"
router = "redundant"
maintenance = "24x365"
[usage]
method = "interactive"
terminals = 999
user_codes = 999
[volumes]
IDA = 1000000
IDC = 1000000
EDC = 1000000
"""


def blocks(text: str) -> dict[str, str]:
    """Each scenario's row of the text table with the detail lines under it, by file name."""
    out: dict[str, str] = {}
    label = None
    for line in text.split("\n\n")[0].splitlines()[2:]:
        if not line.startswith(" "):
            label = line.split("  ")[0]
            out[label] = line
        else:
            out[label] += "\n" + line
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cli_text_fits_100_columns_with_every_figure(capsys, tmp_path, lang):
    # a long file name and 9-digit totals (398,156,900 a month; 12 months 4,778,152,800 with the
    # initial fee) beside three small scenarios
    huge = tmp_path / "large-forwarder-narita-redundant.toml"
    huge.write_text(HUGE, "utf-8")
    paths = [*(str(DATA / n) for n in FILES[:3]), str(huge)]
    code, out, err = run(capsys, "compare", *paths, "--lang", lang)
    assert (code, err) == (0, "")
    assert max(cell_width(line) for line in out.splitlines()) <= 100, out
    data = json.loads(run(capsys, "compare", *paths, "--format", "json", "--lang", lang)[1])
    assert max(s["total"] for s in data["scenarios"]) >= 1_000_000_000
    shown = blocks(out)
    assert list(shown) == [s["label"] for s in data["scenarios"]]
    for s in data["scenarios"]:
        text = shown[s["label"]]
        for key in ("monthly_a", "monthly_b", "initial", "total_a", "total_b", "total"):
            assert f"{s[key]:,}" in text, (key, text)
        assert ("±0" if s["diff"] == 0 else f"{s['diff']:+,}") in text and s["start"] in text
        assert s["line"] in text.replace("\n  ", " ") and s["method"] in text


def test_cli_text_keeps_the_deciding_columns_in_the_table(capsys):
    _, out, _ = run(capsys, "compare", *(str(DATA / n) for n in FILES), "--lang", "en")
    head = out.splitlines()[0]
    # the total and the difference are always columns; the line and the method go under the row
    assert head.startswith("Scenario") and "12-mo. total" in head and "vs first" in head
    assert "Line" not in head and "Method" not in head
    assert "  Dedicated line 1M / standard / weekday maintenance × 1; Interactive" in out
    assert "12-mo. total: of the cheaper plan, incl. initial; vs first: its difference to the first scenario" in out
