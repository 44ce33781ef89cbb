"""The user's file, either schema, as one model: a company.

A schema-1 file (``[line]``, ``[usage]``, ``[volumes]``: one office, one unit) is read into a
company of one office with one unit; schema 2 (``[[office]]``) is a company as written. A company
is written back as schema 1 whenever schema 1 says it all, so files users already have keep their
shape. Everything above the domain receives a ``Company`` from here and never asks which schema
the file had.

Late imports: tomli_w loads only when a file is written; opening one does not need it (start-up
time).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .company import Company, from_scenario, to_scenario, unit_scenario
from .company_file import parse_company
from .errors import InputError, unknown_value, unknown_value_params
from .files import read_toml, write_atomic
from .scenario import Scenario, parse_scenario, seasonal_toml
from .scenario import to_toml_dict as scenario_toml
from .tariffs import Tariffs


def parse_document(data: dict[str, Any], source: str | Path, tariffs: Tariffs) -> Company:
    """A TOML document by its ``schema``: 1 (or none) is a company of one office with one unit, 2 a
    company of offices. One InputError (file, field, reason) for the first problem."""
    schema = data.get("schema", 1)
    if type(schema) is int and schema == 2:
        return parse_company(data, source, tariffs)
    if type(schema) is not int or schema != 1:
        params = unknown_value_params("schema", schema, (1, 2))
        raise InputError(source, "schema", unknown_value("schema", schema, (1, 2)), code="unknown_value", params=params)
    return from_scenario(parse_scenario(data, source, tariffs))


def load_document(path: str | Path, tariffs: Tariffs) -> Company:
    """``parse_document`` of a file."""
    return parse_document(read_toml(path), path, tariffs)


def new_document() -> Company:
    """What the app starts with when no file is named: internet + netNACCS, one terminal."""
    return from_scenario(Scenario())


def to_toml_dict(c: Company) -> dict[str, Any]:
    """The file form: schema 1 when it can say it all, else schema 2."""
    single = to_scenario(c)
    if single is not None:
        return scenario_toml(single)
    offices = []
    for i, o in enumerate(c.offices, 1):
        d: dict[str, Any] = {k: v for k, v in (("name", o.name), ("prefecture", o.prefecture)) if v is not None}
        d.update(user_codes=o.user_codes, paid_statistics=o.paid_statistics, bonded_storage=o.bonded_storage)
        for kind, u in o.units():
            unit: dict[str, Any] = {"method": u.method} if kind == "netnaccs" else {}
            unit.update(terminals=u.terminals, plan=u.plan)
            if kind == "general":
                unit["line"] = scenario_toml(unit_scenario(c, i, kind))["line"]
            d[kind] = {**unit, "volumes": dict(u.volumes), **seasonal_toml(u.season, u.months)}
        offices.append(d)
    sched: dict[str, Any] = {"applied": c.schedule.applied} if c.schedule.applied else {}
    out: dict[str, Any] = {"schema": 2, **({"name": c.name} if c.name else {}), "office": offices}
    return out | {"schedule": {**sched, "closure": list(c.schedule.closure)}}


def dumps(c: Company) -> str:
    """The file's text (TOML)."""
    import tomli_w

    return tomli_w.dumps(to_toml_dict(c))


def save_document(c: Company, path: str | Path, *, overwrite: bool = False) -> None:
    """Write atomically (temp file + replace); refuses to overwrite unless asked."""
    write_atomic(path, dumps(c).encode("utf-8"), overwrite=overwrite)
