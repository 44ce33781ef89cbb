"""The Scenario (what the user plans), its TOML file format and its rules.

Late imports: the offices' table (offices.py) loads only when a prefecture is checked, and tomli_w
only when a file is written; a file without a prefecture is opened and quoted without either
(start-up time).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from .closure import checked_closure
from .errors import (
    InputError,
    closest,
    did_you_mean,
    field_path,
    literal_choices,
    literal_message,
    problem,
    pydantic_code,
    unknown_value,
    unknown_value_params,
)
from .files import read_toml, write_atomic
from .season import checked_months, checked_season
from .tariffs import Maintenance, Tariffs

LineKind = Literal["internet", "dedicated", "broadband"]
Method = Literal["interactive", "netnaccs", "webnaccs"]
Router = Literal["standard", "spare", "redundant"]
LINE_KINDS: tuple[str, ...] = ("internet", "dedicated", "broadband")
DEFAULT_METHOD: dict[str, Method] = {"internet": "netnaccs", "dedicated": "interactive", "broadband": "interactive"}
"""The method an omitted ``usage.method`` takes: the one the line carries (an explicit one is kept)."""
METHODS: tuple[str, ...] = ("interactive", "netnaccs", "webnaccs")
ROUTERS: tuple[Router, ...] = ("standard", "spare", "redundant")
MAX_VOLUME = 1_000_000
Count = Annotated[StrictInt, Field(ge=1, le=999)]
Volume = Annotated[StrictInt, Field(ge=0, le=MAX_VOLUME)]
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
Counts = dict[Annotated[str, Field(max_length=16)], Volume]
Season = Annotated[tuple[StrictInt | StrictFloat, ...] | None, BeforeValidator(checked_season)]
"""Twelve multipliers of the typical month, January to December (domain.season)."""
Months = Annotated[dict[str, Counts], BeforeValidator(checked_months)]
"""Months given outright, by month number "1".."12" (``[months.4]`` is April)."""


class _Frozen(BaseModel):
    # defer_build: validators are built on first use, not at import (see tariffs._Frozen)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Line(_Frozen):
    kind: LineKind = "internet"
    speed: Annotated[str, Field(max_length=8)] = "1M"
    medium: Literal["fiber", "adsl"] = "fiber"
    router: Router = "standard"
    maintenance: Maintenance = "weekdays"
    ping_monitoring: StrictBool = False
    lines: Annotated[StrictInt, Field(ge=1, le=99)] = 1


class Usage(_Frozen):
    method: Method = "netnaccs"
    terminals: Count = 1
    user_codes: Count = 1
    paid_statistics: StrictBool = False
    bonded_storage: StrictBool = False


def _month_day(value: object) -> str:
    if not isinstance(value, str) or len(value) != 5 or value[2] != "-":
        raise problem("month_day", 'expected "MM-DD"', value=repr(value))
    try:
        month, day = int(value[:2]), int(value[3:])
    except ValueError:
        raise problem("month_day", 'expected "MM-DD"', value=repr(value)) from None
    if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]):
        raise problem("not_a_day", "{value} is not a day of the year", value=value)
    return value


class Schedule(_Frozen):
    applied: date | None = None
    closure: tuple[str, str] = ("12-29", "01-03")

    @field_validator("applied", mode="before")
    @classmethod
    def _real_date(cls, value: object) -> object:
        if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
            raise problem("date_like", "expected a date like 2026-12-01")
        return value

    @field_validator("closure", mode="before")
    @classmethod
    def _closure(cls, value: object) -> tuple[str, str]:
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise problem("closure_pair", 'expected two days, e.g. ["12-29", "01-03"]')
        return checked_closure(  # at most MAX_CLOSURE_DAYS; may run over the new year
            _month_day(value[0]), _month_day(value[1])
        )


class Scenario(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    name: Annotated[str, Field(max_length=200)] | None = None
    prefecture: Annotated[str, Field(max_length=10)] | None = None
    line: Line = Line.model_construct()  # the defaults, without building Line's validator at import
    usage: Usage = Usage.model_construct()
    volumes: Counts = Field(default_factory=dict)
    season: Season = None
    months: Months = Field(default_factory=dict)
    schedule: Schedule = Schedule.model_construct()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _method_follows_line(cls, data: Any) -> Any:
        """An omitted method follows the line: interactive on dedicated/broadband, netNACCS on internet."""
        if not isinstance(data, dict):
            return data
        usage = data.get("usage", {})
        line = data.get("line", {})
        kind = line.get("kind", "internet") if isinstance(line, dict) else getattr(line, "kind", "internet")
        method = DEFAULT_METHOD.get(kind) if isinstance(kind, str) else None
        if method is None:
            return data  # an unknown kind is reported as such
        if isinstance(usage, dict) and "method" not in usage:
            return {**data, "usage": {**usage, "method": method}}
        if isinstance(usage, Usage) and "method" not in usage.model_fields_set:
            return {**data, "usage": usage.model_copy(update={"method": method})}
        return data

    def replace(self, section: str | None = None, **changes: Any) -> Scenario:
        """A copy with changes, validated; ``section`` names line/usage/schedule."""
        if section is None:
            data = self.model_dump(by_alias=True)
            data.update(changes)
        else:
            data = self.model_dump(by_alias=True)
            data[section] = {**data[section], **changes}
        return Scenario.model_validate(data)

    def with_volume(self, code: str, value: int) -> Scenario:
        return self.model_copy(update={"volumes": {**self.volumes, code: value}})

    def check(self, tariffs: Tariffs) -> None:
        """Raise InputError (field + reason) for combinations NACCS does not offer."""
        conflict = combination_problem(self, tariffs)
        if conflict:
            raise InputError(None, conflict.field, conflict.reason, code=conflict.code, params=conflict.params)
        for code in self.volumes:
            tariffs.check_code(code)
        check_month_codes(self.months, tariffs)
        if self.prefecture is not None:
            from .offices import load_offices

            offices = load_offices()
            if self.prefecture not in offices.by_prefecture:
                reason = "unknown prefecture" + did_you_mean(self.prefecture, offices.by_prefecture)
                params = {"suggestion": closest(self.prefecture, offices.by_prefecture)}
                raise InputError(None, "prefecture", reason, code="unknown_prefecture", params=params)


def check_month_codes(months: dict[str, Counts], tariffs: Tariffs, where: str = "") -> None:
    """Every operation code of ``[months.N]`` is one of the tariffs' (the error names
    ``months.N.CODE`` after ``where``, the unit's path in a schema-2 file)."""
    for month, counts in months.items():
        for code in counts:
            try:
                tariffs.check_code(code)
            except InputError as exc:
                raise InputError(
                    None, f"{where}months.{month}.{code}", exc.reason, code=exc.code, params=exc.params
                ) from None


class Conflict(NamedTuple):
    """What cannot go together: the field, the English reason, and the code and params that say
    it in the user's language (InputError's)."""

    field: str
    reason: str
    code: str
    params: dict[str, Any]


def combination_problem(s: Scenario, tariffs: Tariffs) -> Conflict | None:
    """The conflict when the line/method/options cannot go together, else None."""
    kind, method, line = s.line.kind, s.usage.method, s.line
    if method in ("netnaccs", "webnaccs") and kind != "internet":
        reason = f"{method} needs the internet line (line.kind = {kind})"
        return Conflict("usage.method", reason, "method_needs_internet", {"method": method, "kind": kind})
    if method == "interactive" and kind == "internet":
        reason = "interactive needs a dedicated or broadband line (line.kind = internet)"
        return Conflict("usage.method", reason, "interactive_needs_line", {})
    if kind == "dedicated":
        speed = tariffs.dedicated.speeds.get(line.speed)
        if speed is None:
            speeds = tariffs.dedicated.speeds
            params = unknown_value_params("speed", line.speed, speeds)
            return Conflict("line.speed", unknown_value("speed", line.speed, speeds), "unknown_value", params)
        if line.router == "redundant" and not tariffs.dedicated.redundancy_offered(line.speed):
            reason = f"redundancy is offered only on dedicated lines of 1M or more (speed = {line.speed})"
            return Conflict("line.router", reason, "redundant_speed", {"speed": line.speed})
    if kind == "broadband" and line.medium not in tariffs.broadband.media:
        offered = ", ".join(tariffs.broadband.media)
        reason = f"{line.medium} is not offered by this tariffs file (choose {offered})"
        return Conflict("line.medium", reason, "medium_not_offered", {"medium": line.medium, "choices": offered})
    if kind == "broadband" and line.router == "redundant":
        reason = "redundancy is offered only on dedicated lines of 1M or more"
        return Conflict("line.router", reason, "redundant_broadband", {})
    if kind != "dedicated" and line.ping_monitoring:
        return Conflict(
            "line.ping_monitoring", "ping monitoring is offered only on dedicated lines", "ping_dedicated", {}
        )
    return None


def parse_scenario(data: dict[str, Any], source: str | Path, tariffs: Tariffs) -> Scenario:
    """Validate a TOML document as a Scenario; one InputError for the first problem."""
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = field_path(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            parent = _section_fields(err["loc"][:-1])
            msg = "unknown key" + did_you_mean(str(err["loc"][-1]), parent)
            if tuple(err["loc"]) == ("office",):
                msg += " (several offices: schema = 2)"
        elif err["type"] == "literal_error" and (found := literal_message(Scenario, err["loc"], err["input"])):
            loc, msg = found
        elif err["type"] == "missing":
            msg = "required"
        elif err["type"] in ("model_type", "model_attributes_type", "dict_type"):
            msg = "expected a table (a [section] or { key = value })"
        raise InputError(source, loc, msg, **_coded(err)) from None
    try:
        scenario.check(tariffs)
    except InputError as exc:
        raise InputError(source, exc.field, exc.reason, code=exc.code, params=exc.params) from None
    return scenario


def _coded(err: Any) -> dict[str, Any]:
    """The code and params of a pydantic error as InputError keywords (so that the interface
    can say it in the user's language)."""
    code, params = pydantic_code(err)
    if code == "extra_forbidden" and tuple(err["loc"]) == ("office",):
        code, params = "schema2_needed", {}
    elif code == "extra_forbidden":
        code, params = "unknown_key", {"suggestion": closest(str(err["loc"][-1]), _section_fields(err["loc"][:-1]))}
    elif code == "literal_error":
        choices = literal_choices(Scenario, err["loc"])
        loc = err["loc"]
        what = "key" if loc and loc[-1] == "[key]" else str(loc[-1]) if loc else ""
        code, params = "unknown_value", unknown_value_params(what, err["input"], choices)
    return {"code": code, "params": params}


def _section_fields(loc: tuple[int | str, ...]) -> list[str]:
    model: type[BaseModel] = Scenario
    for part in loc:
        field = model.model_fields.get(str(part))
        ann = getattr(field, "annotation", None)
        if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
            return []
        model = ann
    names = [f.alias or n for n, f in model.model_fields.items()]
    return names


def load_scenario(path: str | Path, tariffs: Tariffs) -> Scenario:
    return parse_scenario(read_toml(path), path, tariffs)


def to_toml_dict(s: Scenario) -> dict[str, Any]:
    """The file form: only the keys that apply to the chosen line kind are written."""
    line: dict[str, Any] = {"kind": s.line.kind}
    if s.line.kind == "dedicated":
        line.update(
            speed=s.line.speed,
            router=s.line.router,
            maintenance=s.line.maintenance,
            ping_monitoring=s.line.ping_monitoring,
            lines=s.line.lines,
        )
    elif s.line.kind == "broadband":
        line.update(medium=s.line.medium, router=s.line.router, maintenance=s.line.maintenance, lines=s.line.lines)
    out: dict[str, Any] = {"schema": 1}
    if s.name:
        out["name"] = s.name
    if s.prefecture:
        out["prefecture"] = s.prefecture
    out["line"] = line
    out["usage"] = {name: getattr(s.usage, name) for name in Usage.model_fields}  # model_dump builds a serializer
    out["volumes"] = dict(s.volumes)
    out.update(seasonal_toml(s.season, s.months))
    sched: dict[str, Any] = {}
    if s.schedule.applied is not None:
        sched["applied"] = s.schedule.applied
    sched["closure"] = list(s.schedule.closure)
    out["schedule"] = sched
    return out


def seasonal_toml(season: tuple[int | float, ...] | None, months: dict[str, Counts]) -> dict[str, Any]:
    """``season`` and ``[months]`` as the file writes them: only what is set, months in order."""
    out: dict[str, Any] = {}
    if season is not None:
        out["season"] = list(season)
    if months:
        out["months"] = {k: dict(months[k]) for k in sorted(months, key=int)}
    return out


def dumps(s: Scenario) -> str:
    import tomli_w

    return tomli_w.dumps(to_toml_dict(s))


def save_scenario(s: Scenario, path: str | Path, *, overwrite: bool = False) -> None:
    """Write atomically (temp file + replace); refuses to overwrite unless asked."""
    write_atomic(path, dumps(s).encode("utf-8"), overwrite=overwrite)
