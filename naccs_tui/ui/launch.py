"""Start the TUI from parsed command-line arguments."""

from __future__ import annotations

from pathlib import Path


def build_app(args):
    """The app for ``naccs-tui [FILE] [--lang] [--tariffs]`` (not yet running).

    FILE (either schema: one unit, or a company of offices) is opened; without FILE the default scenario is used (internet + netNACCS, 1 terminal).
    A FILE that does not exist yet starts the default scenario, saved to FILE with Ctrl+S. A FILE
    that cannot be read or is invalid raises InputError (the CLI prints its line, exit 2). When
    unsaved changes of an earlier run were kept for the document (ui/recovery.py), the app offers
    them when it starts.
    """
    from ..domain.document import load_document, new_document
    from ..domain.tariffs import load_tariffs
    from .app import NaccsApp

    tariffs = load_tariffs(args.tariffs)
    path = Path(args.file).expanduser() if args.file else None
    is_new = path is not None and not path.exists()
    company = load_document(path, tariffs) if path is not None and not is_new else new_document()
    app = NaccsApp(company, tariffs=tariffs, path=path, lang=args.lang or "ja")
    app.new_file = is_new
    from .recovery import find_recovery

    app.recovery_offer = find_recovery(path)  # unsaved changes of an earlier run: offered back
    return app


def launch(args) -> int:
    from .restore import leave_on_signals, say_where

    app = build_app(args)
    with leave_on_signals(app):
        try:
            app.run()
        finally:
            app.save_recovery()  # already done when the app was unmounted; this is for an error in run()
    say_where(app)
    return app.return_code or 0
