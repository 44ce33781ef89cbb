"""Start the TUI from parsed command-line arguments."""

from __future__ import annotations


def launch(args) -> int:
    from ..domain.scenario import Scenario, load_scenario
    from ..domain.tariffs import load_tariffs
    from .app import NaccsApp

    tariffs = load_tariffs(args.tariffs)
    scenario = load_scenario(args.file, tariffs) if args.file else Scenario()
    app = NaccsApp(scenario=scenario, tariffs=tariffs, path=args.file, lang=args.lang)
    app.run()
    return app.return_code or 0
