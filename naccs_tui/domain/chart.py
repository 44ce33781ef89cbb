"""The cost-vs-volume chart as numbers: Plan A and Plan B along the user's operation mix.

The current mix is scaled from 0 to at least twice the larger of the current volume and the
break-even. Every plan cost is linear in the scale (fixed part + yen per transaction), so each
point is one multiplication; the break-even comes from quote() and is exact (a Fraction). When
the counts were rounded from a mix the total slider scales (``Quote.mix``), the lines follow that
mix, so that they cross at the break-even the quote gives; the "now" figures stay the billed ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import ceil

from .costing import PlanQuote, Quote, billed, quote, round_half_up
from .scenario import Scenario
from .tariffs import Tariffs

POINTS = 61  # samples along the volume axis (straight lines: more only helps the drawing)


@dataclass(frozen=True, slots=True)
class Line:
    """One plan's cost as a function of total monthly transactions x: fixed + per_tx × x."""

    fixed: int  # monthly cost at zero transactions (line + basic + options)
    per_tx: Fraction  # metered yen per transaction at the current mix
    initial: int

    def monthly(self, x: int | Fraction) -> int:
        return round_half_up(self.fixed + self.per_tx * x)


@dataclass(frozen=True, slots=True)
class Chart:
    volume: int  # current total monthly transactions (the "now" marker)
    x_max: int  # right end of the volume axis; 0 when no operation volume is set
    xs: tuple[int, ...]
    a: tuple[int, ...]  # Plan A monthly total at each x (tax excluded, yen)
    b: tuple[int, ...]  # Plan B monthly total at each x
    line_a: Line
    line_b: Line
    break_even: Fraction | None  # transactions where A = B; None when Plan A never pays off
    tax_rate_percent: int
    billed_now: tuple[int, int] | None = None  # (A, B) monthly as billed now, when the lines follow a mix

    @property
    def empty(self) -> bool:
        """True when there is no operation mix to scale (no volume entered)."""
        return self.x_max == 0

    def at(self, x: int | Fraction) -> tuple[int, int]:
        """(Plan A, Plan B) monthly totals at x transactions a month, tax excluded (now: as billed)."""
        if x == self.volume and self.billed_now is not None:
            return self.billed_now
        return self.line_a.monthly(x), self.line_b.monthly(x)

    def totals(self, months: int = 1, tax: bool = False) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The plotted values: initial + months × monthly at each x, tax (rounded down) if asked."""

        def money(initial: int, monthly: int) -> int:
            return billed(initial, monthly, months, self.tax_rate_percent, tax)

        return (
            tuple(money(self.line_a.initial, m) for m in self.a),
            tuple(money(self.line_b.initial, m) for m in self.b),
        )

    def marker_total(self, x: int, months: int = 1, tax: bool = False) -> tuple[int, int]:
        """(Plan A, Plan B) horizon totals at a whole number of transactions (the marker labels)."""
        a, b = self.at(x)
        rate = self.tax_rate_percent
        return (
            billed(self.line_a.initial, int(a), months, rate, tax),
            billed(self.line_b.initial, int(b), months, rate, tax),
        )


def _line(p: PlanQuote, volume: int, per_tx: Fraction | None = None) -> Line:
    if per_tx is None:
        per_tx = Fraction(p.metered, volume) if volume else Fraction(0)
    return Line(p.monthly - p.metered, per_tx, p.initial)


def _per_tx(mix: tuple[tuple[str, int], ...], t: Tariffs, plan: str) -> Fraction:
    """Metered yen per transaction along ``mix`` on ``plan``."""
    ops, whole = t.ops, sum(w for _, w in mix)
    metered = sum(w * (ops[k].price_a if plan == "A" else ops[k].price_b) for k, w in mix)
    return Fraction(metered, whole) if whole else Fraction(0)


def chart(s: Scenario, t: Tariffs, points: int = POINTS, q: Quote | None = None) -> Chart:
    """Series and markers of the cost-vs-volume chart for the scenario's operation mix (the
    quote's ``mix`` when it has one: then ``t`` prices it)."""
    q = q or quote(s, t)
    volume = q.volume
    now: tuple[int, int] | None = None
    if q.mix is not None:
        la, lb = _line(q.a, volume, _per_tx(q.mix, t, "A")), _line(q.b, volume, _per_tx(q.mix, t, "B"))
        now = (q.a.monthly, q.b.monthly)
    else:
        la, lb = _line(q.a, volume), _line(q.b, volume)
    be = q.break_even.transactions_exact if q.break_even else None
    if volume <= 0:
        return Chart(0, 0, (0,), (la.monthly(0),), (lb.monthly(0),), la, lb, None, q.tax_rate_percent)
    reach = max(Fraction(volume), be) if be is not None else Fraction(volume)
    x_max = 2 * ceil(reach)  # exact: Fraction.__ceil__
    n = max(2, points)
    xs = tuple(round_half_up(Fraction(x_max * i, n - 1)) for i in range(n))
    return Chart(
        volume,
        x_max,
        xs,
        tuple(la.monthly(x) for x in xs),
        tuple(lb.monthly(x) for x in xs),
        la,
        lb,
        be,
        q.tax_rate_percent,
        now,
    )


def _nice(at_least: Fraction) -> int:
    """The smallest whole 1, 2 or 5 × 10^k (k ≥ 0) that is at least ``at_least``."""
    power = 1
    while True:
        for m in (1, 2, 5):
            if m * power >= at_least:
                return m * power
        power *= 10


@dataclass(frozen=True, slots=True)
class YAxis:
    """A y axis drawn on text rows: its limits and its round ticks, each tick's value in the
    middle of its own row, so that a point drawn in a row reads as that row's label ± half a step."""

    low: Fraction  # the bottom edge of the lowest row (below 0: 0 is the middle of that row)
    high: Fraction  # the top edge of the highest row
    ticks: tuple[int, ...]  # 0, step, 2 × step, ...: evenly spaced, each on its own row

    @property
    def step(self) -> int:
        return self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 0


def y_axis(top: int, rows: int, most: int = 8) -> YAxis:
    """The y axis for values from 0 to ``top`` on ``rows`` text rows: ticks every ``d`` rows at a
    round step (1, 2 or 5 × 10^k), at least 2 (on 2 rows or more) and at most ``most`` of them,
    on every row below 10 rows and every other row at most from there. Of those, the most ticks
    among the axes that leave little empty space above ``top`` (their top within 1.2 times the
    tightest one's), then the tighter.

    Row r (from the bottom, 0-based) spans the values [low + r × h, low + (r + 1) × h) with
    h = step / d; tick k sits at row k × d, in its middle: low = -h / 2."""
    rows, top = max(1, rows), max(1, top)
    half = Fraction(1, 2)
    axes: list[tuple[Fraction, int, int, int]] = []  # (high, ticks, d, step)
    for d in range(1 if rows < 10 else 2, rows + 1):
        count = int((rows - half) // d) + 1  # ticks k with k × d + 1/2 inside the rows
        if count > most or (count < 2 <= rows):
            continue
        step = _nice(top * d / (rows - half))
        axes.append(((rows - half) * step / d, count, d, step))
    tightest = min(high for high, *_ in axes)  # d = rows - 1 (or 1 row, d = 1) always fits
    high, count, d, step = min((a for a in axes if a[0] <= tightest * Fraction(6, 5)), key=lambda a: (-a[1], a[0]))
    return YAxis(-half * step / d, high, tuple(k * step for k in range(count)))
