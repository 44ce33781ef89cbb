"""No lost work: the app's side of the recovery files (ui/recovery.py).

Whenever the app ends with unsaved changes that the user did not throw away (Ctrl+Q, "quit
without saving"), they are written to the document's recovery file: after an unexpected error (the
app is unmounted all the same), when SIGTERM or SIGHUP arrives (its terminal closed; handled in
``leave_on_signals`` around ``App.run``), or when a browser tab of ``naccs-tui serve`` closes. The
command line then says where (``say_where``). A launch on a document that has a recovery file
offers to restore it (the document then has unsaved changes) or to discard it; Escape keeps it
for the next launch.

Late imports: the confirmation and error dialogs load only when a recovery file is offered back;
the first frame does not need them (start-up time).
"""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..domain.errors import InputError
from ..i18n import t
from ..render.errors import error_line
from . import recovery

if TYPE_CHECKING:
    from ..domain.company import Company
    from .host import AppHost


class RecoveryActions:
    """A mixin for ``NaccsApp`` (expects ``company``, ``path``, ``dirty``, ``tariffs``)."""

    recovery_offer: Path | None = None
    """A recovery file to offer when the app starts (set by ``launch.build_app``)."""
    recovery_written: Path | None = None
    """Where the unsaved document was written when the app ended."""
    recovery_problem: str | None = None
    """Why it could not be written (one line), if it could not."""
    discarded = False
    """The user chose to quit without saving: nothing to recover."""
    _recovered: tuple[Company, Path | None] | None = None

    def save_recovery(self) -> Path | None:
        """Write the unsaved document to its recovery file (once per state); None when there is
        nothing to keep. Never raises: a failure is kept in ``recovery_problem``."""
        app = cast("AppHost", self)
        if not app.dirty or self.discarded or app.access.read_only:  # read-only: nothing goes to disk
            return None
        state = (app.company, app.path)
        if state == self._recovered:
            return self.recovery_written
        try:
            self.recovery_written = recovery.write_recovery(*state)
        except InputError as exc:
            self.recovery_problem = error_line(exc)
            return None
        except Exception as exc:  # the last chance to keep the work: say why it failed, never crash here
            self.recovery_problem = f"{type(exc).__name__}: {exc}"
            return None
        self._recovered, self.recovery_problem = state, None
        return self.recovery_written

    def on_mount(self) -> None:
        if self.recovery_offer is not None:
            cast("AppHost", self).run_worker(self._offer_recovery(self.recovery_offer), group="file")

    def on_unmount(self) -> None:
        """The app is ending (a quit, an unexpected error, a signal, a closed browser tab)."""
        self.save_recovery()

    async def _offer_recovery(self, path: Path) -> None:
        from .screens.confirm import ConfirmScreen
        from .screens.error import ErrorScreen

        app = cast("AppHost", self)
        name = str(app.path) if app.path else t("file.untitled")
        answer = await app.push_screen_wait(
            ConfirmScreen(
                t("recovery.title"),
                t("recovery.question", name=name, when=recovery.written_at(path), path=str(path)),
                [("discard", t("recovery.discard"), "warning"), ("restore", t("recovery.restore"), "primary")],
                focus="restore",
            )
        )
        if answer == "restore":
            try:
                company = recovery.read_recovery(path, app.tariffs)
            except InputError as exc:  # kept: the user may look at it or mend it
                app.push_screen(ErrorScreen(t("recovery.unreadable"), error_line(exc)))
                return
            office, kind, _ = company.units()[0]
            app.set_company(company, (office, kind))
            app.dirty = True  # restored, not saved: Ctrl+S writes it to the file
            recovery.discard_recovery(path)
            app.notify(t("recovery.restored"))
        elif answer == "discard":
            recovery.discard_recovery(path)
            app.notify(t("recovery.discarded"))


GRACE = 3.0
"""Seconds the app has to end after SIGTERM/SIGHUP before the process ends without it: with its
terminal gone (SIGHUP), Textual's output thread cannot write and its shutdown waits for ever."""


@contextmanager
def leave_on_signals(app: RecoveryActions) -> Iterator[None]:
    """While the app runs, SIGTERM and SIGHUP (the terminal closed; not on Windows) write the
    unsaved document at once, then end the app with 128 + the signal's number (or, after GRACE
    seconds, the process). A second one of the same signal ends the process as if there were no
    handler."""
    timers: list[threading.Timer] = []

    def handler(signum: int, frame: object) -> None:
        signal.signal(signum, signal.SIG_DFL)
        app.save_recovery()
        timer = threading.Timer(GRACE, _end_now, (app, 128 + signum))
        timer.daemon = True
        timer.start()
        timers.append(timer)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not running yet or any more
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(functools.partial(cast("AppHost", app).exit, None, 128 + signum))

    wanted = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    before = {signum: signal.signal(signum, handler) for signum in wanted}
    try:
        yield
    finally:
        for timer in timers:
            timer.cancel()
        for signum, old in before.items():
            signal.signal(signum, old)


def _end_now(app: RecoveryActions, code: int) -> None:
    """The app did not end in time after a signal: the document is written already; say where
    (if anyone can still read it) and end the process."""
    say_where(app)
    os._exit(code)


def say_where(app: RecoveryActions) -> None:
    """One line on stderr, after the app has ended: where the unsaved document was written (or
    why it could not be). Nothing when there was nothing to keep."""
    if app.recovery_written is not None:
        line = t("recovery.written", path=str(app.recovery_written))
    elif app.recovery_problem is not None:
        line = t("recovery.failed", reason=app.recovery_problem)
    else:
        return
    try:
        sys.stderr.write(f"naccs-tui: {line}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # the terminal is gone (SIGHUP): the file is there all the same
        pass
