"""What the app's mixins (files.py, restore.py, keeper.py, tabs.py, language.py, apply_flow.py)
may use of the app they are mixed into: a small typed interface, so that they need not import the
app (which imports them) and the type checker still holds them to it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from ..domain.company import Company, UnitKind
from ..domain.company_edit import EditRefused
from ..domain.company_quote import CompanyQuote
from ..domain.costing import Quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from .access import Access
from .context import Context
from .state import State


class AppHost(Protocol):
    """The app as the file flows see it: the document, its file, whether it is saved, what the
    file actions may do, and the Textual calls they make (dialogs, notices, workers, exit)."""

    company: Company
    path: Path | None
    dirty: bool
    tariffs: Tariffs
    access: Access
    discarded: bool
    """The user chose to quit without saving (restore.py: no recovery file then)."""
    workers: Any
    """Textual's worker manager (a file dialog already running is not stacked)."""

    def set_company(self, company: Company, unit: tuple[int, UnitKind] | None = None) -> None: ...

    def update_title(self) -> None: ...

    def save_recovery(self) -> Path | None: ...

    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None
    ) -> None: ...

    def push_screen(self, screen: Any, callback: Callable[[Any], Any] | None = None) -> Any: ...

    def push_screen_wait(self, screen: Any) -> Awaitable[Any]: ...

    def run_worker(self, work: Any, *, group: str = "default", exclusive: bool = False) -> Any: ...

    def exit(self, result: Any = None, return_code: int = 0) -> None: ...


class MainHost(AppHost, Protocol):
    """The app as its state, tabs, language and recommendation mixins see it: the state and the
    reactives that mirror it, the tabs, and the Textual calls they make."""

    _state: State
    scenario: Scenario
    unit: tuple[int, UnitKind]
    quote: Quote | None
    mix: dict[str, int] | None
    company_quote: CompanyQuote | None
    tax: bool
    months: int
    lang: str
    _tab: str
    size: Any
    screen: Any
    default_screen: Any
    focused: Any

    def context(self) -> Context: ...

    def _set_state(self, new: State) -> None: ...

    def _refused(self, exc: EditRefused) -> None: ...

    def _fit_width(self, width: int | None = None) -> None: ...

    def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

    def query(self, selector: Any = None) -> Any: ...

    def set_reactive(self, reactive: Any, value: Any) -> None: ...

    def mutate_reactive(self, reactive: Any) -> None: ...

    def refresh_bindings(self) -> None: ...

    def recompose(self) -> Awaitable[None]: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...
