"""The app's state and the rules that change it, apart from Textual (plain pytest tests it).

The state is the company being planned, the unit the panes work on, and the company as last
opened or saved (unsaved changes are the differences from it). Every change is a function from a
state to a new state; an edit the rules refuse raises ``EditRefused`` and changes nothing. The
company's edits travel as data (``CompanyOp``): which operation, on which office and unit, with
which name or plan.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain.company import (
    Company,
    PlanChoice,
    UnitKind,
    add_office,
    add_unit,
    apply_setup,
    merge_units,
    put_unit,
    remove_office,
    remove_unit,
    rename_office,
    set_plan,
    unit_scenario,
)
from ..domain.scenario import Line, Method, Scenario

UnitRef = tuple[int, UnitKind]
"""A unit: (office counted from 1, "general" | "netnaccs")."""


@dataclass(frozen=True, slots=True)
class State:
    company: Company
    unit: UnitRef
    clean: Company
    """The company as last opened or saved."""

    @property
    def dirty(self) -> bool:
        return self.company != self.clean

    @property
    def scenario(self) -> Scenario:
        """The selected unit as the panes edit it: one scenario with its office's options."""
        return unit_scenario(self.company, *self.unit, options=True)

    @property
    def several_units(self) -> bool:
        return len(self.company.units()) > 1


def opened(company: Company) -> State:
    """A company just opened (or saved): its first unit selected, nothing unsaved."""
    office, kind, _ = company.units()[0]
    return State(company, (office, kind), company)


def select(state: State, company: Company, unit: UnitRef | None = None) -> State:
    """``company`` with ``unit`` selected (default: the same one). A unit that is gone (its office
    or unit removed) gives way to the nearest one before it."""
    units = [(i, k) for i, k, _ in company.units()]
    want = unit or state.unit
    if want not in units:
        want = max((u for u in units if u < want), default=units[0])
    return replace(state, company=company, unit=want)


def edit_unit(state: State, scenario: Scenario) -> State:
    """The selected unit as edited by the panes, written back into its office (the method may move
    it to the office's other unit kind: refused when that one exists)."""
    if scenario == state.scenario:
        return state
    office, kind = state.unit
    company, kind = put_unit(state.company, office, kind, scenario)
    return select(state, company, (office, kind))


# ---- the company's edits, as data ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AddOffice:
    name: str
    kind: UnitKind = "netnaccs"
    first_name: str | None = None
    """The name an unnamed first office takes (several offices each need one)."""


@dataclass(frozen=True, slots=True)
class RenameOffice:
    office: int
    name: str


@dataclass(frozen=True, slots=True)
class RemoveOffice:
    office: int


@dataclass(frozen=True, slots=True)
class AddUnit:
    office: int
    kind: UnitKind


@dataclass(frozen=True, slots=True)
class RemoveUnit:
    office: int
    kind: UnitKind


@dataclass(frozen=True, slots=True)
class SetPlan:
    office: int
    kind: UnitKind
    plan: PlanChoice


@dataclass(frozen=True, slots=True)
class ApplySetup:
    """A recommendation: the unit's line and method. ``merge``: the method is the office's other
    unit's, and the user chose to merge this unit into it."""

    office: int
    kind: UnitKind
    line: Line
    method: Method
    merge: bool = False


CompanyOp = AddOffice | RenameOffice | RemoveOffice | AddUnit | RemoveUnit | SetPlan | ApplySetup


def apply(state: State, op: CompanyOp) -> State:
    """``op`` applied to the state's company, and the unit it leaves selected; ``EditRefused``
    (nothing changed) when the rules refuse it."""
    c = state.company
    match op:
        case AddOffice(name, kind, first):
            new = add_office(c, name, kind, first_name=first)
            return select(state, new, (len(new.offices), kind))
        case RenameOffice(office, name):
            return select(state, rename_office(c, office, name))
        case RemoveOffice(office):
            return select(state, remove_office(c, office))
        case AddUnit(office, kind):
            return select(state, add_unit(c, office, kind), (office, kind))
        case RemoveUnit(office, kind):
            return select(state, remove_unit(c, office, kind))
        case SetPlan(office, kind, plan):
            return select(state, set_plan(c, office, kind, plan))
        case ApplySetup(office, kind, line, method, merge):
            new, new_kind = (
                merge_units(c, office, kind, method) if merge else apply_setup(c, office, kind, line, method)
            )
            return select(state, new, (office, new_kind))


def needs_merge(state: State, op: ApplySetup) -> bool:
    """Applying ``op`` as is would move the unit onto the office's other unit, which exists."""
    target: UnitKind = "general" if op.method == "interactive" else "netnaccs"
    office = state.company.offices[op.office - 1]
    return target != op.kind and (office.general if target == "general" else office.netnaccs) is not None


def check(company: Company, op: CompanyOp) -> None:
    """Raise ``EditRefused`` when the rules would refuse ``op`` on ``company`` (asked before a
    question is put to the user, so that a refusal is said at once)."""
    apply(opened(company), op)
