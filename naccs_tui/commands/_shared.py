"""Helpers shared by the command modules.

The domain (pydantic models) is imported when a command runs, not when its module is imported:
`naccs-tui COMMAND --help` and usage errors answer without loading it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.scenario import Scenario
    from ..domain.tariffs import Tariffs


def tariffs_from(args) -> Tariffs:
    from ..domain.tariffs import load_tariffs

    return load_tariffs(args.tariffs)


def scenario_from(path: str, tariffs: Tariffs) -> Scenario:
    from ..domain.scenario import load_scenario

    return load_scenario(path, tariffs)


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
