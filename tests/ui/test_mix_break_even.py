"""The total slider scales the user's mix, kept exactly: the counts are rounded (they are billed),
but the break-even of a fixed mix is one number at every total (issue: at totals 1, 2, 3, 5, 8,
11 of the customs broker's mix the break-even read never, 2,000, 1,000, 1,340, 976, 1,196)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from helpers import focus, run_async, volumes_laid_out, wait_equal, wait_for
from textual.widgets import Label, TabbedContent

from naccs_tui.domain.chart import chart
from naccs_tui.domain.company import unit_scenario
from naccs_tui.domain.costing import along, break_even, quote
from naccs_tui.domain.document import load_document
from naccs_tui.domain.mix import apportion
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.state import edit_unit, opened, select
from naccs_tui.ui.widgets.slider_row import SliderRow

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"
MIX = {"IDA": 300, "IDC": 280, "EDA": 150, "EDC": 140, "ICG": 400}
# Plan B - Plan A per transaction (tariffs.toml's sample prices): IDA 100-85, IDC 200-170, EDA 80-69,
# EDC 160-138, ICG 0-0. Along the mix: 300×15 + 280×30 + 150×11 + 140×22 + 400×0 = 17,630 yen a
# month per 1,270 transactions; the basic fee of 3 terminals, 15,000, is paid off at
# 15,000 × 1,270 / 17,630 = 1,080.54...: from 1,081 transactions a month.
EXACT = Fraction(15_000 * 1_270, 17_630)
BREAK_EVEN = 1_081
TOTALS = (1, 2, 3, 5, 8, 11, 100, 1_269, 1_270, 5_000)


def broker(tariffs):
    company = load_document(BROKER, tariffs)
    return company, unit_scenario(company, 1, "general", options=True)


def test_the_break_even_of_a_mix_is_the_same_at_every_total(tariffs):
    _, s = broker(tariffs)
    assert dict(s.volumes) == MIX
    for total in TOTALS:
        scaled = s.model_copy(update={"volumes": apportion(MIX, total)})
        be = break_even(scaled, tariffs, MIX)
        assert be is not None, total
        assert (be.transactions_exact, be.transactions_per_month) == (EXACT, BREAK_EVEN), total
        assert be.margin_transactions == BREAK_EVEN - total
    # at 0 the mix is still the user's: the same break-even, a margin of all of it, no percentage
    zero = break_even(s.model_copy(update={"volumes": apportion(MIX, 0)}), tariffs, MIX)
    assert zero is not None and (zero.transactions_per_month, zero.margin_transactions) == (BREAK_EVEN, BREAK_EVEN)
    assert zero.margin_percent is None
    assert break_even(s.model_copy(update={"volumes": apportion(MIX, 0)}), tariffs) is None  # no mix: none
    # the rounded counts alone drift (the bug): 1 transaction is one ICG, which has no price gap
    assert break_even(s.model_copy(update={"volumes": apportion(MIX, 1)}), tariffs) is None


def test_along_keeps_the_billed_fees_and_the_chart_crosses_at_the_mix_break_even(tariffs):
    _, s = broker(tariffs)
    scaled = s.model_copy(update={"volumes": apportion(MIX, 5)})
    q = quote(scaled, tariffs)
    q2 = along(q, scaled, tariffs, MIX)
    assert (q2.a, q2.b, q2.cheaper, q2.volume) == (q.a, q.b, q.cheaper, q.volume)  # billed: the counts
    assert q2.break_even is not None and q2.break_even.transactions_per_month == BREAK_EVEN
    c = chart(scaled, tariffs, q=q2)
    assert c.break_even == EXACT
    la, lb = c.line_a, c.line_b
    assert la.fixed + la.per_tx * EXACT == lb.fixed + lb.per_tx * EXACT  # the lines cross there
    assert c.at(5) == (q.a.monthly, q.b.monthly)  # "now" is what is billed


def test_the_state_keeps_the_mix_while_the_counts_are_the_sliders(tariffs):
    company, s = broker(tariffs)
    state = opened(company)
    scaled = s.model_copy(update={"volumes": apportion(MIX, 8)})
    state = edit_unit(state, scaled, MIX)
    assert state.mix == MIX
    # terminals change: the same counts, the same mix
    state = edit_unit(state, scaled.replace("usage", terminals=4))
    assert state.mix == MIX
    # one operation set by itself: the counts are the mix now
    state = edit_unit(state, state.scenario.with_volume("IDA", 50))
    assert state.mix is None
    # another unit's counts are its own
    state = edit_unit(opened(company), scaled, MIX)
    assert select(state, state.company).mix == MIX


def legend(app) -> str:
    return str(app.query_one("#master-legend", Label).render())


@run_async
async def test_the_total_slider_keeps_the_break_even_of_the_mix(tariffs):
    """The issue's steps: customs broker, volumes tab, Home on the total slider, then → again and
    again: at every total above 0 the legend, the quote the plans and summary show, say 1,081."""
    company, _ = broker(tariffs)
    app = NaccsApp(company, tariffs=tariffs)
    expected = "♦ " + t("quote.break_even", n="1,081", now="{now}")
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#tabs", TabbedContent).active = "volumes"
        await wait_for(pilot, lambda: volumes_laid_out(app) and legend(app).strip(), "the volumes tab")
        master = app.query_one("#master", SliderRow)
        await focus(pilot, master.slider)
        await pilot.press("home")
        await wait_equal(pilot, lambda: sum(app.scenario.volumes.values()), 0, "the total at 0")
        # at 0 the slider says the mix is kept; the plans and the summary still give its break-even
        await wait_equal(pilot, lambda: legend(app), t("volumes.zero_kept"), "the legend at 0")
        assert app.quote.break_even is not None and app.quote.break_even.transactions_per_month == BREAK_EVEN
        seen = []
        for _ in range(6):
            before = sum(app.scenario.volumes.values())
            await pilot.press("right")
            await wait_for(pilot, lambda b=before: sum(app.scenario.volumes.values()) > b, "one step up")
            total = sum(app.scenario.volumes.values())
            await wait_equal(pilot, lambda: legend(app), expected.format(now=f"{total:,}"), f"the legend at {total}")
            assert app.quote is not None and app.quote.break_even is not None
            assert app.quote.break_even.transactions_per_month == BREAK_EVEN
            seen.append(total)
        assert seen[0] == 1 and len(set(seen)) == 6  # from 1 up, each step a new total
        # an operation typed by itself: its counts are the mix from then on
        await focus(pilot, app.query_one("#op-IDA", SliderRow).field)
        await pilot.press("home", "shift+end", *"500", "enter")
        await wait_equal(pilot, lambda: app.scenario.volumes["IDA"], 500, "IDA typed")
        assert app.quote.break_even == break_even(app.scenario, tariffs)
