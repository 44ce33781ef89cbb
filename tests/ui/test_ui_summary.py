"""The summary bar at 80 columns: both lines fit with 9-digit totals, in Japanese and English,
read from what the bar paints and from the terminal."""

from __future__ import annotations

import pytest
from helpers import run_async, screen_text, wait_for

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.costing import quote
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.i18n import set_lang, t
from naccs_tui.render.table import cell_width
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.summary import SummaryBar, first_line_forms, second_line_forms

# 10M redundant dedicated line, 999 terminals and user codes, 1,000,000 each of IDA, IDC, EDC:
# Plan A 398,156,900 / Plan B 460,161,900 yen a month (tax incl. 437,972,590 / 506,178,090),
# Plan A cheaper by 62,005,000 (incl. 68,205,500); break-even 223,657 of 3,000,000 a month
HUGE = Scenario(
    line=Line(kind="dedicated", speed="10M", router="redundant", maintenance="24x365"),
    usage=Usage(method="interactive", terminals=999, user_codes=999),
    volumes={"IDA": 1_000_000, "IDC": 1_000_000, "EDC": 1_000_000},
)


def figures(q, tax: bool) -> tuple[list[str], list[str]]:
    """The figures each line of the bar must show whole."""
    first = [f"{q.monthly('A', tax):,}", f"{q.monthly('B', tax):,}", f"{q.monthly_saving(tax):,}"]
    second = [f"{q.break_even.transactions_per_month:,}", f"{q.volume:,}", t("tax.included" if tax else "tax.excluded")]
    return first, second


def test_the_scenario_has_nine_digit_totals(tariffs):
    q = quote(HUGE, tariffs)
    assert (q.monthly("A", False), q.monthly("B", False)) == (398_156_900, 460_161_900)
    assert (q.monthly("A", True), q.monthly("B", True)) == (437_972_590, 506_178_090)
    assert q.cheaper == "A" and q.break_even.transactions_per_month == 223_657 and q.volume == 3_000_000


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("tax", [False, True])
def test_every_wording_has_every_figure(tariffs, lang, tax):
    set_lang(lang)
    q = quote(HUGE, tariffs)
    first, second = figures(q, tax)
    for form in first_line_forms(q, tax):
        line = "".join(text for text, _ in form)
        assert "✔" in line and all(f in line for f in first), line
    for form in second_line_forms(q, tax):
        line = "".join(text for text, _ in form)
        assert "♦" in line and all(f in line for f in second), line


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("tax", [False, True])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@run_async
async def test_nine_digit_totals_fit_on_two_lines(tariffs, lang, tax, size):
    app = NaccsApp(from_scenario(HUGE), tariffs=tariffs, lang=lang)
    async with app.run_test(size=size) as pilot:
        app.tax = tax
        bar = app.query_one(SummaryBar)
        first, second = figures(app.quote, tax)

        def painted() -> list[str]:
            """The bar's two rows as the terminal shows them (the compositor's text)."""
            rows = screen_text(app).splitlines()
            return rows[bar.region.y : bar.region.y + 2]

        await wait_for(
            pilot,
            lambda: (
                all(f in painted()[0] for f in first) and t("tax.included" if tax else "tax.excluded") in painted()[1]
            ),
            "the summary bar to show the quote",
        )
        line1, line2 = painted()
        # each figure whole, each on its line: Plan A, Plan B, the saving; the break-even, the
        # volume now and the tax state
        assert all(f in line1 for f in first), line1
        assert "♦" in line2 and all(f in line2 for f in second), line2
        # right above the footer, and what the bar writes fits the cells it has (nothing cut or wrapped)
        assert bar.region.y + 2 == size[1] - 1
        assert bar.content_size.width == size[0] - 2
        for pieces in bar.lines(bar.content_size.width):
            assert cell_width("".join(text for text, _ in pieces)) <= bar.content_size.width
        if size[0] >= 120:  # room for the whole sentences
            assert t("plan.A") in line1 and t("plan.B") in line1


@run_async
async def test_small_totals_keep_the_full_sentences_at_80(tariffs):
    scenario = Scenario(usage=Usage(method="netnaccs", terminals=2), volumes={"IDC": 300, "EDC": 200})
    app = NaccsApp(from_scenario(scenario), tariffs=tariffs, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.query_one(SummaryBar)
        await wait_for(pilot, lambda: "88,600" in screen_text(app), "the summary bar to show the quote")
        line1, line2 = screen_text(app).splitlines()[bar.region.y : bar.region.y + 2]
        # A = 10,000 + 78,600 = 88,600; B = 92,000; break-even 374 (see test_chart.py)
        assert "Plan A 88,600 yen/month  Plan B 92,000 yen/month  ✔ Plan A cheaper by 3,400" in line1
        assert "♦ Plan A pays off from 374 transactions/month (now 500)  (tax excl.)" in line2
