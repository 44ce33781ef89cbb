"""Snapshots of the plans tab with the company view over the multi-office example
(examples/multi-office-forwarder.toml: three units in two offices), at 80×24 and 120×40, in ja
and en.

Taken once the view shows every unit's row and the company totals, and the unit's plans below it
are laid out (conditions read from the terminal's text, never a number of pauses). Update with
``pytest tests/ui/test_snapshots_company.py --snapshot-update`` and look at every new SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import StableApp, wait_for, wait_for_screen_text
from test_snapshots import plans_ready
from textual.widgets import TabbedContent

from naccs_tui.domain.company import Company
from naccs_tui.domain.document import load_document
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.i18n import t
from naccs_tui.render.company import total_line
from naccs_tui.render.labels import yen
from naccs_tui.ui.panes.company import CompanyPane, UnitTable

EXAMPLE = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_company_view_snapshot(snap_compare, size, lang):
    tariffs = load_tariffs()
    company = load_document(EXAMPLE, tariffs)
    assert isinstance(company, Company)

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_for_screen_text(pilot, t("app.title"), t("tab.plans"), t("key.help"), what="the main screen")
        app.query_one(TabbedContent).active = "plans"
        rows = len(company.units()) + 1  # and the head office's options
        table = lambda: app.query_one("#company", CompanyPane).query_one(UnitTable)  # noqa: E731
        await wait_for(pilot, lambda: table().row_count == rows, "every unit's row")
        q = app.company_quote
        names = [o.name for o in company.offices]
        best = yen(q.monthly("best")) + " ✔"
        await wait_for_screen_text(pilot, *names, best, total_line(q, 12, False), what="the company view")
        await plans_ready(pilot)

    app = StableApp(company=company, tariffs=tariffs, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
