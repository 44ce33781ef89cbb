"""Messages that carry a change up to the app. Data goes down by ``data_bind``; changes come up
as one of these, and only the app (``NaccsApp``) changes its state in answer. Every field is
data (which operation, which count; which field, which value), never a function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

from ..domain.company import UnitKind
from .state import CompanyOp
from .unit_ops import Section, SetFields, UnitOp


@dataclass
class ScenarioEdited(Message):
    """A pane or screen changed the selected unit.

    It carries the change as data (``ui.unit_ops.UnitOp``: which field and value, which operation
    and count), which the app applies to its state as it is when the message arrives
    (``ui.state.apply_unit``): two quick edits from different controls never undo each other.
    """

    op: UnitOp
    """The change."""
    settle: Literal["line", "method"] | None = None
    """The user changed this part: the app keeps it and makes the other follow
    (``domain.combos.settle``), telling the user about each change it made."""
    note: str | None = None
    """A sentence for the user once the change is applied (e.g. the recommendation was used)."""
    entry: int | None = None
    """The typed entry the value belongs to (``widgets.number``): a refused entry is taken back
    (``RevertEntry``) from the unit as it was before the entry's first value."""

    @classmethod
    def section(
        cls, section: Section | None, settle: Literal["line", "method"] | None = None, /, **changes: object
    ) -> ScenarioEdited:
        """Set ``changes`` in one section of the scenario (``None``: the top level)."""
        return cls(SetFields.of(section, **changes), settle)


@dataclass
class EntryEnded(Message):
    """A typed entry ended (kept, or refused and taken back): the state forgets its snapshots."""

    entry: int


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
    refuse (``domain.company_edit.EditRefused``) is told, not made.
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
