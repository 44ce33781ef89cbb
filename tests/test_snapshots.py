"""Snapshot tests of the shell's main states at 80×24 and 120×40, in ja and en.

Stability (DESIGN.md): a fixed theme, animations off, no cursor blink (``StableApp``), a fixed
"today" and clean XDG folders (conftest), and an explicit terminal size on every shot.
Update with ``pytest tests/test_snapshots.py --snapshot-update`` and look at every new SVG.
"""

from __future__ import annotations

import pytest

from naccs_tui.domain.scenario import Scenario
from naccs_tui.ui.app import NaccsApp


class StableApp(NaccsApp):
    """NaccsApp with the settings that make a screenshot repeatable."""

    CURSOR_BLINK = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.animation_level = "none"
        self.theme = "textual-dark"


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
    # (id, scenario, language, terminal size, keys pressed before the shot)
    ("default-ja-80x24", None, "ja", (80, 24), []),
    ("dedicated-en-80x24", DEDICATED, "en", (80, 24), []),
    ("save-prompt-ja-80x24", WEB, "ja", (80, 24), ["ctrl+s"]),
    ("broadband-ja-120x40", ADSL, "ja", (120, 40), []),
    ("help-en-120x40", None, "en", (120, 40), ["f1"]),
    ("too-small-ja-40x12", None, "ja", (40, 12), []),
]


@pytest.mark.parametrize(("scenario", "lang", "size", "press"), [pytest.param(*s[1:], id=s[0]) for s in STATES])
def test_shell_snapshot(snap_compare, scenario, lang, size, press):
    app = StableApp(scenario=scenario, lang=lang)
    assert snap_compare(app, terminal_size=size, press=press)
