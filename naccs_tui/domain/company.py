"""A company of offices (schema 2): each office has up to two units, general NACCS (interactive, on
its own dedicated or broadband line) and netNACCS (netNACCS or WebNACCS over the internet), each on
its own plan with its own break-even (guide p.3; NACCS FAQ on plans: per office, per unit).

A schema-1 scenario is a company of one office with one unit: ``from_scenario`` and ``to_scenario``
convert between the two, and every unit is quoted by ``costing.quote`` on its own scenario, so the
figures are those of the one-scenario engine. Paid options are per user code, per office: counted
once per office whatever its units.

The edits on a company (add, rename, remove, merge ...) are in company_edit.py.

Late imports: the offices' table (offices.py) loads only when a prefecture is checked; a file
without one is quoted without it (start-up time).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from .errors import InputError, closest, did_you_mean
from .scenario import (
    Count,
    Counts,
    Line,
    Method,
    Months,
    Scenario,
    Schedule,
    Season,
    Usage,
    check_month_codes,
    combination_problem,
)
from .tariffs import Tariffs

UnitKind = Literal["general", "netnaccs"]
UNIT_KINDS: tuple[UnitKind, ...] = ("general", "netnaccs")
PlanChoice = Literal["A", "B", "auto"]
MAX_OFFICES = 99


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class _Unit(_Frozen):
    terminals: Count = 1
    plan: PlanChoice = "auto"  # auto: the cheaper for these volumes, B on a tie
    volumes: Counts = Field(default_factory=dict)
    season: Season = None  # twelve multipliers of the typical month, January to December
    months: Months = Field(default_factory=dict)  # months given outright: [office.general.months.4]


class GeneralUnit(_Unit):
    """一般NACCS: interactive terminals on the office's own dedicated or broadband line."""

    line: Line = Line.model_construct(kind="dedicated")

    @property
    def method(self) -> Method:
        return "interactive"


class NetnaccsUnit(_Unit):
    """netNACCS or WebNACCS terminals over the internet (no line fees)."""

    method: Literal["netnaccs", "webnaccs"] = "netnaccs"


Unit = GeneralUnit | NetnaccsUnit


class Office(_Frozen):
    name: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    prefecture: Annotated[str, Field(max_length=10)] | None = None
    user_codes: Count = 1
    paid_statistics: StrictBool = False
    bonded_storage: StrictBool = False
    general: GeneralUnit | None = None
    netnaccs: NetnaccsUnit | None = None

    @model_validator(mode="after")
    def _has_a_unit(self) -> Office:
        if self.general is None and self.netnaccs is None:
            raise PydanticCustomError(
                "office_without_unit", "an office needs at least one unit: [office.general] or [office.netnaccs]"
            )
        return self

    def units(self) -> tuple[tuple[UnitKind, Unit], ...]:
        pairs: tuple[tuple[UnitKind, Unit | None], ...] = (("general", self.general), ("netnaccs", self.netnaccs))
        return tuple((k, u) for k, u in pairs if u is not None)


class Company(_Frozen):
    schema_: Literal[2] = Field(2, alias="schema")
    name: Annotated[str, Field(max_length=200)] | None = None
    offices: Annotated[tuple[Office, ...], Field(min_length=1, max_length=MAX_OFFICES, alias="office")]
    schedule: Schedule = Schedule.model_construct()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    def units(self) -> list[tuple[int, UnitKind, Unit]]:
        """(office number from 1, kind, unit) for every unit, in file order."""
        return [(i, k, u) for i, o in enumerate(self.offices, 1) for k, u in o.units()]

    def check(self, tariffs: Tariffs) -> None:
        """Raise InputError (path into the offices, from 1; a code and params where the interface
        can say it in the user's language) for what NACCS does not offer."""
        seen: dict[str, int] = {}
        for i, o in enumerate(self.offices, 1):
            where = f"office[{i}]"
            if o.name is None and len(self.offices) > 1:
                raise InputError(
                    None, f"{where}.name", "required when there are several offices", code="office_name_required"
                )
            if o.name is not None:
                if o.name in seen:
                    reason = f"{o.name!r} is office[{seen[o.name]}]'s name too (names are unique)"
                    params = {"name": repr(o.name), "other": seen[o.name]}
                    raise InputError(None, f"{where}.name", reason, code="office_name_taken", params=params)
                seen[o.name] = i
            for kind, unit in o.units():
                if isinstance(unit, GeneralUnit) and unit.line.kind == "internet":
                    reason = "the general unit (interactive) needs a dedicated or broadband line; netNACCS and WebNACCS over the internet go in [office.netnaccs]"
                    raise InputError(None, f"{where}.general.line.kind", reason, code="general_on_internet")
                conflict = combination_problem(unit_scenario(self, i, kind), tariffs)
                if conflict:
                    field, reason, code, params = conflict
                    raise InputError(None, f"{where}.{kind}.{field}", reason, code=code, params=params)
                for code in unit.volumes:
                    try:
                        tariffs.check_code(code)
                    except InputError as exc:
                        field = f"{where}.{kind}.{exc.field}"
                        raise InputError(None, field, exc.reason, code=exc.code, params=exc.params) from None
                check_month_codes(unit.months, tariffs, f"{where}.{kind}.")
            if o.prefecture is not None:
                from .offices import load_offices

                known = load_offices().by_prefecture
                if o.prefecture not in known:
                    reason = "unknown prefecture" + did_you_mean(o.prefecture, known)
                    params = {"suggestion": closest(o.prefecture, known)}
                    raise InputError(None, f"{where}.prefecture", reason, code="unknown_prefecture", params=params)


def unit_scenario(c: Company, office: int, kind: UnitKind, *, options: bool = False) -> Scenario:
    """One unit (office counted from 1) as a schema-1 scenario; ``options``: with its office's paid options."""
    o = c.offices[office - 1]
    unit = o.general if kind == "general" else o.netnaccs
    if unit is None:
        raise InputError(None, f"office[{office}].{kind}", "no such unit", code="unit_missing")
    usage = Usage.model_construct(
        method=unit.method,
        terminals=unit.terminals,
        user_codes=o.user_codes,
        paid_statistics=options and o.paid_statistics,
        bonded_storage=options and o.bonded_storage,
    )
    line = unit.line if isinstance(unit, GeneralUnit) else Line.model_construct()
    return Scenario.model_construct(
        name=c.name,
        prefecture=o.prefecture,
        line=line,
        usage=usage,
        volumes=dict(unit.volumes),
        season=unit.season,
        months=dict(unit.months),
        schedule=c.schedule,
    )


def from_scenario(s: Scenario) -> Company:
    """A schema-1 scenario as a company: one office with one unit (interactive: general, else netnaccs)."""
    u = s.usage
    fields: dict[str, Any] = {"terminals": u.terminals, "volumes": dict(s.volumes), **season_fields(s)}
    general = {"line": s.line, **fields} if u.method == "interactive" else None
    netnaccs = None if general else {"method": u.method, **fields}
    options = {"user_codes": u.user_codes, "paid_statistics": u.paid_statistics, "bonded_storage": u.bonded_storage}
    office = {"prefecture": s.prefecture, "general": general, "netnaccs": netnaccs, **options}
    # one validation of the whole company: Company's validator only (building one per class
    # constructed, the unit's and the office's too, costs the command line some 10 ms)
    return Company.model_validate({"name": s.name, "offices": (office,), "schedule": s.schedule})


def season_fields(s: Scenario | _Unit) -> dict[str, Any]:
    """The season and the months given outright, as unit fields."""
    return {"season": s.season, "months": dict(s.months)}


def to_scenario(c: Company) -> Scenario | None:
    """The schema-1 scenario that says the same, or None when schema 1 cannot (several offices or
    units, an office name, a fixed plan)."""
    if len(c.offices) != 1 or c.offices[0].name is not None:
        return None
    units = c.offices[0].units()
    if len(units) != 1 or units[0][1].plan != "auto":
        return None
    return unit_scenario(c, 1, units[0][0], options=True)


def unit_of(c: Company, office: int, kind: UnitKind) -> Unit | None:
    o = c.offices[office - 1]
    return o.general if kind == "general" else o.netnaccs
