"""LinePane: the access line (kind, and only the options that apply to it)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Checkbox, Label, RadioButton, RadioSet, Static

from ...domain.scenario import LINE_KINDS, ROUTERS, Scenario
from ...domain.tariffs import Tariffs
from ...i18n import t
from ...render.catalog import line_notices
from ..messages import ScenarioEdited
from ..sync import Synced
from ..unit_ops import RevertEntry, SetFields
from ..widgets.choice import Choice, Tick
from ..widgets.number import NumberField

MEDIA = ("fiber", "adsl")
MAINTENANCE = ("weekdays", "24x365")


def choice_row(label: str, set_id: str, choices: list[tuple[str, str]], current: str) -> Horizontal:
    """A row: a label, then a one-line RadioSet whose buttons carry their value as ``name``."""
    buttons = [Choice(text, value=(value == current), name=value) for value, text in choices]
    return Horizontal(
        Label(label, classes="field-label"), RadioSet(*buttons, id=set_id), id=f"row-{set_id}", classes="field-row"
    )


def press(radio_set: RadioSet, value: str) -> None:
    """Show ``value`` as the selected button, without posting change messages.

    Every button is set explicitly (RadioSet's own bookkeeping may be skipped when a change
    arrives while Textual prevents RadioButton.Changed); a later click still reports correctly.
    """
    with radio_set.prevent(RadioButton.Changed):
        for button in radio_set.query(RadioButton):
            if button.value != (button.name == value):
                button.value = button.name == value


def rate_text(kbps: float) -> str:
    return f"{kbps / 1000:g} Mbps" if kbps >= 1000 else f"{kbps:g} kbps"


class LinePane(Synced, Vertical):
    """Access line and its options; a change goes up to the app as ``ScenarioEdited``."""

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (given, then bound by data_bind; never changed here)."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs) -> None:
        super().__init__()
        self.tariffs = tariffs
        self.set_reactive(LinePane.scenario, scenario)

    def watch_scenario(self) -> None:
        self.data_changed()

    def compose(self) -> ComposeResult:
        ln = self.scenario.line
        speeds = list(self.tariffs.dedicated.speeds)
        yield Label(t("linepane.title"), classes="pane-title")
        yield choice_row(t("linepane.kind"), "kind", [(k, t(f"kind.{k}")) for k in LINE_KINDS], ln.kind)
        yield Static(id="traits", classes="hint")
        yield choice_row(t("linepane.speed"), "speed", [(sp, sp) for sp in speeds], ln.speed)
        yield choice_row(t("linepane.medium"), "medium", [(m, t(f"medium.{m}")) for m in MEDIA], ln.medium)
        yield choice_row(t("linepane.router"), "router", [(r, t(f"router.{r}")) for r in ROUTERS], ln.router)
        yield Static(id="router-hint", classes="hint")
        yield choice_row(
            t("linepane.maintenance"), "maintenance", [(m, t(f"maintenance.{m}")) for m in MAINTENANCE], ln.maintenance
        )
        with Horizontal(id="row-ping", classes="field-row"):
            yield Label(t("linepane.options"), classes="field-label")
            yield Tick(t("item.ping"), ln.ping_monitoring, id="ping")
            yield Static(id="ping-hint", classes="hint inline")
        with Horizontal(id="row-lines", classes="field-row"):
            yield Label(t("linepane.lines"), classes="field-label")
            yield NumberField(ln.lines, minimum=1, maximum=99, id="lines")
            yield Static(t("linepane.lines_range"), id="lines-hint", classes="hint inline")

    def on_mount(self) -> None:
        self.query_one("#lines", NumberField).cursor_blink = getattr(self.app, "CURSOR_BLINK", True)

    # ---- scenario -> widgets ----------------------------------------------------------------
    def sync(self, parts: set[str]) -> None:
        s = self.scenario
        ln = s.line
        tariffs = self.tariffs
        for set_id, value in (
            ("kind", ln.kind),
            ("speed", ln.speed),
            ("medium", ln.medium),
            ("router", ln.router),
            ("maintenance", ln.maintenance),
        ):
            press(self.query_one(f"#{set_id}", RadioSet), value)
        dedicated, broadband = ln.kind == "dedicated", ln.kind == "broadband"
        self.query_one("#row-speed").display = dedicated
        self.query_one("#row-medium").display = broadband
        for row in ("#row-router", "#router-hint", "#row-maintenance", "#row-lines"):
            self.query_one(row).display = dedicated or broadband
        self.query_one("#row-ping").display = dedicated
        self.query_one("#traits", Static).update(self._traits(s))
        # redundancy: only on dedicated speeds that price it; otherwise disabled with the reason
        offered = dedicated and ln.speed in tariffs.dedicated.speeds and tariffs.dedicated.redundancy_offered(ln.speed)
        redundant = next(b for b in self.query(RadioButton) if b.name == "redundant")
        redundant.disabled = not offered
        if offered:
            hint = ""
        elif broadband:
            hint = t("linepane.no_redundancy_bb")
        else:
            hint = t("linepane.no_redundancy", speed=ln.speed)
        self.query_one("#router-hint", Static).update(hint)
        self.query_one("#router-hint").display = bool(hint) and (dedicated or broadband)
        ping = self.query_one("#ping", Checkbox)
        with self.prevent(Checkbox.Changed):
            ping.value = ln.ping_monitoring
        lines = self.query_one("#lines", NumberField)
        if lines.number != ln.lines:
            lines.set_number(ln.lines)
        self.query_one("#ping-hint", Static).update(t("note.ping_free") if ln.router == "redundant" else "")

    def _traits(self, s: Scenario) -> str:
        kind = s.line.kind
        if kind == "dedicated":
            kbps = self.tariffs.dedicated.bandwidth_kbps(s.line.speed)
            text = t("linepane.traits.dedicated", guarantee=rate_text(kbps / 4), speed=s.line.speed)
        else:
            text = t(f"linepane.traits.{kind}")
        if kind != "internet":
            text += "\n" + t("linepane.naccs_only") + "\n" + t("trust.note.general_connection")
        if kind == "broadband" and s.line.medium == "adsl":
            text += " " + t("linepane.adsl_note")
        for notice in line_notices(s.line, self.tariffs):  # not on NACCS's access page; fees not published
            text += "\n! " + notice
        return text

    # ---- widgets -> scenario ----------------------------------------------------------------
    def _change(self, **changes: object) -> None:
        s = self.scenario
        if all(getattr(s.line, k) == v for k, v in changes.items()):
            return
        self.post_message(ScenarioEdited.section("line", "line", **changes))

    @on(RadioSet.Changed)
    def _radio(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.radio_set.id and event.pressed.name:
            self._change(**{event.radio_set.id: event.pressed.name})

    @on(Checkbox.Changed, "#ping")
    def _ping(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._change(ping_monitoring=event.value)

    @on(NumberField.Committed, "#lines")
    def _lines(self, event: NumberField.Committed) -> None:
        """A valid number of lines, applied while typing (the count does not touch the
        line/method combination, so nothing is settled)."""
        event.stop()
        self.post_message(ScenarioEdited(SetFields.of("line", lines=event.value), entry=event.entry))

    @on(NumberField.Rejected, "#lines")
    def _lines_refused(self, event: NumberField.Rejected) -> None:
        """A refused entry (e.g. 100): the number of lines from before it comes back."""
        event.stop()
        self.post_message(ScenarioEdited(RevertEntry(event.entry, ("line", "lines"))))
