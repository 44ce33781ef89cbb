"""Keep a scenario valid after the user changes the line or the method.

The domain says what cannot go together (``combination_problem``); this module decides what the
UI changes to fix it, and says so in a sentence for a notification. The part the user just
changed is kept; the other part follows.
"""

from __future__ import annotations

from typing import Literal

from ..domain.scenario import Scenario, combination_problem
from ..domain.tariffs import Tariffs
from ..i18n import t


def settle(s: Scenario, tariffs: Tariffs, changed: Literal["line", "method"]) -> tuple[Scenario, list[str]]:
    """A valid scenario close to ``s`` and the notes that explain each change made."""
    notes: list[str] = []
    for _ in range(8):
        problem = combination_problem(s, tariffs)
        if problem is None:
            break
        field = problem[0]
        kind, method = s.line.kind, s.usage.method
        if field == "usage.method" and changed == "line":
            new = "netnaccs" if kind == "internet" else "interactive"
            notes.append(t("fix.method", kind=t(f"kind.{kind}"), old=t(f"method.{method}"), new=t(f"method.{new}")))
            s = s.replace("usage", method=new)
        elif field == "usage.method":
            new = "dedicated" if method == "interactive" else "internet"
            notes.append(t("fix.line", method=t(f"method.{method}"), old=t(f"kind.{kind}"), new=t(f"kind.{new}")))
            s = s.replace("line", kind=new)
        elif field == "line.router":
            where = t(f"kind.{kind}") + (f" {s.line.speed}" if kind == "dedicated" else "")
            notes.append(t("fix.router", where=where))
            s = s.replace("line", router="standard")
        elif field == "line.ping_monitoring":
            notes.append(t("fix.ping", kind=t(f"kind.{kind}")))
            s = s.replace("line", ping_monitoring=False)
        elif field == "line.speed":
            speed = next(iter(tariffs.dedicated.speeds))
            notes.append(t("fix.speed", old=s.line.speed, new=speed))
            s = s.replace("line", speed=speed)
        else:  # a rule this module does not know: leave it to the domain's check
            break
    return s, notes
