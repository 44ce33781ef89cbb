"""Snapshots of the office/unit navigator (F4) over the multi-office example, at 80×24 and
120×40, in ja and en; and of the main screen with that example (the summary bar names the unit).

Taken once the tree shows every unit with the cursor on the selected one and the company totals
are drawn (a condition read from the terminal's text, never a number of pauses). Update with
``pytest tests/ui/test_snapshots_offices.py --snapshot-update`` and look at every new SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import StableApp, wait_for, wait_for_dialog, wait_for_screen_text
from test_snapshots import shell_ready
from textual.widgets import Tree

from naccs_tui.domain.company import Company
from naccs_tui.domain.document import load_document
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.i18n import t
from naccs_tui.render.labels import yen
from naccs_tui.ui.screens.offices import OfficesScreen

EXAMPLE = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_navigator_snapshot(snap_compare, size, lang):
    tariffs = load_tariffs()
    company = load_document(EXAMPLE, tariffs)
    assert isinstance(company, Company)

    async def run_before(pilot) -> None:
        app = pilot.app
        await shell_ready(pilot, yen(app.company_quote.monthly()))
        await pilot.press("f4")
        screen = await wait_for_dialog(pilot, OfficesScreen)
        tree = screen.query_one(Tree)
        await wait_for(
            pilot,
            lambda: tree.cursor_node is not None and tree.cursor_node.data == app.unit and tree.last_line >= 5,
            "every unit in the tree, the cursor on the selected one",
        )
        names = [o.name for o in company.offices]
        best = yen(app.company_quote.monthly("best"))
        await wait_for_screen_text(pilot, t("nav.title"), *names, best, what="the navigator on the terminal")

    app = StableApp(company=company, tariffs=tariffs, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_several_units_main_screen_snapshot(snap_compare, lang):
    tariffs = load_tariffs()
    company = load_document(EXAMPLE, tariffs)

    async def run_before(pilot) -> None:
        total = yen(pilot.app.company_quote.monthly())
        await shell_ready(pilot, total, t("key.offices"))

    app = StableApp(company=company, tariffs=tariffs, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
