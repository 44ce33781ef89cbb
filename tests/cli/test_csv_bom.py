"""CSV that Excel opens: a CSV file the app writes is UTF-8 with a byte-order mark (Japanese
Windows Excel reads one without it as Shift_JIS), CSV on standard output stays plain UTF-8 for
scripts, and `rates import` reads a CSV saved with a BOM."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest
from helpers import run_async, wait_closed, wait_equal, wait_for_dialog
from textual.widgets import Input, RadioButton, RadioSet

from naccs_tui.cli import main
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import load_scenario
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.screens.export import ExportScreen

BOM = b"\xef\xbb\xbf"
DATA = Path(__file__).parents[1] / "data" / "decide"
SOURCE = DATA / "dedicated_1m.toml"


def run(capsys, *argv: str) -> tuple[int, bytes, str]:
    """Exit code, standard output as the bytes written (UTF-8) and standard error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.encode("utf-8"), err


# ---- standard output: no BOM --------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["quote", str(SOURCE)],
        ["compare", str(SOURCE), str(DATA / "web.toml")],
        ["recommend", str(SOURCE)],
    ],
    ids=lambda argv: argv[0],
)
def test_csv_on_standard_output_has_no_bom(capsys, argv):
    code, out, err = run(capsys, *argv, "--format", "csv")
    assert (code, err) == (0, "")
    assert not out.startswith(BOM) and "\ufeff" not in out.decode("utf-8")
    assert next(csv.reader(io.StringIO(out.decode("utf-8"))))  # a header row a script reads as is


# ---- files: a BOM on CSV only ---------------------------------------------------------------------
def test_compare_output_file_is_csv_with_bom(capsys, tmp_path):
    files = [str(SOURCE), str(DATA / "web.toml")]
    code, stdout, _ = run(capsys, "compare", *files, "--format", "csv")
    target = tmp_path / "compare.csv"
    code, out, err = run(capsys, "compare", *files, "--format", "csv", "-o", str(target))
    assert (code, out, err) == (0, b"", "")
    raw = target.read_bytes()
    assert raw.startswith(BOM) and raw[3:] == stdout  # the same CSV, with the mark Excel needs
    assert target.read_text("utf-8-sig").splitlines()[0].startswith("label,")
    # an existing file is replaced only with --force
    code, _, err = run(capsys, "compare", *files, "--format", "csv", "-o", str(target))
    assert code == 2 and "ファイルがすでにあります" in err
    assert run(capsys, "compare", *files, "--format", "csv", "-o", str(target), "--force")[0] == 0
    # other formats are plain UTF-8 in a file too
    for fmt in ("json", "text", "markdown"):
        other = tmp_path / f"compare.{fmt}"
        assert run(capsys, "compare", *files, "--format", fmt, "--output", str(other))[0] == 0
        assert not other.read_bytes().startswith(BOM), fmt


@pytest.mark.parametrize("fmt,index", [("csv", 1), ("markdown", 0)])
@run_async
async def test_tui_export_csv_has_a_bom(tariffs, tmp_path, fmt, index):
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["quote", str(SOURCE), "--format", fmt]) == 0
    cli = buf.getvalue().encode("utf-8")
    target = tmp_path / f"quote.{fmt}"
    app = NaccsApp(from_scenario(load_scenario(SOURCE, tariffs)), tariffs=tariffs, path=SOURCE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        screen = await wait_for_dialog(pilot, ExportScreen)
        list(screen.query_one("#export-format", RadioSet).query(RadioButton))[index].value = True
        field = screen.query_one("#export-path", Input)
        await wait_equal(pilot, lambda: screen.fmt, fmt, "the format chosen")
        field.value = str(target)
        await pilot.press("enter")
        await wait_closed(pilot, ExportScreen, "the export to be written")
    raw = target.read_bytes()
    if fmt == "csv":
        assert raw.startswith(BOM) and raw[3:] == cli
    else:
        assert raw == cli


# ---- rates import reads what Excel saves ----------------------------------------------------------
def test_rates_import_reads_a_csv_with_bom(capsys, tmp_path):
    rows = "code,name_ja,name_en,price_a,price_b\nIDA,輸入申告事項登録,Import declaration entry,80,100\n"
    source = tmp_path / "rates.csv"
    source.write_bytes(BOM + rows.encode("utf-8"))
    out_file = tmp_path / "tariffs.toml"
    code, _, err = run(capsys, "rates", "import", str(source), "--out", str(out_file))
    assert (code, err) == (0, "")
    ops = {op["code"]: op for op in tomllib.loads(out_file.read_text("utf-8"))["operations"]}
    assert (ops["IDA"]["name_ja"], ops["IDA"]["price_a"], ops["IDA"]["price_b"]) == ("輸入申告事項登録", 80, 100)
