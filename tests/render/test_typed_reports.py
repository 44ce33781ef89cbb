"""The typed year, recommendation and compare reports: their JSON (the one generic conversion of
render/report_blocks.py) is what the CLI's `--format json` prints for every example, keys in the
same order, and the keys Python cannot name ("from") or that only some reports carry are kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.document import load_document
from naccs_tui.render.year import year_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def printed(capsys, *args: str) -> dict[str, object]:
    assert main([*args, "--format", "json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def same(data: dict[str, object], cli: dict[str, object]) -> None:
    assert data == cli
    assert json.dumps(data, ensure_ascii=False) == json.dumps(cli, ensure_ascii=False)  # keys in order too


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_typed_year_report_is_the_json_the_cli_prints(tariffs, capsys, path, lang):
    cli = printed(capsys, "year", str(path), "--lang", lang, "--fiscal", "--tax")
    r = year_report(load_document(path, tariffs), tariffs, fiscal=True, tax=True, lang=lang)
    same(r.as_dict(), cli)
    plain = printed(capsys, "year", str(path), "--lang", lang, "--from", "2027-01", "--months", "24")
    r = year_report(load_document(path, tariffs), tariffs, start=(2027, 1), months=24, lang=lang)
    same(r.as_dict(), plain)


def test_the_year_keeps_its_from_keys_and_its_fiscal_years_only_when_asked(tariffs):
    c = load_document(ROOT / "examples" / "seasonal-broker.toml", tariffs)
    r = year_report(c, tariffs, start=(2027, 2), fiscal=True, lang="en").as_dict()
    # February 2027 to the March that ends a whole fiscal year: FY2026 (Feb, Mar) and FY2027 (Apr..Mar)
    assert r["period"] == {"from": "2027-02", "to": "2028-03", "months": 14, "fiscal": True, "start": "given"}
    years = r["fiscal_years"]
    assert [(y["fiscal_year"], y["from"], y["to"], y["months"]) for y in years] == [
        (2026, "2027-02", "2027-03", 2),
        (2027, "2027-04", "2028-03", 12),
    ]
    months = r["months"]
    assert years[0]["a"] == months[0]["a"] + months[1]["a"]
    assert years[1]["switching"] == sum(m["best"] for m in months[2:])
    assert "fiscal_years" not in year_report(c, tariffs, start=(2027, 2), lang="en").as_dict()
