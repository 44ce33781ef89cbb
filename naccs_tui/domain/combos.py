"""Keep a scenario valid after the user changes the line or the method.

``scenario.combination_problem`` says what cannot go together; ``settle`` decides what to change
to fix it. The part the user just changed is kept; the other part follows. Each change made is
returned as a ``Fix`` so that the interface can say it in the user's language. A line that a
method change replaced can be given back (``put_away``): the method changed back takes it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .scenario import Line, Scenario, combination_problem
from .tariffs import Tariffs

FixKind = Literal["method", "line", "line_back", "router", "ping", "speed"]


@dataclass(frozen=True, slots=True)
class Fix:
    """One automatic change: what was changed (``kind``), from ``old`` to ``new``, and the line
    kind, speed and method it was made for. ``line``: for "line", the line replaced when it had
    options to remember (not the internet line); for "line_back", the line taken back."""

    kind: FixKind
    old: str
    new: str
    line_kind: str
    speed: str
    method: str
    line: Line | None = None


def settle(
    s: Scenario, tariffs: Tariffs, changed: Literal["line", "method"], put_away: Line | None = None
) -> tuple[Scenario, list[Fix]]:
    """A valid scenario close to ``s`` and the fixes made to reach it. ``put_away``: the line an
    earlier method change replaced; a method that cannot use the line in ``s`` but can use that
    one takes it back whole (speed, router, maintenance, monitoring, number of lines)."""
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
            back = s.model_copy(update={"line": put_away}) if put_away is not None else None
            if back is not None and put_away is not None and combination_problem(back, tariffs) is None:
                fixes.append(Fix("line_back", kind, put_away.kind, kind, speed, method, put_away))
                s, put_away = back, None
                continue
            new = "dedicated" if method == "interactive" else "internet"
            fixes.append(Fix("line", kind, new, kind, speed, method, s.line if kind != "internet" else None))
            # the internet line has no options: the line's options go with it (and come back with it)
            s = s.model_copy(update={"line": Line()}) if new == "internet" else s.replace("line", kind=new)
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
