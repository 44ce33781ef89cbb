"""A slider step lays nothing out: nothing on the screen changes size, so Textual has only to
repaint what changed. A layout of the whole screen costs more than the rest of a step together
(about 30 ms against 6 at 80x24), so a widget that asks for one on every value (an Input's
virtual size following its text, a Label whose width follows its content, a style set again)
would make every step miss the frame. Counted with the screen's layout-refresh signal, over
steps that change the number of digits of the fields (the operation's and the total's) and over
steps of the total, which rewrites every operation's field.
"""

from __future__ import annotations

from helpers import StableApp, focus, layout_settled, run_async, text_of, volumes_laid_out, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Line, Scenario, Usage
from naccs_tui.ui.widgets.slider_row import SliderRow


def scenario(**volumes: int) -> Scenario:
    return Scenario(line=Line(kind="dedicated", speed="1M"), usage=Usage(method="interactive"), volumes=volumes)


async def quiet(pilot, what: str, done=lambda: True) -> None:
    """Wait until ``done()``, the screen has been refreshed since, and nothing is pending: no
    layout, no message, no callback queued before (the footer recomposes itself after a refresh
    when the focus moves, and the header's title follows the unsaved mark the same way)."""
    app = pilot.app
    await wait_for(pilot, done, what)
    refreshed: list[bool] = []
    app.call_after_refresh(refreshed.append, True)
    await wait_for(pilot, lambda: refreshed and layout_settled(app), f"{what}: the screen to settle")


async def step(pilot, key: str, done) -> None:
    """Press ``key`` and wait until the step is on the screen and nothing more is pending."""
    await pilot.press(key)
    await quiet(pilot, f"the step ({key}) to be drawn", done)


async def volumes_tab(pilot) -> tuple[SliderRow, SliderRow]:
    """Show the volumes tab and wait until it is laid out: (the total's row, IDA's row)."""
    app = pilot.app
    app.set_focus(None)
    app.query_one("#tabs", TabbedContent).active = "volumes"
    await wait_for(
        pilot,
        lambda: volumes_laid_out(app) and text_of(app.query_one("#master-legend")).strip() and layout_settled(app),
        "the volumes tab to be laid out with its content",
    )
    return app.query_one("#master", SliderRow), app.query_one("#op-IDA", SliderRow)


def count_layouts(app) -> list[object]:
    """A list that gets one item per layout of the screen from now on."""
    layouts: list[object] = []
    app.screen.screen_layout_refresh_signal.subscribe(app, layouts.append, immediate=True)
    return layouts


async def steps_of(pilot, master: SliderRow, row: SliderRow, keys: list[tuple[str, int]]) -> None:
    """Press each key on ``row``'s slider and wait until it shows its value and the total."""
    app = pilot.app
    for key, value in keys:

        def done(value: int = value) -> bool:
            total = sum(app.scenario.volumes.values())
            return (
                app.scenario.volumes.get(row.key) == value
                and row.field.value == str(value)
                and master.field.value == str(total)
            )

        await step(pilot, key, done)


async def total_steps(pilot, master: SliderRow, keys: list[str]) -> None:
    """Press each key on the total's slider and wait until it shows the new total."""
    app = pilot.app
    for key in keys:
        before = dict(app.scenario.volumes)

        def done(before: dict[str, int] = before) -> bool:
            volumes = app.scenario.volumes
            return volumes != before and master.field.value == str(sum(volumes.values()))

        await step(pilot, key, done)


async def layouts_over_steps(pilot, first: tuple[str, int], keys: list[tuple[str, int]]) -> list[object]:
    """Show the volumes tab, focus IDA's slider, take the ``first`` step (away from the opened plan:
    the title's unsaved mark changes, and the header repaints), then the ``keys``: the
    screen's layouts during those."""
    master, row = await volumes_tab(pilot)
    await focus(pilot, row.slider)
    await quiet(pilot, "the footer to follow the focus")
    await steps_of(pilot, master, row, [first])
    layouts = count_layouts(pilot.app)
    await steps_of(pilot, master, row, keys)
    return layouts


@run_async
async def test_steps_across_a_digit_lay_nothing_out(tariffs):
    # IDA 96 -> 98 -> 100: its field goes from two digits to three; the total 996 -> 1,000 to four
    app = StableApp(from_scenario(scenario(IDA=96, IDC=900)), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        await quiet(pilot, "the footer to follow the focus")
        # the first step away from the opened plan marks it unsaved: the title changes (the
        # header repaints); the steps after it keep the mark
        await steps_of(pilot, master, row, [("right", 98)])
        layouts = count_layouts(app)
        await steps_of(pilot, master, row, [("right", 100), ("right", 105), ("left", 100), ("left", 98)])
        assert layouts == [], "an operation's slider step laid out the screen"

        await focus(pilot, master.slider)
        await quiet(pilot, "the footer to follow the focus")
        layouts.clear()  # the footer laid out its keys for the new focus: not a step
        await total_steps(pilot, master, ["right", "right", "left"])  # every operation's field changes
        assert layouts == [], "a step of the total laid out the screen"

        # the probe sees a layout when there is one
        await pilot.resize_terminal(78, 24)
        await wait_for(pilot, lambda: layouts, "the resize to lay out the screen")


@run_async
async def test_steps_beside_the_plans_lay_nothing_out(tariffs):
    # at 160 columns the plans are shown beside the volumes and follow every step (the plans
    # sheet lays itself out only when its number of lines changes, see plans.py)
    app = StableApp(from_scenario(scenario(IDA=200, IDC=900)), tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        steps = [("right", 220), ("left", 210), ("right", 220), ("left", 210)]
        layouts = await layouts_over_steps(pilot, ("right", 210), steps)
        assert layouts == [], "an operation's slider step laid out the screen"


@run_async
async def test_steps_beside_the_company_view_lay_nothing_out(tariffs):
    # several units at 160 columns: the company view beside the volumes follows every step too
    # (its totals and the break-even line change; their number of lines does not)
    from pathlib import Path

    from naccs_tui.domain.document import load_document

    company = load_document(Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml", tariffs)
    app = StableApp(company=company, tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        steps = [("right", 480), ("left", 460), ("right", 480), ("left", 460)]
        layouts = await layouts_over_steps(pilot, ("right", 460), steps)  # IDA 450 in the head office's unit
        assert app.query_one("#side-company").display  # shown beside the volumes
        assert layouts == [], "a slider step beside the company view laid out the screen"


@run_async
async def test_total_steps_beside_the_company_view_lay_nothing_out(tariffs):
    # the total rewrites every operation of the unit: figures of the plans sheet beside it gain
    # or lose a digit (their columns get wider or narrower) while its number of lines stays
    from pathlib import Path

    from naccs_tui.domain.document import load_document

    company = load_document(Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml", tariffs)
    app = StableApp(company=company, tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        master, _ = await volumes_tab(pilot)
        await focus(pilot, master.slider)
        await quiet(pilot, "the footer to follow the focus")
        await total_steps(pilot, master, ["right"])  # away from the opened plan: the title changes
        layouts = count_layouts(app)
        await total_steps(pilot, master, ["right", "left", "right", "left", "left"])
        assert layouts == [], "a step of the total beside the plans laid out the screen"


@run_async
async def test_the_step_that_marks_the_plan_unsaved_lays_nothing_out(tariffs):
    # the first step away from the opened plan changes the header's title (the unsaved mark): the
    # header repaints its line; its size, and the screen's layout, stay as they were
    from naccs_tui.i18n import t

    app = StableApp(from_scenario(scenario(IDA=200, IDC=900)), tariffs=tariffs, path="plan.toml")
    async with app.run_test(size=(160, 50)) as pilot:
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        await quiet(pilot, "the footer to follow the focus")
        title = app.query_one("HeaderTitle")
        assert t("file.dirty", name="plan.toml") not in text_of(title)
        layouts = count_layouts(app)
        await steps_of(pilot, master, row, [("right", 210)])
        await quiet(pilot, "the title to follow", lambda: t("file.dirty", name="plan.toml") in text_of(title))
        assert layouts == [], "the step that marked the plan unsaved laid out the screen"
        await steps_of(pilot, master, row, [("left", 200)])  # back to the opened plan: saved again
        await quiet(pilot, "the title to follow", lambda: t("file.dirty", name="plan.toml") not in text_of(title))
        assert layouts == []
