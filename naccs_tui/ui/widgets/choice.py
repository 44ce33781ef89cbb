"""Choice and Tick: a radio button and a checkbox whose glyph says whether they are on (◉ / ○,
X / blank), so that the choice reads without colour (NO_COLOR, monochrome terminals, a printed
screenshot)."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton

CHOSEN, NOT_CHOSEN = "◉", "○"


class Choice(RadioButton):
    """A RadioButton drawn with ◉ when chosen and ○ when not (Textual draws ● for both)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # a property where Textual has a class attribute
        return CHOSEN if self.value else NOT_CHOSEN


TICKED, NOT_TICKED = "X", " "


class Tick(Checkbox):
    """A Checkbox drawn with X when on and empty when off (Textual draws X for both and tells
    them apart by colour alone)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # a property where Textual has a class attribute
        return TICKED if self.value else NOT_TICKED
