"""Pilot tests of the dialogs by keyboard: Tab completes a file name, ←/→ move between the buttons,
and opening a file with unsaved changes asks save / don't save / cancel as quitting does."""

from __future__ import annotations

from helpers import run_async, wait_closed, wait_equal, wait_for_dialog
from textual.widgets import Button, Input, Static

from naccs_tui.domain.scenario import Scenario, load_scenario, save_scenario
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.path import PathScreen


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


@run_async
async def test_tab_accepts_the_completion_then_enter_opens_that_file(tariffs, tmp_path):
    path = tmp_path / "offices-2025.toml"
    save_scenario(Scenario().with_volume("IDC", 42), path)
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        screen = await wait_for_dialog(pilot, PathScreen)
        field = screen.query_one("#path", Input)
        field.value = f"{tmp_path}/off"
        field.cursor_position = len(field.value)
        # the field shows the rest of the name after the cursor (Textual's suggestion of the field)
        await wait_equal(pilot, lambda: field._suggestion, str(path), "the completion to be shown")
        await pilot.press("tab")  # accepts it, as the hint says; the focus stays in the field
        await wait_equal(pilot, lambda: field.value, str(path), "the completed name")
        assert app.focused is field
        await pilot.press("enter")
        await wait_closed(pilot, PathScreen)
        await wait_equal(pilot, lambda: app.path, path, "the file opened")
        assert app.scenario.volumes["IDC"] == 42


@run_async
async def test_tab_with_no_completion_moves_the_focus(tariffs, tmp_path):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        screen = await wait_for_dialog(pilot, PathScreen)
        screen.query_one("#path", Input).value = f"{tmp_path}/nothing-here"
        await pilot.press("tab")
        await wait_equal(pilot, lambda: focused_id(app), "ok", "the focus on OK")


@run_async
async def test_arrows_move_between_dialog_buttons_and_stay_in_text_fields(tariffs):
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        screen = await wait_for_dialog(pilot, PathScreen)
        field = screen.query_one("#path", Input)
        field.value = "plan.toml"
        field.cursor_position = len(field.value)
        await pilot.press("left")  # in the text field: the cursor moves, the focus stays
        await wait_equal(pilot, lambda: field.cursor_position, len("plan.tom"), "the cursor")
        assert app.focused is field
        screen.query_one("#ok", Button).focus()
        await pilot.press("right")
        await wait_equal(pilot, lambda: focused_id(app), "cancel", "the focus on Cancel")
        await pilot.press("right")  # the last button: stays
        await pilot.press("left")
        await wait_equal(pilot, lambda: focused_id(app), "ok", "the focus back on OK")
        await pilot.press("escape")
        await wait_closed(pilot, PathScreen)
        # the quit question: three answers, the focus starts on the last (cancel)
        app.set_scenario(Scenario().with_volume("IDC", 1))
        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, ConfirmScreen)
        assert focused_id(app) == "answer-cancel"
        await pilot.press("left")
        await wait_equal(pilot, lambda: focused_id(app), "answer-discard", "the focus on don't save")
        await pilot.press("left", "left")  # the first button: stays
        await wait_equal(pilot, lambda: focused_id(app), "answer-save", "the focus on save")
        await pilot.press("right", "right")
        await wait_equal(pilot, lambda: focused_id(app), "answer-cancel", "the focus on cancel")
        await pilot.press("enter")
        await wait_closed(pilot, ConfirmScreen)
        assert app.is_running


@run_async
async def test_open_with_unsaved_changes_offers_to_save_first(tariffs, tmp_path):
    first, other = tmp_path / "first.toml", tmp_path / "other.toml"
    save_scenario(Scenario().with_volume("IDC", 10), first)
    save_scenario(Scenario().with_volume("EDC", 7), other)
    app = NaccsApp(tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        screen = await wait_for_dialog(pilot, PathScreen)
        screen.query_one("#path", Input).value = str(first)
        await pilot.press("enter")
        await wait_equal(pilot, lambda: app.path, first, "the first file opened")
        app.set_scenario(app.scenario.with_volume("IDC", 11))
        assert app.dirty
        await pilot.press("ctrl+o")
        screen = await wait_for_dialog(pilot, ConfirmScreen)
        assert str(screen.query_one(".dialog-body", Static).render()) == t("file.open_dirty")
        labels = [str(b.label) for b in screen.query(Button)]
        assert labels == [t("file.open_save"), t("file.open_discard"), t("dialog.cancel")]
        assert focused_id(app) == "answer-cancel"
        await pilot.press("left", "left", "enter")  # save: written to its file, then the file prompt
        screen = await wait_for_dialog(pilot, PathScreen)
        assert load_scenario(first, tariffs).volumes["IDC"] == 11 and not app.dirty
        screen.query_one("#path", Input).value = str(other)
        await pilot.press("enter")
        await wait_equal(pilot, lambda: app.path, other, "the other file opened")
        assert app.scenario.volumes == {"EDC": 7}


def test_the_small_dialogs_share_one_base_for_their_frame_and_buttons():
    """OK/Cancel, Escape and the frame are the Dialog base's; a dialog gives only its own parts."""
    from naccs_tui.ui.screens.confirm import ConfirmScreen
    from naccs_tui.ui.screens.dialog import Dialog
    from naccs_tui.ui.screens.error import ErrorScreen
    from naccs_tui.ui.screens.export import ExportScreen
    from naccs_tui.ui.screens.name import NameScreen
    from naccs_tui.ui.screens.path import PathScreen

    for dialog in (ConfirmScreen, ErrorScreen, ExportScreen, NameScreen, PathScreen):
        assert issubclass(dialog, Dialog)
        own = vars(dialog)
        assert not {"compose", "BINDINGS", "on_mount", "on_button_pressed", "action_cancel"} & set(own), dialog
