"""Choice: a radio button whose glyph says whether it is chosen (◉ / ○), so that the chosen
option reads without colour (NO_COLOR, monochrome terminals, a printed screenshot)."""

from __future__ import annotations

from textual.widgets import RadioButton

CHOSEN, NOT_CHOSEN = "◉", "○"


class Choice(RadioButton):
    """A RadioButton drawn with ◉ when chosen and ○ when not (Textual draws ● for both)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # a property where Textual has a class attribute
        return CHOSEN if self.value else NOT_CHOSEN
