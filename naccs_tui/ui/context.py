"""What a dialog works from, handed to it when it opens (data down, never read from the app)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.costing import Quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs


@dataclass(frozen=True, slots=True)
class Context:
    """The app's state when a dialog opened: the scenario and its quote, the tariffs in use,
    the horizon and tax shown, the language and the scenario's file (None before the first save)."""

    scenario: Scenario
    tariffs: Tariffs
    quote: Quote
    months: int
    tax: bool
    lang: str
    path: Path | None
