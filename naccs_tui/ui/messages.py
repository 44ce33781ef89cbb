"""Messages that carry a change up to the app. Data goes down by ``data_bind``; changes come up
as one of these, and only the app (``NaccsApp``) changes its state in answer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from textual.message import Message

from ..domain.company import UnitKind
from ..domain.scenario import Scenario
from .state import CompanyOp


@dataclass
class ScenarioEdited(Message):
    """A pane or screen changed the plan.

    The message carries the change (``edit``), which the app applies to its scenario as it is
    when the message arrives: two quick edits from different controls never undo each other.
    """

    edit: Callable[[Scenario], Scenario]
    """The change: from the app's scenario to the new one."""
    settle: Literal["line", "method"] | None = None
    """The user changed this part: the app keeps it and makes the other follow
    (``domain.combos.settle``), telling the user about each change it made."""
    note: str | None = None
    """A sentence for the user once the change is applied (e.g. the recommendation was used)."""
    mix: Mapping[str, int] | None = None
    """The total slider's change: the exact mix its rounded counts were scaled from (the
    break-even follows it, ``ui.state.State.mix``)."""

    @classmethod
    def section(
        cls, section: str | None, settle: Literal["line", "method"] | None = None, /, **changes: object
    ) -> ScenarioEdited:
        """Set ``changes`` in one section of the scenario (``None``: the top level)."""
        return cls(lambda s: s.replace(section, **changes), settle)

    @classmethod
    def volume(cls, code: str, count: int) -> ScenarioEdited:
        """Set the monthly count of one operation."""
        return cls(lambda s: s.with_volume(code, count))

    @classmethod
    def whole(cls, scenario: Scenario, note: str | None = None) -> ScenarioEdited:
        """Replace the scenario by ``scenario``."""
        return cls(lambda _: scenario, note=note)


@dataclass
class HorizonChosen(Message):
    """The user chose the horizon of the N-month totals."""

    months: int


@dataclass
class CompanyEdited(Message):
    """The office/unit navigator or the company view changed the offices or units.

    It carries the operation as data (``ui.state.CompanyOp``: which operation, on which office and
    unit, with which name or plan); the app applies it to its state as it is when the message
    arrives (``ui.state.apply``), which also says the unit selected afterwards. A change the rules
    refuse (``domain.company.EditRefused``) is told, not made.
    """

    op: CompanyOp
    """The change."""
    note: str | None = None
    """A sentence for the user once the change is applied."""


@dataclass
class UnitChosen(Message):
    """The user chose the unit the panes work on."""

    office: int
    """The office, counted from 1."""
    kind: UnitKind
