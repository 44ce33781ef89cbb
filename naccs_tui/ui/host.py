"""What the file and recovery flows (files.py, restore.py: mixins of the app) may use of the app
they are mixed into: a small typed interface, so that they need not import the app (which imports
them) and the type checker still holds them to it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from ..domain.company import Company, UnitKind
from ..domain.tariffs import Tariffs
from .access import Access


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

    def set_company(self, company: Company, unit: tuple[int, UnitKind] | None = None) -> None: ...

    def update_title(self) -> None: ...

    def save_recovery(self) -> Path | None: ...

    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None
    ) -> None: ...

    def push_screen(self, screen: Any, callback: Callable[[Any], Any] | None = None) -> Any: ...

    def push_screen_wait(self, screen: Any) -> Awaitable[Any]: ...

    def run_worker(self, work: Any, *, group: str = "default") -> Any: ...

    def exit(self, result: Any = None, return_code: int = 0) -> None: ...
