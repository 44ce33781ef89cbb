"""Start the TUI from parsed command-line arguments."""

from __future__ import annotations

from pathlib import Path


def build_app(args):
    """The app for ``naccs-tui [FILE] [--lang] [--tariffs]`` (not yet running).

    FILE (either schema: one unit, or a company of offices) is opened; without FILE the default scenario is used (internet + netNACCS, 1 terminal).
    A FILE that does not exist yet starts the default scenario, saved to FILE with Ctrl+S. A FILE
    that cannot be read or is invalid raises InputError (the CLI prints its line, exit 2).
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
    return app


def launch(args) -> int:
    app = build_app(args)
    app.run()
    return app.return_code or 0
