"""The company view of the plans tab (offices x units, the company's totals) driven by keys as a
user would: each check is on the app's company and selected unit, and on what the view shows.

The company is the offices issue's file (tests/domain/test_company.py) with the shipped sample prices
(IDA 85/100, IDC 170/200, EDA 69/80); hand-computed (as in tests/cli/test_company_cli.py):
  本社 general NACCS (3 terminals, IDA 300, IDC 280): A = 15,000 + 25,500 + 47,600 = 88,100;
      B = 30,000 + 56,000 = 86,000 (cheaper); line 36,000 + router 5,200 = 41,200
  本社 netNACCS (2 terminals, EDA 50): A = 10,000 + 3,450 = 13,450; B = 4,000 (cheaper)
  大阪支店 netNACCS (1 terminal, EDA 20): A = 5,000 + 1,380 = 6,380; B = 1,600 (cheaper)
  本社 options: paid statistics, 2 user codes × 1,000 = 2,000
  all B = best = chosen (auto) = 41,200 + 86,000 + 4,000 + 1,600 + 2,000 = 134,800
  all A = 41,200 + 88,100 + 13,450 + 6,380 + 2,000 = 151,130 (16,330 more); initial 98,000
"""

from __future__ import annotations

import pytest
from helpers import run_async, screen_text, wait_equal, wait_for, wait_for_text
from test_company import ISSUE
from textual.widgets import Static, TabbedContent

from naccs_tui.domain.company import Company
from naccs_tui.domain.document import load_document
from naccs_tui.i18n import t
from naccs_tui.render.table import cell_width
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.messages import CompanyEdited
from naccs_tui.ui.panes.company import CompanyPane, UnitTable
from naccs_tui.ui.state import AddOffice

GENERAL, HEAD_NET, OSAKA, OPTIONS = "1:general", "1:netnaccs", "2:netnaccs", "1:options"


@pytest.fixture
def company(tmp_path, tariffs) -> Company:
    path = tmp_path / "company.toml"
    path.write_text(ISSUE, "utf-8")
    c = load_document(path, tariffs)
    assert isinstance(c, Company)
    return c


def row(pane: CompanyPane, key: str) -> list[str]:
    """The cells of one row as plain text (the selected unit's office starts with ▸)."""
    return [cell.plain.strip() for cell in pane.query_one(UnitTable).get_row(key)]


def totals(pane: CompanyPane) -> str:
    return str(pane.query_one("#company-totals", Static).content)


async def plans_tab(pilot) -> CompanyPane:
    """Show the plans tab and wait until the company view shows every unit."""
    app = pilot.app
    app.query_one("#tabs", TabbedContent).active = "plans"
    await wait_for(pilot, lambda: app.query_one("#company", CompanyPane).region.area > 0, "the company view")
    pane = app.query_one("#company", CompanyPane)
    await wait_for(pilot, lambda: pane.query_one(UnitTable).row_count == len(app.company.units()) + 1, "every row")
    return pane


async def focus_row(pilot, pane: CompanyPane, n: int) -> None:
    table = pane.query_one(UnitTable)
    table.focus()
    await wait_for(pilot, lambda: table.has_focus, "the table focused")
    while table.cursor_row != n:
        before = table.cursor_row
        await pilot.press("down" if before < n else "up")
        await wait_for(pilot, lambda before=before: table.cursor_row != before, "the cursor to move")


@run_async
async def test_hidden_with_one_unit_shown_once_there_are_several(tariffs):
    app = NaccsApp(tariffs=tariffs)  # the default: one netNACCS unit
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#tabs", TabbedContent).active = "plans"
        await wait_for(pilot, lambda: app.query_one("#company", CompanyPane).is_mounted, "the company view mounted")
        pane = app.query_one("#company", CompanyPane)
        assert not pane.display and pane.region.area == 0
        new = CompanyEdited(AddOffice("大阪支店", "netnaccs", first_name="本社"))
        app.post_message(new)
        await wait_for(pilot, lambda: pane.display and pane.region.area > 0, "the company view shown")
        await wait_equal(pilot, lambda: pane.query_one(UnitTable).row_count, 2, "a row for each unit")
        # two netNACCS units, 1 terminal each and no volumes: Plan B costs 0, Plan A 5,000 each
        await wait_equal(pilot, lambda: row(pane, "2:netnaccs")[0], "▸ 大阪支店", "the new office's unit selected")
        assert row(pane, "1:netnaccs") == ["本社", "netNACCS", "B（自動）", "5,000", "0 ✔", "-", "0"]


@run_async
async def test_rows_and_totals_add_up_as_shown(company, tariffs):
    app = NaccsApp(company=company, tariffs=tariffs, lang="en")
    async with app.run_test(size=(100, 34)) as pilot:
        pane = await plans_tab(pilot)
        # Plan A pays off from 580 × 15,000 / 12,900 = 674.4… -> 675 transactions a month
        assert row(pane, GENERAL) == ["▸ 本社", "General", "B (auto)", "88,100", "86,000 ✔", "♦ 675", "41,200"]
        assert row(pane, HEAD_NET)[:5] == ["本社", "netNACCS", "B (auto)", "13,450", "4,000 ✔"]
        assert row(pane, OPTIONS) == ["本社", "Options", "", "", "", "", "2,000"]
        assert row(pane, OSAKA)[:5] == ["大阪支店", "netNACCS", "B (auto)", "6,380", "1,600 ✔"]
        assert [k.value for k in pane.query_one(UnitTable).rows] == [GENERAL, HEAD_NET, OPTIONS, OSAKA]
        text = totals(pane)
        lines = [line.split() for line in text.splitlines()]
        assert lines[1] == ["134,800", "151,130", "134,800", "134,800", "✔"]  # chosen, all A, all B, best
        assert lines[2] == ["vs", "cheaper", "0", "+16,330", "0"]
        assert "12-month total: initial 98,000 + 12 × 134,800 = 1,715,600" in text
        assert "(tax excl.)" in text.splitlines()[0]
        be = str(pane.query_one("#company-break-even", Static).content)
        assert be == "本社, General: ♦ Plan A pays off from 675 transactions/month (now 580)"
        # tax on: one bill a month and the initial fee taxed (10 %, rounded down), the sum as shown
        app.tax = True
        await wait_for_text(pilot, lambda: totals(pane), "(tax incl.)", "initial 107,800 + 12 × 148,280 = 1,887,160")
        assert pane.query_one("#company-tax", Static).display


class NotedApp(NaccsApp):
    """The app, keeping what it tells the user."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.said: list[str] = []

    def notify(self, message, **kwargs) -> None:
        self.said.append(str(message))
        super().notify(message, **kwargs)


@run_async
async def test_enter_chooses_the_unit_under_the_cursor(company, tariffs):
    app = NotedApp(company=company, tariffs=tariffs)
    async with app.run_test(size=(100, 34)) as pilot:
        pane = await plans_tab(pilot)
        assert app.unit == (1, "general")
        await focus_row(pilot, pane, 3)  # 大阪支店's netNACCS (below the head office's options)
        be = pane.query_one("#company-break-even", Static)
        await wait_for(pilot, lambda: str(be.content).startswith("大阪支店・netNACCS："), "its break-even")
        await pilot.press("enter")
        await wait_equal(pilot, lambda: app.unit, (2, "netnaccs"), "Osaka's unit chosen")
        await wait_equal(pilot, lambda: row(pane, OSAKA)[0], "▸ 大阪支店", "the mark on Osaka's row")
        assert row(pane, GENERAL)[0] == "本社"
        assert (app.quote.monthly("A"), app.quote.monthly("B")) == (6_380, 1_600)  # the plans pane's unit
        await focus_row(pilot, pane, 2)  # the options row is no unit: Enter leaves the unit as it is
        await pilot.press("enter")
        await pilot.press("p")
        await wait_for(pilot, lambda: t("nav.plan_on_unit") in app.said, "a hint")
        assert app.unit == (2, "netnaccs") and app.company == company


@run_async
async def test_p_cycles_the_plan_auto_a_b_and_the_totals_follow(company, tariffs):
    app = NaccsApp(company=company, tariffs=tariffs)
    async with app.run_test(size=(100, 34)) as pilot:
        pane = await plans_tab(pilot)
        await focus_row(pilot, pane, 0)
        plan = lambda: app.company.offices[0].general.plan  # noqa: E731
        await pilot.press("p")  # auto -> A: 134,800 - 86,000 + 88,100 = 136,900, 2,100 more than B
        await wait_equal(pilot, plan, "A", "the general unit on Plan A")
        assert app.company_quote.monthly() == 136_900
        await wait_for_text(pilot, lambda: totals(pane), "136,900", "+2,100", "98,000 + 12 × 136,900 = 1,740,800")
        assert row(pane, GENERAL)[2] == "A（指定）"
        await pilot.press("p")  # A -> B
        await wait_equal(pilot, plan, "B", "the general unit on Plan B")
        await wait_equal(pilot, lambda: row(pane, GENERAL)[2], "B（指定）", "the plan cell")
        assert "+2,100" not in totals(pane) and app.company_quote.monthly() == 134_800
        await pilot.press("p")  # B -> auto
        await wait_equal(pilot, plan, "auto", "the general unit back on auto")
        assert app.unit == (1, "general")  # p changes a plan, not the unit the panes work on


@pytest.mark.parametrize("lang", ["ja", "en"])
@run_async
async def test_nothing_is_cut_off_at_80_columns(company, tariffs, lang):
    app = NaccsApp(company=company, tariffs=tariffs, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await plans_tab(pilot)
        table = pane.query_one(UnitTable)
        await wait_for(pilot, lambda: table.virtual_size.width > 0, "the table measured")
        assert table.virtual_size.width <= table.size.width  # no column beyond the right edge
        assert table.size.height == 1 + table.row_count  # the header and every row, no scroll bar
        shown = screen_text(app)
        for key in (GENERAL, HEAD_NET, OPTIONS, OSAKA):
            cells = [c for c in row(pane, key) if c]
            assert any(all(c in line for c in cells) for line in shown.splitlines()), (key, cells)
        for name in ("#company-legend", "#company-break-even", "#company-totals"):
            text = str(pane.query_one(name, Static).content)
            assert max(cell_width(line) for line in text.splitlines()) <= pane.size.width, (name, text)
            assert all(line.strip() in shown for line in text.splitlines()), name
