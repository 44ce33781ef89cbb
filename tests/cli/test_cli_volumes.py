"""`naccs-tui volumes import history.csv --into FILE`: the typical month and the season (or months
given outright) from a history; it round-trips a file's months; every bad row is a line of its own."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.document import dumps, load_document
from naccs_tui.domain.months import month_counts

ROOT = Path(__file__).resolve().parents[2]
SEASONAL = ROOT / "examples" / "seasonal-broker.toml"
BROKER = ROOT / "examples" / "customs-broker.toml"
MULTI = ROOT / "examples" / "multi-office-forwarder.toml"
HISTORY = ROOT / "examples" / "volume-history.csv"


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def history_csv(unit, years=(2026,)) -> str:
    """The CSV that describes a unit's months: one row per month and operation."""
    rows = ["month,code,count"]
    for year in years:
        for m in range(1, 13):
            rows += [f"{year}-{m:02d},{code},{n}" for code, n in month_counts(unit, m).items()]
    return "\n".join(rows) + "\n"


def unit_of(path: Path, tariffs, office: int = 1, kind: str | None = None):
    c = load_document(path, tariffs)
    o = c.offices[office - 1]
    return o.general if kind == "general" or (kind is None and o.general) else o.netnaccs


def test_importing_a_files_months_reproduces_them(capsys, tmp_path, tariffs):
    source = unit_of(SEASONAL, tariffs)
    csv_path = tmp_path / "history.csv"
    csv_path.write_text(history_csv(source), "utf-8")
    target = tmp_path / "broker.toml"
    shutil.copy(BROKER, target)
    code, out, err = run(capsys, "volumes", "import", str(csv_path), "--into", str(target), "--lang", "en")
    assert (code, err) == (0, "")
    new = unit_of(target, tariffs)
    assert [month_counts(new, m) for m in range(1, 13)] == [month_counts(source, m) for m in range(1, 13)]
    # the typical month is each operation's monthly average: IDA (12 × … ) / 12, rounded half up
    ida = [month_counts(source, m)["IDA"] for m in range(1, 13)]
    assert new.volumes["IDA"] == (2 * sum(ida) + 12) // 24
    assert "read 60 rows, a history of 12 months (2026-01 to 2026-12)" in out
    assert f"Written into General NACCS of {target}" in out
    # nothing else of the file changed
    before, after = tomllib.loads(BROKER.read_text("utf-8")), tomllib.loads(target.read_text("utf-8"))
    assert after["line"] == before["line"] and after["usage"]["terminals"] == 3


FACTORS = st.integers(0, 300).map(lambda n: n / 100 if n % 5 else n // 100)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    season=st.lists(FACTORS, min_size=12, max_size=12),
    volumes=st.dictionaries(st.sampled_from(["IDA", "IDC", "EDA", "ICG"]), st.integers(0, 5_000), min_size=1),
    given_month=st.none() | st.integers(1, 12),
)
def test_the_round_trip_holds_for_any_season(capsys, tmp_path, tariffs, season, volumes, given_month):
    c = load_document(BROKER, tariffs)
    months = {str(given_month): {k: v // 2 + 1 for k, v in volumes.items()}} if given_month else {}
    unit = c.offices[0].general.model_copy(update={"volumes": volumes, "season": tuple(season), "months": months})
    c = c.model_copy(update={"offices": (c.offices[0].model_copy(update={"general": unit}),)})
    target = tmp_path / "t.toml"
    target.write_text(dumps(c), "utf-8")
    csv_path = tmp_path / "h.csv"
    csv_path.write_text(history_csv(unit), "utf-8")
    assert run(capsys, "volumes", "import", str(csv_path), "--into", str(target))[0] == 0
    new = unit_of(target, tariffs)
    assert [month_counts(new, m) for m in range(1, 13)] == [month_counts(unit, m) for m in range(1, 13)]


def test_the_example_history(capsys, tmp_path, tariffs):
    # real counts rarely follow one multiplier per month exactly: by default each such month is
    # given outright (the history reproduced); --season approximates each by its multiplier
    target = tmp_path / "broker.toml"
    shutil.copy(BROKER, target)
    code, out, err = run(capsys, "volumes", "import", str(HISTORY), "--into", str(target))
    assert (code, err) == (0, "")
    new = unit_of(target, tariffs)
    assert set(new.volumes) == {"IDA", "IDC", "EDA", "EDC"} and len(new.months) == 12
    assert month_counts(new, 4) == {"IDA": 165, "IDC": 152, "EDA": 90, "EDC": 75}  # 2025-04 as in the CSV
    code, out, err = run(capsys, "volumes", "import", str(HISTORY), "--into", str(target), "--season", "--lang", "en")
    new = unit_of(target, tariffs)
    assert new.months == {} and new.season is not None and "Months approximated by their multiplier" in out
    # April's multiplier: its total (165 + 152 + 90 + 75 = 482) over the typical month's, two decimals
    typical = sum(new.volumes.values())
    assert new.season[3] == round(482 / typical, 2)


def test_several_years_average_each_calendar_month(capsys, tmp_path, tariffs):
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("month,code,count\n2025-04,IDA,100\n2026-04,IDA,201\n2026-05,IDA,50\n", "utf-8")
    target = tmp_path / "b.toml"
    shutil.copy(BROKER, target)
    code, out, _ = run(capsys, "volumes", "import", str(csv_path), "--into", str(target), "--lang", "en")
    assert code == 0
    new = unit_of(target, tariffs)
    # typical: (100 + 201 + 50) / 3 = 117; April: (100 + 201) / 2 = 150.5 -> 151; May 50
    assert new.volumes == {"IDA": 117}
    assert month_counts(new, 4) == {"IDA": 151} and month_counts(new, 5) == {"IDA": 50}
    assert month_counts(new, 8) == {"IDA": 117}  # no history for August: the typical month
    assert "Months the history lacks (the typical month): month 1, month 2, month 3, month 6" in out
    assert "A month found in several years takes their average" in out


def test_a_month_no_multiplier_says_is_given_outright(capsys, tmp_path, tariffs):
    # typical IDA 100, IDC 0 (5 in June only); in June no multiplier of 0 gives IDC 5
    text = "month,code,count\n" + "".join(f"2026-{m:02d},IDA,100\n" for m in range(1, 13)) + "2026-06,IDC,5\n"
    csv_path = tmp_path / "h.csv"
    csv_path.write_text(text, "utf-8")
    target = tmp_path / "b.toml"
    shutil.copy(BROKER, target)
    assert run(capsys, "volumes", "import", str(csv_path), "--into", str(target))[0] == 0
    new = unit_of(target, tariffs)
    assert new.months == {"6": {"IDA": 100, "IDC": 5}} and new.volumes == {"IDA": 100, "IDC": 0}  # 5 / 12 -> 0
    assert month_counts(new, 6) == {"IDA": 100, "IDC": 5} and new.season is None


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_bom_and_cp932_with_japanese_months_and_no_header(capsys, tmp_path, tariffs, encoding):
    csv_path = tmp_path / "h.csv"
    csv_path.write_bytes('２０２６年４月,IDA,"1,200"\n2026/05/01,IDA,600\n'.encode(encoding))
    target = tmp_path / "b.toml"
    shutil.copy(BROKER, target)
    assert run(capsys, "volumes", "import", str(csv_path), "--into", str(target))[0] == 0
    new = unit_of(target, tariffs)
    assert (
        new.volumes == {"IDA": 900} and month_counts(new, 4) == {"IDA": 1_200} and month_counts(new, 5) == {"IDA": 600}
    )


def test_every_bad_row_is_a_line_and_nothing_is_written(capsys, tmp_path):
    csv_path = tmp_path / "h.csv"
    csv_path.write_text(
        "month,code,count\n2026-04,IDA,10\n2026-13,IDA,1\n2026-05,ZZZ,1\n2026-06,IDA,1.5\n2026-04,IDA,3\n2026-07,IDA\n",
        "utf-8",
    )
    target = tmp_path / "b.toml"
    shutil.copy(BROKER, target)
    before = target.read_bytes()
    code, out, err = run(capsys, "volumes", "import", str(csv_path), "--into", str(target), "--lang", "en")
    assert code == 2 and out == "" and target.read_bytes() == before
    assert err.splitlines() == [
        f'naccs-tui: {csv_path}: row 3, month: not a month ("2026-13"; write 2026-04)',
        f"naccs-tui: {csv_path}: row 4, code: unknown operation code (not in the tariffs in use: {ROOT / 'tariffs.toml'})",
        f'naccs-tui: {csv_path}: row 5, count: not a whole number ("1.5")',
        f"naccs-tui: {csv_path}: row 6, code: 2026-04 IDA appears twice (first in row 2)",
        f"naccs-tui: {csv_path}: row 7, count: missing cell",
        f"naccs-tui: 5 bad rows in {csv_path}: nothing was written",
    ]
    code, _, err = run(capsys, "volumes", "import", str(csv_path), "--into", str(target))
    assert '3行目, month: 月ではありません（"2026-13"。2026-04 のように書いてください）' in err


def test_a_unit_of_a_company(capsys, tmp_path, tariffs):
    target = tmp_path / "m.toml"
    shutil.copy(MULTI, target)
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("month,code,count\n2026-04,EDA,10\n2026-05,EDA,30\n", "utf-8")
    code, _, err = run(capsys, "volumes", "import", str(csv_path), "--into", str(target))
    assert code == 2 and "--office" in err and err.count("\n") == 1  # several units: name one
    code, out, _ = run(capsys, "volumes", "import", str(csv_path), "--into", str(target), "--office", "大阪支店")
    assert code == 0 and "大阪支店・netNACCS" in out
    assert unit_of(target, tariffs, 2, "netnaccs").volumes == {"EDA": 20}
    assert unit_of(target, tariffs, 1, "netnaccs") == unit_of(MULTI, tariffs, 1, "netnaccs")


def test_out_writes_elsewhere_and_needs_force_to_replace(capsys, tmp_path):
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("month,code,count\n2026-04,IDA,10\n", "utf-8")
    out = tmp_path / "new.toml"
    assert run(capsys, "volumes", "import", str(csv_path), "--into", str(BROKER), "--out", str(out))[0] == 0
    assert out.exists() and "IDA = 10" in out.read_text("utf-8")
    code, _, err = run(capsys, "volumes", "import", str(csv_path), "--into", str(BROKER), "--out", str(out))
    assert code == 2 and "--force" in err
