"""Snapshot tests of the shell's main states and of the core tabs at 80×24 and 120×40, in ja and en.

Stability (DESIGN.md): a fixed theme, animations off, no cursor blink (``helpers.StableApp``), a fixed
"today" and clean XDG folders (conftest), and an explicit terminal size on every shot. Every shot
is taken once the screen is complete — a condition read from the terminal's text (``run_before``),
never after a number of pauses.
Update with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at every new SVG.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    StableApp,
    shown,
    text_of,
    volumes_laid_out,
    wait_for,
    wait_for_dialog,
    wait_for_screen_text,
    wait_until_drawn,
)
from textual.widgets import TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario, load_scenario
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.i18n import t
from naccs_tui.ui.app import MIN_SIZE
from naccs_tui.ui.panes.plans import PlansPane
from naccs_tui.ui.screens.help import HelpScreen
from naccs_tui.ui.screens.path import PathScreen
from naccs_tui.ui.widgets.slider import MARKER

EXAMPLE = Path(__file__).parents[2] / "examples" / "customs-broker.toml"


async def shell_ready(pilot, *summary: str) -> None:
    """The main screen is complete: the setup tab shows its content, and the terminal shows the
    title, the tab bar, the summary bar (its two plans, unless ``summary`` names what it shows)
    and the footer's keys."""
    app = pilot.app

    def setup_shown() -> bool:
        laid_out = app.query_one("#traits").region.area > 0
        return laid_out and all(shown(app, part).strip() for part in ("#traits", "#method-info"))

    await wait_for(pilot, setup_shown, "the setup tab to show its content")
    summary = summary or (t("plan.A"), t("plan.B"))
    await wait_for_screen_text(pilot, t("app.title"), t("tab.setup"), *summary, t("key.help"))


async def too_small_ready(pilot) -> None:
    """Only the too-small message is shown, laid out."""
    app = pilot.app
    message = app.query_one("#too-small")
    await wait_for(pilot, lambda: message.display and message.region.area > 0, "the too-small message")
    first_line = text_of(message).strip().splitlines()[0].strip()
    await wait_for_screen_text(pilot, first_line, what="the message on the terminal")


# ---- the shell ----------------------------------------------------------------------------------
DEDICATED = (
    Scenario()
    .replace("line", kind="dedicated", speed="3M", router="redundant", maintenance="24x365", lines=2)
    .replace("usage", method="interactive")
)
ADSL = (
    Scenario().replace("line", kind="broadband", medium="adsl", router="spare").replace("usage", method="interactive")
)
WEB = Scenario().replace("usage", method="webnaccs")


STATES = [
    # (id, scenario, language, terminal size, key pressed before the shot and the dialog it opens)
    ("default-ja-80x24", None, "ja", (80, 24), None),
    ("dedicated-en-80x24", DEDICATED, "en", (80, 24), None),
    ("save-prompt-ja-80x24", WEB, "ja", (80, 24), ("ctrl+s", PathScreen)),
    ("broadband-ja-120x40", ADSL, "ja", (120, 40), None),
    ("help-en-120x40", None, "en", (120, 40), ("f1", HelpScreen)),
    ("help-ja-120x40", None, "ja", (120, 40), ("f1", HelpScreen)),
    ("too-small-ja-40x12", None, "ja", (40, 12), None),
]


@pytest.mark.parametrize(("scenario", "lang", "size", "press"), [pytest.param(*s[1:], id=s[0]) for s in STATES])
def test_shell_snapshot(snap_compare, scenario, lang, size, press):
    async def run_before(pilot) -> None:
        if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
            await too_small_ready(pilot)
            return
        await shell_ready(pilot)
        if press:
            key, dialog = press
            await pilot.press(key)
            screen = await wait_for_dialog(pilot, dialog)
            # laid out, and on the terminal from its title to its closing hint, over the main screen
            parts = [screen.query_one(".dialog-title"), screen.query_one(".dialog-hint")]
            await wait_for(pilot, lambda: all(part.region.area for part in parts), "the dialog laid out")
            first_lines = [text_of(part).strip().splitlines()[0] for part in parts]
            await wait_for_screen_text(pilot, *first_lines, what=f"the {dialog.__name__} on the terminal")

    app = StableApp(from_scenario(scenario) if scenario else None, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


# ---- the core tabs: volumes and plans ------------------------------------------------------------
# A realistic plan (examples/customs-broker.toml, with the bundled tariffs): dedicated 1M, three
# terminals, five operations with volumes; Plan A pays from about a thousand transactions a month.
async def volumes_ready(pilot) -> None:
    """The volumes tab is complete: laid out for its width, the master legend says where Plan A
    starts to pay (the break-even marker), and the legend and the scale under the master slider
    are on the terminal in the final layout."""
    app = pilot.app
    await wait_for(pilot, lambda: volumes_laid_out(app), "the volumes tab laid out for its width")

    def legend() -> str:
        return text_of(app.query_one("#master-legend")).strip()

    await wait_for(pilot, lambda: MARKER in legend(), "the master legend to show the break-even")
    await wait_until_drawn(pilot, lambda: [legend(), "100k", "1M"], "the legend and the scale on the terminal")
    assert volumes_laid_out(app)


async def plans_ready(pilot) -> None:
    """The plans tab is complete: the sheet is laid out at the width it has in the final layout
    (beside the scroll bar it needs) and its first lines are on the terminal."""
    app = pilot.app

    def first_lines() -> list[str]:
        lines = text_of(app.query_one(PlansPane).view).splitlines()
        return [line.strip() for line in lines if line.strip()][:4]

    await wait_until_drawn(pilot, first_lines, "the first lines of the sheet on the terminal")


READY = {"volumes": volumes_ready, "plans": plans_ready}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("tab", ["volumes", "plans"])
def test_core_tab_snapshot(snap_compare, tab, size, lang):
    tariffs = load_tariffs()
    scenario = load_scenario(EXAMPLE, tariffs)

    async def run_before(pilot) -> None:
        await shell_ready(pilot)
        pilot.app.query_one(TabbedContent).active = tab
        await READY[tab](pilot)

    app = StableApp(from_scenario(scenario), tariffs=tariffs, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
