"""The edits on a company: the TUI's office/unit navigator, the recommendation applied, a unit
edited as a scenario written back. Each returns a new company and never changes one; an edit that
would leave a company NACCS does not have is refused (``EditRefused``) with the reason's code.

Late imports: the offices' table (offices.py) loads only when a prefecture is set, and months.py
only when two units are merged (start-up time).
"""

from __future__ import annotations

from typing import Any

from .company import (
    MAX_OFFICES,
    Company,
    GeneralUnit,
    NetnaccsUnit,
    Office,
    PlanChoice,
    Unit,
    UnitKind,
    season_fields,
    unit_of,
    unit_scenario,
)
from .scenario import MAX_VOLUME, Line, Method, Scenario


class EditRefused(ValueError):
    """An edit that would leave a company NACCS does not have: ``code`` names why (the interface
    says it in the user's language), ``params`` the figures the sentence needs."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _with_office(c: Company, office: int, new: Office) -> Company:
    offices = list(c.offices)
    offices[office - 1] = new
    return c.model_copy(update={"offices": tuple(offices)})


def put_unit(c: Company, office: int, kind: UnitKind, s: Scenario) -> tuple[Company, UnitKind]:
    """Write back one unit edited as a scenario (``unit_scenario(..., options=True)``, what the panes
    edit): terminals, volumes and the line or method into the unit; user codes, the paid options and
    the prefecture into its office; the schedule into the company. Choosing interactive for a
    netNACCS unit (or the reverse) makes it the office's other unit, keeping its plan choice;
    refused (``unit_taken``) when the office already has that one."""
    o = c.offices[office - 1]
    old = unit_of(c, office, kind)
    plan: PlanChoice = old.plan if old is not None else "auto"
    u = s.usage
    fields: dict[str, Any] = {"terminals": u.terminals, "plan": plan, "volumes": dict(s.volumes), **season_fields(s)}
    new_kind: UnitKind = "general" if u.method == "interactive" else "netnaccs"
    if new_kind != kind and unit_of(c, office, new_kind) is not None:
        raise EditRefused("unit_taken", office=office, kind=new_kind)
    unit: Unit = (
        GeneralUnit(line=s.line, **fields) if new_kind == "general" else NetnaccsUnit(method=u.method, **fields)
    )
    update: dict[str, Any] = {
        "user_codes": u.user_codes,
        "paid_statistics": u.paid_statistics,
        "bonded_storage": u.bonded_storage,
        "prefecture": s.prefecture,
        kind: None,
        new_kind: unit,
    }
    out = _with_office(c, office, o.model_copy(update=update))
    return out.model_copy(update={"schedule": s.schedule}), new_kind


def add_office(c: Company, name: str, kind: UnitKind = "netnaccs", *, first_name: str | None = None) -> Company:
    """A new office named ``name`` with one unit of ``kind`` at its defaults (1 terminal, no volumes,
    a dedicated line for a general unit), after the others. With several offices each needs a name:
    an unnamed first office is given ``first_name``."""
    if len(c.offices) >= MAX_OFFICES:
        raise EditRefused("too_many_offices", most=MAX_OFFICES)
    offices = list(c.offices)
    if len(offices) == 1 and offices[0].name is None and first_name:
        offices[0] = offices[0].model_copy(update={"name": first_name})
    _check_name(tuple(offices), name, None)
    unit = {"general": GeneralUnit()} if kind == "general" else {"netnaccs": NetnaccsUnit()}
    offices.append(Office(name=name, **unit))  # its prefecture: set on the contacts tab
    return c.model_copy(update={"offices": tuple(offices)})


def _check_name(offices: tuple[Office, ...], name: str, own: int | None) -> None:
    name = name.strip()
    if not name:
        raise EditRefused("name_empty")
    if len(name) > 100:
        raise EditRefused("name_too_long", most=100)
    for i, o in enumerate(offices, 1):
        if i != own and o.name == name:
            raise EditRefused("name_taken", name=name)


def rename_office(c: Company, office: int, name: str) -> Company:
    """The office's new name (unique, 1–100 characters, spaces around it dropped)."""
    _check_name(c.offices, name, office)
    return _with_office(c, office, c.offices[office - 1].model_copy(update={"name": name.strip()}))


def set_prefecture(c: Company, office: int, prefecture: str | None) -> Company:
    """The office's prefecture (which NACCS office to contact): a name ``offices.resolve`` knows
    (東京都, 東京 or Tokyo; an InputError says which it is not), or None for none."""
    from .offices import resolve

    name = resolve(prefecture) if prefecture and prefecture.strip() else None
    return _with_office(c, office, c.offices[office - 1].model_copy(update={"prefecture": name}))


def remove_office(c: Company, office: int) -> Company:
    """The company without this office (a company keeps at least one)."""
    if len(c.offices) == 1:
        raise EditRefused("last_office")
    return c.model_copy(update={"offices": c.offices[: office - 1] + c.offices[office:]})


def add_unit(c: Company, office: int, kind: UnitKind) -> Company:
    """Give the office its other unit, at its defaults (1 terminal, no volumes; a dedicated line)."""
    if unit_of(c, office, kind) is not None:
        raise EditRefused("unit_taken", office=office, kind=kind)
    unit = GeneralUnit() if kind == "general" else NetnaccsUnit()
    return _with_office(c, office, c.offices[office - 1].model_copy(update={kind: unit}))


def remove_unit(c: Company, office: int, kind: UnitKind) -> Company:
    """The office without this unit (an office keeps at least one)."""
    o = c.offices[office - 1]
    if len(o.units()) == 1:
        raise EditRefused("last_unit")
    return _with_office(c, office, o.model_copy(update={kind: None}))


def set_plan(c: Company, office: int, kind: UnitKind, plan: PlanChoice) -> Company:
    """The unit's plan: "A", "B", or "auto" (the cheaper for its volumes, B on a tie)."""
    unit = unit_of(c, office, kind)
    if unit is None:
        raise EditRefused("no_unit", office=office, kind=kind)
    return _with_office(
        c, office, c.offices[office - 1].model_copy(update={kind: unit.model_copy(update={"plan": plan})})
    )


# ---- a recommendation applied to a unit -----------------------------------------------------
def apply_setup(c: Company, office: int, kind: UnitKind, line: Line, method: Method) -> tuple[Company, UnitKind]:
    """The unit switched to ``line`` and ``method`` (a recommendation), keeping its terminals,
    volumes and plan choice. Moving to the office's other unit kind (interactive <-> netNACCS) is
    refused (``unit_taken``) when the office has that unit already: see ``merge_units``."""
    s = unit_scenario(c, office, kind, options=True)
    usage = s.usage.model_copy(update={"method": method})
    new_line = line if method == "interactive" else s.line
    return put_unit(c, office, kind, s.model_copy(update={"line": new_line, "usage": usage}))


def merge_units(c: Company, office: int, kind: UnitKind, method: Method) -> tuple[Company, UnitKind]:
    """The unit's volumes and terminals moved into its office's other unit, which takes ``method``
    (netNACCS/WebNACCS for the netNACCS unit; interactive keeps the general unit's line), and the
    unit removed: what a user wants when a recommendation names the method of the office's other unit."""
    other: UnitKind = "netnaccs" if kind == "general" else "general"
    src, dst = unit_of(c, office, kind), unit_of(c, office, other)
    if src is None or dst is None:
        raise EditRefused("no_unit", office=office, kind=other if dst is None else kind)
    volumes = dict(dst.volumes)
    for code, count in src.volumes.items():
        volumes[code] = min(MAX_VOLUME, volumes.get(code, 0) + count)
    update: dict[str, Any] = {"volumes": volumes, "terminals": min(999, dst.terminals + src.terminals)}
    from .months import summed_months

    update |= summed_months(src, dst)  # seasonal units: each month the sum of the two units' months
    if isinstance(dst, NetnaccsUnit) and method in ("netnaccs", "webnaccs"):
        update["method"] = method
    merged = dst.model_copy(update=update)
    o = c.offices[office - 1].model_copy(update={kind: None, other: merged})
    return _with_office(c, office, o), other
