"""The app's state and its mirror for the panes: the state (ui/state.py) is the one truth; the
reactives the panes bind to (company, unit, scenario, quote, mix, company_quote, dirty) follow it.

A mixin for ``NaccsApp`` so that app.py keeps keys, actions and screens. The panes' and dialogs'
messages carry their change as data; ``ui.state`` applies it (``apply``, ``apply_unit``) and the
app only makes the result its state and says what the user should know (a refusal, a fix).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from ..domain.company import Company, UnitKind
from ..domain.company_edit import EditRefused
from ..domain.company_quote import company_quote
from ..domain.costing import along, with_options
from ..domain.scenario import Scenario
from ..i18n import t
from ..render.labels import fix_text, refusal_text
from .messages import CompanyEdited, EntryEnded, HorizonChosen, ScenarioEdited, UnitChosen
from .state import State, apply, apply_unit, edit_unit, end_entry, select
from .sync import drawing_once

if TYPE_CHECKING:
    from .host import MainHost


def _reactive(app: object, name: str) -> Any:
    """The app's reactive ``name`` (the descriptor, for set_reactive/mutate_reactive/data_bind)."""
    return getattr(type(app), name)


class StateKeeper:
    """The state, its reactives, and the messages that change it; expects the app's reactives."""

    _state: State

    @property
    def several_units(self) -> bool:
        """The company has more than one unit (then the office/unit navigator has a use)."""
        return len(self._state.company.units()) > 1

    def _derive(self) -> None:
        """The selected unit's scenario and quote and the company's quote, from the state. Each
        unit is quoted at most once: units unchanged since the last step keep their quote, and with
        several units the selected unit's quote is the company's (its office's options are counted
        once per office there); a company of one unit shows its office's options in the unit's
        fees (``costing.with_options``, the figures ``quote`` gives with them)."""
        app = cast("MainHost", self)
        state = self._state
        scenario = state.scenario
        cq = company_quote(state.company, app.tariffs, previous=app.company_quote)
        app.set_reactive(_reactive(app, "company_quote"), cq)
        if scenario != app.scenario or app.quote is None:
            app.set_reactive(_reactive(app, "scenario"), scenario)
        office = cq.offices[state.unit[0] - 1]
        unit = next(u for u in office.units if u.kind == state.unit[1])
        alone = not state.several_units
        q = with_options(unit.quote, office.option_items) if alone else unit.quote
        # the total slider's counts are rounded from a mix: the break-even is the mix's
        app.set_reactive(_reactive(app, "quote"), along(q, scenario, app.tariffs, state.mix))
        app.set_reactive(_reactive(app, "mix"), dict(state.mix) if state.mix is not None else None)

    def set_company(self, company: Company, unit: tuple[int, UnitKind] | None = None) -> None:
        """Replace the company (a file opened or restored; and maybe the selected unit; the scenario
        and quotes follow). The panes' memories of the company before (a mix, a line put away) go."""
        self._set_state(select(replace(self._state, mix=None, put_away=None), company, unit))

    def _set_state(self, new: State) -> None:
        """Make ``new`` the state; the panes hear what changed. Unsaved means: other than the
        plan last opened or saved, so an edit taken back is not one."""
        app = cast("MainHost", self)
        if (new.company, new.unit, new.mix) == (app.company, app.unit, self._state.mix):
            self._state = new
            return
        company, unit = new.company, new.unit
        self._state = new
        old_unit, old_scenario, old_quote, old_company_quote = app.unit, app.scenario, app.quote, app.company_quote
        old_mix = app.mix
        app.set_reactive(_reactive(app, "company"), company)
        app.set_reactive(_reactive(app, "unit"), unit)
        self._derive()
        # the watchers (and bound panes) hear only what changed, after the state is whole again;
        # a pane bound to several of these draws once, at the end
        with drawing_once(app):
            app.mutate_reactive(_reactive(app, "company"))
            for name, old in (
                ("unit", old_unit),
                ("scenario", old_scenario),
                ("mix", old_mix),
                ("quote", old_quote),
                ("company_quote", old_company_quote),
            ):
                if getattr(app, name) != old:
                    app.mutate_reactive(_reactive(app, name))
        app.dirty = new.dirty
        if len(company.units()) != len(old_company_quote.units if old_company_quote else ()):
            app.refresh_bindings()  # F4 shows in the footer once there is more than one unit

    def set_scenario(self, scenario: Scenario, mix: dict[str, int] | None = None) -> bool:
        """The selected unit changed as the panes edit it: write it back into the company. False
        (and a notice) when that cannot be (interactive for a unit whose office has one already).
        ``mix``: the total slider scaled this mix to the new counts."""
        try:
            self._set_state(edit_unit(self._state, scenario, mix))
        except EditRefused as exc:
            self._refused(exc)
            return False
        return True

    def _refused(self, exc: EditRefused) -> None:
        cast("MainHost", self).notify(refusal_text(exc.code, exc.params), severity="warning")

    # ---- the messages that change the state (data; ui/messages.py) --------------------------
    def on_company_edited(self, event: CompanyEdited) -> None:
        """The office/unit navigator and the company view post their edits; applied here only."""
        event.stop()
        try:
            self._set_state(apply(self._state, event.op))
        except EditRefused as exc:
            self._refused(exc)
            return
        if event.note:
            cast("MainHost", self).notify(event.note)

    def on_unit_chosen(self, event: UnitChosen) -> None:
        event.stop()
        self._set_state(select(self._state, self._state.company, (event.office, event.kind)))

    def on_scenario_edited(self, event: ScenarioEdited) -> None:
        """Panes and screens post their changes (data); the state applies them (``apply_unit``)."""
        event.stop()
        app = cast("MainHost", self)
        try:
            state, fixes = apply_unit(self._state, event.op, app.tariffs, changed=event.settle, entry=event.entry)
        except EditRefused as exc:  # a refused change says why, never that it was made
            self._refused(exc)
            return
        self._set_state(state)
        if fixes:
            for fix in fixes:
                app.notify(fix_text(fix), title=t("fix.title"))
        if event.note:
            app.notify(event.note)

    def on_entry_ended(self, event: EntryEnded) -> None:
        event.stop()
        self._state = end_entry(self._state, event.entry)

    def on_horizon_chosen(self, event: HorizonChosen) -> None:
        event.stop()
        cast("MainHost", self).months = event.months
