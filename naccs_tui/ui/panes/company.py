"""CompanyPane: the company view of the plans tab, offices x units, each unit's plan (the cheaper
one marked), its break-even, and the company totals; shown only when there is more than one unit."""

from __future__ import annotations

from textual.containers import Vertical
from textual.reactive import reactive

from ...domain.company import UnitKind
from ...domain.company_quote import CompanyQuote
from ..sync import Synced


class CompanyPane(Synced, Vertical):
    """Follows the app's company quote and selected unit (bound); posts ``UnitChosen`` and
    ``CompanyEdited`` (a unit's plan), never changes state itself."""

    DEFAULT_CSS = "CompanyPane { height: auto; }"

    company_quote: reactive[CompanyQuote | None] = reactive(None, repaint=False)
    """The app's company quote (bound)."""
    unit: reactive[tuple[int, UnitKind]] = reactive((1, "netnaccs"), repaint=False)
    """The unit the other panes work on (bound)."""
    tax = reactive(False, repaint=False)
    """Totals include consumption tax (bound)."""
    months = reactive(12, repaint=False)
    """Horizon of the N-month total (bound)."""

    def __init__(self, company_quote: CompanyQuote, unit: tuple[int, UnitKind], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(CompanyPane.company_quote, company_quote)
        self.set_reactive(CompanyPane.unit, unit)
        self.display = len(company_quote.units) > 1

    def watch_company_quote(self) -> None:
        self.data_changed()

    def watch_unit(self) -> None:
        self.data_changed()

    def watch_tax(self) -> None:
        self.data_changed()

    def watch_months(self) -> None:
        self.data_changed()

    def sync(self, parts: set[str]) -> None:
        q = self.company_quote
        self.display = q is not None and len(q.units) > 1
