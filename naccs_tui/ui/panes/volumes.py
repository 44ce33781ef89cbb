"""Volumes pane: terminals, user codes, paid options, one slider per operation and a master
slider that scales the whole mix, with the break-even marked on its track."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Checkbox, Label

from ...domain.costing import Quote
from ...domain.scenario import MAX_VOLUME, Scenario
from ...domain.tariffs import Tariffs
from ...i18n import get_lang, t
from ...render.table import cell_width
from ...render.verdict import break_even_line
from ..messages import ScenarioEdited
from ..sync import ALL, Synced
from ..unit_ops import RevertEntry, ScaleVolumes, SetFields, SetVolume, UnitOp
from ..widgets.choice import Tick
from ..widgets.slider_row import SliderRow, SliderScale
from ..widgets.stepper import Stepper

TICKS = {0: "0", 10: "10", 10**2: "100", 10**3: "1k", 10**4: "10k", 10**5: "100k", 10**6: "1M", 10**7: "10M"}


def total_top(mix: dict[str, int]) -> int:
    """The largest total the master can scale ``mix`` to with no operation above MAX_VOLUME (the
    operation with the largest share reaches it there): the right end of the master's track.

    An operation slider's range is 0..MAX_VOLUME; the total is the sum of the operations, but
    the master keeps their proportions, so how far it can go depends on the mix: a 30:70 mix
    stops at 1,428,571 (the 70 % reaches 1,000,000), an even mix of n operations at
    n x MAX_VOLUME, the sum of the operation maxima. The current total is always inside
    (no share of the mix is above MAX_VOLUME), and every total inside is reached exactly
    (``apportion`` of ``mix`` to at most this total gives no share above MAX_VOLUME).
    """
    whole, largest = sum(mix.values()), max(mix.values(), default=0)
    return MAX_VOLUME * whole // largest if largest > 0 else 0


class VolumesPane(Synced, VerticalScroll):
    """Counts that drive the metered fees. Reads ``scenario``/``quote`` (bound); a change goes
    up as ``ScenarioEdited``."""

    DEFAULT_CSS = """
    VolumesPane {
        height: 1fr;
        & > .volumes--row { height: auto; width: 1fr; margin: 0 0 1 0; }
        & Checkbox { margin: 0 2 0 0; }
        & > .volumes--title { text-style: bold; margin: 0 0 0 0; width: 1fr; }
        & > .volumes--sample { color: $warning; width: 1fr; margin: 0 0 1 0; }
        & > #master-legend { width: 1fr; height: 1; margin: 0 0 1 0; text-wrap: nowrap; text-overflow: ellipsis; }
        &.-wide SliderRow > .slider-row--label, &.-wide SliderScale > .slider-row--label { width: 40; }
        &.-wide SliderRow > .slider-row--hint, &.-wide SliderScale > .slider-row--hint { display: block; }
    }
    """

    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (given, then bound); the pane keeps no other copy."""
    quote: reactive[Quote | None] = reactive(None, repaint=False)
    """The app's quote (bound): the break-even marked on the master slider."""
    mix: reactive[dict[str, int] | None] = reactive(None, repaint=False)
    """The mix the master scales (bound; the app's state keeps it, ``ui.state.State.mix``): the
    one before its first move, so that going to 0 and back restores it; None: the counts."""

    def __init__(self, scenario: Scenario, tariffs: Tariffs) -> None:
        super().__init__()
        self.tariffs = tariffs
        self.set_reactive(VolumesPane.scenario, scenario)
        self._rows: dict[str, SliderRow] = {}
        self._steppers: list[Stepper] = []
        self._boxes: list[Checkbox] = []

    def compose(self) -> ComposeResult:
        s, tariffs, lang = self.scenario, self.tariffs, get_lang()
        plans = tariffs.plans
        self._steppers = [
            Stepper("terminals", t("volumes.terminals"), s.usage.terminals),
            Stepper("user_codes", t("volumes.user_codes"), s.usage.user_codes),
        ]
        self._boxes = [
            Tick(
                t("volumes.paid_statistics", yen=f"{plans.paid_statistics_per_user_code:,}"),
                s.usage.paid_statistics,
                compact=True,
                id="paid_statistics",
            ),
            Tick(
                t("volumes.bonded_storage", yen=f"{plans.bonded_storage_per_user_code:,}"),
                s.usage.bonded_storage,
                compact=True,
                id="bonded_storage",
            ),
        ]
        with Horizontal(classes="volumes--row"):
            yield from self._steppers
        with Vertical(classes="volumes--row"):
            yield from self._boxes
        yield Label(t("volumes.master_title"), classes="volumes--title")
        total = sum(s.volumes.values())
        self.master = SliderRow(
            "total", t("volumes.total"), total, maximum=total_top(self._mix()), controlled=True, id="master"
        )
        self._set_range_note()
        yield self.master
        yield SliderScale(self.master, TICKS, id="master-ticks")
        yield Label("", id="master-legend", markup=False)
        yield Label(t("volumes.ops_title"), classes="volumes--title")
        if tariffs.sample:  # the list and its prices are samples: said where the prices are set
            yield Label("! " + t("trust.sample"), classes="volumes--sample")
        for op in tariffs.operations:
            row = SliderRow(
                op.code,
                f"{op.code} {op.name(lang)}",
                s.volumes.get(op.code, 0),
                maximum=MAX_VOLUME,
                controlled=True,
                id=f"op-{op.code}",
                hint=t(
                    "volumes.unit_prices_sample" if op.sample else "volumes.unit_prices",
                    a=f"{op.price_a:,}",
                    b=f"{op.price_b:,}",
                ),
            )
            self._rows[op.code] = row
            yield row
        if self._rows:
            yield SliderScale(next(iter(self._rows.values())), TICKS, id="op-ticks")  # one range for all

    def on_mount(self) -> None:
        # one hint width for every row (the master's is blank): all tracks have one length
        width = max((cell_width(row.hint) for row in self._rows.values()), default=0)
        for row in (*self.query(SliderRow), *self.query(SliderScale)):
            row.set_hint_width(width)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= 110, "-wide")

    # ---- scenario/quote -> widgets ----------------------------------------------------------
    def watch_scenario(self) -> None:
        self.data_changed("scenario")

    def watch_quote(self) -> None:
        self.data_changed("quote")

    def watch_mix(self) -> None:
        self.data_changed("mix")

    def sync(self, parts: set[str]) -> None:
        if parts & {ALL, "scenario", "mix"}:
            self._sync_scenario()  # the scenario alone: cheaper than a full sync on every step
        if parts & {ALL, "quote", "mix"}:
            self._sync_quote()

    def _sync_scenario(self) -> None:
        s = self.scenario
        if s is None:
            return
        for stepper in self._steppers:
            stepper.set_value(getattr(s.usage, stepper.key))
        for box in self._boxes:
            value = getattr(s.usage, str(box.id))  # each box's id is the usage field it sets
            if box.value != value:
                with box.prevent(Checkbox.Changed):
                    box.value = value
        for code, row in self._rows.items():
            row.set_value(s.volumes.get(code, 0))
        top = total_top(self._mix())
        if top != self.master.maximum:
            self.master.set_range(top)
            self._set_range_note()
            self.query_one("#master-ticks", SliderScale).ticks.refresh()
        self.master.set_value(sum(s.volumes.values()))

    def _mix(self) -> dict[str, int]:
        """The mix the master scales: the one before its first move (kept in the app's state), else
        the current volumes; an empty mix spreads evenly over the priced operations."""
        if self.mix is not None:
            return self.mix
        ops = self.tariffs.operations
        return (
            {k: v for k, v in self.scenario.volumes.items() if v > 0}
            or {op.code: 1 for op in ops if op.price_b > 0}
            or {op.code: 1 for op in ops}
        )

    def _set_range_note(self) -> None:
        """Say, when a typed total is above the master's end, which operation would pass its limit."""
        mix = self._mix()
        largest = max(mix, key=mix.__getitem__, default=None)
        self.master.field.range_note = largest and t("entry.total_limit", code=largest, limit=f"{MAX_VOLUME:,}")

    def _sync_quote(self) -> None:
        q = self.quote
        if q is None:
            return
        be = q.break_even
        self.master.slider.marker = be.transactions_per_month if be else None
        self._set_legend()

    def _set_legend(self) -> None:
        """The break-even under the master; at a total of 0, what moving it up will do: bring back
        the mix it scaled down to 0 (``mix``), else spread evenly (``_mix``)."""
        q = self.quote
        if q is None:
            return
        kept = self.mix is not None and any(self.mix.values())
        legend = self.query_one("#master-legend", Label)
        legend.update(break_even_line(q, at_the_total_slider=True, mix_kept=kept), layout=False)  # one line

    # ---- widgets -> ScenarioEdited ----------------------------------------------------------
    @on(Stepper.Changed)
    def _count_changed(self, event: Stepper.Changed) -> None:
        event.stop()
        op = SetFields.of("usage", **{event.stepper.key: event.value})
        self.post_message(ScenarioEdited(op, entry=event.entry))

    @on(Stepper.Reverted)
    def _count_reverted(self, event: Stepper.Reverted) -> None:
        """A refused typed count: the count from before the entry comes back."""
        event.stop()
        self.post_message(ScenarioEdited(RevertEntry(event.entry, ("usage", event.stepper.key))))

    @on(Checkbox.Changed)
    def _option_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(ScenarioEdited.section("usage", **{str(event.checkbox.id): event.value}))

    @on(SliderRow.Changed)
    def _volume_changed(self, event: SliderRow.Changed) -> None:
        """An operation's count, or the total: the mix (``_mix``: the one before the first move of
        the total, so going to 0 and back restores it) scaled to whole counts that add up to it
        (at most ``total_top`` of the mix, so no operation goes over MAX_VOLUME). The app keeps the
        mix with the counts: the break-even is the mix's, not the rounded counts'."""
        event.stop()
        if event.row is self.master:
            op: UnitOp = ScaleVolumes.of(self._mix(), event.value)
        else:
            op = SetVolume(event.row.key, event.value)
        self.post_message(ScenarioEdited(op, entry=event.entry))

    @on(SliderRow.Reverted)
    def _volume_reverted(self, event: SliderRow.Reverted) -> None:
        """A refused typed count: the volumes from before the entry come back (the whole mix for
        the total; one operation's count, or its absence from the file, for an operation)."""
        event.stop()
        part = ("volumes",) if event.row is self.master else ("volumes", event.row.key)
        self.post_message(ScenarioEdited(RevertEntry(event.entry, part)))
