"""禁則処理 on every screen: in Japanese, at 80, 120 and 160 columns, no line of any tab, dialog or
toast starts with closing punctuation or a small kana (the line breaking of ui/linebreak.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import StableApp, layout_settled, run_async, settled, wait_for
from textual.geometry import Region
from textual.widgets import TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import load_scenario
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.render.wrap import NO_START
from naccs_tui.ui.keys import TABS

EXAMPLE = Path(__file__).parents[2] / "examples" / "customs-broker.toml"
JAPANESE_NO_START = {ch for ch in NO_START if ord(ch) > 0x7F}  # ASCII ':' '.' are glyphs here
BORDERS = " │┃║▏▕▐▌█▎▊▍▋▉▔▁▀▄╹╻╸╺━─┊┆"


def bad_lines(app) -> list[str]:
    """Continuation lines of the visible widgets (a line the text was broken onto) whose first
    character, after borders and spaces, may not start a line."""
    out = []
    for widget in app.screen.query("*"):
        if widget.children or not widget.display or not widget.region.area:
            continue
        try:
            strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
        except Exception:
            continue
        for strip in strips[1:]:
            text = strip.text.lstrip(BORDERS)
            if text and text[0] in JAPANESE_NO_START:
                out.append(f"{type(widget).__name__}: {strip.text.strip()}")
    return out


@pytest.mark.parametrize("width", [80, 120, 160])
@run_async
async def test_no_japanese_line_starts_with_closing_punctuation(width):
    tariffs = load_tariffs()
    app = StableApp(from_scenario(load_scenario(EXAMPLE, tariffs)), tariffs=tariffs, lang="ja")
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        problems: list[str] = []
        for tab in TABS:
            if tab == "plans" and width >= 140:
                continue  # beside the tabs at this width
            tabs.active = tab
            await wait_for(pilot, lambda tab=tab: tabs.active == tab and app.query(f"#{tab} > *"), f"tab {tab}")
            await settled(pilot)  # the chart builds its plot in a worker
            await wait_for(pilot, lambda: layout_settled(app), f"tab {tab} laid out")
            problems += [f"{tab}: {line}" for line in bad_lines(app)]
        for key, dialog in (("f1", "HelpScreen"), ("f5", "CompareScreen"), ("f6", "RecommendScreen")):
            await pilot.press(key)
            await wait_for(pilot, lambda dialog=dialog: type(app.screen).__name__ == dialog, dialog)
            await wait_for(pilot, lambda: layout_settled(app), f"{dialog} laid out")
            problems += [f"{dialog}: {line}" for line in bad_lines(app)]
            await pilot.press("escape")
            await wait_for(pilot, lambda dialog=dialog: type(app.screen).__name__ != dialog, f"{dialog} closed")
        app.notify(
            "専用線・ブロードバンド回線はNACCS網にだけつながり、インターネットには使えません。"
            "回線料金は案内にある「一般接続」の場合です。"
        )
        await wait_for(pilot, lambda: app.screen.query("Toast"), "the toast")
        await wait_for(pilot, lambda: layout_settled(app), "the toast laid out")
        problems += [f"toast: {line}" for line in bad_lines(app)]
        assert problems == []
