"""Typed numbers never change the plan behind the user's back, and each slider and its field share
one range (issue 10, items 1 and 2).

Rule: valid numbers are applied while typing (the plans follow), and an entry refused on Enter or
on leaving the field takes all of them back: the scenario is exactly the one from before the
entry began. Scenario used (sample unit prices, tariffs.toml):
dedicated 1M with 2 lines, interactive, 3 terminals, 2 user codes, IDA 300 and IDC 280 a month.
"""

from __future__ import annotations

from helpers import focus, run_async, settled, text_of, volumes_laid_out, wait_for
from textual.widgets import Input, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.mix import apportion
from naccs_tui.domain.scenario import MAX_VOLUME, Line, Scenario, Usage
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.volumes import VolumesPane, total_top
from naccs_tui.ui.widgets.number import NumberField
from naccs_tui.ui.widgets.slider_row import SliderRow, SliderScale
from naccs_tui.ui.widgets.stepper import Stepper

REFUSED = t("slider.refused")


def planned() -> Scenario:
    return Scenario(
        line=Line(kind="dedicated", speed="1M", lines=2),
        usage=Usage(method="interactive", terminals=3, user_codes=2),
        volumes={"IDA": 300, "IDC": 280},
    )


class Recorded(NaccsApp):
    """The app, keeping every notification it shows as (title, message)."""

    CURSOR_BLINK = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[tuple[str, str]] = []

    def notify(self, message, *, title="", **kwargs) -> None:
        self.notes.append((title, message))
        super().notify(message, title=title, **kwargs)


async def show_volumes(app: NaccsApp, pilot) -> VolumesPane:
    app.set_focus(None)
    app.query_one("#tabs", TabbedContent).active = "volumes"
    await wait_for(pilot, lambda: volumes_laid_out(app), "the volumes tab laid out for its width")
    return app.query_one(VolumesPane)


async def focus_at_end(pilot, field: NumberField) -> None:
    """Focus the field with the cursor after its text (as a second click does): Backspace
    then deletes one digit at a time."""
    await focus(pilot, field)
    await pilot.press("end")


async def type_keys(pilot, app: NaccsApp, keys: str, seen) -> None:
    """Press ``keys`` one at a time, waiting after each until ``seen(app.scenario)`` holds for
    the value it should have applied (None: the key makes the text invalid, nothing applied)."""
    for key, expected in zip(keys, seen, strict=True):
        await pilot.press(key)
        if expected is not None:
            await wait_for(pilot, lambda e=expected: e(app.scenario), f"the value typed with {key!r}")


def refusals(app: Recorded) -> list[str]:
    return [message for title, message in app.notes if title == REFUSED]


# ---- item 1: no silent edits ----------------------------------------------------------------
@run_async
async def test_clearing_an_operation_and_pressing_enter_keeps_its_count(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await show_volumes(app, pilot)
        before, quote_before = app.scenario, app.quote
        field = app.query_one("#op-IDA", SliderRow).field
        await focus_at_end(pilot, field)
        # 300 -> 30 -> 3 are applied while typing (the plans follow), "" is not a number
        await type_keys(
            pilot,
            app,
            ["backspace"] * 3,
            [lambda s: s.volumes["IDA"] == 30, lambda s: s.volumes["IDA"] == 3, None],
        )
        assert field.value == "" and field.has_class("-invalid")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.scenario == before, "the count from before the entry")
        assert app.scenario.volumes == {"IDA": 300, "IDC": 280}
        assert app.quote == quote_before
        assert field.value == "300" and not field.has_class("-invalid")
        assert app.query_one("#op-IDA", SliderRow).slider.value == 300
        assert refusals(app) == [t("entry.empty", min="0", max="1,000,000")]


@run_async
async def test_an_accepted_entry_stays_and_a_refused_one_leaves_no_trace_in_the_file(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await show_volumes(app, pilot)
        field = app.query_one("#op-IDA", SliderRow).field
        await focus(pilot, field)  # selects the text: typing replaces it
        await type_keys(pilot, app, "45", [lambda s: s.volumes["IDA"] == 4, lambda s: s.volumes["IDA"] == 45])
        assert len(app._state.entries) == 1  # the unit before the entry, kept while it is typed
        await pilot.press("enter")
        await wait_for(pilot, lambda: app._state.entries == {}, "the kept entry's snapshot dropped")
        assert app.scenario.volumes == {"IDA": 45, "IDC": 280} and refusals(app) == []
        assert field.value == "45" and not field.has_class("-invalid")
        # EDA is not in the file: typing 7 adds it, the refused "7x" takes it out again (not EDA = 0)
        before = app.scenario
        eda = app.query_one("#op-EDA", SliderRow).field
        await focus(pilot, eda)
        await type_keys(pilot, app, "7x", [lambda s: s.volumes.get("EDA") == 7, None])
        await pilot.press("enter")
        await wait_for(pilot, lambda: "EDA" not in app.scenario.volumes, "EDA to leave the scenario")
        assert app.scenario == before and eda.value == "0" and app._state.entries == {}
        assert refusals(app) == [t("entry.not_a_number", text="7x", min="0", max="1,000,000")]


@run_async
async def test_a_total_out_of_range_leaves_every_count_as_it_was(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await show_volumes(app, pilot)
        before = app.scenario
        master = app.query_one("#master", SliderRow)
        await focus(pilot, master.field)
        # 9, 99 ... 999,999 are applied while typing (the mix scaled); 9,999,999 and on are refused
        up_to_999999 = [lambda s, n=n: sum(s.volumes.values()) == int("9" * n) for n in range(1, 7)]
        await type_keys(pilot, app, "9" * 9, [*up_to_999999, None, None, None])
        assert app.scenario.volumes == apportion({"IDA": 300, "IDC": 280}, 999_999)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.scenario == before, "the volumes from before the entry")
        assert app.scenario.volumes == {"IDA": 300, "IDC": 280}
        assert master.field.value == "580"
        # IDA has the largest share (300 of 580): the total can go to 1,000,000 x 580 / 300
        assert master.field.maximum == master.slider.maximum == 1_933_333
        limit = t("entry.total_limit", code="IDA", limit="1,000,000")
        out = t("slider.out_of_range", text="999,999,999", min="0", max="1,933,333")
        assert refusals(app) == [f"{out} {limit}"]


@run_async
async def test_lines_come_back_when_refused(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.scenario
        lines = app.query_one("#lines", Input)
        await wait_for(pilot, lambda: lines.region.width > 0, "the lines field")
        await focus(pilot, lines)
        # 1 and 10 lines are applied while typing; 100 is out of range (1-99)
        await type_keys(pilot, app, "100", [lambda s: s.line.lines == 1, lambda s: s.line.lines == 10, None])
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.scenario == before, "2 lines again")
        assert lines.value == "2"
        assert refusals(app) == [t("slider.out_of_range", text="100", min="1", max="99")]


@run_async
async def test_terminals_come_back_when_refused(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.scenario
        await show_volumes(app, pilot)
        terminals = next(s for s in app.query(Stepper) if s.key == "terminals").field
        await focus(pilot, terminals)
        counts = [lambda s, n=n: s.usage.terminals == n for n in (1, 10, 100)]
        await type_keys(pilot, app, "1000", [*counts, None])  # 1,000 terminals: above 999
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.scenario == before, "3 terminals again")
        assert terminals.value == "3"
        assert refusals(app) == [t("slider.out_of_range", text="1,000", min="1", max="999")]


@run_async
async def test_user_codes_come_back_when_refused_on_leaving_the_field(tariffs):
    app = Recorded(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.scenario
        await show_volumes(app, pilot)
        codes = next(s for s in app.query(Stepper) if s.key == "user_codes").field
        await focus(pilot, codes)
        typed = [lambda s: s.usage.user_codes == 1, lambda s: s.usage.user_codes == 12, None]
        await type_keys(pilot, app, "12a", typed)
        await pilot.press("tab")  # leaving the field refuses it too
        await wait_for(pilot, lambda: app.scenario == before, "2 user codes again")
        assert codes.value == "2" and not codes.has_focus
        assert refusals(app) == [t("entry.not_a_number", text="12a", min="1", max="999")]


# ---- item 2: one range per control, tracks of one length ------------------------------------
def test_the_total_reaches_every_count_of_its_range_without_passing_an_operation_limit():
    for mix in ({"IDA": 300, "IDC": 280}, {"IDA": 30, "IDC": 70}, {"IDA": 1}, {"IDA": 1, "IDC": 1, "EDA": 1}):
        top = total_top(mix)
        split = apportion(mix, top)
        assert sum(split.values()) == top and max(split.values()) <= MAX_VOLUME
    assert total_top({"IDA": 1, "IDC": 1, "EDA": 1}) == 3 * MAX_VOLUME  # an even mix: the sum of the maxima
    assert total_top({"IDA": 30, "IDC": 70}) == 1_428_571


async def check_tracks(app: NaccsApp, pilot, size: tuple[int, int]) -> None:
    await show_volumes(app, pilot)
    pane = app.query_one(VolumesPane)
    rows = [r for r in pane.query(SliderRow) if r.id.startswith("op-")]
    assert len(rows) == len(app.tariffs.operations)
    await wait_for(pilot, lambda: all(r.slider.region.width > 0 for r in rows), "the tracks")
    await settled(pilot)
    tracks = {(r.slider.content_region.x, r.slider.content_region.width) for r in rows}
    master = pane.query_one("#master", SliderRow).slider
    assert tracks == {(master.content_region.x, master.content_region.width)}, size  # one length, one place
    (x, width) = tracks.pop()
    assert width >= 20, size
    # the scale under them has the tracks' place and length: 0 under the first cell, 1M ending
    # under the last one, 1k under the cell where 1,000 is drawn
    ticks = pane.query_one("#op-ticks", SliderScale).ticks
    assert (ticks.content_region.x, ticks.content_region.width) == (x, width), size
    assert ticks.region.y == rows[-1].region.y + 1, size  # right under the last operation
    line = text_of(ticks)
    assert line.startswith("0 ") and line.endswith("1M") and len(line) == width, (size, line)
    thousand = rows[0].slider.cell_of(1000)
    assert line[thousand : thousand + 2] == "1k", (size, line)
    for row in rows:
        assert row.slider.maximum == row.field.maximum == MAX_VOLUME


@run_async
async def test_operation_tracks_have_one_length_and_a_scale_at_every_width(tariffs):
    for size in ((120, 50), (80, 50), (160, 50)):
        app = NaccsApp(from_scenario(planned()), tariffs=tariffs)
        async with app.run_test(size=size) as pilot:
            await check_tracks(app, pilot, size)


@run_async
async def test_end_puts_an_operation_and_the_total_at_the_maximum_their_field_takes(tariffs):
    app = NaccsApp(from_scenario(planned()), tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await show_volumes(app, pilot)
        row = app.query_one("#op-IDC", SliderRow)
        await focus(pilot, row.slider)
        await pilot.press("end")
        await wait_for(pilot, lambda: app.scenario.volumes["IDC"] == MAX_VOLUME, "IDC at its end")
        assert row.field.value == "1000000" and row.field.maximum == MAX_VOLUME
        # the total's end with this mix: IDC (1,000,000 of 1,000,300) reaches its limit
        master = app.query_one("#master", SliderRow)
        top = total_top({"IDA": 300, "IDC": MAX_VOLUME})
        await wait_for(pilot, lambda: master.slider.maximum == top, "the total's range")
        assert master.field.maximum == top == 1_000_300
        await focus(pilot, master.slider)
        await pilot.press("home", "end")
        await wait_for(pilot, lambda: sum(app.scenario.volumes.values()) == top, "the total at its end")
        assert app.scenario.volumes == {"IDA": 300, "IDC": MAX_VOLUME}  # home then end: the mix comes back
        assert master.field.value == str(top)
