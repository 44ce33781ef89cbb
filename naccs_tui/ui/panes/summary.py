"""SummaryBar: two lines always in view, so a slider's effect shows on every tab."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ...i18n import t
from ...render.labels import yen
from ...render.verdict import break_even_line, cheaper_short


class SummaryBar(Widget):
    """Plan A and Plan B monthly, which is cheaper (glyph + text), the break-even vs now."""

    COMPONENT_CLASSES = {"summary--cheaper", "summary--plan"}
    DEFAULT_CSS = """
    SummaryBar {
        height: 2;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        & > .summary--cheaper { color: $success; text-style: bold; }
        & > .summary--plan { text-style: bold; }
    }
    """

    quote = reactive(None)
    """The app's quote (bound)."""
    tax = reactive(False)
    """Show the monthly totals including tax (bound)."""

    def render(self) -> Text:
        q = self.quote
        if q is None:
            return Text("")
        plan_style = self.get_component_rich_style("summary--plan")
        cheaper_style = self.get_component_rich_style("summary--cheaper")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for plan in (q.a, q.b):
            text.append(f"{t(f'plan.{plan.plan}')} ", plan_style)
            text.append(yen(q.monthly(plan.plan, self.tax)), cheaper_style if q.cheaper == plan.plan else plan_style)
            text.append(f" {t('unit.per_month')}  ")
        text.append(cheaper_short(q, self.tax), plan_style if q.cheaper == "equal" else cheaper_style)
        text.append("\n" + break_even_line(q))
        text.append(f"  ({t('tax.included' if self.tax else 'tax.excluded')})")
        return text


__all__ = ["SummaryBar"]
