"""The TUI says what the reports say: sample operations and prices, sources, notes."""

from __future__ import annotations

from helpers import run_async, shown, wait_for
from textual.widgets import Label, TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp

FAQ = "https://bbs.naccscenter.com/naccs/dfw/web/qanda/docs-keiyaku/2014012300445/"


def dedicated() -> Scenario:
    return Scenario.model_validate(
        {"line": {"kind": "dedicated", "router": "spare"}, "usage": {"method": "interactive"}, "volumes": {"IDA": 300}}
    )


@run_async
async def test_volumes_chart_and_plans_say_sample_and_sources():
    app = NaccsApp(from_scenario(dedicated()), lang="en")
    async with app.run_test(size=(120, 60)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        tabs.active = "volumes"
        await wait_for(pilot, lambda: app.query(".volumes--sample"), "the volumes tab")
        label = app.query_one(".volumes--sample", Label)
        assert "operation list and its unit prices are SAMPLES" in str(label.render())
        tabs.active = "chart"
        await wait_for(pilot, lambda: "SAMPLES" in shown(app.screen, "#chart-facts"), "the chart's sample note")
        tabs.active = "plans"

        def plans_text() -> str:
            view = app.query_one("#plans").query_one("_PlansView")
            return "\n".join(line.plain for line in view.lines_at(200))

        await wait_for(pilot, lambda: FAQ in plans_text(), "the plans pane's sources")
        text = plans_text()
        assert t("trust.sources", "en") in text and t("note.router_flat", "en") in text
        assert "general connection" in text and "SAMPLES" in text
