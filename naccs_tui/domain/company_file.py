"""A company's file (schema 2): validation with errors that name the path into the offices
(``office[2].netnaccs.terminals``) and picking one unit by ``--office NAME --unit KIND``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import ValidationError

from .company import Company, UnitKind
from .errors import (
    InputError,
    closest,
    did_you_mean,
    field_path,
    literal_choices,
    literal_message,
    pydantic_code,
    unknown_value,
    unknown_value_params,
)
from .tariffs import Tariffs

_HINTS = {  # a key of schema 1, or of the other unit, where schema 2 does not take it: (code, hint)
    ("line",): ("schema2_line", " (in schema 2 a line belongs to a unit: [office.general.line])"),
    ("usage",): (
        "schema2_usage",
        " (in schema 2 terminals belong to a unit and user codes to an office: [[office]])",
    ),
    ("volumes",): (
        "schema2_volumes",
        " (in schema 2 volumes belong to a unit: [office.general.volumes], [office.netnaccs.volumes])",
    ),
    ("season",): ("schema2_season", " (in schema 2 a season belongs to a unit: [office.general] season = [...])"),
    ("months",): ("schema2_months", " (in schema 2 months belong to a unit: [office.general.months.4])"),
    ("prefecture",): (
        "schema2_prefecture",
        " (in schema 2 each office has its prefecture: [[office]] prefecture = ...)",
    ),
    ("general", "method"): (
        "general_method",
        " (the general unit is interactive; netNACCS and WebNACCS go in [office.netnaccs])",
    ),
    ("netnaccs", "line"): (
        "netnaccs_line",
        " (netNACCS and WebNACCS run over the internet; a line belongs to [office.general])",
    ),
}


def office_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a TOML path, the office counted from 1: ``office[2].netnaccs.terminals``."""
    parts = [p + 1 if isinstance(p, int) and n and loc[n - 1] == "office" else p for n, p in enumerate(loc)]
    return field_path(parts)


def parse_company(data: dict[str, Any], source: str | Path, tariffs: Tariffs) -> Company:
    """Validate a schema-2 document; one InputError (file, path from office[1], reason, and the code
    and params that say it in the user's language) for the first problem."""
    try:
        company = Company.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        err = next((e for e in errors if e["type"] == "extra_forbidden" and len(e["loc"]) == 1), errors[0])
        reason, coded = _reason(err)
        raise InputError(source, office_path(tuple(err["loc"])), reason, **coded) from None
    try:
        company.check(tariffs)
    except InputError as exc:
        raise InputError(source, exc.field, exc.reason, code=exc.code, params=exc.params) from None
    return company


def _reason(err: Any) -> tuple[str, dict[str, Any]]:
    """The English reason of a pydantic error in a schema-2 file, and its code and params."""
    loc, kind = tuple(err["loc"]), err["type"]
    msg = err["msg"].removeprefix("Value error, ")
    code, params = pydantic_code(err)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        code, hint = _HINTS.get((key,) if len(loc) == 1 else (str(loc[-2]), key), ("unknown_key", ""))
        if not hint:
            keys = _keys_at(loc[:-1])
            params, hint = {"suggestion": closest(key, keys)}, did_you_mean(key, keys)
        msg = "unknown key" + hint
    elif kind == "literal_error" and (found := literal_message(Company, loc, err["input"])):
        what = "key" if loc[-1] == "[key]" else str(loc[-1])
        code, params = "unknown_value", unknown_value_params(what, err["input"], literal_choices(Company, loc))
        msg = found[1]
        if err["input"] == "interactive":
            code, msg = "netnaccs_interactive", msg + " (interactive goes in [office.general])"
    elif kind == "missing":
        msg = "required" + (": at least one [[office]]" if loc == ("office",) else "")
        code = "office_required" if loc == ("office",) else code
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        msg = "expected a table (a [section] or { key = value })"
    elif kind in ("tuple_type", "too_short") and loc == ("office",):
        code, params, msg = "office_tables", {}, "expected one or more [[office]] tables"
    return msg, {"code": code, "params": params}


def _bare(ann: Any) -> Any:
    while get_origin(ann) in (Annotated, Union) or type(ann).__name__ == "UnionType":
        args = [a for a in get_args(ann) if a is not type(None)]
        ann = args[0]
    return ann


def _keys_at(loc: tuple[int | str, ...]) -> list[str]:
    """The keys a table of the file may hold, found by the location of an unknown key in it."""
    ann: Any = Company
    for part in loc:
        ann = _bare(ann)
        if isinstance(part, int) and get_origin(ann) is tuple:
            ann = get_args(ann)[0]
            continue
        fields = getattr(ann, "model_fields", {})
        named = {f.alias or n: f for n, f in fields.items()}
        if str(part) not in named:
            return []
        ann = named[str(part)].annotation
    fields = getattr(_bare(ann), "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def pick_unit(c: Company, office: str | None, unit: str | None) -> tuple[int, UnitKind]:
    """The unit named by ``--office NAME --unit KIND`` (an office by its name or its number from 1);
    either may be left out when what is given leaves one unit."""
    units = c.units()
    choices = ", ".join(f"{c.offices[i - 1].name or i} {k}" for i, k, _ in units)
    if office is not None:
        names = {o.name or str(i): i for i, o in enumerate(c.offices, 1)}
        if office not in names and not (office.isdigit() and 1 <= int(office) <= len(c.offices)):
            params = unknown_value_params("office", office, names)
            raise InputError(
                None, "--office", unknown_value("office", office, names), code="unknown_value", params=params
            )
        n = names.get(office) or int(office)
        units = [x for x in units if x[0] == n]
    found = [(i, k) for i, k, _ in units if unit in (None, k)]
    if len(found) == 1:
        return found[0]
    if not found:
        reason = f"no such unit (choose {choices})"
        raise InputError(
            None, "--unit" if unit else "--office", reason, code="no_such_unit", params={"choices": choices}
        )
    reason = f"several units: choose one with --office NAME --unit general|netnaccs ({choices})"
    raise InputError(None, "--unit", reason, code="several_units", params={"choices": choices})
