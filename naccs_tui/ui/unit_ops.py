"""The panes' edits of the selected unit, as data, and the rule that takes a typed entry back.

A pane says what changed (which field and value, which operation and count), never how: one
function (``edit``) turns an operation into the new scenario. A typed number is applied while it
is typed; if the entry is refused, ``RevertEntry`` names the entry and the part of the unit it
sets (a field path such as ``("usage", "terminals")`` or ``("volumes", "IDA")``), and ``revert``
takes it back from the unit as it was before the entry's first value and after its latest
(kept by ``ui.state``). Apart from Textual (plain pytest tests it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..domain.mix import apportion
from ..domain.scenario import Scenario

Section = Literal["line", "usage", "schedule"]
Part = tuple[str, ...]
"""A field of the unit: ``("line", "lines")``, ``("usage", "terminals")``, ``("volumes",)`` (every
count), ``("volumes", "IDA")`` (one operation's count, or its absence), ``("season",)``."""


@dataclass(frozen=True, slots=True)
class SetFields:
    """Set fields of one section of the unit (``None``: its top level, e.g. the prefecture)."""

    section: Section | None
    changes: tuple[tuple[str, object], ...]

    @classmethod
    def of(cls, section: Section | None, **changes: object) -> SetFields:
        return cls(section, tuple(changes.items()))


@dataclass(frozen=True, slots=True)
class SetVolume:
    """The monthly count of one operation."""

    code: str
    count: int


@dataclass(frozen=True, slots=True)
class ScaleVolumes:
    """The total slider: ``mix`` scaled to whole counts that add up to ``total`` (operations not
    in the mix go to 0). The state keeps the mix: the break-even is the mix's."""

    mix: tuple[tuple[str, int], ...]
    total: int

    @classmethod
    def of(cls, mix: Mapping[str, int], total: int) -> ScaleVolumes:
        return cls(tuple(mix.items()), total)


@dataclass(frozen=True, slots=True)
class SetSeason:
    """Calendar ``month``'s season multiplier (a season of 1s where there was none)."""

    month: int
    value: int | float


@dataclass(frozen=True, slots=True)
class ReplaceUnit:
    """The unit replaced whole."""

    scenario: Scenario


@dataclass(frozen=True, slots=True)
class RevertEntry:
    """Typed entry ``entry`` was refused: take back what it set in ``part`` (see ``revert``)."""

    entry: int
    part: Part


UnitEdit = SetFields | SetVolume | ScaleVolumes | SetSeason | ReplaceUnit
UnitOp = UnitEdit | RevertEntry


def with_factor(s: Scenario, month: int, value: int | float) -> Scenario:
    """``s`` with calendar ``month``'s season multiplier set (a season of 1s where there was none)."""
    season: list[int | float] = list(s.season) if s.season is not None else [1] * 12
    season[month - 1] = value
    return s.model_copy(update={"season": tuple(season)})


def edit(s: Scenario, op: UnitEdit) -> Scenario:
    """The unit ``s`` with ``op`` applied (validated where a field is set from outside)."""
    match op:
        case SetFields(section, changes):
            return s.replace(section, **dict(changes))
        case SetVolume(code, count):
            return s.with_volume(code, count)
        case ScaleVolumes(mix, total):
            scaled = apportion(dict(mix), total)
            return s.model_copy(update={"volumes": {**{k: 0 for k in s.volumes}, **scaled}})
        case SetSeason(month, value):
            return with_factor(s, month, value)
        case ReplaceUnit(scenario):
            return scenario


_ABSENT = object()


def read(s: Scenario, part: Part) -> object:
    """The value of ``part`` in ``s`` (an operation without a count: absent, unlike 0)."""
    value: object = s
    for name in part:
        value = value.get(name, _ABSENT) if isinstance(value, Mapping) else getattr(value, name)
    return value


def restore(s: Scenario, before: Scenario, part: Part) -> Scenario:
    """``s`` with ``part`` as it is in ``before`` (an operation absent there is removed)."""
    value = read(before, part)
    match part:
        case ("volumes", code):
            rest = {k: v for k, v in s.volumes.items() if k != code}
            return s.model_copy(update={"volumes": rest if value is _ABSENT else {**rest, code: value}})
        case (field,):
            return s.model_copy(update={field: dict(value) if isinstance(value, Mapping) else value})
        case (section, field):
            inner = getattr(s, section).model_copy(update={field: value})
            return s.model_copy(update={section: inner})
    raise ValueError(f"not a part of a unit: {part!r}")


def revert(s: Scenario, before: Scenario, after: Scenario, part: Part) -> Scenario:
    """A refused entry taken back from the unit ``s``. The entry found the unit ``before`` its
    first value and left it ``after`` its latest. When nothing changed it since: ``before``,
    exactly. Else, if ``part`` (what the entry sets) still holds the entry's value, only that
    part goes back; if someone else set it since, theirs stands."""
    if s == after:
        return before
    if read(s, part) != read(after, part):
        return s
    return restore(s, before, part)
