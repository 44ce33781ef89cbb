"""The panes' edits travel as data (ui/unit_ops.py) and one function applies them to the state
(``ui.state.apply_unit``); a refused typed entry is taken back by its id and the field it sets.

The unit: examples/customs-broker.toml (dedicated 1M, 1 line, interactive, 3 terminals; IDA 300,
IDC 280, EDA 150, EDC 140, ICG 400 a month; no season).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import inspect
import sys
import typing
from pathlib import Path

import pytest

from naccs_tui.domain.document import load_document
from naccs_tui.domain.scenario import Line, Scenario
from naccs_tui.ui import messages
from naccs_tui.ui.state import KEPT_ENTRIES, apply_unit, end_entry, opened
from naccs_tui.ui.unit_ops import (
    ReplaceUnit,
    RevertEntry,
    ScaleVolumes,
    SetFields,
    SetSeason,
    SetVolume,
)

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"
MIX = {"IDA": 300, "IDC": 280, "EDA": 150, "EDC": 140, "ICG": 400}


@pytest.fixture
def state(tariffs):
    return opened(load_document(BROKER, tariffs))


def test_each_unit_op_sets_what_it_names(state, tariffs):
    assert (state.unit, dict(state.scenario.volumes)) == ((1, "general"), MIX)
    s, fixes = apply_unit(state, SetVolume("IDA", 450), tariffs)
    assert dict(s.scenario.volumes) == {**MIX, "IDA": 450} and fixes == [] and s.dirty
    s, _ = apply_unit(state, SetFields.of("usage", terminals=5, user_codes=2), tariffs)
    assert (s.scenario.usage.terminals, s.scenario.usage.user_codes) == (5, 2)
    s, _ = apply_unit(state, SetFields.of("line", lines=3), tariffs)
    assert s.scenario.line.lines == 3 and s.scenario.line.speed == "1M"
    s, _ = apply_unit(state, SetFields.of(None, prefecture="東京都"), tariffs)
    assert s.scenario.prefecture == "東京都"
    s, _ = apply_unit(state, SetSeason(8, 0.5), tariffs)
    assert s.scenario.season == (1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1)
    s, _ = apply_unit(s, SetSeason(12, 2), tariffs)
    assert s.scenario.season == (1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 2)
    other = state.scenario.with_volume("SCR", 9)
    s, _ = apply_unit(state, ReplaceUnit(other), tariffs)
    assert s.scenario.volumes["SCR"] == 9


def test_the_total_scales_the_mix_and_the_state_keeps_it(state, tariffs):
    # 127 of 1,270 is a tenth of each count
    s, _ = apply_unit(state, ScaleVolumes.of(MIX, 127), tariffs)
    assert dict(s.scenario.volumes) == {"IDA": 30, "IDC": 28, "EDA": 15, "EDC": 14, "ICG": 40}
    assert s.mix == MIX
    s, _ = apply_unit(s, ScaleVolumes.of({"IDA": 1}, 4), tariffs)  # an operation not in the mix goes to 0
    assert dict(s.scenario.volumes) == {"IDA": 4, "IDC": 0, "EDA": 0, "EDC": 0, "ICG": 0}
    s, _ = apply_unit(s, SetVolume("IDC", 7), tariffs)  # one operation set by itself: the counts are the mix
    assert s.mix is None


def test_a_method_change_settles_the_line_through_the_same_function(state, tariffs):
    s, fixes = apply_unit(state, SetFields.of("usage", method="netnaccs"), tariffs, changed="method")
    assert s.unit == (1, "netnaccs") and s.scenario.line == Line()
    assert [f.kind for f in fixes] == ["line"]
    assert s.put_away == (1, state.scenario.line)


def typed(state, tariffs, entry, op_of, values):
    """The values of one typed entry, applied as the field commits them."""
    for value in values:
        state, _ = apply_unit(state, op_of(value), tariffs, entry=entry)
    return state


def test_a_refused_entry_with_nothing_else_changed_gives_the_unit_back_exactly(state, tariffs):
    # "450" typed into IDA: 4, 45, 450 applied while typing
    s = typed(state, tariffs, 1, lambda v: SetVolume("IDA", v), [4, 45, 450])
    assert s.scenario.volumes["IDA"] == 450
    assert s.entries[1] == (state.scenario, state.scenario.with_volume("IDA", 450))
    back, fixes = apply_unit(s, RevertEntry(1, ("volumes", "IDA")), tariffs)
    assert back.scenario == state.scenario and fixes == [] and not back.dirty
    assert back.entries == {}  # the entry's snapshots went with it


def test_a_refused_entry_takes_back_only_its_part_when_another_changed_since(state, tariffs):
    s = typed(state, tariffs, 2, lambda v: SetVolume("IDA", v), [4, 45])
    s, _ = apply_unit(s, SetFields.of("usage", terminals=5), tariffs)  # another control, meanwhile
    back, _ = apply_unit(s, RevertEntry(2, ("volumes", "IDA")), tariffs)
    assert back.scenario.volumes["IDA"] == 300 and back.scenario.usage.terminals == 5


def test_a_refused_entry_leaves_its_part_to_whoever_set_it_since(state, tariffs):
    s = typed(state, tariffs, 3, lambda v: SetVolume("IDA", v), [4, 45])
    s, _ = apply_unit(s, SetVolume("IDA", 60), tariffs)  # the slider moved it since
    back, _ = apply_unit(s, RevertEntry(3, ("volumes", "IDA")), tariffs)
    assert back.scenario.volumes["IDA"] == 60 and back.entries == {}


def test_other_parts_go_back_by_their_path(state, tariffs):
    # an operation the unit did not have is removed again (not left at 0)
    s = typed(state, tariffs, 4, lambda v: SetVolume("SCR", v), [1, 12])
    s, _ = apply_unit(s, SetFields.of("usage", terminals=4), tariffs)
    back, _ = apply_unit(s, RevertEntry(4, ("volumes", "SCR")), tariffs)
    assert "SCR" not in back.scenario.volumes and back.scenario.usage.terminals == 4
    # the number of lines
    s = typed(state, tariffs, 5, lambda v: SetFields.of("line", lines=v), [2])
    s, _ = apply_unit(s, SetVolume("ICG", 1), tariffs)
    back, _ = apply_unit(s, RevertEntry(5, ("line", "lines")), tariffs)
    assert (back.scenario.line.lines, back.scenario.volumes["ICG"]) == (1, 1)
    # the total: every count as before, the other change kept
    s = typed(state, tariffs, 6, lambda v: ScaleVolumes.of(MIX, v), [1, 12, 127])
    s, _ = apply_unit(s, SetFields.of("usage", user_codes=3), tariffs)
    back, _ = apply_unit(s, RevertEntry(6, ("volumes",)), tariffs)
    assert dict(back.scenario.volumes) == MIX and back.scenario.usage.user_codes == 3
    # a season factor (none before: none again)
    s = typed(state, tariffs, 7, lambda v: SetSeason(3, v), [1.5])
    s, _ = apply_unit(s, SetFields.of("usage", terminals=2), tariffs)
    back, _ = apply_unit(s, RevertEntry(7, ("season",)), tariffs)
    assert back.scenario.season is None and back.scenario.usage.terminals == 2


def test_an_entry_that_never_reached_the_unit_or_has_ended_takes_nothing_back(state, tariffs):
    back, _ = apply_unit(state, RevertEntry(99, ("volumes", "IDA")), tariffs)
    assert back is state
    s = typed(state, tariffs, 8, lambda v: SetVolume("IDA", v), [5])
    ended = end_entry(s, 8)
    assert ended.entries == {} and ended.scenario.volumes["IDA"] == 5
    assert end_entry(ended, 8) is ended
    back, _ = apply_unit(ended, RevertEntry(8, ("volumes", "IDA")), tariffs)
    assert back.scenario.volumes["IDA"] == 5


def test_snapshots_of_entries_never_ended_are_bounded(state, tariffs):
    s = state
    for entry in range(1, 21):
        s = typed(s, tariffs, entry, lambda v: SetVolume("IDA", v), [entry])
    assert sorted(s.entries) == list(range(21 - KEPT_ENTRIES, 21))


# ---- the messages carry data ----------------------------------------------------------------------
def callables_in(hint: object, seen: set[int]) -> list[str]:
    """The callable types in a type hint, looking into unions, generics and the dataclasses it names."""
    if id(hint) in seen:
        return []
    seen.add(id(hint))
    origin = typing.get_origin(hint)
    if hint is collections.abc.Callable or origin is collections.abc.Callable:
        return [repr(hint)]
    found = [c for arg in typing.get_args(hint) for c in callables_in(arg, seen)]
    if inspect.isclass(hint) and dataclasses.is_dataclass(hint):
        for name, sub in field_hints(hint).items():
            found += [f"{hint.__name__}.{name}: {c}" for c in callables_in(sub, seen)]
    return found


def field_hints(cls: type) -> dict[str, object]:
    """The types of a dataclass's own fields (a Message's base class has annotations of its own)."""
    namespace = vars(sys.modules[cls.__module__])
    return {f.name: eval(f.type, namespace) if isinstance(f.type, str) else f.type for f in dataclasses.fields(cls)}


def message_classes() -> list[type]:
    return [
        c
        for c in vars(messages).values()
        if inspect.isclass(c) and c.__module__ == messages.__name__ and dataclasses.is_dataclass(c)
    ]


def test_no_message_field_is_a_callable():
    names = {c.__name__ for c in message_classes()}
    assert {"ScenarioEdited", "CompanyEdited", "EntryEnded", "UnitChosen", "HorizonChosen"} <= names
    for cls in message_classes():
        hints = field_hints(cls)
        for f in dataclasses.fields(cls):
            assert not callables_in(hints[f.name], set()), (cls.__name__, f.name, callables_in(hints[f.name], set()))
            assert not callable(f.default), (cls.__name__, f.name)
    # and a message as a pane builds it holds only data
    edited = messages.ScenarioEdited.section("usage", None, terminals=3)
    assert edited.op == SetFields("usage", (("terminals", 3),))


@dataclasses.dataclass
class Hidden:
    inner: collections.abc.Callable[[Scenario], Scenario]


@dataclasses.dataclass
class Carrier:
    op: int | Hidden


def test_the_walk_finds_a_callable_field_inside_an_op():
    assert callables_in(Carrier, set()) == [
        f"Carrier.op: Hidden.inner: {collections.abc.Callable[[Scenario], Scenario]!r}"
    ]
