"""A company of offices (schema 2): each office has up to two units, general NACCS (interactive, on
its own dedicated or broadband line) and netNACCS (netNACCS or WebNACCS over the internet), each on
its own plan with its own break-even (guide p.3; NACCS FAQ on plans: per office, per unit).

A schema-1 scenario is a company of one office with one unit: ``from_scenario`` and ``to_scenario``
convert between the two, and every unit is quoted by ``costing.quote`` on its own scenario, so the
figures are those of the one-scenario engine. Paid options are per user code, per office: counted
once per office whatever its units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, model_validator

from .costing import Item, Quote, billed, option_items, quote
from .errors import InputError, did_you_mean, field_path, literal_message, unknown_value
from .scenario import Count, Line, Method, Scenario, Schedule, Usage, Volume, combination_problem, to_toml_dict
from .tariffs import Tariffs

UnitKind = Literal["general", "netnaccs"]
UNIT_KINDS: tuple[UnitKind, ...] = ("general", "netnaccs")
PlanChoice = Literal["A", "B", "auto"]
Mix = Literal["chosen", "A", "B", "best"]
"""Which plan each unit is on: its chosen one, all A, all B, or the cheaper one of each unit."""
MIXES: tuple[Mix, ...] = ("chosen", "A", "B", "best")
MAX_OFFICES = 99


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class _Unit(_Frozen):
    terminals: Count = 1
    plan: PlanChoice = "auto"  # auto: the cheaper for these volumes, B on a tie
    volumes: dict[Annotated[str, Field(max_length=16)], Volume] = Field(default_factory=dict)


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
            raise ValueError("an office needs at least one unit: [office.general] or [office.netnaccs]")
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
        """Raise InputError (path into the offices, from 1) for what NACCS does not offer."""
        seen: dict[str, int] = {}
        for i, o in enumerate(self.offices, 1):
            where = f"office[{i}]"
            if o.name is None and len(self.offices) > 1:
                raise InputError(None, f"{where}.name", "required when there are several offices")
            if o.name is not None:
                if o.name in seen:
                    raise InputError(
                        None, f"{where}.name", f"{o.name!r} is office[{seen[o.name]}]'s name too (names are unique)"
                    )
                seen[o.name] = i
            for kind, unit in o.units():
                if isinstance(unit, GeneralUnit) and unit.line.kind == "internet":
                    reason = "the general unit (interactive) needs a dedicated or broadband line; netNACCS and WebNACCS over the internet go in [office.netnaccs]"
                    raise InputError(None, f"{where}.general.line.kind", reason)
                problem = combination_problem(unit_scenario(self, i, kind), tariffs)
                if problem:
                    raise InputError(None, f"{where}.{kind}.{problem[0]}", problem[1])
                for code in unit.volumes:
                    try:
                        tariffs.check_code(code)
                    except InputError as exc:
                        raise InputError(None, f"{where}.{kind}.{exc.field}", exc.reason) from None
            if o.prefecture is not None:
                from .offices import load_offices

                known = load_offices().by_prefecture
                if o.prefecture not in known:
                    raise InputError(
                        None, f"{where}.prefecture", "unknown prefecture" + did_you_mean(o.prefecture, known)
                    )


# ---- the file ----------------------------------------------------------------------------------
_HINTS = {
    ("line",): " (in schema 2 a line belongs to a unit: [office.general.line])",
    ("usage",): " (in schema 2 terminals belong to a unit and user codes to an office: [[office]])",
    ("volumes",): " (in schema 2 volumes belong to a unit: [office.general.volumes], [office.netnaccs.volumes])",
    ("prefecture",): " (in schema 2 each office has its prefecture: [[office]] prefecture = ...)",
    ("general", "method"): " (the general unit is interactive; netNACCS and WebNACCS go in [office.netnaccs])",
    ("netnaccs", "line"): " (netNACCS and WebNACCS run over the internet; a line belongs to [office.general])",
}


def office_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a TOML path, the office counted from 1: ``office[2].netnaccs.terminals``."""
    parts = [p + 1 if isinstance(p, int) and n and loc[n - 1] == "office" else p for n, p in enumerate(loc)]
    return field_path(parts)


def parse_company(data: dict[str, Any], source: str | Path, tariffs: Tariffs) -> Company:
    """Validate a schema-2 document; one InputError (file, path from office[1], reason) for the first problem."""
    try:
        company = Company.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        err = next((e for e in errors if e["type"] == "extra_forbidden" and len(e["loc"]) == 1), errors[0])
        loc, kind = tuple(err["loc"]), err["type"]
        path, msg = office_path(loc), err["msg"].removeprefix("Value error, ")
        if kind == "extra_forbidden":
            key = str(loc[-1])
            hint = _HINTS.get((key,) if len(loc) == 1 else (str(loc[-2]), key), "")
            msg = "unknown key" + (hint or did_you_mean(key, _keys_at(loc[:-1])))
        elif kind == "literal_error" and (found := literal_message(Company, loc, err["input"])):
            msg = found[1] + (" (interactive goes in [office.general])" if err["input"] == "interactive" else "")
        elif kind == "missing":
            msg = "required" + (": at least one [[office]]" if loc == ("office",) else "")
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            msg = "expected a table (a [section] or { key = value })"
        elif kind in ("tuple_type", "too_short") and loc == ("office",):
            msg = "expected one or more [[office]] tables"
        raise InputError(source, path, msg) from None
    try:
        company.check(tariffs)
    except InputError as exc:
        raise InputError(source, exc.field, exc.reason) from None
    return company


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


def unit_scenario(c: Company, office: int, kind: UnitKind, *, options: bool = False) -> Scenario:
    """One unit (office counted from 1) as a schema-1 scenario; ``options``: with its office's paid options."""
    o = c.offices[office - 1]
    unit = o.general if kind == "general" else o.netnaccs
    if unit is None:
        raise InputError(None, f"office[{office}].{kind}", "no such unit")
    usage = Usage.model_construct(
        method=unit.method,
        terminals=unit.terminals,
        user_codes=o.user_codes,
        paid_statistics=options and o.paid_statistics,
        bonded_storage=options and o.bonded_storage,
    )
    line = unit.line if isinstance(unit, GeneralUnit) else Line.model_construct()
    return Scenario.model_construct(
        name=c.name, prefecture=o.prefecture, line=line, usage=usage, volumes=dict(unit.volumes), schedule=c.schedule
    )


def from_scenario(s: Scenario) -> Company:
    """A schema-1 scenario as a company: one office with one unit (interactive: general, else netnaccs)."""
    u = s.usage
    fields: dict[str, Any] = {"terminals": u.terminals, "volumes": dict(s.volumes)}
    general = GeneralUnit(line=s.line, **fields) if u.method == "interactive" else None
    netnaccs = None if general else NetnaccsUnit(method=u.method, **fields)
    options = {"user_codes": u.user_codes, "paid_statistics": u.paid_statistics, "bonded_storage": u.bonded_storage}
    office = Office(prefecture=s.prefecture, general=general, netnaccs=netnaccs, **options)
    return Company(name=s.name, offices=(office,), schedule=s.schedule)


def to_scenario(c: Company) -> Scenario | None:
    """The schema-1 scenario that says the same, or None when schema 1 cannot (several offices or
    units, an office name, a fixed plan)."""
    if len(c.offices) != 1 or c.offices[0].name is not None:
        return None
    units = c.offices[0].units()
    if len(units) != 1 or units[0][1].plan != "auto":
        return None
    return unit_scenario(c, 1, units[0][0], options=True)


def to_toml_dict_company(c: Company) -> dict[str, Any]:
    """The file form: schema 1 when it can say it all (files users already have keep their shape), else schema 2."""
    single = to_scenario(c)
    if single is not None:
        return to_toml_dict(single)
    offices = []
    for i, o in enumerate(c.offices, 1):
        d: dict[str, Any] = {k: v for k, v in (("name", o.name), ("prefecture", o.prefecture)) if v is not None}
        d.update(user_codes=o.user_codes, paid_statistics=o.paid_statistics, bonded_storage=o.bonded_storage)
        for kind, u in o.units():
            unit: dict[str, Any] = {"method": u.method} if kind == "netnaccs" else {}
            unit.update(terminals=u.terminals, plan=u.plan)
            if kind == "general":
                unit["line"] = to_toml_dict(unit_scenario(c, i, kind))["line"]
            d[kind] = {**unit, "volumes": dict(u.volumes)}
        offices.append(d)
    sched: dict[str, Any] = {"applied": c.schedule.applied} if c.schedule.applied else {}
    out: dict[str, Any] = {"schema": 2, **({"name": c.name} if c.name else {}), "office": offices}
    return out | {"schedule": {**sched, "closure": list(c.schedule.closure)}}


def dumps_company(c: Company) -> str:
    import tomli_w

    return tomli_w.dumps(to_toml_dict_company(c))


def save_company(c: Company, path: str | Path, *, overwrite: bool = False) -> None:
    from .files import write_atomic

    write_atomic(path, dumps_company(c).encode("utf-8"), overwrite=overwrite)


def pick_unit(c: Company, office: str | None, unit: str | None) -> tuple[int, UnitKind]:
    """The unit named by ``--office NAME --unit KIND`` (an office by its name or its number from 1);
    either may be left out when what is given leaves one unit."""
    units = c.units()
    choices = ", ".join(f"{c.offices[i - 1].name or i} {k}" for i, k, _ in units)
    if office is not None:
        names = {o.name or str(i): i for i, o in enumerate(c.offices, 1)}
        if office not in names and not (office.isdigit() and 1 <= int(office) <= len(c.offices)):
            raise InputError(None, "--office", unknown_value("office", office, names))
        n = names.get(office) or int(office)
        units = [x for x in units if x[0] == n]
    found = [(i, k) for i, k, _ in units if unit in (None, k)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(None, "--unit" if unit else "--office", f"no such unit (choose {choices})")
    raise InputError(
        None, "--unit", f"several units: choose one with --office NAME --unit general|netnaccs ({choices})"
    )


# ---- the engine --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitQuote:
    """One unit's Plan A / Plan B quote (line, basic and metered fees; no options: they are the office's)."""

    office: int  # from 1
    kind: UnitKind
    scenario: Scenario
    quote: Quote
    choice: PlanChoice
    plan: str  # the plan it is on: its choice, or for auto the cheaper one (B on a tie)
    best: str  # the cheaper plan (B on a tie)

    @property
    def line(self) -> int:
        return self.quote.a.line

    @property
    def initial(self) -> int:
        return self.quote.a.initial

    def fees(self, plan: str) -> int:
        """Basic fee plus metered fees on ``plan`` (what the plan changes; the line is the same)."""
        p = self.quote.plan(plan)
        return p.basic + p.metered

    def on(self, mix: Mix) -> str:
        return self.plan if mix == "chosen" else self.best if mix == "best" else mix

    def monthly(self, mix: Mix = "chosen") -> int:
        return self.quote.plan(self.on(mix)).monthly


@dataclass(frozen=True, slots=True)
class OfficeQuote:
    index: int  # from 1
    office: Office
    units: tuple[UnitQuote, ...]
    option_items: tuple[Item, ...]  # per user code, once per office
    options: int

    def monthly(self, mix: Mix = "chosen") -> int:
        return sum(u.monthly(mix) for u in self.units) + self.options


@dataclass(frozen=True, slots=True)
class CompanyQuote:
    """The company's monthly bill: one bill a month (taxed as one when tax is on), plus the initial fee."""

    offices: tuple[OfficeQuote, ...]
    tax_rate_percent: int
    sample_prices: bool

    @property
    def units(self) -> tuple[UnitQuote, ...]:
        return tuple(u for o in self.offices for u in o.units)

    @property
    def options(self) -> int:
        return sum(o.options for o in self.offices)

    def monthly(self, mix: Mix = "chosen", tax: bool = False) -> int:
        return billed(0, sum(o.monthly(mix) for o in self.offices), 1, self.tax_rate_percent, tax)

    def initial(self, tax: bool = False) -> int:
        return billed(sum(u.initial for u in self.units), 0, 0, self.tax_rate_percent, tax)

    def total(self, mix: Mix, months: int, tax: bool = False) -> int:
        """initial + months × monthly, each bill taxed on its own when asked (adds up as shown)."""
        return self.initial(tax) + months * self.monthly(mix, tax)

    def saving(self, mix: Mix, tax: bool = False) -> int:
        """What the cheaper plan of each unit saves a month against ``mix``."""
        return self.monthly(mix, tax) - self.monthly("best", tax)


def company_quote(c: Company, t: Tariffs) -> CompanyQuote:
    """Each unit quoted on its own (costing.quote), the options per office, the company's totals."""
    offices = []
    for i, o in enumerate(c.offices, 1):
        units = []
        for kind, unit in o.units():
            s = unit_scenario(c, i, kind)
            q = quote(s, t)
            best = "A" if q.cheaper == "A" else "B"
            units.append(UnitQuote(i, kind, s, q, unit.plan, best if unit.plan == "auto" else unit.plan, best))
        items = tuple(option_items(unit_scenario(c, i, units[0].kind, options=True), t))
        offices.append(OfficeQuote(i, o, tuple(units), items, sum(x.amount for x in items)))
    return CompanyQuote(tuple(offices), t.tax_rate_percent, t.sample)


@dataclass(frozen=True, slots=True)
class CompanyRow:
    """One file of a comparison (money tax-included, rounded down per bill, when ``tax``)."""

    label: str
    company: Company
    quote: CompanyQuote
    monthly: dict[Mix, int]
    initial: int
    total: int  # N-month total with the chosen plans
    start: date  # the day every unit can start at the earliest
    latest_start: date
    diff: int  # total minus the first row's total


def compare_companies(
    named: list[tuple[str, Company]], t: Tariffs, *, months: int = 12, tax: bool = False
) -> list[CompanyRow]:
    from .schedule import plan, today

    rows: list[CompanyRow] = []
    for label, c in named:
        q = company_quote(c, t)
        plans = [plan(u.method, c.schedule.applied or today(), t.lead_time, c.schedule.closure) for *_, u in c.units()]
        total = q.total("chosen", months, tax)
        first = rows[0].total if rows else total
        monthly = {m: q.monthly(m, tax) for m in MIXES}
        start, latest = max(p.earliest_start for p in plans), max(p.latest_start for p in plans)
        rows.append(CompanyRow(label, c, q, monthly, q.initial(tax), total, start, latest, total - first))
    return rows
