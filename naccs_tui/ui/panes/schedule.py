"""Schedule pane: application date and closure in, start dates, steps with their dates and a calendar out.

The timeline comes from the pure domain (domain.schedule) through render.schedule, the same data the
`naccs-tui schedule` command prints. Edits go back to the app as data (``unit_ops.SetFields``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.columns import Columns
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Label, Static

from ...domain.errors import InputError
from ...domain.scenario import Scenario
from ...domain.schedule import parse_closure, parse_date, today
from ...domain.tariffs import Tariffs
from ...i18n import get_lang, t
from ...render.errors import reason_text
from ...render.schedule import (
    GLYPHS,
    days_off_text,
    month_cells,
    month_title,
    months,
    schedule_report,
    setup_text,
    sources_text,
    start_text,
    step_note,
    step_title,
)
from ...render.table import cell_width
from ..messages import ScenarioEdited
from ..sync import Synced

if TYPE_CHECKING:
    from ...render.report_blocks import Schedule

WIDE = 114  # from this width the calendar sits beside the steps
# colour per calendar mark ($name = theme variable); every mark also has a glyph (render.schedule.GLYPHS)
STYLES = {
    "applied": "bold reverse",
    "deadline": "bold $warning",
    "suggested": "italic $text-primary",
    "start": "bold reverse $success",
    "window": "underline $success",
    "off": "dim",
    "weekend": "dim",
    "head": "bold",
    "plain": "",
    "pad": "",
}


class SchedulePane(Synced, VerticalScroll):
    """When the use can start, what is due by when, on a small calendar."""

    DEFAULT_CSS = """
    SchedulePane { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    SchedulePane #sched-inputs { height: 1; margin: 1 0 0 0; }
    SchedulePane #sched-inputs Label { margin: 0 1 0 0; }
    SchedulePane #sched-inputs Input { margin: 0 1 0 0; }
    SchedulePane #applied { width: 12; }
    SchedulePane .md { width: 7; }
    SchedulePane #sched-error { color: $error; text-style: bold; height: auto; }
    SchedulePane #sched-error.-empty { display: none; }
    SchedulePane #sched-summary { margin: 1 0 0 0; height: auto; }
    SchedulePane #sched-body { layout: vertical; height: auto; }
    SchedulePane #sched-steps { margin: 1 0 0 0; height: auto; width: 1fr; }
    SchedulePane #sched-calendar { margin: 1 0 0 0; height: auto; width: 1fr; }
    SchedulePane.-side #sched-body { layout: horizontal; }
    SchedulePane.-side #sched-calendar { width: 62; margin: 1 0 0 2; }
    SchedulePane #sched-notes { margin: 1 0 1 0; height: auto; color: $text-muted; }
    """

    can_focus = False  # Tab goes straight to the date; PgUp/PgDn still scroll from the inputs

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (given, then bound); only method and [schedule] matter here."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs) -> None:
        super().__init__()
        self.tariffs = tariffs
        self.set_reactive(SchedulePane.scenario, scenario)
        self._key: tuple[Any, ...] | None = None  # (method, applied, closure, lang, theme) last rendered
        self._problems = {"input": "", "timeline": ""}  # what is wrong with a typed value / the dates

    def compose(self) -> ComposeResult:
        with Horizontal(id="sched-inputs"):
            yield Label(t("sched.applied"))
            yield Input(
                id="applied",
                placeholder="YYYY-MM-DD",
                max_length=10,
                compact=True,
                restrict=r"[0-9\-]*",
                tooltip=t("sched.help"),
            )
            yield Label("", id="applied-today")
            yield Label(t("sched.closure"))
            yield Input(
                id="closure-start",
                placeholder="MM-DD",
                max_length=5,
                compact=True,
                restrict=r"[0-9\-]*",
                classes="md",
                tooltip=t("sched.help"),
            )
            yield Label(t("sched.to"))
            yield Input(
                id="closure-end",
                placeholder="MM-DD",
                max_length=5,
                compact=True,
                restrict=r"[0-9\-]*",
                classes="md",
                tooltip=t("sched.help"),
            )
        yield Static("", id="sched-error", classes="-empty")
        yield Static(id="sched-summary")
        with Container(id="sched-body"):  # steps beside the calendar on wide screens
            yield Static(id="sched-steps")
            yield Static(id="sched-calendar")
        yield Static(id="sched-notes")

    # ---- scenario -> screen ----------------------------------------------------------------
    # The timeline is worked out only while the pane is shown: the holiday tables are a heavy import,
    # and a hidden pane need not follow every slider step on another tab.
    def watch_scenario(self) -> None:
        self.data_changed()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.data_changed("theme"), init=False)  # calendar colours

    def sync(self, parts: set[str]) -> None:
        self._refresh(self.scenario)

    def on_resize(self, event) -> None:
        self.set_class(event.size.width >= WIDE, "-side")

    def _applied(self, scenario: Scenario) -> date:

        return scenario.schedule.applied or today()

    def _refresh(self, scenario: Scenario) -> None:
        applied = self._applied(scenario)
        key = (scenario.usage.method, applied, scenario.schedule.closure, get_lang(), self.app.theme)
        if key == self._key:
            return  # a change elsewhere in the scenario (volumes, line options): nothing to redo
        self._key = key
        self._error("")  # the inputs now show the scenario again
        self._set_input("#applied", applied.isoformat())
        self._set_input("#closure-start", scenario.schedule.closure[0])
        self._set_input("#closure-end", scenario.schedule.closure[1])
        self.query_one("#applied-today", Label).update(
            t("sched.applied_today") if scenario.schedule.applied is None else ""
        )

        closure, lead = scenario.schedule.closure, self.tariffs.lead_time
        try:
            r = schedule_report(scenario.usage.method, applied, lead, closure, get_lang())
        except InputError as exc:  # no business day before the calendar ends (domain.schedule.NoBusinessDay)
            self._error(_field_error(t("sched.applied"), exc), "timeline")
            for part in ("#sched-summary", "#sched-steps", "#sched-calendar"):
                self.query_one(part, Static).update("")
            return
        self._error("", "timeline")
        self.query_one("#sched-summary", Static).update(self._summary(r))
        self.query_one("#sched-steps", Static).update(self._steps(r))
        self.query_one("#sched-calendar", Static).update(self._calendar(r))

        self.query_one("#sched-notes", Static).update(
            Text(
                "\n".join(
                    [
                        r.licence_note,
                        r.lead_time_note,
                        t("sched.sources_line", text=sources_text(r, get_lang())),
                        t("sched.help"),
                    ]
                )
            )
        )

    def _set_input(self, selector: str, value: str) -> None:
        widget = self.query_one(selector, Input)
        if widget.value != value:
            widget.value = value

    def _summary(self, r: Schedule) -> Table:

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(t("sched.method"), Text.assemble(r.method_label, " ", (t("sched.method_hint"), "dim")))
        grid.add_row(t("sched.start"), Text("* " + start_text(r, get_lang()), style="bold"))
        grid.add_row(t("sched.setup"), Text("! " + setup_text(r, get_lang())))
        grid.add_row(t("sched.days_off"), Text(days_off_text(r, get_lang())))
        grid.add_row("", Text(r.closure_note, style="italic"))
        return grid

    def _steps(self, r: Schedule) -> Table:

        styles = self._styles()
        table = Table(
            title=t("sched.steps"),
            title_justify="left",
            title_style="bold",
            expand=True,
            show_edge=False,
            pad_edge=False,
            box=None,
            header_style="bold",
        )
        table.add_column(t("sched.due"), no_wrap=True, width=12)
        table.add_column(t("sched.step"), ratio=1, overflow="fold")
        for st in r.steps:
            body = Text()
            body.append(step_title(st, get_lang()), style="bold")
            body.append("\n" + st.what)
            note = step_note(st, r, get_lang())
            if note:
                body.append("\n" + note, style="italic")
            # beside the date, the step's kind with the calendar's glyph and colour (not reversed)
            day = Text(st.due, style="bold" if st.kind in ("deadline", "start") else "")
            day.append(" " + GLYPHS[st.kind], style=styles[st.kind].replace("reverse", "").strip())
            table.add_row(day, body)
        return table

    def _styles(self) -> dict[str, str]:
        """STYLES with the theme's colours filled in."""
        variables = self.app.get_css_variables()
        return {
            kind: " ".join(variables.get(w[1:], "") if w.startswith("$") else w for w in style.split())
            for kind, style in STYLES.items()
        }

    def _calendar(self, r: Schedule) -> Group:

        lang = get_lang()
        styles = self._styles()
        blocks = []
        for y, m in months(r):
            title = month_title(y, m, lang)
            text = Text(" " * max(0, (27 - cell_width(title)) // 2) + title, style="bold")
            for row in month_cells(y, m, r, lang):
                text.append("\n")
                for n, (cell, kind) in enumerate(row):
                    if n:
                        text.append(" ")
                    text.append(cell, style=styles.get(kind, ""))
            blocks.append(text)
        legend = Text(t("sched.legend"), style="dim")
        return Group(Text(t("sched.calendar"), style="bold"), Columns(blocks, padding=(1, 4)), legend)

    # ---- screen -> scenario ----------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply(event.input.id or "")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field with what was typed: applied, or said what is wrong with it (a date
        left half typed is not taken silently)."""
        event.stop()
        scenario = self.scenario
        if scenario is None:
            return
        shown = {
            "applied": self._applied(scenario).isoformat(),
            "closure-start": scenario.schedule.closure[0],
            "closure-end": scenario.schedule.closure[1],
        }
        if event.value != shown.get(event.input.id or "", event.value):
            self._apply(event.input.id or "")

    def on_input_changed(self, event: Input.Changed) -> None:
        """A complete value (YYYY-MM-DD or MM-DD) applies at once, or shows what is wrong with it."""
        event.stop()
        wanted = 10 if event.input.id == "applied" else 5
        if len(event.value) == wanted:
            self._apply(event.input.id or "")

    def _apply(self, which: str) -> None:
        scenario = self.scenario
        if scenario is None:
            return

        try:
            if which == "applied":
                text = self.query_one("#applied", Input).value
                day = parse_date(text)
                if day == self._applied(scenario) and scenario.schedule.applied is None:
                    self._error("")
                    return  # typing today's date over the default changes nothing
                changes: dict[str, object] = {"applied": day}
            else:
                start = self.query_one("#closure-start", Input).value
                end = self.query_one("#closure-end", Input).value
                try:
                    closure = parse_closure(start, end)
                except InputError as exc:
                    if exc.code == "closure_too_long":  # at most 31 days: says how long it is
                        text = _field_error(t("sched.closure"), exc)
                        raise InputError(None, "closure", text, code=exc.code, params=exc.params) from None
                    raise InputError(None, "closure", t("sched.bad_closure", start=start, end=end)) from None
                changes = {"closure": closure}
        except InputError as exc:
            text = self.query_one("#applied", Input).value
            self._error(t("sched.bad_date", text=text) if which == "applied" else exc.reason)
            return
        self._error("")
        if any(getattr(scenario.schedule, k) != v for k, v in changes.items()):
            self.post_message(ScenarioEdited.section("schedule", **changes))

    def _error(self, message: str, kind: str = "input") -> None:
        """Show what is wrong with a typed value (``input``) or, when nothing is, with the dates of
        the scenario (``timeline``)."""
        self._problems[kind] = message
        message = self._problems["input"] or self._problems["timeline"]
        widget = self.query_one("#sched-error", Static)
        widget.update(Text(message))
        widget.set_class(not message, "-empty")


def _field_error(label: str, exc: InputError) -> str:
    """``label: reason`` in the user's language (the reason from the catalog by the error's code)."""
    return t("sched.field_error", field=label, reason=reason_text(exc))
