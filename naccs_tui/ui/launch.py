"""Start the TUI from parsed command-line arguments."""

from __future__ import annotations

from pathlib import Path


def build_app(args):
    """The app for ``naccs-tui [FILE] [--lang] [--tariffs] [--read-only] [--root FOLDER]`` (not yet running).

    FILE (either schema: one unit, or a company of offices) is opened; without FILE the default scenario is used (internet + netNACCS, 1 terminal).
    A FILE that does not exist yet starts the default scenario, saved to FILE with Ctrl+S. A FILE
    that cannot be read or is invalid raises InputError (the CLI prints its line, exit 2).
    ``--read-only`` and ``--root`` set what the file actions may do (access.py).
    """
    from ..domain.company import Company
    from ..domain.scenario import Scenario, load_document
    from ..domain.tariffs import load_tariffs
    from .app import NaccsApp

    tariffs = load_tariffs(args.tariffs)
    path = Path(args.file).expanduser() if args.file else None
    is_new = path is not None and not path.exists()
    if is_new and getattr(args, "read_only", False):
        from ..domain.errors import InputError
        from ..i18n import t

        raise InputError(str(path), None, t("access.missing"))
    doc = load_document(path, tariffs) if path is not None and not is_new else Scenario()
    company = doc if isinstance(doc, Company) else None
    scenario = doc if isinstance(doc, Scenario) else None
    app = NaccsApp(scenario=scenario, company=company, tariffs=tariffs, path=path, lang=args.lang or "ja")
    app.new_file = is_new
    app.access = _access(args, path)
    return app


def _access(args, path: Path | None):
    """What the file actions may do (access.py); without the options (as the tests build it): anything."""
    from .access import Access

    root = getattr(args, "root", None)
    return Access(
        read_only=bool(getattr(args, "read_only", False)),
        root=Path(root).expanduser().resolve() if root else None,
        file=path,
    )


def launch(args) -> int:
    app = build_app(args)  # reads FILE and the tariffs (or fails with one line)
    if app.access.read_only:
        from .access import forbid_writes

        forbid_writes()  # before the app runs: nothing it does can write a file
    app.run()
    return app.return_code or 0
