"""Start the TUI from parsed command-line arguments.

The command line imports this module only to start the TUI (cli.main), so what it imports at the
top is what the first frame needs anyway.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.document import load_document, new_document
from ..domain.errors import InputError
from ..domain.tariffs import load_tariffs
from ..i18n import t
from .access import Access, forbid_writes
from .app import NaccsApp
from .recovery import find_recovery
from .restore import leave_on_signals, say_where


def build_app(args):
    """The app for ``naccs-tui [FILE] [--lang] [--tariffs] [--read-only] [--root FOLDER]`` (not yet running).

    FILE (either schema: one unit, or a company of offices) is opened; without FILE the default scenario is used (internet + netNACCS, 1 terminal).
    A FILE that does not exist yet starts the default scenario, saved to FILE with Ctrl+S. A FILE
    that cannot be read or is invalid raises InputError (the CLI prints its line, exit 2). When
    unsaved changes of an earlier run were kept for the document (ui/recovery.py), the app offers
    them when it starts. ``--read-only`` and ``--root`` set what the file actions may do (access.py).
    """
    tariffs = load_tariffs(args.tariffs)
    path = Path(args.file).expanduser() if args.file else None
    is_new = path is not None and not path.exists()
    if is_new and getattr(args, "read_only", False):
        raise InputError(str(path), None, t("access.missing"))
    company = load_document(path, tariffs) if path is not None and not is_new else new_document()
    app = NaccsApp(company, tariffs=tariffs, path=path, lang=args.lang or "ja")
    app.new_file = is_new
    app.access = _access(args, path)
    if not app.access.read_only:  # a read-only app keeps nothing on disk, recovery files neither
        app.recovery_offer = find_recovery(path)  # unsaved changes of an earlier run: offered back
    return app


def _access(args, path: Path | None):
    """What the file actions may do (access.py); without the options (as the tests build it): anything."""
    root = getattr(args, "root", None)
    return Access(
        read_only=bool(getattr(args, "read_only", False)),
        root=Path(root).expanduser().resolve() if root else None,
        file=path,
    )


def launch(args) -> int:
    app = build_app(args)  # reads FILE and the tariffs (or fails with one line)
    if app.access.read_only:
        forbid_writes()  # before the app runs: nothing it does can write a file
    with leave_on_signals(app):
        try:
            app.run()
        finally:
            app.save_recovery()  # already done when the app was unmounted; this is for an error in run()
    say_where(app)
    return app.return_code or 0
