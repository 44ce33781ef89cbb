"""File actions of the app: save, save as, open, and quitting with unsaved changes.

A mixin for ``NaccsApp`` so that app.py stays small. Every file problem is the domain's
``InputError`` and is shown as its one line (the same wording as the CLI); the scenario in the
app is never lost: a failed save leaves it dirty, a failed open leaves it untouched.

Nor is anyone else's work: the app notes the digest of its file's content when the file is
opened (or the app starts with it) and when it saves it. If the file holds something else when
Ctrl+S would write it (another window, an editor, a colleague on a shared folder saved it), the
user chooses: reload that version, overwrite it, or save under another name.

``access`` (access.py) may forbid all of it (read-only: the keys say why) or keep the paths typed
inside one folder (a served app).

Late imports: the dialogs (confirm, error, path) load when one is first opened; the first frame
does not need them (start-up time).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..domain.document import load_document, save_document
from ..domain.errors import InputError
from ..domain.files import content_digest
from ..i18n import t
from ..render.errors import error_line
from .access import UNLIMITED, Access

if TYPE_CHECKING:
    from .host import AppHost

DEFAULT_NAME = "naccs-scenario.toml"


class FileActions:
    """Save / save as / open / quit; expects ``company``, ``tariffs``, ``path`` and ``dirty``."""

    access: Access = UNLIMITED
    """What the file actions may do (set before the app runs; see access.py)."""
    _disk: str | None = None
    """Digest of the file's content as the app last read or wrote it (None: there was no file)."""

    def on_mount(self) -> None:
        """The file named on the command line was read just before: note what it holds."""
        path = cast("AppHost", self).path
        self._disk = self._digest(path) if path is not None else None

    @staticmethod
    def _digest(path: Path) -> str | None:
        try:
            return content_digest(path)
        except InputError:
            return "unreadable"  # not None: a file is there, and it is not what was read

    def changed_on_disk(self, path: Path) -> bool:
        """The file at ``path`` holds something else than the app last read or wrote there (a
        file that is gone is not a change: saving loses nothing)."""
        now = self._digest(path)
        return now is not None and now != self._disk

    def refused(self, what: str) -> bool:
        """Read-only: say why ``what`` (save, open, export) is off and return True."""
        if self.access.read_only:
            cast("AppHost", self).notify(t(f"access.no_{what}"), title=t("access.title"), severity="warning")
        return self.access.read_only

    def outside(self, path: Path) -> str | None:
        """The line saying that ``path`` lies outside the served folder, or None when allowed."""
        if self.access.allows(path):
            return None
        return t("access.outside", path=str(path), folder=str(self.access.root))

    def action_save(self) -> None:
        if not self.refused("save"):
            cast("AppHost", self).run_worker(self.save_flow(ask=False), group="file", exclusive=True)

    def action_save_as(self) -> None:
        if not self.refused("save"):
            cast("AppHost", self).run_worker(self.save_flow(ask=True), group="file", exclusive=True)

    def action_open(self) -> None:
        if not self.refused("open"):
            cast("AppHost", self).run_worker(self.open_flow(), group="file", exclusive=True)

    async def action_quit(self) -> None:
        app = cast("AppHost", self)
        if not app.dirty:
            app.exit(0)
            return
        if any(w.group == "file" and w.is_running for w in app.workers):
            return  # a file dialog is open: answer it first (Ctrl+Q must not stack another)
        app.run_worker(self.quit_flow(), group="file", exclusive=True)

    # ---- flows (run as workers so that they can wait for dialogs) -------------------------------
    async def save_flow(self, ask: bool) -> bool:
        """Save; ask for a path when there is none yet (or ``ask``); True when saved."""
        from .screens.confirm import ConfirmScreen
        from .screens.error import ErrorScreen
        from .screens.path import PathScreen

        app = cast("AppHost", self)
        if self.refused("save"):  # the quit dialog's "save" too
            return False
        path: Path | None = app.path
        if path is not None and not ask and self.changed_on_disk(path):
            answer = await app.push_screen_wait(
                ConfirmScreen(
                    t("file.changed_title"),
                    t("file.changed", path=str(path)) + (" " + t("file.changed_dirty") if app.dirty else ""),
                    [
                        ("reload", t("file.changed_reload"), "default"),
                        ("overwrite", t("file.changed_overwrite"), "warning"),
                        ("save_as", t("file.changed_save_as"), "primary"),
                        ("cancel", t("dialog.cancel"), "default"),
                    ],
                )
            )
            if answer == "reload":
                self.open_path(path)
                return False
            if answer == "save_as":
                return await self.save_flow(ask=True)
            if answer != "overwrite":
                return False
        if path is None or ask:
            typed = await app.push_screen_wait(PathScreen(t("file.save_title"), str(path or DEFAULT_NAME)))
            if not typed:
                return False
            path = Path(typed).expanduser()
            if refusal := self.outside(path):
                app.push_screen(ErrorScreen(t("file.save_failed"), refusal))
                return False
            if path.exists() and not path.is_dir():
                answer = await app.push_screen_wait(
                    ConfirmScreen(
                        t("file.overwrite_title"),
                        t("file.overwrite", path=str(path)),
                        [("overwrite", t("file.overwrite_yes"), "warning"), ("cancel", t("dialog.cancel"), "default")],
                    )
                )
                if answer != "overwrite":
                    return False

        try:
            save_document(app.company, path, overwrite=True)  # schema 1 whenever it says it all
        except InputError as exc:
            app.push_screen(ErrorScreen(t("file.save_failed"), error_line(exc)))
            return False
        self._disk = self._digest(path)
        app.path = path
        app.dirty = False
        app.update_title()
        app.notify(t("file.saved", path=str(path)))
        return True

    async def open_flow(self) -> None:
        from .screens.confirm import ConfirmScreen
        from .screens.path import PathScreen

        app = cast("AppHost", self)
        if app.dirty:  # as quitting asks: save first, or not, or stay
            answer = await app.push_screen_wait(
                ConfirmScreen(
                    t("file.quit_title"),
                    t("file.open_dirty"),
                    [
                        ("save", t("file.open_save"), "primary"),
                        ("discard", t("file.open_discard"), "warning"),
                        ("cancel", t("dialog.cancel"), "default"),
                    ],
                )
            )
            if answer != "discard" and not (answer == "save" and await self.save_flow(ask=False)):
                return
        typed = await app.push_screen_wait(PathScreen(t("file.open_title"), str(app.path or "")))
        if not typed:
            return
        if refusal := self.outside(Path(typed)):
            from .screens.error import ErrorScreen

            app.push_screen(ErrorScreen(t("file.open_failed"), refusal))
            return
        self.open_path(Path(typed).expanduser())

    def open_path(self, path: Path) -> bool:
        """Load ``path`` into the app; on any problem show its one line and change nothing."""
        from .screens.error import ErrorScreen

        app = cast("AppHost", self)
        try:
            disk = content_digest(path)  # before reading: a change in between is seen, not missed
            company = load_document(path, app.tariffs)  # schema 1 (one unit) or 2 (offices)
        except InputError as exc:
            app.push_screen(ErrorScreen(t("file.open_failed"), error_line(exc)))
            return False
        self._disk = disk
        office, kind, _ = company.units()[0]
        app.set_company(company, (office, kind))
        app.path = path
        app.dirty = False
        app.update_title()
        app.notify(t("file.opened", path=str(path)))
        return True

    async def quit_flow(self) -> None:
        from .screens.confirm import ConfirmScreen

        app = cast("AppHost", self)
        answer = await app.push_screen_wait(
            ConfirmScreen(
                t("file.quit_title"),
                t("access.quit_dirty" if self.access.read_only else "file.quit_dirty"),
                [
                    *([] if self.access.read_only else [("save", t("file.quit_save"), "primary")]),
                    ("discard", t("file.quit_discard"), "warning"),
                    ("cancel", t("dialog.cancel"), "default"),
                ],
            )
        )
        app.discarded = answer == "discard"  # thrown away on purpose: no recovery file
        if answer == "discard" or (answer == "save" and await self.save_flow(ask=False)):
            app.exit(0)
