"""What a dialog works from, handed to it when it opens (data down, never read from the app)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.company import Company, UnitKind
from ..domain.costing import Quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs


@dataclass(frozen=True, slots=True)
class Context:
    """The app's state when a dialog opened: the selected unit as a scenario and its quote, the
    tariffs in use, the horizon and tax shown, the language, the file (None before the first
    save), and the whole company with the unit selected in it."""

    scenario: Scenario
    tariffs: Tariffs
    quote: Quote
    months: int
    tax: bool
    lang: str
    path: Path | None
    company: Company
    unit: tuple[int, UnitKind]
