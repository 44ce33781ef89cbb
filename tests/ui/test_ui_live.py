"""The real NaccsApp driven by keys and the mouse: sliders move money, the cheaper plan flips.

Scenario used throughout (fees from tariffs.toml, sample unit prices):
dedicated 1M, standard router, weekday maintenance, interactive, 1 terminal, 1 user code.
  line monthly  = 36,000 (1M line) + 5,200 (router, >=1M class, weekdays) = 41,200
  Plan A basic  = 1 x 5,000
  IDA 85 (A) / 100 (B) yen, IDC 170 (A) / 200 (B) yen
"""

from __future__ import annotations

from helpers import click, focus, run_async, text_of, volumes_laid_out, wait_equal, wait_for, wait_for_text
from textual.widgets import Label, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.plans import PlansPane
from naccs_tui.ui.panes.summary import SummaryBar
from naccs_tui.ui.widgets.slider import MARKER
from naccs_tui.ui.widgets.slider_row import SliderRow
from naccs_tui.ui.widgets.stepper import Stepper


def plans_text(app: NaccsApp) -> str:
    pane = next(p for p in app.query(PlansPane) if p.view.size.height)
    return text_of(pane.view)


def scenario(**volumes: int) -> Scenario:
    return Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes=volumes)


async def show(app: NaccsApp, pilot, tab: str) -> None:
    """Show ``tab`` and wait until its pane is laid out with its content."""
    app.set_focus(None)  # as a click on the tab does: focus does not pull the old tab back
    tabs = app.query_one("#tabs", TabbedContent)
    tabs.active = tab
    pane = tabs.get_pane(tab)

    def laid_out() -> bool:
        shown = pane.region.area > 0 and pane.children and all(c.region.area > 0 for c in pane.children if c.display)
        if tab == "plans":
            return bool(shown and plans_text(app).strip())
        return bool(shown and volumes_laid_out(app) and text_of(app.query_one("#master-legend")).strip())

    await wait_for(pilot, laid_out, f"the {tab} tab to be laid out with its content")


async def bar_follows(app: NaccsApp, pilot) -> str:
    """Wait until the summary bar shows the app's quote as it is now (both monthly totals, with
    tax when on, in the language shown); returns the bar's text."""
    q = app.quote
    figures = [f"{q.monthly(plan, app.tax):,}" for plan in "AB"]

    def text() -> str:
        return text_of(app.query_one(SummaryBar))

    return await wait_for_text(pilot, text, t("plan.A"), *figures, what="the summary bar to follow the quote")


@run_async
async def test_slider_past_break_even_flips_the_cheaper_plan(tariffs):
    # IDA 50, IDC 50:
    #   A = 41,200 + 5,000 + 50 x 85 + 50 x 170 = 41,200 + 5,000 + 4,250 + 8,500 = 58,950
    #   B = 41,200 + 50 x 100 + 50 x 200        = 41,200 + 5,000 + 10,000       = 56,200
    #   B cheaper by 2,750; break-even: 5,000 / (50 x 15 + 50 x 30) x 100 = 222.2 -> 223
    app = NaccsApp(from_scenario(scenario(IDA=50, IDC=50)), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        assert (app.quote.a.monthly, app.quote.b.monthly, app.quote.cheaper) == (58_950, 56_200, "B")
        bar = await bar_follows(app, pilot)
        assert "プランBが月 2,750 円安い" in bar and "223 件" in bar
        await show(app, pilot, "volumes")
        row = app.query_one("#op-IDC", SliderRow)
        await focus(pilot, row.slider)
        # PgUp = a tenth of the log track 0..1,000,000: 51 x 1,000,001^0.1 - 1 = 202.0 -> step 10 -> IDC 200
        await pilot.press("pageup")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 50, "IDC": 200}, "the volumes")
        #   A = 41,200 + 5,000 + 4,250 + 200 x 170 (34,000) = 84,450
        #   B = 41,200 + 5,000 + 200 x 200 (40,000)         = 86,200  -> A cheaper by 1,750
        q = app.quote
        assert (q.a.monthly, q.b.monthly, q.cheaper, q.saving) == (84_450, 86_200, "A", 1_750)
        assert row.field.value == "200"
        bar = await bar_follows(app, pilot)
        assert "✔ プランAが月 1,750 円安い" in bar and "プランB" in bar
        # break-even along the new mix: 5,000 / (50 x 15 + 200 x 30) x 250 = 5,000/6,750 x 250 = 185.2 -> 186
        assert "186 件" in bar and "現在 250 件" in bar
        legend = text_of(app.query_one("#master-legend"))
        assert f"{MARKER} プランAは月 186 件から得になります（現在 250 件）" in legend
        await show(app, pilot, "plans")
        text = plans_text(app)
        assert "200 × 170" in text and "34,000" in text and "84,450" in text and "86,200" in text
        assert "✔ 安いのは プランA（月 1,750 円お得）" in text
        assert "✔ 安い" in text.split("月額合計")[1].split("\n")[0]  # the mark sits on the total row


@run_async
async def test_terminals_change_plan_a_basic_fee(tariffs):
    app = NaccsApp(from_scenario(scenario(IDA=50, IDC=50)), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "volumes")
        stepper = next(s for s in app.query(Stepper) if s.key == "terminals")
        await focus(pilot, stepper.field)
        await pilot.press("up", "up")  # 1 -> 3 terminals
        await wait_equal(pilot, lambda: app.scenario.usage.terminals, 3, "the terminals")
        basic = [i for i in app.quote.a.items if i.group == "basic"]
        # 3 terminals x 5,000 = 15,000; A = 41,200 + 15,000 + 12,750 = 68,950
        assert [(i.formula, i.amount) for i in basic] == [("3 × 5,000", 15_000)]
        assert app.quote.a.monthly == 68_950
        stepper.field.value = ""
        await pilot.press("1", "2")  # typed: 12 terminals -> 60,000
        await wait_equal(pilot, lambda: app.scenario.usage.terminals, 12, "the terminals")
        assert app.quote.a.basic == 60_000
        await pilot.press("enter")
        stepper.field.value = ""
        await pilot.press("0", "enter")  # 0 terminals is refused, the plan keeps 12
        await wait_equal(pilot, lambda: stepper.field.value, "12", "the refused entry to be taken back")
        assert app.scenario.usage.terminals == 12
        await show(app, pilot, "plans")
        assert "12 × 5,000" in plans_text(app) and "60,000" in plans_text(app)


@run_async
async def test_master_slider_scales_the_mix_and_restores_it(tariffs):
    app = NaccsApp(from_scenario(scenario(IDA=30, IDC=70)), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, "volumes")
        master = app.query_one("#master", SliderRow)
        # break-even of the 30:70 mix: 5,000 / (30 x 15 + 70 x 30) x 100 = 5,000 / 2,550 x 100 = 196.1 -> 197
        assert master.slider.marker == 197 and master.value == 100
        # the master's track ends where the 70 % share reaches MAX_VOLUME: 1,000,000 x 100 / 70
        assert master.slider.maximum == master.field.maximum == 1_428_571
        await focus(pilot, master.slider)
        # PgUp: 101 x 1,428,572^0.1 - 1 = 415.7 -> step 20 -> 420, split 30:70
        await pilot.press("pageup")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 126, "IDC": 294}, "the volumes")
        assert app.query_one("#op-IDA", SliderRow).field.value == "126"
        await pilot.press("home")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 0, "IDC": 0}, "the volumes")
        assert master.slider.marker == 197  # at 0 the kept mix still has its break-even (the mix is the user's)
        await focus(pilot, master.field)
        await pilot.press(*"1000")  # typed total: the 30:70 mix comes back
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 300, "IDC": 700}, "the volumes")
        # a mix the master cannot split evenly keeps the exact total (largest remainder)
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"7")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 2, "IDC": 5}, "the volumes")
        assert sum(app.scenario.volumes.values()) == 7


@run_async
async def test_mouse_on_an_operation_slider_and_tax_and_language(tariffs):
    app = NaccsApp(from_scenario(scenario(IDA=50, IDC=50)), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, pilot, "volumes")
        slider = app.query_one("#op-IDA", SliderRow).slider
        await click(pilot, slider, offset=(slider.content_size.width - 1, 0))
        await wait_equal(
            pilot, lambda: app.scenario.volumes["IDA"], 1_000_000, "IDA"
        )  # the right end of an operation slider: MAX_VOLUME
        await click(pilot, slider, offset=(0, 0))
        await wait_equal(pilot, lambda: app.scenario.volumes["IDA"], 0, "IDA")
        # IDC 50 only: A = 41,200 + 5,000 + 8,500 = 54,700; B = 41,200 + 10,000 = 51,200
        assert (app.quote.a.monthly, app.quote.b.monthly) == (54_700, 51_200)
        await pilot.press("f3")  # tax on: totals x 1.10 rounded down
        await wait_equal(pilot, lambda: app.tax, True, "tax on")
        bar = await bar_follows(app, pilot)
        # 54,700 x 1.1 = 60,170; 51,200 x 1.1 = 56,320; saving 3,500 x 1.1 = 3,850
        assert "60,170" in bar and "56,320" in bar and "3,850" in bar and "税込" in bar
        await show(app, pilot, "plans")
        text = plans_text(app)
        assert "50 × 170" in text and "8,500" in text and "60,170" in text  # items stay tax-excluded
        await pilot.press("f2")
        await wait_equal(pilot, lambda: app.lang, "en", "English")
        bar = await bar_follows(app, pilot)
        assert "Plan B cheaper by 3,850" in bar and "(tax incl.)" in bar
        await show(app, pilot, "volumes")
        assert "IDA Import declaration entry" in text_of(app.query_one("#op-IDA", SliderRow).query_one(Label))
