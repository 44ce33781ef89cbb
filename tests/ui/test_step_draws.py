"""A slider step draws each shown pane once. The app sets its state's reactives one by one (the
company, the scenario, the quote, the company's quote), and a pane bound to several of them
hears each; it draws once, after the last (ui/sync.py, ``drawing_once``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import StableApp, focus, run_async
from test_step_layout import quiet, total_steps, volumes_tab
from test_step_quotes import moves

from naccs_tui.domain.document import load_document
from naccs_tui.ui.sync import Synced

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def counting_draws(monkeypatch) -> Counter[str]:
    """The panes' draws from now on, by the pane's id (or class)."""
    draws: Counter[str] = Counter()
    catch_up = Synced._catch_up

    def counted(self) -> None:
        draws[self.id or type(self).__name__] += 1
        catch_up(self)

    monkeypatch.setattr(Synced, "_catch_up", counted)
    return draws


@pytest.mark.parametrize("example", ["multi-office-forwarder.toml", "customs-broker.toml"])
@run_async
async def test_a_step_draws_each_shown_pane_once(example, tariffs, monkeypatch):
    app = StableApp(load_document(EXAMPLES / example, tariffs), tariffs=tariffs)
    async with app.run_test(size=(160, 50)) as pilot:  # the plans (and company view) beside the volumes
        master, row = await volumes_tab(pilot)
        await focus(pilot, row.slider)
        await quiet(pilot, "the footer to follow the focus")
        draws = counting_draws(monkeypatch)
        await moves(pilot, master, row, ["right"])
        assert draws["side-plans"] == 1 and draws["VolumesPane"] == 1, draws
        assert draws["side-company"] == (1 if example.startswith("multi") else 0), draws
        assert max(draws.values()) == 1, draws
        draws.clear()
        await focus(pilot, master.slider)
        await quiet(pilot, "the footer to follow the focus")
        draws.clear()
        await total_steps(pilot, master, ["right"])
        assert draws["side-plans"] == 1 and max(draws.values()) == 1, draws
