"""Year pane (年間): the twelve months from the unit's start, each with its season factor (typed or
↑/↓), its counts' total, Plan A and Plan B (the cheaper marked ✔) and a bar; the months where a
change of plan pays stand out, in words too. Under them: the totals of the year (each plan all
along, the cheaper plan each month, the best fixed plan, the saving), the initial fees, the first
year's total, and the caveats. The sentences are the `year` command's (render/year_text.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Label

from ...domain.costing import Quote
from ...domain.scenario import Scenario
from ...domain.tariffs import Tariffs
from ...domain.year import YearFees, YearMonth, label, start_month, unit_year
from ...i18n import get_lang, t
from ...render.labels import yen
from ...render.table import cell_width, pad
from ...render.verdict import CHEAPER
from ...render.year import fees_block
from ...render.year_text import change_line, totals_rows
from ..messages import ScenarioEdited
from ..sync import ALL, Synced
from ..unit_ops import RevertEntry, SetSeason
from ..widgets.columns import Row, layout, paragraph
from ..widgets.factor import FactorField, as_decimal, as_number
from ..widgets.lines import LinesView
from ..widgets.link import Link
from ..widgets.number import NumberField

FAQ = "https://bbs.naccscenter.com/naccs/dfw/web/qanda/docs-keiyaku/2014052100043/"
NAMES = ("banner", "muted", "head", "pays", "bar", "cheaper", "total")
DIFF = "░"
"""The part of a bar by which the other plan costs more (East-Asian width N: one cell everywhere)."""


def without_options(s: Scenario) -> Scenario:
    """The unit without its office's paid options (a company counts them once per office)."""
    return s.model_copy(
        update={"usage": s.usage.model_copy(update={"paid_statistics": False, "bonded_storage": False})}
    )


class YearLines(LinesView):
    """A block of the pane's lines, with the pane's styles."""

    COMPONENT_CLASSES = {f"year--{n}" for n in NAMES}
    DEFAULT_CSS = """
    YearLines {
        & > .year--banner { color: $warning; text-style: bold reverse; }
        & > .year--muted { color: $text-muted; }
        & > .year--head { text-style: bold underline; }
        & > .year--pays { text-style: bold; background: $warning 25%; }
        & > .year--bar { text-style: reverse; color: $success; }
        & > .year--cheaper { color: $success; text-style: bold; }
        & > .year--total { text-style: bold; }
    }
    """

    def __init__(self, build: Any, *, id: str) -> None:
        super().__init__(build, "year", NAMES, id=id)


class YearPane(Synced, VerticalScroll):
    """The selected unit's year. Reads ``scenario``, ``quote`` and ``tax`` (bound); a factor goes
    up as ``ScenarioEdited``."""

    DEFAULT_CSS = """
    YearPane {
        height: 1fr;
        & > #year-grid { height: auto; }
        & #year-fields { width: 7; height: auto; }
        & #year-fields > Label { width: 7; height: 1; text-style: bold underline; }
        & #year-months { width: 1fr; margin-left: 1; }
        & #year-links { height: auto; }
    }
    """

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario: the selected unit with its office's options (bound)."""
    quote: reactive[Quote | None] = reactive(None, repaint=False)
    """The app's quote of the unit (bound): whether its fees carry the office's options."""
    tax = reactive(False, repaint=False)
    """Each month's bill and the initial fee with tax (bound)."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs) -> None:
        super().__init__()
        self.tariffs = tariffs
        self.set_reactive(YearPane.scenario, scenario)
        self._key: tuple[Any, ...] | None = None
        self._fees: YearFees | None = None
        self._start: YearMonth = (1, 1)  # a placeholder until the unit's start month is set
        self._starts: dict[tuple[Any, ...], YearMonth] = {}
        self._fields = [FactorField(Decimal(1), id=f"factor-{i}") for i in range(12)]
        self._months = [0] * 12  # the calendar month each field stands for
        self._head = YearLines(self._head_lines, id="year-head")
        self._table = YearLines(self._month_lines, id="year-months")
        self._totals = YearLines(self._total_lines, id="year-totals")

    def compose(self) -> ComposeResult:
        yield self._head
        with Horizontal(id="year-grid"):
            with Vertical(id="year-fields"):
                yield Label(t("year.tab.factor"), markup=False)
                yield from self._fields
            yield self._table
        yield self._totals
        yield Vertical(Link(t("plans.source_page"), FAQ), id="year-links")

    # ---- data -> widgets ------------------------------------------------------------------------
    def watch_scenario(self) -> None:
        self.data_changed()

    def watch_quote(self) -> None:
        self.data_changed()

    def watch_tax(self) -> None:
        self.data_changed()

    def _unit(self) -> Scenario:
        """The unit as the app quotes it: without the office's options when its quote has none."""
        s, q = self.scenario, self.quote
        options = s.usage.paid_statistics or s.usage.bonded_storage
        return without_options(s) if options and q is not None and q.a.options == 0 else s

    def sync(self, parts: set[str]) -> None:
        s = self._unit()
        key = (s, bool(self.tax))
        if key == self._key and ALL not in parts:
            return
        self._key = key
        when = (s.usage.method, s.schedule)
        if when not in self._starts:
            self._starts[when] = start_month(s, self.tariffs)
        self._start = self._starts[when]
        fees = unit_year(s, self.tariffs, self._start, 12)
        self._fees = fees.taxed(self.tariffs.tax_rate_percent) if self.tax else fees
        self._sync_fields(s)
        for view in (self._head, self._table, self._totals):
            view.rebuild()

    def _sync_fields(self, s: Scenario) -> None:
        assert self._fees is not None
        for i, (field, m) in enumerate(zip(self._fields, self._fees.months, strict=True)):
            given = str(m.month) in s.months
            if self._months[i] != m.month or field.disabled != given:
                self._months[i] = m.month
                field.disabled = given
                key = "year.tab.given_help" if given else "year.tab.factor_help"
                field.tooltip = t(key, month=m.month)
            if given:
                if field.value != t("year.tab.given"):
                    with field.prevent(Input.Changed):
                        field.value = t("year.tab.given")
            else:
                k = s.season[m.month - 1] if s.season is not None else 1
                if field.entry is None or field.number != as_decimal(k):
                    field.set_number(as_decimal(k))  # type: ignore[arg-type]

    # ---- the lines --------------------------------------------------------------------------------
    def _head_lines(self, width: int, styles: dict[str, Style]) -> list[Text]:
        out: list[Text] = []
        if self.tariffs.sample:
            out += paragraph("! " + t("trust.sample"), width, styles["banner"])
        tax = t("tax.included" if self.tax else "tax.excluded")
        out += paragraph(t("year.tab.head", start=label(self._start), tax=tax), width, styles["muted"])
        return out

    def _month_lines(self, width: int, styles: dict[str, Style]) -> list[Text]:
        fees = self._fees
        if fees is None:
            return [Text("")] * 13

        def mark(plan: str, amount: int, cheaper: str) -> str:
            return yen(amount) + (f" {CHEAPER}" if cheaper == plan else "  ")

        cells = [
            [
                m.label,
                yen(m.volume),
                mark("A", m.a, m.cheaper),
                mark("B", m.b, m.cheaper),
                t("year.pays", plan=t(f"plan.{m.cheaper}")) if m.pays else "",
            ]
            for m in fees.months
        ]
        head = [t(f"year.col.{c}") for c in ("month", "volume", "a", "b", "change")]
        widths = [max(cell_width(r[c]) for r in [head, *cells]) for c in range(5)]
        fixed = sum(widths) + 2 * 5
        bar = max(0, width - fixed)
        top = max(max(m.a, m.b) for m in fees.months) or 1
        lines = [
            Text(
                "  ".join(pad(h, w, right=0 < c < 4) for c, (h, w) in enumerate(zip(head, widths, strict=True))),
                style=styles["head"],
                end="",
            )
        ]
        for m, row in zip(fees.months, cells, strict=True):
            line = Text(end="", no_wrap=True)
            for c, (text, w) in enumerate(zip(row, widths, strict=True)):
                style = styles["cheaper"] if c in (2, 3) and CHEAPER in text else None
                line.append(pad(text, w, right=0 < c < 4) + "  ", style)
            if m.pays:
                line.stylize(styles["pays"])
            best, worst = round(m.best * bar / top), round(max(m.a, m.b) * bar / top)
            line.append(" " * best, styles["bar"])
            line.append(DIFF * (worst - best), styles["muted"])
            lines.append(line)
        return lines

    def _total_lines(self, width: int, styles: dict[str, Style]) -> list[Text]:
        fees = self._fees
        if fees is None:
            return []
        f = fees_block(fees)
        rows = [Row((text, amount)) for text, amount in totals_rows(f, len(fees.months), get_lang(), units=False)]
        out = [Text("")]
        out += layout(rows, width)
        out += paragraph(change_line(f, get_lang()), width, styles["pays"] if fees.change_months else styles["cheaper"])
        out.append(Text(""))
        legend = Text(end="", no_wrap=True)
        legend.append("  ", styles["bar"])
        legend.append(" " + t("year.tab.legend"))
        out += [legend] if cell_width(legend.plain) <= width else paragraph(legend.plain, width)
        s = self._unit()
        rounding = "year.note.rounding" if s.season is not None or s.months else "year.note.no_season"
        for key, params in (
            (rounding, {}),
            ("year.note.plan_change", {}),
            ("year.note.start_month", {"month": label(self._start)}),
        ):
            out += paragraph("* " + t(key, **params), width, styles["muted"])
        return out

    # ---- widgets -> ScenarioEdited ----------------------------------------------------------------
    @on(NumberField.Committed)
    def _factor_committed(self, event: NumberField.Committed) -> None:
        event.stop()
        month = self._months[self._fields.index(event.field)]  # type: ignore[arg-type]
        value = as_number(event.value)  # type: ignore[arg-type]
        self.post_message(ScenarioEdited(SetSeason(month, value), entry=event.entry))

    @on(NumberField.Rejected)
    def _factor_rejected(self, event: NumberField.Rejected) -> None:
        event.stop()
        self.post_message(ScenarioEdited(RevertEntry(event.entry, ("season",))))
