"""A recommendation applied: the unit's line and method as the recommendation says, or, when its
method is the office's other unit's, the user's choice between merging this unit into that one
(the totals after are shown) and keeping both as they are. A mixin for ``NaccsApp`` so that app.py
keeps keys, actions and screens; the rules are ui/state.py's (``apply``, ``needs_merge``).

Late imports: the recommendation and confirmation dialogs load when they are first opened; the
first frame does not need them (start-up time).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from ..domain.company_edit import EditRefused
from ..domain.company_quote import company_quote
from ..i18n import t
from ..render.labels import setup_change_text, yen
from .state import ApplySetup, apply, needs_merge

if TYPE_CHECKING:
    from .host import MainHost


class SetupActions:
    """The recommendation dialog and what its answer does; expects the state (keeper.py)."""

    def action_recommend(self) -> None:
        from .screens.recommend import RecommendScreen

        app = cast("MainHost", self)
        if not isinstance(app.screen, RecommendScreen):
            app.push_screen(RecommendScreen(app.context()), self._recommended)

    def _recommended(self, op: ApplySetup | None) -> None:
        if op is not None:
            cast("MainHost", self).run_worker(self._apply_setup(op), exclusive=True, group="apply-setup")

    async def _apply_setup(self, op: ApplySetup) -> None:
        """A recommendation applied, or the reason it is not, never both. When its method is the
        office's other unit's, the user chooses: merge this unit into that one (the totals after
        are shown) or keep both as they are."""
        app = cast("MainHost", self)
        before = app._state
        if needs_merge(before, op):
            await self._merge_or_keep(op)
            return
        try:
            new = apply(before, op)
        except EditRefused as exc:
            app._refused(exc)
            return
        app._set_state(new)
        app.notify(setup_change_text(before.scenario, new.scenario) or t("recommend.unchanged"))

    async def _merge_or_keep(self, op: ApplySetup) -> None:
        """The recommended method is the office's other unit's: ask, showing the totals after."""
        from .screens.confirm import ConfirmScreen

        app = cast("MainHost", self)
        try:
            merged = apply(app._state, replace(op, merge=True))
        except EditRefused as exc:
            app._refused(exc)
            return
        now, after = app.company_quote, company_quote(merged.company, app.tariffs)
        assert now is not None
        question = t(
            "recommend.merge_body",
            unit=t(f"company.unit.{'netnaccs' if op.kind == 'general' else 'general'}"),
            now=yen(now.monthly("chosen", app.tax)),
            after=yen(after.monthly("chosen", app.tax)),
        )
        answers = [
            ("merge", t("recommend.merge_yes"), "primary"),
            ("keep", t("recommend.merge_keep"), "default"),
        ]
        answer = await app.push_screen_wait(ConfirmScreen(t("recommend.merge_title"), question, answers))
        if answer != "merge":
            app.notify(t("recommend.kept"))
            return
        app._set_state(merged)
        app.notify(t("recommend.merged"))
