"""One exception type for every user-facing input error (file, field, reason)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class InputError(Exception):
    """A problem in something the user gave us, shown as one line: ``FILE: FIELD: reason``."""

    def __init__(self, source: str | Path | None, field: str | None, reason: str) -> None:
        self.source = str(source) if source is not None else None
        self.field = field or None
        self.reason = reason
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.source, self.field) if p]
        return ": ".join([*parts, self.reason])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix for the closest choice, or ''."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def field_path(loc: Iterable[object]) -> str:
    """Turn a pydantic error location into a dotted TOML path."""
    out: list[str] = []
    for part in loc:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(("." if out else "") + str(part))
    return "".join(out)
