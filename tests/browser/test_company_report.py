"""The company report in every format carries, per unit, the itemized fees with their arithmetic,
the verdict and break-even, the dated schedule and the office to call; the HTML page also a chart
per unit and the company's totals; printed, it takes as few A4 pages as it needs."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess

import pytest
from browser import chromium, need_browser
from test_company import ISSUE, RATES  # the issue's file and unit prices, figures worked out there
from test_html_report import _pages, _pdf_text, _print, text_of

from naccs_tui.cli import main

# the issue's figures (tests/domain/test_company.py works each out by hand from FACTS.md and the prices):
# head office, general unit: line 41,200; Plan A 83,800 + 41,200 = 125,000; Plan B 86,000 + 41,200
# = 127,200; initial 98,000; its 12-month totals 98,000 + 12 × 125,000 = 1,598,000 and
# 98,000 + 12 × 127,200 = 1,624,400; its break-even 506 transactions a month.
GENERAL = {"A": 125_000, "B": 127_200, "initial": 98_000, "break_even": 506}


@pytest.fixture
def files(tmp_path, capsys):
    rates = tmp_path / "rates.csv"
    rates.write_text(RATES, "utf-8")
    tariffs = tmp_path / "tariffs.toml"
    assert main(["rates", "import", str(rates), "--out", str(tariffs)]) == 0
    company = tmp_path / "company.toml"
    company.write_text(ISSUE, "utf-8")
    capsys.readouterr()
    return company, tariffs


def quote(capsys, files, fmt: str, lang: str = "ja") -> str:
    company, tariffs = files
    assert main(["quote", str(company), "--tariffs", str(tariffs), "--format", fmt, "--lang", lang]) == 0
    return capsys.readouterr().out


def test_json_carries_each_units_schedule_with_dates(files, capsys):
    r = json.loads(quote(capsys, files, "json", "en"))
    general = r["units"][0]
    assert (general["plans"]["A"]["monthly"], general["plans"]["B"]["monthly"]) == (GENERAL["A"], GENERAL["B"])
    assert general["break_even"]["transactions_per_month"] == GENERAL["break_even"]
    steps = general["schedule"]["steps"]
    assert steps and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["due"]) for s in steps)
    assert general["schedule"]["earliest_start"] == general["start"]["earliest"]
    # the dedicated line's lead time is longer than netNACCS's: the units have their own dates
    assert r["units"][1]["schedule"]["earliest_start"] < general["schedule"]["earliest_start"]


def test_html_has_a_section_per_unit_with_chart_fees_steps_and_office(files, capsys):
    page = quote(capsys, files, "html")
    schedule = json.loads(quote(capsys, files, "json"))["units"][0]["schedule"]
    parts = page.split('<section class="unit" id="unit-')[1:]
    sections = [(part[0], part) for part in parts]
    assert [n for n, _ in sections] == ["1", "2", "3"]
    general = text_of(sections[0][1])
    for n in (GENERAL["A"], GENERAL["B"], GENERAL["initial"], 1_598_000, 1_624_400):
        assert f"{n:,}" in general, n
    assert "300 × 80" in general and "280 × 200" in general  # the fees with their arithmetic
    assert "プランAは月 506 件から得になります" in general
    assert all(s["due"] in general for s in schedule["steps"])  # the dated steps
    assert "問合せ先" in general or "東京" in general
    for _, body in sections:
        assert body.count("<svg") == 1  # a chart per unit
    assert len(set(re.findall(r'id="([^"]+)"', page))) == len(re.findall(r'id="([^"]+)"', page))  # ids unique
    totals = text_of(page.split('<section class="unit"')[0])
    for n in (132_600, 146_480, 134_800, 98_000):  # chosen (= best per unit), all A, all B, initial
        assert f"{n:,}" in totals, n


def test_csv_has_each_units_break_even_steps_and_each_offices_contact(files, capsys):
    rows = list(csv.DictReader(io.StringIO(quote(capsys, files, "csv"))))
    be = [r for r in rows if r["key"] == "break_even"]
    assert (be[0]["office"], be[0]["unit"], be[0]["amount"]) == ("本社", "general", str(GENERAL["break_even"]))
    assert len(be) == 3
    steps = [r for r in rows if r["group"] == "schedule" and r["office"] == "本社" and r["unit"] == "general"]
    assert any(r["key"] == "earliest_start" for r in steps) and any(r["key"].startswith("step_") for r in steps)
    contacts = [r["office"] for r in rows if r["group"] == "contact"]
    assert contacts == ["本社", "大阪支店"]


def test_markdown_and_text_have_each_units_items_verdict_and_dates(files, capsys):
    for fmt in ("text", "markdown"):
        out = quote(capsys, files, fmt)
        assert out.count("プランAは月 ") >= 1 and "506" in out
        assert "300 × 80" in out and "利用開始の目安" in out and "問合せ先" in out


def test_the_printed_company_page_takes_few_a4_pages(files, capsys, tmp_path):
    need_browser("pdftotext", "pdfinfo")
    html = tmp_path / "company.html"
    html.write_text(quote(capsys, files, "html"), "utf-8")
    pdf = tmp_path / "company.pdf"
    with chromium(tmp_path / "chromium", viewport={"width": 900, "height": 1200}) as browser:
        _print(browser, html, pdf)
    assert 1 <= _pages(pdf) <= 5  # three units, one of them on a dedicated line with its steps
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in info
    text = _pdf_text(pdf)
    assert f"{GENERAL['A']:,}" in text and "506" in text
