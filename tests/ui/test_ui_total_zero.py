"""The total slider at 0: every volume is 0, the mix it scaled is kept and comes back when the total
goes up again, and the legend says so; only a scenario that never had a mix spreads evenly."""

from __future__ import annotations

from helpers import focus, run_async, volumes_laid_out, wait_equal, wait_for
from textual.widgets import Label, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.widgets.slider_row import SliderRow


def scenario(**volumes: int) -> Scenario:
    return Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes=volumes)


def legend(app: NaccsApp) -> str:
    """The whole sentence under the total slider (the terminal may cut it with an ellipsis)."""
    return str(app.query_one("#master-legend", Label).render())


async def show_volumes(app: NaccsApp, pilot) -> SliderRow:
    app.query_one("#tabs", TabbedContent).active = "volumes"
    await wait_for(pilot, lambda: volumes_laid_out(app) and legend(app).strip(), "the volumes tab")
    return app.query_one("#master", SliderRow)


@run_async
async def test_total_at_zero_keeps_the_mix_and_says_so(tariffs):
    app = NaccsApp(from_scenario(scenario(IDA=30, IDC=70)), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        master = await show_volumes(app, pilot)
        await focus(pilot, master.slider)
        await pilot.press("home")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 0, "IDC": 0}, "every volume at 0")
        await wait_equal(pilot, lambda: legend(app), t("volumes.zero_kept"), "the legend at 0")
        assert "比率は保たれ" in legend(app)
        # up again (a key on the slider, then a typed total): the 30:70 mix comes back
        await pilot.press("pageup")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 1, "IDC": 2}, "the kept mix")
        await focus(pilot, master.field)
        await pilot.press("home", "shift+end", *"20", "enter")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 6, "IDC": 14}, "the kept mix")
        # an operation moved by itself: that is the mix now; at 0 the new one is kept
        await focus(pilot, app.query_one("#op-IDA", SliderRow).field)
        await pilot.press("home", "shift+end", *"50", "enter")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 50, "IDC": 14}, "IDA typed")
        await focus(pilot, master.field)
        await pilot.press("home", "shift+end", "0", "enter")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 0, "IDC": 0}, "every volume at 0")
        await wait_equal(pilot, lambda: legend(app), t("volumes.zero_kept"), "the legend at 0")
        await pilot.press("home", "shift+end", *"128", "enter")
        await wait_equal(pilot, lambda: app.scenario.volumes, {"IDA": 100, "IDC": 28}, "the new mix kept")


@run_async
async def test_a_scenario_that_never_had_a_mix_spreads_evenly_and_says_so(tariffs):
    app = NaccsApp(from_scenario(scenario()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        master = await show_volumes(app, pilot)
        assert legend(app) == t("volumes.empty_mix")
        priced = [op.code for op in tariffs.operations if op.price_b > 0]
        await focus(pilot, master.field)
        await pilot.press("home", "shift+end", *str(10 * len(priced)), "enter")
        await wait_equal(
            pilot, lambda: {k: v for k, v in app.scenario.volumes.items() if v}, dict.fromkeys(priced, 10), "even"
        )
        # back to 0: that even mix is the one kept now
        await pilot.press("home", "shift+end", "0", "enter")
        await wait_equal(pilot, lambda: legend(app), t("volumes.zero_kept"), "the legend at 0")
