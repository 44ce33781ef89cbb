"""The plans table spends its width on words, not padding: a column is as wide as its figures and
its heading wraps at its words (issue: in English "Metered IDA / Import / declaration / entry"
took 4 lines at 80×24 and in the 160×50 side column, under the heading "Plan A Arithmetic")."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import layout_settled, run_async, text_of, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.document import load_document
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.widgets.columns import Row, layout

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"


def test_a_heading_wraps_to_the_width_of_its_figures_when_the_labels_need_it():
    rows = [
        Row(("Item", "Plan A Arithmetic", "Amount"), head=True),
        Row(("Line usage", "1 × 36,000", "36,000")),
    ]
    # 50 cells: the headings whole (17 and 6 cells) leave 50 - 2 - 17 - 2 - 6 = 23 for the
    # labels, and "Line usage" needs 10: one line of headings
    assert [line.plain for line in layout(rows, 50)] == [
        "Item" + " " * 19 + "  Plan A Arithmetic  Amount",
        "Line usage" + " " * 13 + "         1 × 36,000  36,000",
    ]
    # 34 cells: whole headings would leave 7; the figures, "1 × 36,000" (10 cells) and "36,000"
    # (6; the word "Amount" is 6 too), leave 34 - 2 - 10 - 2 - 6 = 14: the heading wraps at its words
    assert [line.plain for line in layout(rows, 34)] == [
        "Item" + " " * 10 + "      Plan A" + " " * 8,
        " " * 14 + "  Arithmetic  Amount",
        "Line usage" + " " * 4 + "  1 × 36,000  36,000",
    ]


def lines_after(text: str, first: str) -> list[str]:
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if first in line)
    return [line.strip() for line in lines[at : at + 3]]


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@run_async
async def test_the_english_table_keeps_a_label_on_two_lines(tariffs, size):
    app = NaccsApp(load_document(BROKER, tariffs), tariffs=tariffs, lang="en")
    async with app.run_test(size=size) as pilot:
        if size[0] < 140:  # from 140 columns the plans sit beside the tabs
            app.query_one("#tabs", TabbedContent).active = "plans"

        where = "#side-plans" if size[0] >= 140 else "#plans PlansPane"

        def table() -> str:
            view = app.query_one(where).query_one("_PlansView")
            return text_of(view) if layout_settled(app) and view.size.width else ""

        await wait_for(pilot, lambda: "Metered IDA Import" in table(), "'Metered IDA Import' on one line")
        after = lines_after(table(), "Metered IDA Import")
        assert after[1].startswith("declaration entry"), after  # the label's second and last line
        assert after[2].startswith("Metered IDC Import"), after
