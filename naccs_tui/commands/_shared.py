"""Helpers shared by the command modules."""

from __future__ import annotations

import sys

from ..domain.scenario import Scenario, load_scenario
from ..domain.tariffs import Tariffs, load_tariffs


def tariffs_from(args) -> Tariffs:
    return load_tariffs(args.tariffs)


def scenario_from(path: str, tariffs: Tariffs) -> Scenario:
    return load_scenario(path, tariffs)


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
