"""One exception type for every user-facing input error (file, field, reason).

Late imports: difflib loads only when a mistake is looked up for a suggestion, and pydantic_core
only when a validator raises a problem: ``naccs-tui serve --help`` loads this module without
pydantic (start-up time).
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin


class InputError(Exception):
    """A problem in something the user gave us, shown as one line: ``FILE: FIELD: reason``."""

    def __init__(
        self,
        source: str | Path | None,
        field: str | None,
        reason: str,
        *,
        code: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        self.source = str(source) if source is not None else None
        self.field = field or None
        self.reason = reason
        self.code = code
        """What kind of problem (pydantic's error type, or one of ours such as "file_not_found"),
        so that the interface can say it in the user's language; None: only ``reason``."""
        self.params = dict(params or {})
        """The figures the sentence needs (bounds, the value, the choices)."""
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.source, self.field) if p]
        return ": ".join([*parts, self.reason])


def problem(code: str, message: str, /, **params: Any) -> Exception:
    """A validation error for a pydantic validator to raise: its type is ``code`` (the InputError's
    code) and its context ``params`` (what the interface needs to say it in the user's language);
    ``message`` is the English reason, a template of the same params."""
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(code, message, params)


def pydantic_code(err: Any) -> tuple[str, dict[str, Any]]:
    """(code, params) of a pydantic error, for ``InputError``: its type and its context
    (the bounds ``ge``/``le``/``gt``/``lt``, ``max_length`` ...)."""
    params = {k: v for k, v in dict(err.get("ctx") or {}).items() if isinstance(v, (int, float, str))}
    code = str(err["type"])
    if code in ("model_type", "model_attributes_type", "dict_type"):
        code = "table_type"
    return code, params


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, or None."""
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix for the closest choice, or ''."""
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def unknown_value(what: str, value: object, choices: Iterable[object]) -> str:
    """``unknown speed '2M' (choose 64k, 128k, 1M)``, with a did-you-mean when one is close."""
    names = [str(c) for c in choices]
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    hint = " (write it without quotes)" if str(value) in names else did_you_mean(str(value), names)
    return f"unknown {what} {shown}{hint} (choose {', '.join(names)})"


def _unwrap(ann: Any) -> Any:
    """The type inside ``Annotated[...]`` and ``X | None``."""
    while True:
        origin = get_origin(ann)
        if origin is Annotated:
            ann = get_args(ann)[0]
        elif origin in (Union, types.UnionType):
            real = [a for a in get_args(ann) if a is not type(None)]
            if len(real) != 1:
                return ann
            ann = real[0]
        else:
            return ann


def literal_choices(model: type, loc: Iterable[int | str]) -> tuple[object, ...]:
    """The values a ``Literal`` field of a pydantic model allows, found by an error's location.

    ``loc`` is pydantic's (field names or aliases, list indexes, and ``"[key]"`` for a table's key);
    the result is empty when the location is not a Literal (the caller keeps pydantic's wording).
    """
    parts = tuple(loc)
    if parts[-1:] == ("[key]",):  # (..., table, the key itself, "[key]")
        parts = (*parts[:-2], "[key]")
    ann: Any = model
    for part in parts:
        ann = _unwrap(ann)
        fields = getattr(ann, "model_fields", None)
        if isinstance(ann, type) and fields is not None:
            named = {**{f.alias: f for f in fields.values() if f.alias}, **fields}
            if str(part) not in named:
                return ()
            ann = named[str(part)].annotation
        elif get_origin(ann) is dict:
            key, value = get_args(ann)
            ann = key if part == "[key]" else value
        elif get_origin(ann) is tuple:
            ann = get_args(ann)[0]
        else:
            return ()
    ann = _unwrap(ann)
    return get_args(ann) if get_origin(ann) is Literal else ()


def unknown_value_params(what: str, value: object, choices: Iterable[object]) -> dict[str, Any]:
    """The params of an "unknown_value" InputError (the same facts as ``unknown_value``)."""
    names = [str(c) for c in choices]
    return {
        "what": what,
        "value": repr(value)[:40],
        "choices": ", ".join(names),
        "suggestion": closest(str(value), names),
    }


def literal_message(model: type, loc: tuple[int | str, ...], value: object) -> tuple[str, str] | None:
    """(field path, reason) for a pydantic ``literal_error``: the value and the valid choices.

    A table's key names the table (``dedicated.classes: unknown key 'mid' (choose low, high)``).
    """
    choices = literal_choices(model, loc)
    if not choices:
        return None
    if loc and loc[-1] == "[key]":
        return field_path(loc[:-2]), unknown_value("key", value, choices)
    return field_path(loc), unknown_value(str(loc[-1]), value, choices)


def field_path(loc: Iterable[object]) -> str:
    """Turn a pydantic error location into a dotted TOML path."""
    out: list[str] = []
    for part in loc:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(("." if out else "") + str(part))
    return "".join(out)
