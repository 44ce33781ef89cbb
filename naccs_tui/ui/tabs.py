"""The tabs' panes, built when a tab is first shown, and where the plans sit (beside the tabs when
the terminal is wide). A mixin for ``NaccsApp`` so that app.py keeps keys, actions and screens.

A pane's widgets (about 90 for the volumes) cost start-up time and memory, and a hidden pane would
follow every change for nothing: each tab is composed when it is first shown.

Late imports: for the same reason each pane's module loads when its tab is first shown (the
chart's brings numpy, the schedule's Japan's holidays); only the setup tab's panes, shown on the
first frame, are imported at the top (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import TabbedContent, Tabs

from .panes.line import LinePane
from .panes.method import MethodPane
from .sync import show_panes

if TYPE_CHECKING:
    from .host import MainHost

TAB_TITLES = {
    "setup": "tab.setup",
    "volumes": "tab.volumes",
    "plans": "tab.plans",
    "chart": "tab.chart",
    "schedule": "tab.schedule",
    "contacts": "tab.contacts",
    "year": "year.tab.title",
}
WIDE = 140
"""From this width the plans are shown beside the tabs (and their tab is hidden)."""


def _bound(app: object, *names: str) -> list[Any]:
    """The app's reactives ``names`` (descriptors), for a pane's data_bind."""
    return [getattr(type(app), name) for name in names]


class TabPanes:
    """The panes of each tab and of the side column; expects the app's reactives."""

    _plans_hidden = False
    """The plans' tab is hidden (they sit beside the tabs)."""

    def _pane_content(self, tab: str) -> list[Widget]:
        """The widgets of one tab: each pane gets the data it draws in its constructor and follows
        the app's state through data_bind (call only in the app's context)."""
        app = cast("MainHost", self)
        scenario, tariffs = app.scenario, app.tariffs
        if tab == "setup":
            panes = (
                LinePane(scenario, tariffs).data_bind(*_bound(app, "scenario")),
                MethodPane(scenario, tariffs).data_bind(*_bound(app, "scenario")),
            )
            return [VerticalScroll(*panes, id="setup-scroll", can_focus=False)]
        if tab == "volumes":
            from .panes.volumes import VolumesPane

            return [VolumesPane(scenario, tariffs).data_bind(*_bound(app, "scenario", "quote", "mix"))]
        if tab == "plans":
            from .panes.plans import PlansPane

            plans = PlansPane(tariffs, scenario)
            return [
                self._company_pane("company"),
                plans.data_bind(*_bound(app, "quote", "scenario", "tax", "months")),
            ]
        if tab == "chart":
            from .panes.chart import ChartPane

            chart = ChartPane(scenario, tariffs, app.months)
            return [chart.data_bind(*_bound(app, "quote", "scenario", "tax", "months"))]
        if tab == "schedule":
            from .panes.schedule import SchedulePane

            return [SchedulePane(scenario, tariffs).data_bind(*_bound(app, "scenario"))]
        if tab == "year":
            from .panes.year import YearPane

            return [YearPane(scenario, tariffs).data_bind(*_bound(app, "scenario", "quote", "tax"))]
        from .panes.contacts import ContactsPane

        return [ContactsPane(scenario).data_bind(*_bound(app, "scenario"))]

    def _side_content(self) -> list[Widget]:
        from .panes.plans import PlansPane

        app = cast("MainHost", self)
        side = PlansPane(app.tariffs, app.scenario, id="side-plans")
        return [
            self._company_pane("side-company"),
            side.data_bind(*_bound(app, "quote", "scenario", "tax", "months")),
        ]

    def _company_pane(self, id: str) -> Widget:
        """The company view (offices x units and the company totals; hidden while there is one unit)."""
        from .panes.company import CompanyPane

        app = cast("MainHost", self)
        assert app.company_quote is not None
        pane = CompanyPane(app.company_quote, app.unit, id=id)
        return pane.data_bind(*_bound(app, "company_quote", "unit", "tax", "months"))

    def _fill(self, pane: Widget | None, content: Callable[[], list[Widget]]) -> None:
        """Mount ``content()`` into ``pane`` unless it is already filled."""
        if pane is not None and not pane.children and pane.is_attached:
            pane.mount_all(content())

    def _show_tab(self, tab: str | None) -> None:
        """Fill the tab if it is new (mounted before the next frame), and let its panes catch up
        with what changed while it was hidden."""
        if not tab:
            return
        pane = cast("MainHost", self).query_one("#tabs", TabbedContent).get_pane(tab)
        if pane.children:
            show_panes(pane)
        else:
            self._fill(pane, lambda: self._pane_content(tab))  # new panes draw when mounted

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The one place where showing a tab is handled. Arrowing quickly across the tab bar can
        deliver this after another tab is already active: the tab shown now is what counts."""
        if event.tabbed_content.id == "tabs":
            self._show_tab(event.tabbed_content.active)

    def _fit_width(self, width: int | None = None) -> None:
        """When wide, the plans sit beside the tabs, so their own tab is hidden."""
        app = cast("MainHost", self)
        try:
            tabs = app.query_one("#tabs", TabbedContent)
        except NoMatches:
            return
        wide = (width or app.size.width) >= WIDE
        if wide:
            if tabs.active == "plans":
                tabs.active = "volumes"
            self._fill(app.query_one("#side"), self._side_content)
        if wide != self._plans_hidden:  # only on a change: each call leaves the tab bar work to do
            (tabs.hide_tab if wide else tabs.show_tab)("plans")
            self._plans_hidden = wide

    def _focus_moved(self, focused: Widget | None) -> None:
        """A focused control hidden or removed (a row the unit chosen in the navigator does not
        have) leaves the focus nowhere and keys do nothing: then it goes to the tab bar."""
        if focused is None:
            cast("MainHost", self).call_after_refresh(self._focus_found)

    def _focus_found(self) -> None:
        app = cast("MainHost", self)
        screen = app.default_screen
        bars = list(app.query(Tabs))  # none while switch_lang rebuilds (it sets the focus)
        if screen.focused is None and app.screen is screen and bars:
            bars[0].focus()
