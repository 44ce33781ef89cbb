"""A long office name is cut in the company view's table, so that every column stays in view
(issue: at 120×40 a long office name pushed the 回線等 column off, and the head office's options
row showed nothing but its name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import layout_settled, run_async, screen_text, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.document import load_document
from naccs_tui.i18n import t
from naccs_tui.render.table import cell_width
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.panes.company import clip, fit_rows

EXAMPLE = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"
LONG = "東京本社ロジスティクスセンター第一営業所国際輸送部門"  # 26 characters, 52 cells


def test_clip_cuts_by_cells_and_says_so():
    assert clip("大阪支店", 8) == "大阪支店"
    assert clip("東京本社ロジ", 8) == "東京本.."  # 6 cells of kanji + "..": 8
    assert clip("東京本社ロジ", 9) == "東京本.."  # a kanji does not fit in the 7th cell
    assert clip("Head office", 8) == "Head o.."


def test_fit_rows_cuts_only_the_office_names_and_only_when_needed():
    cells = {"office": "  " + LONG, "unit": "netNACCS", "plan": "B", "a": "1", "b": "2", "break_even": "-"}
    rows = [("1:netnaccs", {**cells, "fixed": "0"})]
    assert fit_rows(rows, 200) == rows
    fitted = fit_rows(rows, 80)
    office = fitted[0][1]["office"]
    assert office.startswith("  東京本社") and office.endswith("..")
    assert {k: v for k, v in fitted[0][1].items() if k != "office"} == {
        k: v for k, v in rows[0][1].items() if k != "office"
    }
    # the other columns, each its widest text and 2 cells of padding: "netNACCS" (wider than its
    # heading 単位), then the headings プラン, プランA, プランB, 損益分岐点, 回線等
    others = sum(cell_width(h) + 2 for h in ("netNACCS", "プラン", "プランA", "プランB", "損益分岐点", "回線等"))
    assert cell_width(office) + 2 + others == 80  # the office column takes what is left, exactly


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@run_async
async def test_a_long_office_name_leaves_every_column_in_view(tariffs, size):
    company = load_document(EXAMPLE, tariffs)
    first = company.offices[0].model_copy(update={"name": LONG})
    company = company.model_copy(update={"offices": (first, *company.offices[1:])})
    app = NaccsApp(company, tariffs=tariffs)
    async with app.run_test(size=size) as pilot:
        app.query_one("#tabs", TabbedContent).active = "plans"

        def options_row() -> str:
            if not layout_settled(app):
                return ""
            return next((line for line in screen_text(app).splitlines() if t("company.unit.options") in line), "")

        # the head office's options: 2 user codes × (1,000 + 1,000), in the 回線等 column
        await wait_for(pilot, lambda: options_row().rstrip().endswith("4,000"), "the options row with 4,000")
        text = screen_text(app)
        assert t("company_view.col.fixed_short") in text and "47,600" in text
        assert LONG in text.replace("\n", "")  # the full name: in the sentence under the table
