"""The printable HTML report: the same numbers as the other formats, escaped, self-contained, and
printed to PDF by a real Chromium (then read back with pdftotext).

Expected figures are worked out by hand from FACTS.md and the shipped tariffs.toml for
examples/customs-broker.toml (dedicated 1M, spare router, weekday maintenance, ping monitoring,
interactive, 3 terminals, 1 user code with paid statistics; IDA 300, IDC 280, EDA 150, EDC 140,
ICG 400; sample unit prices A/B: IDA 85/100, IDC 170/200, EDA 69/80, EDC 138/160, ICG 0/0).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from dataclasses import replace
from fractions import Fraction
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from browser import chromium, has_japanese_font, need_browser, shots_dir
from helpers import focus, run_async, wait_closed, wait_equal, wait_for_dialog

from naccs_tui.cli import main
from naccs_tui.domain.chart import chart
from naccs_tui.domain.scenario import Scenario, load_scenario
from naccs_tui.render.html import to_html
from naccs_tui.render.quote import report
from naccs_tui.render.report import render
from naccs_tui.render.report_blocks import Source
from naccs_tui.render.svgchart import chart_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "customs-broker.toml"

LINE = 36_000 + 11_600 + 2_000  # 1M line usage + spare router (flat) + ping monitoring
OPTIONS = 1 * 1_000  # paid statistics × 1 user code
METERED_A = 300 * 85 + 280 * 170 + 150 * 69 + 140 * 138 + 400 * 0  # 102,770
METERED_B = 300 * 100 + 280 * 200 + 150 * 80 + 140 * 160 + 400 * 0  # 120,400
MONTHLY_A = LINE + 3 * 5_000 + METERED_A + OPTIONS  # 168,370
MONTHLY_B = LINE + METERED_B + OPTIONS  # 171,000
INITIAL = 169_000  # dedicated ≥1M with a spare router
VOLUME = 300 + 280 + 150 + 140 + 400  # 1,270
BREAK_EVEN = Fraction(3 * 5_000 * VOLUME, METERED_B - METERED_A)  # 1,080.5… transactions a month
BREAK_EVEN_UP = 1_081  # the smallest whole volume at which Plan A is not dearer
ONE_OFFICE = [
    p for p in sorted((ROOT / "examples").glob("*.toml")) if tomllib.loads(p.read_text("utf-8")).get("schema", 1) == 1
]
"""The shipped single-office examples (a company of several offices has its own report)."""


def test_hand_computed_figures():
    assert (MONTHLY_A, MONTHLY_B, VOLUME) == (168_370, 171_000, 1_270)
    assert INITIAL + 12 * MONTHLY_A == 2_189_440 and INITIAL + 12 * MONTHLY_B == 2_221_000
    assert 1_080 < BREAK_EVEN < BREAK_EVEN_UP


class _Text(HTMLParser):
    """The page's text as a browser shows it (tags dropped, entities decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.spans: list[bool] = []  # for each open span: is it a line-break mark?

    def _inline(self, tag: str, attrs=None) -> bool:
        """The line-break marks of render/phrases.py (<wbr>, <span class="nb">): inside a word,
        no space in the text."""
        if tag == "span" and attrs is not None:
            self.spans.append(("class", "nb") in attrs)
            return self.spans[-1]
        if tag == "span":
            return self.spans.pop() if self.spans else False
        return tag == "wbr"

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "title")
        if not self._inline(tag, attrs):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")
        if not self._inline(tag):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(page: str) -> str:
    p = _Text()
    p.feed(page)
    return " ".join("".join(p.parts).split())


def _page(tariffs, lang="en", **kw) -> tuple[str, dict]:
    r = report(load_scenario(EXAMPLE, tariffs), tariffs, lang=lang, **kw)
    return render(r, "html", lang), r


# ---- content ------------------------------------------------------------------------------------
def test_cli_writes_the_page_with_the_hand_computed_figures(capsys):
    assert main(["quote", str(EXAMPLE), "--format", "html", "--lang", "en"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    text = text_of(page)
    assert f"Monthly total {MONTHLY_A:,} ✔ cheaper {MONTHLY_B:,}" in text
    assert f"Initial cost {INITIAL:,} {INITIAL:,}" in text
    assert f"12-month total {INITIAL + 12 * MONTHLY_A:,} {INITIAL + 12 * MONTHLY_B:,}" in text
    assert f"3 × 5,000 {15_000:,}" in text  # the arithmetic beside each amount
    assert f"300 × 85 {300 * 85:,} 300 × 100 {300 * 100:,}" in text
    assert f"Plan A pays off from {BREAK_EVEN_UP:,} transactions/month" in text
    assert f"Break-even {BREAK_EVEN_UP:,}/month" in text
    assert f"saves {MONTHLY_B - MONTHLY_A:,} yen a month" in text
    assert "2027-02-17" in text and "044-520-6280" in text  # dated schedule, the Kawasaki office
    assert "SAMPLES" in text  # the sample-price warning
    assert "Tariffs: NACCSの導入をお考えのみなさまへ (NACCS center introduction guide) (as of 2026-11-25)" in text
    assert "https://bbs.naccscenter.com/naccs/dfw/web/" in text  # sources, as text (nothing is fetched)


def test_every_amount_of_the_json_report_is_on_the_page_with_tax_and_a_horizon(tariffs):
    page, r = _page(tariffs, months=24, tax=True)
    text = text_of(page)
    taxed = {p: (INITIAL * 110 // 100, m * 110 // 100) for p, m in (("A", MONTHLY_A), ("B", MONTHLY_B))}
    for p in "AB":
        for key in ("monthly", "initial", "total"):
            assert f"{getattr(r.plans[p], key):,}" in text, (p, key)
        initial, monthly = taxed[p]
        assert r.plans[p].total == initial + 24 * monthly  # 4,630,868 and 4,700,300
    assert "24-month total 4,630,868 4,700,300" in text
    assert "tax incl." in text or "tax-incl" in text.lower() or "incl. tax" in text


def test_japanese_page(tariffs):
    page, _ = _page(tariffs, lang="ja")
    text = text_of(page)
    assert '<html lang="ja">' in page
    assert f"月額合計 {MONTHLY_A:,} ✔ 安い {MONTHLY_B:,}" in text
    assert f"12か月合計 {INITIAL + 12 * MONTHLY_A:,} {INITIAL + 12 * MONTHLY_B:,}" in text
    assert "問合せ先" in text and "サンプル" in text


def test_user_strings_are_escaped(tariffs):
    s = load_scenario(EXAMPLE, tariffs).model_copy(update={"name": '<script>alert("x")</script> & <b>'})
    r = report(s, tariffs, lang="en")
    r = replace(r, notes=("<img src=x onerror=alert(1)>",))
    r = replace(r, sources=(Source("<i>T</i>", "https://example.invalid/?a=1&b=<2>", "bbs"),))
    page = to_html(r, "en")
    assert "<script" not in page and "<img" not in page and "<i>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in page
    text = text_of(page)
    assert '<script>alert("x")</script> & <b>' in text  # shown as the text it is
    assert "<img src=x onerror=alert(1)>" in text and "https://example.invalid/?a=1&b=<2>" in text


def test_the_page_asks_nothing_of_a_network(tariffs):
    page, _ = _page(tariffs)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"\bsrc\s*=", page, re.I)
    assert not re.search(r"@import|@font-face", page, re.I)
    refs = re.findall(r"href=\"([^\"]*)\"", page) + re.findall(r"url\(([^)]*)\)", page)
    assert refs and all(ref.startswith("#") for ref in refs)  # only the chart's own parts
    assert page.count("<svg") == 1  # the chart is inline


def test_sample_warning_follows_the_tariffs_and_the_report_notes_are_rendered(tariffs):
    _, r = _page(tariffs)
    # what the report says when the prices are official
    r = replace(r, tariffs=replace(r.tariffs, sample=False), warnings=())
    assert 'class="warning"' not in to_html(r, "en")
    r = replace(r, warnings=("These unit prices are examples.",), notes=("A note from the report.",))
    page = to_html(r, "en")
    assert 'class="warning"' in page and "These unit prices are examples." in page
    assert "A note from the report." in text_of(page)


def test_no_volumes_no_chart_and_no_chart_library(tariffs):
    r = report(Scenario(), tariffs, lang="en")
    page = to_html(r, "en")
    assert "<svg" not in page and "Enter operation volumes to see the chart" in page


@run_async
async def test_tui_export_writes_the_same_page_as_the_cli(tariffs, tmp_path, capsys):
    from textual.widgets import Input, RadioButton, RadioSet

    from naccs_tui.domain.company import from_scenario
    from naccs_tui.ui.app import NaccsApp
    from naccs_tui.ui.screens.export import ExportScreen

    assert main(["quote", str(EXAMPLE), "--format", "html", "--months", "24", "--tax"]) == 0
    cli_page = capsys.readouterr().out
    target = tmp_path / "for-approval.html"
    app = NaccsApp(from_scenario(load_scenario(EXAMPLE, tariffs)), tariffs=tariffs, path=EXAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        app.months, app.tax = 24, True
        await pilot.press("ctrl+e")
        screen = await wait_for_dialog(pilot, ExportScreen)
        html_choice = next(
            b for b in screen.query_one("#export-format", RadioSet).query(RadioButton) if b.name == "html"
        )
        html_choice.value = True
        path_field = screen.query_one("#export-path", Input)
        await wait_equal(pilot, lambda: path_field.value, "customs-broker.html", "the path to follow the format")
        path_field.value = str(target)
        await focus(pilot, path_field)
        await pilot.press("enter")
        await wait_closed(pilot, ExportScreen, "the page to be written")
    assert target.read_text("utf-8") == cli_page
    assert "24-month total" not in cli_page and "24か月合計" in cli_page  # Japanese, the app's language


# ---- the chart is the TUI's chart ----------------------------------------------------------------
@pytest.mark.parametrize("path", ONE_OFFICE, ids=lambda p: p.stem)
def test_chart_of_the_report_is_the_domain_chart(tariffs, path):
    s = load_scenario(path, tariffs)
    for tax in (False, True):
        assert chart_of(report(s, tariffs, tax=tax, months=36)) == chart(s, tariffs)


def test_crossing_is_the_hand_computed_break_even(tariffs):
    c = chart_of(report(load_scenario(EXAMPLE, tariffs), tariffs))
    assert c.break_even == BREAK_EVEN and c.volume == VOLUME
    a, b = c.at(BREAK_EVEN)
    assert abs(a - b) <= 1


def test_chart_library_is_imported_only_to_draw(tmp_path):
    code = f"""
import sys
from naccs_tui.cli import main
main(["quote", {str(EXAMPLE)!r}])
main(["quote", {str(EXAMPLE)!r}, "--format", "json"])
before = "matplotlib" in sys.modules
main(["quote", {str(EXAMPLE)!r}, "--format", "html"])
print(before, "matplotlib" in sys.modules, file=sys.stderr)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stderr.split()[-2:] == ["False", "True"]


# ---- printed in a real Chromium ------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    need_browser("pdftotext", "pdfinfo", "pdftoppm")
    with chromium(tmp_path_factory.mktemp("chromium"), viewport={"width": 900, "height": 1200}) as context:
        yield context


def _print(browser, html_file: Path, pdf: Path, png: Path | None = None) -> list[str]:
    """Open the file, print it to A4 PDF; the URLs the page requested."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(html_file.as_uri())
    page.wait_for_load_state("load")
    if png is not None:
        page.screenshot(path=str(png), full_page=True)
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    return requests


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_printed_pdf_has_the_totals_and_the_break_even(browser, tmp_path, lang, tariffs):
    if lang == "ja" and not has_japanese_font():
        pytest.skip("no Japanese font: apt-get install -y fonts-noto-cjk")
    page, _ = _page(tariffs, lang=lang)
    html_file = tmp_path / f"customs-broker-{lang}.html"
    html_file.write_text(page, "utf-8")
    pdf = tmp_path / f"customs-broker-{lang}.pdf"
    shots = shots_dir(tmp_path)  # pictures: the page in English, the printed sheets in Japanese
    requests = _print(browser, html_file, pdf, shots / "browser-report-en.png" if lang == "en" else None)
    assert requests == [html_file.as_uri()]  # the page itself, nothing else
    assert 1 <= _pages(pdf) <= 2
    if lang == "ja":
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(shots / "printed-report-ja")], check=True)
    text = _pdf_text(pdf)
    for n in (MONTHLY_A, MONTHLY_B, INITIAL + 12 * MONTHLY_A, INITIAL + 12 * MONTHLY_B, BREAK_EVEN_UP):
        assert f"{n:,}" in text, n
    if lang == "en":
        assert re.search(rf"Monthly total\s+{MONTHLY_A:,}\s+✔ cheaper\s+{MONTHLY_B:,}", text)
        assert f"Plan A pays off from {BREAK_EVEN_UP:,} transactions/month" in text
    else:
        assert re.search(rf"月額合計\s+{MONTHLY_A:,}\s+✔ 安い\s+{MONTHLY_B:,}", text)
        assert f"プランAは月 {BREAK_EVEN_UP:,} 件から得になります" in text


@pytest.mark.parametrize("path", ONE_OFFICE, ids=lambda p: p.stem)
def test_every_example_prints_on_one_or_two_a4_pages(browser, tmp_path, path, tariffs):
    for lang in ("ja", "en"):
        r = report(load_scenario(path, tariffs), tariffs, lang=lang)
        html_file = tmp_path / f"{path.stem}-{lang}.html"
        html_file.write_text(to_html(r, lang), "utf-8")
        pdf = tmp_path / f"{path.stem}-{lang}.pdf"
        _print(browser, html_file, pdf)
        assert 1 <= _pages(pdf) <= 2, (path.name, lang)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "pts (A4)" in info and "Page rot:        0" in info  # A4 portrait (595 x 842 pt)


def test_json_and_html_agree_on_every_example(tariffs, capsys):
    for path in ONE_OFFICE:
        assert main(["quote", str(path), "--format", "json"]) == 0
        r = json.loads(capsys.readouterr().out)
        assert main(["quote", str(path), "--format", "html"]) == 0
        text = text_of(capsys.readouterr().out)
        for p in "AB":
            for key in ("monthly", "initial", "total"):
                assert f"{r['plans'][p][key]:,}" in text, (path.name, p, key)


def test_the_printed_company_report_keeps_japanese_words_whole(browser, tmp_path, capsys):
    """Issue: the printed company report broke 「大阪支 / 店」 and 「プランA（自 / 動）」 in its narrow
    table cells, and its sources 「（一 / 般接続」; render/phrases.py lets the lines break only
    between phrases."""
    if not has_japanese_font():
        pytest.skip("no Japanese font for the printed page: apt-get install -y fonts-noto-cjk")
    assert main(["quote", str(ROOT / "examples" / "multi-office-forwarder.toml"), "--format", "html"]) == 0
    html_file = tmp_path / "company-ja.html"
    html_file.write_text(capsys.readouterr().out, "utf-8")
    pdf = tmp_path / "company-ja.pdf"
    _print(browser, html_file, pdf)
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in raw.splitlines()]
    assert "大阪支店" in raw and "（自動）" in raw
    cut = [
        (a, b)
        for a, b in pairwise(lines)
        if a
        and b
        and (a[-1], b[0])
        in {
            ("支", "店"),
            ("自", "動"),
            ("（", "自"),
            ("一", "般"),
            ("保", "守"),
        }
    ]
    assert cut == []
