"""Keep a scenario valid after the user changes the line or the method.

``scenario.combination_problem`` says what cannot go together; ``settle`` decides what to change
to fix it. The part the user just changed is kept; the other part follows. Each change made is
returned as a ``Fix`` so that the interface can say it in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .scenario import Scenario, combination_problem
from .tariffs import Tariffs

FixKind = Literal["method", "line", "router", "ping", "speed"]


@dataclass(frozen=True, slots=True)
class Fix:
    """One automatic change: what was changed (``kind``), from ``old`` to ``new``, and the line
    kind, speed and method it was made for."""

    kind: FixKind
    old: str
    new: str
    line_kind: str
    speed: str
    method: str


def settle(s: Scenario, tariffs: Tariffs, changed: Literal["line", "method"]) -> tuple[Scenario, list[Fix]]:
    """A valid scenario close to ``s`` and the fixes made to reach it."""
    fixes: list[Fix] = []
    for _ in range(8):
        problem = combination_problem(s, tariffs)
        if problem is None:
            break
        field = problem[0]
        kind, method, speed = s.line.kind, s.usage.method, s.line.speed
        if field == "usage.method" and changed == "line":
            new = "netnaccs" if kind == "internet" else "interactive"
            fixes.append(Fix("method", method, new, kind, speed, method))
            s = s.replace("usage", method=new)
        elif field == "usage.method":
            new = "dedicated" if method == "interactive" else "internet"
            fixes.append(Fix("line", kind, new, kind, speed, method))
            s = s.replace("line", kind=new)
        elif field == "line.router":
            fixes.append(Fix("router", s.line.router, "standard", kind, speed, method))
            s = s.replace("line", router="standard")
        elif field == "line.ping_monitoring":
            fixes.append(Fix("ping", "on", "off", kind, speed, method))
            s = s.replace("line", ping_monitoring=False)
        elif field == "line.speed":
            new = next(iter(tariffs.dedicated.speeds))
            fixes.append(Fix("speed", speed, new, kind, speed, method))
            s = s.replace("line", speed=new)
        else:  # a rule this module does not know: leave it to the domain's check
            break
    return s, fixes
