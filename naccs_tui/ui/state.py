"""The app's state and the rules that change it, apart from Textual (plain pytest tests it).

The state is the company being planned, the unit the panes work on, and the company as last
opened or saved (unsaved changes are the differences from it); and two memories of the panes'
gestures: the operation mix the total slider scales (its counts are rounded from it, its
break-even is the mix's), and the line a method change put away (it comes back when the method
does); and the typed entries under way (the unit before each one's first value and after its
latest, so that a refused entry is taken back). Every change is a function from a state to a new
state; an edit the rules refuse raises ``EditRefused`` and changes nothing. Edits travel as data:
the company's as ``CompanyOp`` (which operation, on which office and unit, with which name or
plan; ``apply``), the selected unit's as ``unit_ops.UnitOp`` (which field and value, which
operation and count; ``apply_unit``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from ..domain.combos import Fix, settle
from ..domain.company import Company, PlanChoice, UnitKind, unit_scenario
from ..domain.company_edit import (
    add_office,
    add_unit,
    apply_setup,
    merge_units,
    put_unit,
    remove_office,
    remove_unit,
    rename_office,
    set_plan,
    set_prefecture,
)
from ..domain.scenario import Line, Method, Scenario
from ..domain.tariffs import Tariffs
from .unit_ops import RevertEntry, ScaleVolumes, UnitOp, edit, revert

UnitRef = tuple[int, UnitKind]
"""A unit: (office counted from 1, "general" | "netnaccs")."""


@dataclass(frozen=True, slots=True)
class State:
    company: Company
    unit: UnitRef
    clean: Company
    """The company as last opened or saved."""
    mix: Mapping[str, int] | None = None
    """The mix the total slider scales for the selected unit: its counts are this mix scaled and
    rounded; None when the counts are the mix (an operation set by itself, another unit)."""
    put_away: tuple[int, Line] | None = None
    """(office, line): the line a method change of that office's unit replaced; the method
    changed back brings it back."""
    entries: Mapping[int, tuple[Scenario, Scenario]] = field(default_factory=dict)
    """Typed entries under way: entry id -> (the unit before its first value, after its latest)."""

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
    if want != state.unit:  # another unit: its counts are its mix
        state = replace(state, mix=None)
    if want[0] != state.unit[0]:
        state = replace(state, put_away=None)
    return replace(state, company=company, unit=want)


def edit_unit(state: State, scenario: Scenario, mix: Mapping[str, int] | None = None) -> State:
    """The selected unit as edited by the panes, written back into its office (the method may move
    it to the office's other unit kind: refused when that one exists). ``mix``: the total slider
    scaled this mix to the new counts; without it the mix is kept while the counts stay as they
    are, and forgotten when they change (they are the mix then)."""
    if mix is None and scenario.volumes == state.scenario.volumes:
        mix = state.mix
    if scenario == state.scenario:
        return replace(state, mix=mix) if mix != state.mix else state
    office, kind = state.unit
    company, kind = put_unit(state.company, office, kind, scenario)
    return replace(select(state, company, (office, kind)), mix=mix)


def settle_edit(
    state: State, scenario: Scenario, tariffs: Tariffs, changed: Literal["line", "method"]
) -> tuple[State, list[Fix]]:
    """The selected unit edited in its line or method (``changed``), made valid (``settle``) and
    written back, with the changes made to keep it valid. A method change that forces another
    line puts the line away; changing the method back brings it back. A line the user chooses
    forgets the one put away."""
    office = state.unit[0]
    away = state.put_away[1] if state.put_away and state.put_away[0] == office and changed == "method" else None
    before = state.scenario.line
    settled, fixes = settle(scenario, tariffs, changed, put_away=away)
    new = edit_unit(state, settled)
    if changed == "line":
        return replace(new, put_away=None), fixes
    if any(f.kind == "line_back" for f in fixes):
        return replace(new, put_away=None), fixes
    if any(f.kind == "line" for f in fixes):
        return replace(new, put_away=(office, before)), fixes
    return new, fixes


# ---- the selected unit's edits, as data (ui/unit_ops.py) ---------------------------------------
KEPT_ENTRIES = 8
"""At most this many entries' snapshots are kept (one is typed at a time; an entry's end dropped)."""


def apply_unit(
    state: State,
    op: UnitOp,
    tariffs: Tariffs,
    *,
    changed: Literal["line", "method"] | None = None,
    entry: int | None = None,
) -> tuple[State, list[Fix]]:
    """``op`` applied to the selected unit, and the changes made to keep it valid; ``EditRefused``
    (nothing changed) when the rules refuse it. ``changed``: the user changed the line or the
    method, the other follows (``settle_edit``). ``entry``: the value belongs to that typed entry
    (the unit before its first value and after this one are kept, for ``RevertEntry``). The total
    slider's mix (``ScaleVolumes``) is kept with its counts."""
    if isinstance(op, RevertEntry):
        seen = state.entries.get(op.entry)
        state = end_entry(state, op.entry)
        if seen is None:  # none of its values reached the unit
            return state, []
        return edit_unit(state, revert(state.scenario, *seen, op.part)), []
    before = state.scenario
    new = edit(before, op)
    if changed is not None:
        state, fixes = settle_edit(state, new, tariffs, changed)
    else:
        state, fixes = edit_unit(state, new, dict(op.mix) if isinstance(op, ScaleVolumes) else None), []
    if entry is not None:
        first = state.entries.get(entry, (before, new))[0]
        others = [(k, v) for k, v in state.entries.items() if k != entry][-(KEPT_ENTRIES - 1) :]
        state = replace(state, entries={**dict(others), entry: (first, new)})
    return state, fixes


def end_entry(state: State, entry: int) -> State:
    """Typed entry ``entry`` ended: its snapshots go."""
    if entry not in state.entries:
        return state
    return replace(state, entries={k: v for k, v in state.entries.items() if k != entry})


# ---- the company's edits, as data ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AddOffice:
    name: str
    kind: UnitKind = "netnaccs"
    first_name: str | None = None
    """The name an unnamed first office takes (several offices each need one)."""
    prefecture: str | None = None
    """The new office's prefecture (None: none yet)."""


@dataclass(frozen=True, slots=True)
class RenameOffice:
    office: int
    name: str


@dataclass(frozen=True, slots=True)
class SetPrefecture:
    """The office's prefecture, as typed (東京都, 東京, Tokyo); None or empty: none."""

    office: int
    prefecture: str | None


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


CompanyOp = AddOffice | RenameOffice | SetPrefecture | RemoveOffice | AddUnit | RemoveUnit | SetPlan | ApplySetup


def apply(state: State, op: CompanyOp) -> State:
    """``op`` applied to the state's company, and the unit it leaves selected; ``EditRefused``
    (nothing changed) when the rules refuse it. The line put away by a method change is
    forgotten (offices and units may have moved)."""
    state = replace(state, put_away=None)
    c = state.company
    match op:
        case AddOffice(name, kind, first, prefecture):
            new = add_office(c, name, kind, first_name=first)
            new = set_prefecture(new, len(new.offices), prefecture) if prefecture else new
            return select(state, new, (len(new.offices), kind))
        case RenameOffice(office, name):
            return select(state, rename_office(c, office, name))
        case SetPrefecture(office, prefecture):
            return select(state, set_prefecture(c, office, prefecture))
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
