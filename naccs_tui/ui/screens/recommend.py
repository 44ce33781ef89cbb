"""RecommendScreen: state the needs, see the cheapest setups that meet them and why."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, RadioSet, Static

from ...domain.errors import InputError
from ...domain.recommend import Needs, Recommendation, parse_bandwidth, recommend_unit
from ...domain.scenario import METHODS
from ...i18n import t
from ...render.errors import error_line
from ...render.labels import yen
from ...render.recommend import report, summary_lines, why_lines
from ..context import Context
from ..state import ApplySetup
from ..widgets.buttons import DialogButtons
from ..widgets.choice import Choice, Tick
from .compare import align_right

TOP = 5


class RecommendScreen(ModalScreen[ApplySetup | None]):
    """Needs on top; the ranking (recomputed on every change) below; "Use #1" dismisses with the
    best setup as an operation on the unit (the app applies it, or says why it cannot), Close with
    None. The ranking is ``domain.recommend.recommend_unit``'s, as `naccs-tui recommend --office --unit`."""

    DEFAULT_CSS = """
    RecommendScreen .wide-dialog {
        width: 100%; height: 100%; border: thick $primary; background: $surface; padding: 0 1;
    }
    RecommendScreen .needs-row { height: auto; }
    RecommendScreen .needs-row Label { width: auto; padding: 0 1 0 0; }
    RecommendScreen #need-bandwidth { width: 14; }
    RecommendScreen .needs-row Checkbox { border: none; padding: 0; margin-right: 1; width: auto; }
    RecommendScreen #need-method { layout: horizontal; border: none; padding: 0; height: auto; width: 1fr; }
    RecommendScreen #need-method RadioButton { width: auto; margin-right: 1; }
    RecommendScreen #rec-table { height: auto; max-height: 8; }
    RecommendScreen #rec-body { height: 1fr; }
    RecommendScreen #rec-error { color: $error; height: auto; }
    RecommendScreen .rec-text { height: auto; }
    """
    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, context: Context, needs: Needs | None = None) -> None:
        super().__init__()
        self.context = context
        self._shown_needs: Needs | None = None  # the needs the table shows
        self._needs = needs or Needs()
        self.result: Recommendation | None = None

    def compose(self) -> ComposeResult:
        n = self._needs
        with Vertical(classes="wide-dialog"):
            yield Label(t("recommend.title"), classes="dialog-title")
            with Horizontal(classes="needs-row"):
                yield Label(t("recommend.bandwidth"))
                yield Input(str(n.bandwidth_kbps), id="need-bandwidth", restrict=r"[0-9.kKmM]*", compact=True)
            with Horizontal(classes="needs-row"):
                yield Tick(t("recommend.need.h24"), n.h24, id="need-24h")
                yield Tick(t("recommend.need.redundancy"), n.redundancy, id="need-redundancy")
                yield Tick(t("recommend.need.full_operations"), n.full_operations, id="need-full")
                yield Tick(t("recommend.need.no_fiber"), n.no_fiber, id="need-no-fiber")
            with Horizontal(classes="needs-row"):  # a row of its own: beside the four needs it is cut at 80 columns
                yield Tick(t("recommend.include_unlisted"), n.include_unlisted, id="need-unlisted")
            with RadioSet(id="need-method"):
                yield Choice(t("recommend.method_any"), n.method is None, name="")
                for m in METHODS:
                    yield Choice(t(f"method.{m}"), n.method == m, name=m)
            yield Static(id="rec-error")
            with VerticalScroll(id="rec-body"):
                yield Static(id="rec-summary", classes="rec-text")
                yield DataTable(id="rec-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="rec-why", classes="rec-text")
            with DialogButtons():
                yield Button(t("recommend.apply"), id="apply", variant="primary", compact=True)
                yield Button(t("key.close"), id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#need-bandwidth", Input).cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        # the columns never change while the screen is open: added once, only the rows follow the needs
        # (the figures first and the long line label last, so a narrow terminal cuts only the line's
        # details at the end, never a figure)
        table = self.query_one("#rec-table", DataTable)
        c = self.context
        for head in (
            "#",
            t("quote.total", months=c.months),
            t("compare.col.plan"),
            t("quote.monthly"),
            t("quote.initial"),
            t("quote.method"),
            t("quote.line"),
        ):
            table.add_column(head)
        self.refresh_result()

    # ---- needs ---------------------------------------------------------------------------------
    def needs(self) -> Needs:
        text = self.query_one("#need-bandwidth", Input).value.strip()
        kbps = parse_bandwidth(text) if text else 0
        pressed = self.query_one("#need-method", RadioSet).pressed_button
        return Needs(
            kbps,
            self.query_one("#need-24h", Checkbox).value,
            self.query_one("#need-redundancy", Checkbox).value,
            self.query_one("#need-full", Checkbox).value,
            (pressed.name or None) if pressed is not None else None,
            self.query_one("#need-no-fiber", Checkbox).value,
            self.query_one("#need-unlisted", Checkbox).value,
        )

    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(RadioSet.Changed)
    def _needs_changed(self, event) -> None:
        event.stop()
        self.refresh_result()

    # ---- result --------------------------------------------------------------------------------
    def refresh_result(self) -> None:
        c = self.context
        error = self.query_one("#rec-error", Static)
        try:
            needs = self.needs()
        except InputError as exc:
            error.update(error_line(exc))
            return
        error.update("")
        if needs == self._shown_needs:
            return  # a change event from the screen's own start (or a no-op edit): already shown
        self._shown_needs = needs
        basis, rec = recommend_unit(c.company, *c.unit, c.tariffs, needs, months=c.months)
        self.result = rec
        rep = report(rec, basis, top=TOP, tax=c.tax, lang=c.lang, sample_prices=c.tariffs.sample, tariffs=c.tariffs)
        self.query_one("#rec-summary", Static).update(_plain("\n".join(summary_lines(rep, c.lang))))
        table = self.query_one("#rec-table", DataTable)
        table.clear()
        rows = [
            [
                str(e.rank) + ("*" if e.current else ""),
                yen(e.total),
                t(f"plan.{e.plan}"),
                yen(e.monthly),
                yen(e.initial),
                e.method_label,
                e.line,
            ]
            for e in rep.top
        ]
        for row in align_right(rows, {1, 3, 4}):
            table.add_row(*row)
        why = why_lines(rep, c.lang)
        self.query_one("#rec-why", Static).update(_plain("\n".join(why)))
        self.query_one("#apply", Button).disabled = rec.best is None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply" and self.result is not None and self.result.best is not None:
            best, (office, kind) = self.result.best, self.context.unit
            self.dismiss(ApplySetup(office, kind, best.line, best.method))  # type: ignore[arg-type]
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def _plain(text: str):
    return Text(text)
