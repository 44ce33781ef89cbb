"""The chart's y axis: round ticks, evenly spaced, each on its own row, and a point drawn in the
row of the tick nearest its value (issue: at 80×24 the labels read 3.5M, 3.0M, 2.0M, 1.5M, 500k,
0, and Plan A's zero-volume point, 956,200, was drawn on the 1,500,000 row)."""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import pairwise
from math import floor
from pathlib import Path

import pytest
from helpers import run_async, screen_text, wait_for
from test_ui_decide import open_chart

from naccs_tui.domain.chart import y_axis
from naccs_tui.domain.document import load_document
from naccs_tui.ui.app import NaccsApp

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"
BRAILLE = re.compile(r"[\u2801-\u28ff]")
# customs broker, 12 months at 0 transactions: Plan A 169,000 initial + 12 × (36,000 line usage
# + 11,600 spare router + 2,000 ping + 15,000 basic + 1,000 paid statistics) = 956,200;
# Plan B 169,000 + 12 × 50,600 = 776,200
PLAN_A_AT_ZERO = 169_000 + 12 * (36_000 + 11_600 + 2_000 + 15_000 + 1_000)


def row_of(value: int, axis, rows: int) -> int:
    """The row (from the bottom) a value is drawn in: each row spans (high - low) / rows."""
    return floor((value - axis.low) * rows / (axis.high - axis.low))


def test_five_rows_get_a_tick_each_at_a_round_step():
    # the largest value 3,700,000 on 5 rows: a step of 1,000,000 a row (3,700,000 / 4.5 rows =
    # 822,222, rounded up to 1, 2 or 5 × 10^k) puts 0 in the middle of the bottom row
    axis = y_axis(3_700_000, 5)
    assert axis.ticks == (0, 1_000_000, 2_000_000, 3_000_000, 4_000_000)
    assert (axis.low, axis.high) == (-500_000, 4_500_000)
    assert [row_of(v, axis, 5) for v in axis.ticks] == [0, 1, 2, 3, 4]
    assert row_of(PLAN_A_AT_ZERO, axis, 5) == 1  # the 1,000,000 row (956,200 is nearest to it)
    assert row_of(3_700_000, axis, 5) == 4


@pytest.mark.parametrize("top", [1, 99, 956_200, 3_700_000, 123_456_789])
@pytest.mark.parametrize("rows", [1, 2, 3, 5, 8, 12, 19, 30])
def test_every_axis_is_even_and_holds_its_values(top, rows):
    axis = y_axis(top, rows)
    steps = {b - a for a, b in pairwise(axis.ticks)}
    assert len(steps) <= 1 and axis.ticks[0] == 0
    assert str(next(iter(steps), 1)).strip("0") in ("1", "2", "5")  # 1, 2 or 5 × 10^k
    assert axis.high >= top and 1 <= len(axis.ticks) <= 8
    ticks_rows = [row_of(v, axis, rows) for v in axis.ticks]
    assert len(set(ticks_rows)) == len(ticks_rows) and all(0 <= r < rows for r in ticks_rows)
    for v in axis.ticks:  # each tick in the middle of its row
        assert (v - axis.low) * rows / (axis.high - axis.low) % 1 == Fraction(1, 2)


@run_async
async def test_at_80x24_the_labels_are_even_and_plan_a_starts_on_its_row(tariffs):
    app = NaccsApp(load_document(BROKER, tariffs), tariffs=tariffs)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chart(pilot)

        def labels() -> list[tuple[int, str]]:
            lines = screen_text(app).splitlines()
            return [(i, m.group(1)) for i, line in enumerate(lines) if (m := re.match(r"\s*([\d,]+) ┫", line))]

        await wait_for(pilot, lambda: len(labels()) >= 3, "the y labels")
        rows = labels()
        values = [int(v.replace(",", "")) for _, v in rows]
        assert values == sorted(values, reverse=True) and values[-1] == 0
        assert len({a - b for a, b in pairwise(values)}) == 1  # evenly spaced
        lines = screen_text(app).splitlines()
        start = next(i for i, _ in rows if BRAILLE.match(lines[i].split("┫", 1)[1][:1]))
        # the row where the plans' lines start (x = 0) is the one labelled 1,000,000
        assert dict(rows)[start] == "1,000,000", lines[start]
