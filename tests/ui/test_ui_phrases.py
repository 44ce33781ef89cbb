"""Every screen in Japanese keeps its words whole: each tab, the plans beside the tabs, the
company view, the help, compare, recommend, export, the navigator and its dialogs, and a toast,
at 80x24, 120x40 and 160x50 (every width from 80 to 160 with NACCS_TUI_SWEEP=1). Every text the
screens wrap (ui/linebreak.py, the plans' columns) is recorded and checked at the width it was
wrapped to and, for the sweep of widths 20-160, at each of them (phrase_rule.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import StableApp, layout_settled, run_async, settled, wait_for
from phrase_rule import bad_breaks
from textual.widgets import TabbedContent

from naccs_tui.domain.document import load_document
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.render import wrap as wrap_module
from naccs_tui.render.labels import refusal_text
from naccs_tui.ui import linebreak
from naccs_tui.ui.keys import TABS
from naccs_tui.ui.widgets import columns

FULL = os.environ.get("NACCS_TUI_SWEEP") == "1"
SIZES = [(w, 24 + (w - 80) * 26 // 80) for w in range(80, 161)] if FULL else [(80, 24), (120, 40), (160, 50)]
WIDTHS = range(20, 161) if FULL else (20, 31, 47, 76, 118, 160)
EXAMPLE = Path(__file__).parents[2] / "examples" / "multi-office-forwarder.toml"
DIALOGS = (
    ("f1", "HelpScreen"),
    ("f5", "CompareScreen"),
    ("f6", "RecommendScreen"),
    ("ctrl+e", "ExportScreen"),
    ("f4", "OfficesScreen"),
)


@pytest.fixture
def recorded(monkeypatch):
    """(text, width) of every wrap the screens ask for."""
    seen: set[tuple[str, int]] = set()

    def recording(text: str, width: int) -> list[str]:
        if wrap_module._CJK.search(text):
            seen.add((text, width))
        return wrap_module.wrap(text, width)

    monkeypatch.setattr(linebreak, "wrap", recording)
    monkeypatch.setattr(columns, "wrap", recording)
    return seen


async def _shown(pilot, what: str) -> None:
    await settled(pilot)  # the chart builds its plot in a worker
    await wait_for(pilot, lambda: layout_settled(pilot.app), f"{what} laid out")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@run_async
async def test_every_screen_keeps_its_words_whole(recorded, size):
    tariffs = load_tariffs()
    app = StableApp(load_document(EXAMPLE, tariffs), tariffs=tariffs, lang="ja")
    async with app.run_test(size=size, notifications=True) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        for tab in TABS:
            if tab == "plans" and size[0] >= 140:
                continue  # beside the tabs at this width (drawn with every tab)
            tabs.active = tab
            await wait_for(pilot, lambda tab=tab: tabs.active == tab and app.query(f"#{tab} > *"), f"tab {tab}")
            await _shown(pilot, f"tab {tab}")
        for key, dialog in DIALOGS:
            await pilot.press(key)
            await wait_for(pilot, lambda dialog=dialog: type(app.screen).__name__ == dialog, dialog)
            await _shown(pilot, dialog)
            if dialog == "OfficesScreen":  # its dialogs: a new office's name, then its prefecture
                await pilot.press("a")
                await wait_for(pilot, lambda: type(app.screen).__name__ == "NameScreen", "the name dialog")
                await _shown(pilot, "the name dialog")
                await pilot.press("escape")
                await wait_for(pilot, lambda dialog=dialog: type(app.screen).__name__ == dialog, dialog)
            await pilot.press("escape")
            await wait_for(pilot, lambda dialog=dialog: type(app.screen).__name__ != dialog, f"{dialog} closed")
        app.notify(refusal_text("unit_taken", {"office": 1, "kind": "general"}), severity="warning")
        await wait_for(pilot, lambda: app.screen.query("Toast"), "the toast")
        await _shown(pilot, "the toast")
    texts = {text for text, _ in recorded}
    assert len(texts) > 50  # every screen's texts, not a few
    bad = [f"{b}: {text[:40]}" for text, width in sorted(recorded) for b in bad_breaks(text, width)]
    bad += [f"{b}: {text[:40]}" for text in sorted(texts) for width in WIDTHS for b in bad_breaks(text, width)]
    assert bad == []
