"""A slider step quotes each unit at most once: the unit it moves, and no other (the others keep
their quotes); the selected unit's figures are the company quote's, never quoted a second time."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import StableApp, focus, run_async
from test_step_layout import quiet, step, total_steps, volumes_tab

from naccs_tui.domain import company_quote as company_quote_module
from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.costing import quote
from naccs_tui.domain.document import load_document
from naccs_tui.domain.scenario import Scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


async def moves(pilot, master, row, keys: list[str]) -> None:
    """Press each key on ``row``'s slider and wait until its count and the total show the change."""
    app = pilot.app
    for key in keys:
        before = app.scenario.volumes.get(row.key)

        def done(before: int | None = before) -> bool:
            now = app.scenario.volumes.get(row.key)
            total = sum(app.scenario.volumes.values())
            return now != before and row.field.value == str(now) and master.field.value == str(total)

        await step(pilot, key, done)


def counting(monkeypatch) -> list[object]:
    """Every quote() the engine makes from now on (the company's quote is where units are quoted)."""
    calls: list[object] = []

    def counted(s, t):
        calls.append(s)
        return quote(s, t)

    monkeypatch.setattr(company_quote_module, "quote", counted)
    return calls


@pytest.mark.parametrize("example", ["multi-office-forwarder.toml", "customs-broker.toml"])
@run_async
async def test_a_step_quotes_the_unit_it_moves_once(example, tariffs, monkeypatch):
    company = load_document(EXAMPLES / example, tariffs)
    app = StableApp(company, tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        await quiet(pilot, "the footer to follow the focus")
        calls = counting(monkeypatch)
        await moves(pilot, master, row, ["right", "left"])
        assert len(calls) == 2, "each step quoted more than the one unit it moved"
        calls.clear()
        await focus(pilot, master.slider)
        await quiet(pilot, "the footer to follow the focus")
        await total_steps(pilot, master, ["right", "left"])
        assert len(calls) == 2, "each step of the total quoted more than the one unit it moved"


@run_async
async def test_a_one_unit_company_shows_the_quote_with_its_options(tariffs):
    s = Scenario.model_validate(
        {"usage": {"user_codes": 3, "paid_statistics": True, "bonded_storage": True}, "volumes": {"EDA": 40}}
    )
    app = StableApp(from_scenario(s), tariffs=tariffs)
    async with app.run_test(size=(80, 24)):
        assert app.quote == quote(s, tariffs)
        assert app.quote is not None and app.quote.a.options == 3 * 1_000 * 2  # 2 options × 3 user codes
