"""The typed quote reports: their JSON is what `quote --format json` prints, the generic conversion
keeps today's keys (present only when they apply), and every format of a company report says each
unit's break-even and start dates."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.document import load_document
from naccs_tui.render.labels import yen
from naccs_tui.render.report import FORMATS, quote_report, render
from naccs_tui.render.report_blocks import ItemLine, Source
from naccs_tui.render.report_model import CompanyReport, UnitReport

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
COMPANY = ROOT / "examples" / "multi-office-forwarder.toml"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_typed_report_is_the_json_the_cli_prints(tariffs, capsys, path, lang):
    assert main(["quote", str(path), "--format", "json", "--lang", lang, "--tax", "--months", "24"]) == 0
    printed = json.loads(capsys.readouterr().out)
    r = quote_report(load_document(path, tariffs), tariffs, months=24, tax=True, lang=lang)
    assert r.as_dict() == printed
    assert list(r.as_dict()) == list(printed)  # the same keys in the same order


def test_the_examples_have_both_kinds_of_report(tariffs):
    kinds = {type(quote_report(load_document(p, tariffs), tariffs)) for p in EXAMPLES}
    assert kinds == {UnitReport, CompanyReport}


def test_keys_are_left_out_only_where_today_they_are():
    published = ItemLine("Basic fee", 5_000, "5,000 × 1", "basic")
    assert published.as_dict() == {"label": "Basic fee", "amount": 5_000, "formula": "5,000 × 1", "group": "basic"}
    unpublished = ItemLine("Router", None, "", "line", code="IDA", unpublished=True, note="n")
    assert list(unpublished.as_dict()) == ["label", "amount", "formula", "group", "code", "unpublished", "note"]
    assert unpublished.as_dict()["amount"] is None  # null, never 0
    assert Source("plans", "", "guide").line() == "plans"
    assert Source("plans", "guide 2.1", "guide").line() == "plans: guide 2.1"


def test_the_verdict_block_stands_at_the_reports_top_level(tariffs):
    r = quote_report(load_document(ROOT / "examples" / "customs-broker.toml", tariffs), tariffs, lang="en")
    assert isinstance(r, UnitReport)
    keys = list(r.as_dict())
    # today's order: the verdict's four keys between saving_monthly and terminals_what_if
    at = keys.index("saving_monthly")
    assert keys[at + 1 : at + 6] == ["volume", "break_even", "rule_of_thumb", "verdict", "terminals_what_if"]
    assert "answer" not in keys and keys[-1] == "office"  # the example names its prefecture


def _says_break_even(out: str, fmt: str, n: int, office: str, unit: str) -> bool:
    """The format says the unit's break-even: CSV in the unit's break_even row, JSON in its block,
    the others in the unit's verdict sentence (thousands with commas)."""
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        return any(
            r["office"] == office and r["unit"] == unit and r["key"] == "break_even" and r["amount"] == str(n)
            for r in rows
        )
    if fmt == "json":
        units = json.loads(out)["units"]
        return any(
            u["office"] == office and u["unit"] == unit and u["break_even"]["transactions_per_month"] == n
            for u in units
        )
    return yen(n) in out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_format_of_a_company_report_says_each_units_break_even_start_and_steps(tariffs, fmt, lang):
    r = quote_report(load_document(COMPANY, tariffs), tariffs, lang=lang)
    assert isinstance(r, CompanyReport) and len(r.units) >= 2
    out = render(r, fmt, lang)
    for u in r.units:
        be = u.answer.break_even.transactions_per_month
        assert be is not None, u.office  # the example's units each have one
        assert _says_break_even(out, fmt, be, u.office, u.unit), (u.office, u.unit, be)
        for day in (u.start.earliest, u.start.latest):
            assert day in out, (u.office, u.unit, day)
        plain = re.sub(r"<wbr>|</?span[^>]*>", "", out)  # the HTML's phrase breaks
        assert u.schedule.steps, u.office
        for st in u.schedule.steps:  # the dated steps: the setup deadline is no start date
            assert st.due in plain and st.title in plain, (u.office, u.unit, st.key)
