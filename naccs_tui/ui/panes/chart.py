"""ChartPane: Plan A and Plan B against monthly volume, with the break-even and "now" markers.

Drawn with textual-plot (MIT): high-resolution lines, nice ticks and a legend for little code.
It pulls in numpy, so this module is imported only when the chart is first shown (ui/tabs.py),
never at start-up.
The two plans differ by texture as well as colour (braille dots vs. blocks), and the markers by
glyph ("│" break-even, ":" now), so the chart reads under NO_COLOR too; the exact figures at
both markers are printed as text under it.
"""

from __future__ import annotations

from math import ceil
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Label, RadioButton, RadioSet, Static
from textual_plot import HiResMode, NumericAxisFormatter, PlotWidget

from ...domain.chart import Chart, chart, y_axis
from ...domain.costing import Quote
from ...domain.scenario import Scenario
from ...domain.tariffs import Tariffs
from ...i18n import t
from ...render.labels import yen
from ..messages import HorizonChosen
from ..sync import Synced
from ..widgets.choice import Choice

if TYPE_CHECKING:
    from textual_plot import PlotWidget

HORIZONS = (1, 12, 24, 36, 60)
A_STYLE, B_STYLE, NOW_STYLE, BE_STYLE = "bold #3a96dd", "bold #e0245e", "bold #c89b00", "bold #2e9d4e"
BRAILLE_LINE = "⠒⠒⠒"


def _comma_formatter():
    """textual-plot's nice ticks, labelled as whole numbers with thousands separators."""

    class CommaFormatter(NumericAxisFormatter):
        def get_labels_for_ticks(self, ticks):
            return [f"{round(v):,}" for v in ticks]

    return CommaFormatter()


class ChartPane(Synced, Vertical):
    """Cost-vs-volume chart of the current scenario; the horizon selector posts ``HorizonChosen``."""

    DEFAULT_CSS = """
    ChartPane { height: 1fr; }
    ChartPane #horizon-row { height: auto; }
    ChartPane #horizon-row Label { width: auto; margin-right: 1; }
    ChartPane #horizon { layout: horizontal; border: none; padding: 0; height: auto; width: 1fr; }
    ChartPane #horizon RadioButton { width: auto; margin-right: 1; }
    ChartPane #chart-area { height: 1fr; min-height: 6; }
    ChartPane #chart-area PlotWidget { height: 1fr; }
    ChartPane .chart-caption { height: auto; color: $text-muted; }
    ChartPane .chart-facts { height: auto; }
    """

    quote: reactive[Quote | None] = reactive(None, init=False, repaint=False)
    """The app's quote (bound); the chart redraws when it changes."""
    scenario: reactive[Scenario] = reactive(Scenario, init=False, repaint=False)
    """The app's scenario (given, then bound): its operation mix is what the volume axis scales."""
    tax = reactive(False, init=False, repaint=False)
    """Totals include consumption tax (bound to the app's F3 toggle)."""
    months = reactive(12, init=False, repaint=False)
    """Horizon of the plotted total (given, then bound; the selector posts ``HorizonChosen``)."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs, months: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tariffs = tariffs
        self.set_reactive(ChartPane.scenario, scenario)
        self.set_reactive(ChartPane.months, months)
        self._plot: PlotWidget | None = None  # created when first shown
        self._building = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="horizon-row"):
            yield Label(t("chart.horizon"))
            with RadioSet(id="horizon"):
                for n in HORIZONS:
                    yield Choice(t("chart.months", months=n), value=(n == self.months), name=str(n))
        yield Static(id="chart-legend", classes="chart-facts")
        yield Static(id="chart-ylabel", classes="chart-caption")
        yield Vertical(id="chart-area")
        yield Static(id="chart-facts", classes="chart-facts")

    # ---- reactives -----------------------------------------------------------------------------
    def watch_quote(self) -> None:
        self.data_changed()

    def watch_scenario(self) -> None:
        self.data_changed()

    def watch_tax(self) -> None:
        self.data_changed()

    def watch_months(self, months: int) -> None:
        radios = self.query_one("#horizon", RadioSet)
        for button in radios.query(RadioButton):
            if button.name == str(months) and not button.value:
                with self.prevent(RadioSet.Changed):
                    button.value = True
        self.data_changed()

    @on(RadioSet.Changed, "#horizon")
    def _horizon_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.post_message(HorizonChosen(int(event.pressed.name or 12)))

    # ---- drawing -------------------------------------------------------------------------------
    def sync(self, parts: set[str]) -> None:
        """The text now; the plot once it is built (textual-plot is imported on the first show)."""
        if self._plot is None:
            self._update_text()
            if not self._building:
                self._building = True
                self.run_worker(self._build(), exclusive=True)
        else:
            self._draw()

    async def _build(self) -> None:
        plot = PlotWidget(allow_pan_and_zoom=False, id="chart-plot")
        plot.set_reactive(PlotWidget.margin_left, 12)
        plot.set_reactive(PlotWidget.margin_top, 1)
        plot.set_reactive(PlotWidget.margin_bottom, 1)
        plot.set_x_formatter(_comma_formatter())
        plot.set_y_formatter(_comma_formatter())
        await self.query_one("#chart-area").mount(plot)
        self._plot = plot
        self._draw()

    def _data(self) -> Chart | None:
        if self.quote is None:
            return None
        return chart(self.scenario, self.tariffs, q=self.quote)

    def _update_text(self, c: Chart | None = None) -> None:
        c = c or self._data()
        if c is None:
            return
        tax = t("tax.included" if self.tax else "tax.excluded")
        key = "chart.y_label_1" if self.months == 1 else "chart.y_label"
        self.query_one("#chart-ylabel", Static).update(
            t("chart.axes", y=t(key, months=self.months, tax=tax), x=t("chart.x_label"))
        )
        legend = [f"[{A_STYLE}]A {BRAILLE_LINE}[/] {t('plan.A')}", f"[{B_STYLE}]B {BRAILLE_LINE}[/] {t('plan.B')}"]
        if not c.empty:
            legend.append(f"[{NOW_STYLE}]:[/] {t('chart.now', n=yen(c.volume))}")
            if c.break_even is not None:
                legend.append(f"[{BE_STYLE}]│[/] {t('chart.break_even', n=yen(ceil(c.break_even)))}")
        self.query_one("#chart-legend", Static).update("   ".join(legend))
        facts: list[str] = ["! " + t("trust.sample")] if self.tariffs.sample else []
        if c.empty:
            facts.append(t("chart.empty"))
        else:
            a, b = c.marker_total(c.volume, self.months, self.tax)
            facts.append(": " + t("chart.at_now", n=yen(c.volume), a=yen(a), b=yen(b)))
            if c.break_even is None:
                facts.append(t("chart.never"))
            else:
                n = ceil(c.break_even)  # the same whole figure as every other place says
                a, b = c.marker_total(n, self.months, self.tax)
                facts.append("│ " + t("chart.at_break_even", n=yen(n), a=yen(a), b=yen(b)))
            if (
                self.quote is not None and not self.quote.complete
            ):  # the plotted totals leave out the fees not published
                facts.append("! " + t("quote.incomplete_total"))
        self.query_one("#chart-facts", Static).update("\n".join(facts))

    def on_resize(self) -> None:
        if self._plot is not None:  # the y axis fits its ticks to the rows the plot has now
            self.call_after_refresh(self._draw)

    def _plot_rows(self, plot: PlotWidget) -> int:
        """The text rows inside the plot's frame: the chart area less the plot's top and bottom
        margins and its two axis lines (1 before the area is laid out: a resize draws it again)."""
        height = self.query_one("#chart-area").size.height
        return max(1, height - plot.margin_top - plot.margin_bottom - 2)

    def _draw(self) -> None:
        plot = self._plot
        if plot is None or not plot.is_mounted:
            return
        c = self._data()
        if c is None:
            return
        self._update_text(c)
        plot.clear()
        if c.empty:
            return
        ya, yb = c.totals(self.months, self.tax)
        axis = y_axis(max(max(ya), max(yb)), self._plot_rows(plot))  # each tick on its own row
        low, top = float(axis.low), float(axis.high)
        plot.set_xlimits(0, c.x_max)
        plot.set_ylimits(low, top)
        plot.set_yticks(axis.ticks)
        plot.plot(c.xs, ya, line_style=A_STYLE, hires_mode=HiResMode.BRAILLE)
        plot.plot(c.xs, yb, line_style=B_STYLE, hires_mode=HiResMode.BRAILLE)
        if c.break_even is not None:
            plot.add_v_line(float(c.break_even), BE_STYLE)
        steps = 24
        plot.scatter(
            [c.volume] * (steps + 1),
            [low + (top - low) * i / steps for i in range(steps + 1)],
            marker=":",
            marker_style=NOW_STYLE,
        )
        # the plan letters at the right end of each line: readable without colour
        ia, ib = len(c.xs) * 8 // 10, len(c.xs) * 9 // 10  # apart, so that close lines keep both letters
        plot.scatter([c.xs[ia]], [ya[ia]], marker="A", marker_style=A_STYLE)
        plot.scatter([c.xs[ib]], [yb[ib]], marker="B", marker_style=B_STYLE)
