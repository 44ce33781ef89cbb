"""The typed year, recommendation and compare reports: their JSON (the one generic conversion of
render/report_blocks.py) is what the CLI's `--format json` prints for every example, keys in the
same order, and the keys Python cannot name ("from") or that only some reports carry are kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.company import to_scenario
from naccs_tui.domain.company_file import pick_unit
from naccs_tui.domain.company_quote import compare_companies
from naccs_tui.domain.compare import compare
from naccs_tui.domain.document import load_document
from naccs_tui.domain.recommend import Needs, recommend_unit
from naccs_tui.render.company_compare import compare_report
from naccs_tui.render.compare import report as scenarios_report
from naccs_tui.render.recommend import for_unit
from naccs_tui.render.recommend import report as recommend_report
from naccs_tui.render.year import year_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
COMPANY = ROOT / "examples" / "multi-office-forwarder.toml"
ONE_UNIT = [p for p in EXAMPLES if p != COMPANY]


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


def _recommendation(tariffs, path: Path, needs: Needs, lang: str, office: str | None = None, unit: str | None = None):
    c = load_document(path, tariffs)
    index, kind = pick_unit(c, office, unit)
    basis, rec = recommend_unit(c, index, kind, tariffs, needs, months=24)
    rep = recommend_report(rec, basis, top=8, tax=True, lang=lang, sample_prices=tariffs.sample, tariffs=tariffs)
    return c, kind, rep


@pytest.mark.parametrize("path", ONE_UNIT, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("unlisted", [False, True], ids=["listed", "unlisted"])
def test_the_typed_recommendation_is_the_json_the_cli_prints(tariffs, capsys, path, lang, unlisted):
    extra = ["--include-unlisted"] if unlisted else []
    cli = printed(capsys, "recommend", str(path), "--lang", lang, "--months", "24", "--top", "8", "--tax", *extra)
    c, _, rep = _recommendation(tariffs, path, Needs(include_unlisted=unlisted), lang)
    assert to_scenario(c) is not None and rep.unit is None
    same(rep.as_dict(), cli)
    assert "unit" not in cli


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("office", "unit"), [("本社", "general"), ("本社", "netnaccs"), ("大阪支店", None)])
def test_a_company_units_recommendation_leads_with_the_unit(tariffs, capsys, lang, office, unit):
    where = ["--office", office, *(["--unit", unit] if unit else [])]
    cli = printed(capsys, "recommend", str(COMPANY), "--lang", lang, "--months", "24", "--top", "8", "--tax", *where)
    _, kind, rep = _recommendation(tariffs, COMPANY, Needs(), lang, office, unit)
    advised = for_unit(rep, office, kind, cli["unit"]["advice"])  # type: ignore[index]
    same(advised.as_dict(), cli)
    assert list(cli)[:2] == ["unit", "months"]
    assert cli["unit"]["office"] == office and cli["unit"]["unit"] == kind  # type: ignore[index]


def test_a_choices_line_setup_has_only_its_kinds_settings(tariffs):
    _, _, rep = _recommendation(tariffs, ROOT / "examples" / "customs-broker.toml", Needs(include_unlisted=True), "en")
    setups = {c.line_setup.kind: c.line_setup.as_dict() for c in rep.top + rep.excluded}
    assert setups["internet"] == {"kind": "internet", "lines": 1}
    assert list(setups["broadband"]) == ["kind", "medium", "router", "maintenance", "lines"]
    assert list(setups["dedicated"]) == ["kind", "speed", "router", "maintenance", "ping_monitoring", "lines"]
    assert setups["dedicated"]["ping_monitoring"] is False  # a False setting is kept, not left out


PAIRS = [ONE_UNIT[i : i + 2] for i in range(len(ONE_UNIT) - 1)] + [
    ONE_UNIT,
    [COMPANY, ONE_UNIT[0]],
    [ONE_UNIT[1], COMPANY],
]


def _compared(tariffs, paths: list[Path], months: int, tax: bool, lang: str):
    docs = [(p.name, load_document(p, tariffs)) for p in paths]
    units = [(name, to_scenario(c)) for name, c in docs]
    named = [(name, s) for name, s in units if s is not None]
    if len(named) < len(docs):
        crows = compare_companies(docs, tariffs, months=months, tax=tax)
        return compare_report(crows, months=months, tax=tax, lang=lang, tariffs=tariffs)
    rows = compare(named, tariffs, months=months, tax=tax)
    return scenarios_report(rows, months=months, tax=tax, lang=lang, tariffs=tariffs)


@pytest.mark.parametrize("paths", PAIRS, ids=lambda ps: "+".join(p.stem for p in ps))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_typed_comparison_is_the_json_the_cli_prints(tariffs, capsys, paths, lang):
    files = [str(p) for p in paths][:4]
    cli = printed(capsys, "compare", *files, "--lang", lang, "--months", "24", "--tax")
    rep = _compared(tariffs, paths[:4], 24, True, lang)
    same(rep.as_dict(), cli)
    assert ("companies" in cli) == (COMPANY in paths)


def test_each_compared_file_differs_from_the_first_by_its_total(tariffs):
    scen = _compared(tariffs, ONE_UNIT[:3], 12, False, "en").as_dict()
    totals = [x["total"] for x in scen["scenarios"]]
    assert [x["diff"] for x in scen["scenarios"]] == [t - totals[0] for t in totals]
    comp = _compared(tariffs, [COMPANY, ONE_UNIT[0]], 12, False, "en").as_dict()
    first, second = comp["companies"]
    assert (first["offices"], first["units"], second["offices"], second["units"]) == (2, 3, 1, 1)
    assert second["diff"] == second["total"] - first["total"]
    assert list(first)[4:8] == ["chosen", "all_a", "all_b", "best_per_unit"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_typed_edition_is_the_json_rates_show_prints(tariffs, capsys, lang):
    from naccs_tui.domain.tariffs import data_file
    from naccs_tui.render.rates_show import edition

    cli = printed(capsys, "--lang", lang, "rates", "show", "--tariffs", str(data_file("tariffs.toml")))
    e = edition(tariffs, lang)
    same(e.as_dict(), cli)
    # NACCS's current access page lists neither the 64k/128k dedicated lines nor ADSL
    assert [(x.kind, x.name) for x in e.lines if x.listed_now is False] == [
        ("dedicated", "64k"),
        ("dedicated", "128k"),
        ("broadband", "adsl"),
    ]
    assert len(e.unlisted) == 3
