"""The terminals what-if in words: with the current volumes, up to how many terminals Plan A stays
cheaper (each terminal adds Plan A's basic fee). The quote (text, Markdown, JSON) and the plans
pane take it from here.

Late imports: the report blocks (render/report_blocks.py, some thirty dataclasses that Python 3.11
is slow to build) load when a report is built; the TUI's panes use these sentences on their
first frame without one (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..domain.year import terminals_a_cheaper
from ..i18n import t
from .labels import yen

if TYPE_CHECKING:  # the report blocks: imported when a report is made (not at the app's start)
    from .report_blocks import TerminalsWhatIf

MOST = 999
"""The most terminals a file takes (scenario.Count)."""


def terminals_text(most: int | None, now: int, basic: int, lang: str | None = None) -> str:
    if most is None:
        return t("whatif.terminals_any", lang)
    if most <= 0:
        return t("whatif.terminals_none", lang, yen=yen(basic))
    key = "whatif.terminals_most" if most >= MOST else "whatif.terminals"
    return t(key, lang, n=min(most, MOST), now=now, yen=yen(basic))


def terminals_block(s: Scenario, tariffs: Tariffs, lang: str | None = None) -> TerminalsWhatIf:
    """The what-if as data: the terminals now, the most with which Plan A is still cheaper (None:
    any number, Plan A's basic fee being 0), the basic fee per terminal and the sentence."""
    from .report_blocks import TerminalsWhatIf

    most = terminals_a_cheaper(s, tariffs)
    basic = tariffs.plans.basic_fee_a_per_terminal
    return TerminalsWhatIf(s.usage.terminals, most, basic, terminals_text(most, s.usage.terminals, basic, lang))
