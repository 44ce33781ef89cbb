"""quote(scenario, tariffs): itemized Plan A / Plan B costs, totals and the break-even.

Closed-form integer arithmetic: Plan A - Plan B is linear in the volume scale, so the
break-even along the user's operation mix is one division, never a loop over volumes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import ceil, floor

from .scenario import Scenario
from .tariffs import Tariffs

PLANS = ("A", "B")


@dataclass(frozen=True, slots=True)
class Item:
    """One priced line. ``key`` and ``params`` go through the catalog for the label. ``amount`` is
    None when no source publishes the fee (a line the access page lists with no fee anywhere): the
    item is still shown, as unknown, and no total counts it."""

    key: str
    amount: int | None
    formula: str
    group: str  # "line" | "basic" | "metered" | "option" | "initial"
    params: dict[str, str] = field(default_factory=dict)
    note: str | None = None  # catalog key of a note (ambiguous reading of the guide)

    @property
    def known(self) -> bool:
        return self.amount is not None


def known_sum(items: Iterable[Item]) -> int:
    """The sum of the items whose amount is known (the unknown ones make the total incomplete)."""
    return sum(i.amount for i in items if i.amount is not None)


@dataclass(frozen=True, slots=True)
class PlanQuote:
    plan: str
    items: tuple[Item, ...]
    initial_items: tuple[Item, ...]
    monthly: int
    initial: int
    metered: int
    basic: int
    line: int
    options: int

    def total(self, months: int) -> int:
        return self.initial + months * self.monthly

    @property
    def unknown(self) -> tuple[Item, ...]:
        """The monthly and initial items whose fee is not published (their totals leave them out)."""
        return tuple(i for i in (*self.items, *self.initial_items) if i.amount is None)

    @property
    def complete(self) -> bool:
        """Every fee of the plan is known: its totals are the whole bill, not a part of it."""
        return not self.unknown

    @property
    def monthly_complete(self) -> bool:
        return all(i.amount is not None for i in self.items)

    @property
    def initial_complete(self) -> bool:
        return all(i.amount is not None for i in self.initial_items)


@dataclass(frozen=True, slots=True)
class BreakEven:
    scale: Fraction  # volumes × scale = the break-even mix
    transactions_exact: Fraction
    transactions_per_month: int  # smallest whole volume at which Plan A is not dearer
    plan_b_metered_per_terminal: int
    margin_transactions: int  # break-even minus current volume (+: must rise, -: may fall)
    margin_percent: float | None


@dataclass(frozen=True, slots=True)
class Quote:
    a: PlanQuote
    b: PlanQuote
    cheaper: str  # "A" | "B" | "equal"
    saving: int  # monthly difference between the plans
    volume: int  # transactions per month now
    break_even: BreakEven | None
    plan_b_metered_per_terminal: int  # now
    rule_of_thumb: str  # "A" | "B" | "depends": what the NACCS FAQ's rule would say
    sample_prices: bool
    tax_rate_percent: int
    mix: tuple[tuple[str, int], ...] | None = None
    """The operation mix the break-even scales, when it is not the counts' own: the total slider
    scaled the user's mix and rounded the counts (``along``); None: the counts are the mix."""

    def plan(self, name: str) -> PlanQuote:
        return self.a if name == "A" else self.b

    @property
    def complete(self) -> bool:
        """Every fee of both plans is known (the line fees are the same on both)."""
        return self.a.complete and self.b.complete

    def with_tax(self, amount: int) -> int:
        """Amount including consumption tax, rounded down."""
        return with_tax(amount, self.tax_rate_percent)

    def monthly(self, plan: str, tax: bool = False) -> int:
        """One monthly bill of ``plan``, with tax (rounded down) when asked."""
        return billed(0, self.plan(plan).monthly, 1, self.tax_rate_percent, tax)

    def initial(self, plan: str, tax: bool = False) -> int:
        """The initial fee of ``plan``, with tax (rounded down) when asked."""
        return billed(self.plan(plan).initial, 0, 0, self.tax_rate_percent, tax)

    def total(self, plan: str, months: int, tax: bool = False) -> int:
        """The ``months``-month total of ``plan`` as billed: initial + months × monthly, each bill
        taxed on its own when asked, so the total adds up from the figures shown."""
        p = self.plan(plan)
        return billed(p.initial, p.monthly, months, self.tax_rate_percent, tax)

    def monthly_saving(self, tax: bool = False) -> int:
        """The monthly difference between the plans, as the two shown totals differ."""
        return abs(self.monthly("A", tax) - self.monthly("B", tax))


def with_tax(amount: int, rate_percent: int) -> int:
    """``amount`` including consumption tax at ``rate_percent``, rounded down to the yen."""
    return amount * (100 + rate_percent) // 100


def billed(initial: int, monthly: int, months: int, rate_percent: int, tax: bool) -> int:
    """What ``months`` months cost as NACCS bills them: the initial fee once and one bill a month.
    With tax, each bill is taxed on its own (rounded down) and the bills are added, so the total
    equals initial + months × monthly *as shown*, never the tax of the sum (which can differ by a
    few yen)."""
    if not tax:
        return initial + months * monthly
    return with_tax(initial, rate_percent) + months * with_tax(monthly, rate_percent)


def _fmt(n: int) -> str:
    return f"{n:,}"


def _times(count: int, unit: int) -> str:
    return f"{_fmt(count)} × {_fmt(unit)}"


def line_items(s: Scenario, t: Tariffs) -> tuple[list[Item], list[Item]]:
    """(monthly items, initial items) of the access line, per FACTS §1. A fee no source publishes
    (a dedicated speed without a fee table) is an item of amount None."""
    ln, n = s.line, s.line.lines
    monthly: list[Item] = []
    initial: list[Item] = []

    def add(target: list[Item], key: str, unit: int | None, note: str | None = None, **params: str) -> None:
        group = "initial" if target is initial else "line"
        if unit is None:
            target.append(Item(key, None, "", group, params, "note.fee_unpublished"))
        else:
            target.append(Item(key, n * unit, _times(n, unit), group, params, note))

    if ln.kind == "dedicated":
        d = t.dedicated
        speed = d.speeds[ln.speed]
        init_fees, router_fees = d.initial_fees(ln.speed), d.router_fees(ln.speed)
        redundant = ln.router == "redundant"
        opt = ln.router
        init = None
        if init_fees is not None:
            init = {"standard": init_fees.standard, "spare": init_fees.spare, "redundant": init_fees.redundant}[
                opt
            ] or 0
        add(initial, "item.line_initial", init, speed=ln.speed, router=opt)
        usage = None
        if speed.line is not None:
            usage = (speed.line.redundant if redundant else speed.line.standard) or 0
        add(monthly, "item.line_usage", usage, speed=ln.speed)
        if redundant:
            add(monthly, "item.indoor_wiring", d.indoor_wiring_redundant)
        router: int | None = None
        if router_fees is not None and opt == "standard":
            router = router_fees.h24 if ln.maintenance == "24x365" else router_fees.weekdays
        elif router_fees is not None:
            router = (router_fees.redundant if redundant else router_fees.spare) or 0
        add(
            monthly,
            "item.router",
            router,
            "note.router_flat" if opt != "standard" else None,
            router=opt,
            maintenance=ln.maintenance,
        )
        if ln.ping_monitoring:
            add(
                monthly,
                "item.ping",
                0 if redundant else d.ping_monitoring,
                "note.ping_free" if redundant else None,
            )
    elif ln.kind == "broadband":
        med = t.broadband.media[ln.medium]
        opt = "spare" if ln.router == "spare" else "standard"
        add(
            initial,
            "item.line_initial_bb",
            med.initial.spare if opt == "spare" else med.initial.standard,
            medium=ln.medium,
            router=opt,
        )
        add(
            monthly,
            "item.line_usage_bb",
            med.line.for_hours(ln.maintenance),
            medium=ln.medium,
            maintenance=ln.maintenance,
        )
        if med.indoor_wiring:
            add(monthly, "item.indoor_wiring", med.indoor_wiring, "note.fiber_wiring")
        r = t.broadband.router
        router = r.spare if opt == "spare" else (r.h24 if ln.maintenance == "24x365" else r.weekdays)
        add(monthly, "item.router", router, None, router=opt, maintenance=ln.maintenance)
    return monthly, initial


def option_items(s: Scenario, t: Tariffs) -> list[Item]:
    u, items = s.usage, []
    if u.paid_statistics:
        unit = t.plans.paid_statistics_per_user_code
        items.append(Item("item.paid_statistics", u.user_codes * unit, _times(u.user_codes, unit), "option"))
    if u.bonded_storage:
        unit = t.plans.bonded_storage_per_user_code
        items.append(Item("item.bonded_storage", u.user_codes * unit, _times(u.user_codes, unit), "option"))
    return items


def _plan(plan: str, s: Scenario, t: Tariffs, line_m: list[Item], line_i: list[Item], options: list[Item]) -> PlanQuote:
    items = list(line_m)
    basic = 0
    if plan == "A":
        unit = t.plans.basic_fee_a_per_terminal
        basic = s.usage.terminals * unit
        items.append(Item("item.basic", basic, _times(s.usage.terminals, unit), "basic"))
    metered = 0
    ops = t.ops
    for code, count in s.volumes.items():
        if count <= 0:
            continue
        op = ops[code]
        price = op.price_a if plan == "A" else op.price_b
        metered += count * price
        items.append(Item("item.operation", count * price, _times(count, price), "metered", {"code": code}))
    items.extend(options)
    line = known_sum(line_m)
    opts = known_sum(options)
    initial = known_sum(line_i)
    return PlanQuote(
        plan, tuple(items), tuple(line_i), line + basic + metered + opts, initial, metered, basic, line, opts
    )


def round_half_up(x: Fraction) -> int:
    """To the nearest whole number, halves up (the break-even per terminal, the chart's points)."""
    return floor(x + Fraction(1, 2))


def break_even(s: Scenario, t: Tariffs, mix: Mapping[str, int] | None = None) -> BreakEven | None:
    """Where Plan A's basic fee pays off, scaling every volume of the operation mix alike: the
    scenario's counts, or ``mix`` when the counts were rounded from it (the total slider), so that
    a mix has one break-even at every total, 0 included. ``scale`` multiplies the mix's weights;
    the margin is measured from the scenario's volume (no percentage from 0). None when Plan A
    never pays off, or at a volume of 0 with no mix."""
    ops = t.ops
    weights = s.volumes if mix is None else mix
    volume = sum(s.volumes.values())
    gap = sum(c * (ops[k].price_b - ops[k].price_a) for k, c in weights.items())  # yen/month at scale 1
    if sum(weights.values()) <= 0 or gap <= 0:
        return None
    base = s.usage.terminals * t.plans.basic_fee_a_per_terminal
    scale = Fraction(base, gap)
    exact = scale * sum(weights.values())
    metered_b = sum(c * ops[k].price_b for k, c in weights.items())
    per_terminal = round_half_up(Fraction(t.plans.basic_fee_a_per_terminal * metered_b, gap))
    needed = ceil(exact)
    percent = float((exact / volume - 1) * 100) if volume else None
    return BreakEven(scale, exact, needed, per_terminal, needed - volume, percent)


def along(q: Quote, s: Scenario, t: Tariffs, mix: Mapping[str, int] | None) -> Quote:
    """``q`` (the quote of ``s``) with its break-even along ``mix``, the exact mix the counts of
    ``s`` were rounded from (None: ``q`` as it is). The fees stay those of the counts: they are
    what is billed."""
    if mix is None:
        return q
    return replace(q, break_even=break_even(s, t, mix), mix=tuple(mix.items()))


def quote(s: Scenario, t: Tariffs) -> Quote:
    """Itemized monthly and initial costs of both plans, the cheaper one and the break-even."""
    line_m, line_i = line_items(s, t)
    options = option_items(s, t)
    a = _plan("A", s, t, line_m, line_i, options)
    b = _plan("B", s, t, line_m, line_i, options)
    cheaper = "equal" if a.monthly == b.monthly else ("A" if a.monthly < b.monthly else "B")
    per_terminal = b.metered // s.usage.terminals
    p = t.plans
    thumb = "B" if per_terminal < p.rule_of_thumb_low else ("A" if per_terminal > p.rule_of_thumb_high else "depends")
    return Quote(
        a,
        b,
        cheaper,
        abs(a.monthly - b.monthly),
        sum(s.volumes.values()),
        break_even(s, t),
        per_terminal,
        thumb,
        t.sample,
        t.tax_rate_percent,
    )


def with_options(q: Quote, options: Iterable[Item]) -> Quote:
    """``q`` with the paid options added to both plans, as ``quote`` of the same unit with its
    office's options would price it (options are the same on both plans: the cheaper plan, the
    saving and the break-even do not change). The TUI quotes a one-unit company's unit once, in
    the company's quote, and shows it with its options this way."""
    extra = tuple(options)
    amount = known_sum(extra)

    def plus(p: PlanQuote) -> PlanQuote:
        return replace(p, items=p.items + extra, monthly=p.monthly + amount, options=p.options + amount)

    return replace(q, a=plus(q.a), b=plus(q.b))
