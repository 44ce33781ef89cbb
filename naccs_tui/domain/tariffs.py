"""Models of tariffs.toml (fees, lead times, operations) and their loader."""

from __future__ import annotations

import os
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import (
    InputError,
    closest,
    did_you_mean,
    field_path,
    literal_choices,
    literal_message,
    problem,
    pydantic_code,
    unknown_value_params,
)
from .files import read_toml

Yen = Annotated[StrictInt, Field(ge=0, le=1_000_000_000)]
Days = Annotated[StrictInt, Field(ge=0, le=1000)]
Maintenance = Literal["weekdays", "24x365"]
SOURCE_KINDS = ("guide", "bbs", "sample", "assumption", "import")
"""What a `source` in tariffs.toml may start with: the introduction guide (and its section), a
NACCS bulletin-board page (its URL), a sample value, an assumption (what is assumed), or an
imported file (its name and date)."""


def _check_source(text: str | None) -> str | None:
    if text is not None and text.split(" ", 1)[0] not in SOURCE_KINDS:
        kinds = ", ".join(SOURCE_KINDS)
        raise problem(
            "source_kind", "source must start with one of {kinds} (got {got})", kinds=kinds, got=repr(text[:40])
        )
    return text


Source = Annotated[str | None, AfterValidator(_check_source)]
"""Where a figure comes from ("guide <section>", "bbs <URL>", ...); None in an older file."""
MAINTENANCE: tuple[Maintenance, ...] = ("weekdays", "24x365")


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when it first validates, not at import; loading a
    # file builds only Tariffs' (its parts are validated inside it), which halves the build time.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Plans(_Frozen):
    source: Source = None
    basic_fee_a_per_terminal: Yen
    paid_statistics_per_user_code: Yen
    bonded_storage_per_user_code: Yen
    rule_of_thumb_low: Yen
    rule_of_thumb_high: Yen
    rule_of_thumb_source: Source = None
    office_plans_source: Source = None
    """Where the rules of plans per office come from: a plan for each office × {general NACCS,
    netNACCS}, the paid options per user code a month, plan changes applied for by the month, and
    offices without a basic-fee unit (gateway, joint use) on Plan B."""


class Offered(_Frozen):
    """Where a line option is listed, each place with its source; a place left out does not list it."""

    guide: Source = None
    """The introduction guide's fee table."""
    access_page: Source = None
    """NACCS's current "how to use" page, section (1) アクセス回線."""


class AccessPage(_Frozen):
    """NACCS's current page of access lines: the catalog an option is checked against."""

    url: Annotated[str, Field(pattern=r"^https?://\S+$")]
    section: str = ""
    read: date
    """The day the page's catalog was recorded in this file."""
    source: Source = None
    note: str = ""


class Internet(_Frozen):
    source: Source = None
    offered: Offered | None = None


class LeadTime(_Frozen):
    """Business days from the application to the start (approximate in the guide) and the setup rule."""

    source: Source = None
    internet: Days
    dedicated_min: Days
    dedicated_max: Days
    setup_deadline: Days
    setup_deadline_source: Source = None

    @model_validator(mode="before")
    @classmethod
    def _drop_certificate_months(cls, data: Any) -> Any:
        """Older files carry ``certificate_months``, a certificate rule with no source: ignored."""
        if isinstance(data, dict) and "certificate_months" in data:
            data = {k: v for k, v in data.items() if k != "certificate_months"}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> LeadTime:
        if self.dedicated_min > self.dedicated_max:
            raise problem("lead_time_order", "dedicated_min is larger than dedicated_max")
        return self


class InitialFees(_Frozen):
    standard: Yen
    spare: Yen
    redundant: Yen | None = None


class RouterFees(_Frozen):
    weekdays: Yen
    h24: Yen = Field(alias="24x365")
    spare: Yen
    redundant: Yen | None = None


class MaintenanceFees(_Frozen):
    weekdays: Yen
    h24: Yen = Field(alias="24x365")

    def for_hours(self, maintenance: str) -> int:
        return self.h24 if maintenance == "24x365" else self.weekdays


class SpeedClass(_Frozen):
    initial: InitialFees
    router: RouterFees


class LineFees(_Frozen):
    standard: Yen
    redundant: Yen | None = None


class Speed(_Frozen):
    """One dedicated-line speed. Its initial and router fees are its class's unless it has its own
    (imported); a fee neither gives is unknown ("not published"), never 0."""

    speed_class: Literal["low", "high"] | None = Field(None, alias="class")
    line: LineFees | None = None
    initial: InitialFees | None = None
    router: RouterFees | None = None
    source: Source = None
    """Where this speed's own fees come from (an import); without it, the section's source."""
    offered: Offered | None = None


class Dedicated(_Frozen):
    source: Source = None
    indoor_wiring_redundant: Yen
    ping_monitoring: Yen
    note: str = ""
    classes: dict[Literal["low", "high"], SpeedClass]
    speeds: dict[str, Speed]

    @model_validator(mode="after")
    def _consistent(self) -> Dedicated:
        for name, speed in self.speeds.items():
            if speed.speed_class is not None and speed.speed_class not in self.classes:
                message = "speed {speed}: class {cls} is not defined"
                raise problem("speed_class_missing", message, speed=name, cls=repr(speed.speed_class))
            initial, router = self.initial_fees(name), self.router_fees(name)
            redundant_fees = (
                initial is not None and router is not None and None not in (initial.redundant, router.redundant)
            )
            if self.redundancy_offered(name) and not redundant_fees:
                message = "speed {speed}: redundancy priced but its class has no redundant fees"
                raise problem("speed_redundant_fees", message, speed=name)
        return self

    def initial_fees(self, speed: str) -> InitialFees | None:
        """The speed's initial fees (its own, else its class's); None when not published."""
        sp = self.speeds[speed]
        if sp.initial is not None:
            return sp.initial
        return self.classes[sp.speed_class].initial if sp.speed_class in self.classes else None

    def router_fees(self, speed: str) -> RouterFees | None:
        """The speed's router fees (its own, else its class's); None when not published."""
        sp = self.speeds[speed]
        if sp.router is not None:
            return sp.router
        return self.classes[sp.speed_class].router if sp.speed_class in self.classes else None

    def redundancy_offered(self, speed: str) -> bool:
        line = self.speeds[speed].line
        return line is not None and line.redundant is not None

    def bandwidth_kbps(self, speed: str) -> int:
        """Line speed in kbit/s from its name ("64k", "1M", "0.5M")."""
        number, unit = speed[:-1], speed[-1].upper()
        return int(float(number) * (1000 if unit == "M" else 1))


class Medium(_Frozen):
    initial: InitialFees
    line: MaintenanceFees
    indoor_wiring: Yen
    offered: Offered | None = None


class Broadband(_Frozen):
    source: Source = None
    router: RouterFees
    note: str = ""
    media: dict[Literal["fiber", "adsl"], Medium]


class Operation(_Frozen):
    code: Annotated[str, Field(pattern=r"^[A-Z0-9]{2,8}$")]
    name_ja: Annotated[str, Field(min_length=1, max_length=80)]
    name_en: Annotated[str, Field(min_length=1, max_length=80)]
    price_a: Yen
    price_b: Yen
    sample: StrictBool = True
    source: Source = None
    """Where the prices come from; without it: "sample" when ``sample``, else the table's import."""

    @model_validator(mode="after")
    def _a_not_dearer(self) -> Operation:
        if self.price_a > self.price_b:
            message = "{code}: price_a ({a}) is above price_b ({b})"
            raise problem("price_order", message, code=self.code, a=self.price_a, b=self.price_b)
        return self

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ja


class Tariffs(_Frozen):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, ignored_types=(cached_property,))

    schema_: Literal[1] = Field(alias="schema")
    source: str
    effective: date
    note: str = ""
    imported: date | None = None
    tax_rate_percent: Annotated[StrictInt, Field(ge=0, le=100)]
    tax_rate_source: Source = None
    plans: Plans
    lead_time: LeadTime
    access_page: AccessPage | None = None
    internet: Internet | None = None
    dedicated: Dedicated
    broadband: Broadband
    operations: tuple[Operation, ...] = Field(min_length=1, max_length=10_000)

    @field_validator("operations")
    @classmethod
    def _unique_codes(cls, operations: tuple[Operation, ...]) -> tuple[Operation, ...]:
        seen: set[str] = set()
        for op in operations:
            if op.code in seen:
                raise problem("operation_twice", "operation code {code} appears twice", code=op.code)
            seen.add(op.code)
        return operations

    @cached_property
    def origin(self) -> str | None:
        """The file these tariffs were loaded from, named in errors (set by parse_tariffs; not compared)."""
        return None

    @cached_property
    def ops(self) -> dict[str, Operation]:
        """Operations by code, in file order."""
        return {op.code: op for op in self.operations}

    @property
    def sample(self) -> bool:
        """True when any unit price is a sample, not the official table."""
        return any(op.sample for op in self.operations)

    def price_source(self, op: Operation) -> str | None:
        """Where ``op``'s unit prices come from."""
        if op.source:
            return op.source
        if op.sample:
            return "sample"
        return f"import {self.source} {self.imported.isoformat()}" if self.imported else None

    def check_code(self, code: str) -> None:
        if code not in self.ops:
            where = f" (not in the tariffs in use: {self.origin})" if self.origin else ""
            reason = "unknown operation code" + did_you_mean(code, self.ops) + where
            params = {"suggestion": closest(code, self.ops), "origin": self.origin}
            kind = "unknown_code_in" if self.origin else "unknown_code"
            raise InputError(None, f"volumes.{code}", reason, code=kind, params=params)


SHIPPED_NAME = "tariffs.toml"


def data_file(name: str) -> Path:
    """A data file shipped in the package (wheel) or lying at the top of the source tree."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_file():
            return candidate
    raise InputError(name, None, "shipped data file is missing from the installation", code="shipped_missing")


def user_tariffs_path() -> Path:
    """The user's own tariffs file (XDG): $XDG_CONFIG_HOME/naccs-tui/tariffs.toml."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "naccs-tui" / SHIPPED_NAME


def default_tariffs_path() -> Path:
    user = user_tariffs_path()
    return user if user.is_file() else data_file(SHIPPED_NAME)


def parse_tariffs(data: dict[str, Any], source: str | Path) -> Tariffs:
    try:
        tariffs = Tariffs.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = field_path(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        code, params = pydantic_code(err)
        if err["type"] == "extra_forbidden":
            msg, code, params = "unknown key", "unknown_key", {}
        elif err["type"] == "literal_error" and (found := literal_message(Tariffs, err["loc"], err["input"])):
            loc, msg = found
            what = "key" if err["loc"][-1] == "[key]" else str(err["loc"][-1])
            code, params = (
                "unknown_value",
                unknown_value_params(what, err["input"], literal_choices(Tariffs, err["loc"])),
            )
        raise InputError(source, loc, msg, code=code, params=params) from None
    tariffs.__dict__["origin"] = str(source)  # the cached property's value: equality ignores it
    return tariffs


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int, size: int = 0, inode: int = 0) -> Tariffs:
    return parse_tariffs(read_toml(path), path)


def load_tariffs(path: str | Path | None = None) -> Tariffs:
    """Load and validate a tariffs file (default: the user's XDG file, else the shipped one)."""
    p = Path(path) if path is not None else default_tariffs_path()
    try:
        st = p.stat()
        mtime = st.st_mtime_ns
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        mtime = 0
    if mtime == 0:
        return parse_tariffs(read_toml(p), p)  # raises the right InputError
    # size and inode too: a file replaced within the clock's resolution must not come from the cache
    return _load_cached(str(p), mtime, st.st_size, st.st_ino)
