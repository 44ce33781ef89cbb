"""The Slider widget, its step arithmetic, and the labelled slider row (slider + number field)."""

from __future__ import annotations

from helpers import focus, processed, run_async, text_of, wait_equal, wait_for
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from naccs_tui.ui.widgets.number import NumberField, parse_count
from naccs_tui.ui.widgets.slider import MARKER, Slider, nice_round, nice_step, step_down, step_up
from naccs_tui.ui.widgets.slider_row import SliderRow

MAX = 100_000
WIDTH = 41  # track cells 0..40, so a cell is 1/40 of the track


# ---- step arithmetic ------------------------------------------------------------------------
def test_nice_steps_follow_the_1_2_5_series_at_one_twentieth_of_the_value():
    # largest of 1, 2, 5, 10, 20, 50 ... not above value // 20
    assert [nice_step(v) for v in (0, 39, 40, 99, 100, 199, 200, 999, 1000, 9999, 10000)] == [
        1,
        1,
        2,
        2,
        5,
        5,
        10,
        20,
        50,
        200,
        500,
    ]
    assert step_up(103) == 105 and step_down(105) == 100  # lands on multiples of the step
    assert step_down(100) == 98 and step_up(98) == 100  # 99 // 20 = 4 -> step 2 below 100
    assert nice_round(1234) == 1250 and nice_round(87) == 88


@given(st.integers(min_value=0, max_value=10_000_000))
def test_steps_move_strictly_by_at_most_five_percent(v):
    up, down = step_up(v), step_down(v)
    assert down < v < up
    assert up - v <= max(1, v // 20)
    assert nice_step(v) * 50 > v - 20  # never below about 2 % of the value either


@given(st.integers(min_value=0, max_value=10_000_000))
def test_down_undoes_up_for_values_on_their_step(v):
    v -= v % nice_step(v)
    assert step_down(step_up(v)) == v


def test_changed_messages_of_one_slider_replace_each_other():
    a, b = Slider(maximum=10), Slider(maximum=10)
    assert Slider.Changed(a, 2).can_replace(Slider.Changed(a, 1))
    assert not Slider.Changed(a, 2).can_replace(Slider.Changed(b, 1))


def test_parse_count_refuses_with_a_reason():
    assert parse_count("1,500", 0, MAX) == (1500, None)
    value, reason = parse_count("12a", 0, MAX)
    assert value is None and "12a" in reason
    value, reason = parse_count("200000", 0, MAX)
    assert value is None and "200,000" in reason and "100,000" in reason
    assert parse_count("-3", 0, MAX)[0] is None


# ---- the widget in an app -------------------------------------------------------------------
class SliderApp(App):
    CSS = f"Slider {{ width: {WIDTH}; }} SliderRow Slider {{ width: {WIDTH}; }}"

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str, int]] = []
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Slider(0, maximum=MAX, marker=1000, id="s")
        yield SliderRow("IDA", "IDA", 50, maximum=MAX, id="row")

    def notify(self, message: str, **kwargs) -> None:
        self.notes.append(message)
        super().notify(message, **kwargs)

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.changes.append((event.slider.id, event.value))

    def on_slider_row_changed(self, event: SliderRow.Changed) -> None:
        self.changes.append((event.row.id, event.value))

    def on_slider_row_reverted(self, event: SliderRow.Reverted) -> None:
        self.changes.append(("reverted", event.value))


async def started(app: SliderApp, pilot) -> None:
    """Wait until the slider and the row are laid out (cells of the track are where they are drawn)."""
    await wait_for(pilot, lambda: all(w.region.area > 0 for w in app.query("#s, #row")), "the sliders laid out")


@run_async
async def test_keys_step_jump_and_stop_at_the_ends():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        await started(app, pilot)
        await focus(pilot, s)
        await pilot.press("right", "right", "right")
        await wait_equal(pilot, lambda: s.value, 3)
        await pilot.press("left")
        await wait_equal(pilot, lambda: s.value, 2)
        await pilot.press("home")
        await wait_equal(pilot, lambda: s.value, 0)
        # a tenth of the track: (1 + 100,000)^0.1 - 1 = 2.16 -> nice 2
        await pilot.press("pageup")
        await wait_equal(pilot, lambda: s.value, 2)
        await pilot.press("pageup")  # 3 x 100,001^0.1 - 1 = 8.49 -> 8
        await wait_equal(pilot, lambda: s.value, 8)
        await pilot.press("end")
        await wait_equal(pilot, lambda: s.value, MAX)
        await pilot.press("right", "pageup")  # already at the end: nothing
        await processed(pilot, s)
        assert s.value == MAX
        await pilot.press("pagedown")  # 100,001^0.9 - 1 = 31,623 -> step 1,000 -> 32,000
        await wait_equal(pilot, lambda: s.value, 32_000)
        await pilot.press("home", "left", "pagedown")
        await processed(pilot, s)
        assert s.value == 0
        await wait_equal(pilot, lambda: app.changes, [("s", v) for v in (1, 2, 3, 2, 0, 2, 8, MAX, 32_000, 0)])


@run_async
async def test_click_and_drag_set_the_value_on_a_log_track():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        await started(app, pilot)
        assert s.content_size.width == WIDTH
        await pilot.click(s, offset=(20, 0))
        # middle of the track: sqrt(100,001) - 1 = 315.2 -> nice step 10 -> 320
        await wait_equal(pilot, lambda: s.value, 320)
        await wait_for(pilot, lambda: s.has_focus, "the click to focus the slider")
        await pilot.click(s, offset=(40, 0))
        await wait_equal(pilot, lambda: s.value, MAX)
        await pilot.click(s, offset=(0, 0))
        await wait_equal(pilot, lambda: s.value, 0)
        await pilot.click(s, offset=(10, 0))
        # a quarter: 100,001^0.25 - 1 = 16.8 -> step 1 -> 17
        await wait_equal(pilot, lambda: s.value, 17)


@run_async
async def test_drag_follows_the_mouse_until_release():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        await started(app, pilot)
        await pilot.mouse_down(s, offset=(20, 0))
        await wait_equal(pilot, lambda: s.value, 320)
        await pilot.hover(s, offset=(30, 0))
        # 100,001^0.75 - 1 = 5,622.4 -> step 200 -> 5,600
        await wait_equal(pilot, lambda: s.value, 5_600)
        await pilot.hover(s, offset=(40, 0))
        await wait_equal(pilot, lambda: s.value, MAX)
        await pilot.mouse_up(s, offset=(40, 0))
        await pilot.hover(s, offset=(0, 0))
        await processed(pilot, s)
        assert s.value == MAX  # released: hovering no longer moves it


@run_async
async def test_marker_and_focus_are_drawn():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        await started(app, pilot)
        # marker 1,000: log(1,001) / log(100,001) x 40 = 6.909 / 11.513 x 40 = 24.0 -> cell 24
        line = text_of(s)
        assert line.index(MARKER) == 24 and line.count(MARKER) == 1
        assert "◂" not in line
        await focus(pilot, s)
        s.value = 100  # log(101) / log(100,001) x 40 = 16.0 -> thumb at 16, arrows at 15 and 17
        await wait_equal(pilot, lambda: text_of(s)[15:18], "◂▮▸", "the focused thumb at cell 16")
        assert text_of(s)[24] == MARKER
        s.marker = None
        await wait_for(pilot, lambda: MARKER not in text_of(s), "the marker to go")


def cells(strip) -> list[tuple[str, str]]:
    """A drawn line as (character, style) per cell."""
    return [(ch, str(seg.style)) for seg in strip for ch in seg.text]


@run_async
async def test_the_track_is_drawn_as_textual_draws_its_text():
    # Slider.render_line builds its strip itself (cheaper on every step); it must paint the
    # same cells in the same colours as Textual's own drawing of ``render()``
    from textual.widget import Widget

    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        await started(app, pilot)
        for value in (0, 100, 5_000, MAX):
            s.value = value
            for focused in (False, True):
                if focused != s.has_focus:
                    await focus(pilot, s) if focused else app.set_focus(None)
                    await wait_for(pilot, lambda f=focused: s.has_focus == f, "the focus")
                ours, textuals = s.render_line(0), Widget.render_line(s, 0)
                assert cells(ours) == cells(textuals), (value, focused)
                assert len(cells(ours)) == s.content_size.width == WIDTH


@run_async
async def test_row_keeps_slider_and_number_in_sync_both_ways():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        row = app.query_one("#row", SliderRow)
        assert row.field.value == "50" and row.slider.value == 50
        await focus(pilot, row.slider)
        await pilot.press("right")  # 50 // 20 = 2 -> step 2 -> 52
        await wait_equal(pilot, lambda: app.changes[-1:], [("row", 52)])
        assert row.field.value == "52"
        await focus(pilot, row.field)  # selects all on focus: typing replaces
        await pilot.press(*"1500")
        await wait_equal(pilot, lambda: app.changes[-1:], [("row", 1500)])
        assert row.slider.value == 1500 and row.value == 1500
        # one range for both: the field's largest number is the track's right end
        assert row.field.maximum == row.slider.maximum == MAX
        await pilot.press("enter")
        await focus(pilot, row.slider)
        await pilot.press("end")
        await wait_equal(pilot, lambda: app.changes[-1:], [("row", MAX)])
        assert row.value == MAX and row.field.value == str(MAX)


@run_async
async def test_row_refuses_bad_numbers_with_a_message():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        row = app.query_one("#row", SliderRow)
        await focus(pilot, row.field)
        await pilot.press(*"12x")
        await wait_for(pilot, lambda: row.field.has_class("-invalid"), "12x to be marked")
        assert "12x" in str(row.field.tooltip)
        await wait_equal(pilot, lambda: app.changes, [("row", 1), ("row", 12)])  # good numbers: applied live
        assert row.value == 12
        await pilot.press("enter")  # "12x" is refused: the whole entry is taken back
        await wait_for(pilot, lambda: app.changes[-1] == ("reverted", 50), "the entry to be taken back")
        assert row.field.value == "50" and row.value == 50 and not row.field.has_class("-invalid")
        assert row.slider.value == 50
        assert any("12x" in n for n in app.notes)
        row.field.value = ""
        await pilot.press(*"200000", "tab")  # out of range, refused on leaving the field
        await wait_for(pilot, lambda: app.changes.count(("reverted", 50)) == 2, "the entry to be taken back")
        typed = [("row", 2), ("row", 20), ("row", 200), ("row", 2000), ("row", 20000)]  # each applied live
        assert app.changes[-6:] == [*typed, ("reverted", 50)]
        assert row.value == 50 and row.field.value == "50"
        assert any("200,000" in n and "100,000" in n for n in app.notes)
        assert isinstance(row.field, NumberField)


@run_async
async def test_controlled_slider_only_proposes_until_its_owner_sets_the_value():
    app = SliderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        s = app.query_one("#s", Slider)
        s.controlled = True
        await focus(pilot, s)
        await pilot.press("right")
        await wait_equal(pilot, lambda: app.changes, [("s", 1)])
        assert s.value == 0  # proposed 1, still shows 0
        await pilot.press("right")  # steps on from the proposal, not from the stale value
        await wait_equal(pilot, lambda: app.changes[-1:], [("s", 2)])
        assert s.value == 0
        s.value = 2  # the owner accepts
        await pilot.press("right")
        await wait_equal(pilot, lambda: app.changes[-1:], [("s", 3)])
        assert s.value == 2


def test_columns_wrap_by_cells_and_prefer_spaces():
    from naccs_tui.ui.widgets.columns import wrap_cells

    assert wrap_cells("輸入申告事項登録", 6) == ["輸入申", "告事項", "登録"]  # 2 cells per character
    assert wrap_cells("Plan A pays off", 8) == ["Plan A", "pays off"]
    assert wrap_cells("IDA1234567", 4) == ["IDA1", "2345", "67"]
