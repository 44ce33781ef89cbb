"""The recommender: the cheapest line × option × method × plan that meets the user's needs.

Every valid configuration is enumerated for the scenario's volumes, terminals, user codes and
paid options. The plan-dependent sums (metered fees, basic fee, options) are computed once; per
configuration only the line fees change, taken from costing.line_items so that the figures are
exactly those quote() gives for the same setup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import name_of, unlisted
from .company import Company, UnitKind, unit_scenario
from .costing import PLANS, known_sum, line_items, option_items
from .errors import InputError, unknown_value_params
from .scenario import METHODS, ROUTERS, Line, Router, Scenario, Usage, combination_problem
from .tariffs import MAINTENANCE, Tariffs

FULL_OPERATION_METHODS = ("interactive", "netnaccs")  # WebNACCS offers only some operations


@dataclass(frozen=True, slots=True)
class Needs:
    bandwidth_kbps: int = 0  # minimum guaranteed bandwidth
    h24: bool = False  # 24h/365d maintenance of line and router
    redundancy: bool = False
    full_operations: bool = False  # rules out WebNACCS
    method: str | None = None  # a fixed processing method
    no_fiber: bool = False  # the site has no fiber: ADSL is offered only then (guide), and fiber is ruled out
    include_unlisted: bool = False  # also rank the options NACCS's current access page no longer lists


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a candidate is excluded or how it compares; ``key`` is a catalog key suffix."""

    key: str
    params: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Candidate:
    line: Line
    method: str
    plan: str
    monthly: int
    initial: int
    total: int  # initial + months × monthly (tax excluded)
    guaranteed_kbps: int
    other_plan_total: int  # the same setup on the other plan
    excluded: tuple[Reason, ...]
    current: bool  # the scenario's own line and method (either plan)
    complete: bool = True  # every line fee is published (else the totals leave some out)
    unlisted: bool = False  # the line's option is not on NACCS's current access page

    @property
    def ok(self) -> bool:
        return not self.excluded

    def scenario(self, base: Scenario) -> Scenario:
        """The base scenario switched to this candidate's line and method."""
        usage = base.usage.model_copy(update={"method": self.method})
        return base.model_copy(update={"line": self.line, "usage": usage})


@dataclass(frozen=True, slots=True)
class Recommendation:
    needs: Needs
    months: int
    candidates: tuple[Candidate, ...]  # every valid configuration × plan, cheapest first
    tax_rate_percent: int

    @property
    def eligible(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.ok)

    @property
    def best(self) -> Candidate | None:
        return next((c for c in self.candidates if c.ok), None)

    def choices(self, limit: int | None = None) -> tuple[Candidate, ...]:
        """Eligible setups, cheapest first, one entry per setup (its cheaper plan).

        Variants that only add what no need asks for at no saving are left out: ping monitoring
        on top of the same line, and WebNACCS where netNACCS (every operation) costs the same.
        """
        return self._distinct(True, limit, None)

    def cheaper_excluded(self, limit: int = 5) -> tuple[Candidate, ...]:
        """Excluded setups cheaper than the best one (what the needs cost), one per setup; a setup
        whose fees are not published has no total to compare, so it is never among them."""
        best = self.best
        return self._distinct(False, limit, best.total if best else None)

    def unpriced(self) -> tuple[Candidate, ...]:
        """Setups that would meet the needs but whose line fees nobody published, one per line
        option (speed): offered, but not ranked, since they have no price to rank by."""
        out: dict[tuple[str, str], Candidate] = {}
        for c in self.candidates:
            if not c.complete and all(r.key == "fees_unpublished" for r in c.excluded):
                out.setdefault((c.line.kind, name_of(c.line)), c)
        return tuple(out.values())

    def _distinct(self, ok: bool, limit: int | None, below: int | None) -> tuple[Candidate, ...]:
        seen: set[tuple[Line, str]] = set()
        out: list[Candidate] = []
        for c in self.candidates:
            if below is not None and c.total >= below:
                break
            if c.ok != ok or not c.complete:
                continue
            key = (
                c.line.model_copy(update={"ping_monitoring": False}),
                "netnaccs" if c.method == "webnaccs" else c.method,
            )
            if key in seen:
                continue
            seen.add(key)
            out.append(c)
            if limit is not None and len(out) >= limit:
                break
        return tuple(out)

    def current_reason(self) -> str | None:
        """Why the current setup is not ranked: "unpriced" (its fees are not published), "unlisted"
        (the access page no longer lists its line), else "excluded" (a need rules it out); None when ranked."""
        cur = next((c for c in self.candidates if c.current), None)
        if cur is None or cur.ok:
            return None
        keys = {r.key for r in cur.excluded}
        if keys == {"fees_unpublished"}:
            return "unpriced"
        return "unlisted" if keys == {"unlisted"} else "excluded"

    def rank_of_current(self) -> int | None:
        """Where the scenario's own setup (its cheaper plan) would rank among the choices."""
        cur = next((c for c in self.candidates if c.current), None)
        if cur is None or not cur.ok:
            return None
        return 1 + sum(1 for c in self.choices() if c.total < cur.total)


def parse_bandwidth(text: str) -> int:
    """'256k' -> 256, '1M' / '1m' -> 1000, '0.5M' -> 500, '300' -> 300 (kbit/s)."""
    raw = text.strip()
    unit = raw[-1:].lower()
    number = raw[:-1] if unit in ("k", "m") else raw
    try:
        value = float(number)
    except ValueError:
        reason = f"{text!r} is not a speed like 256k or 1M"
        raise InputError(None, "--need-bandwidth", reason, code="bad_speed", params={"value": repr(text)}) from None
    kbps = value * (1000 if unit == "m" else 1)
    if not 0 <= kbps <= 10_000_000 or kbps != kbps:
        reason = f"{text!r} is out of range"
        raise InputError(None, "--need-bandwidth", reason, code="speed_out_of_range", params={"value": repr(text)})
    return int(kbps)


def line_options(t: Tariffs, lines: int = 1) -> list[Line]:
    """Every line with every option the tariffs offer (validity checked by combination_problem)."""
    out = [Line(kind="internet", lines=lines)]
    broadband_routers: tuple[Router, ...] = ("standard", "spare")
    for speed in t.dedicated.speeds:
        for router in ROUTERS:
            for maintenance in MAINTENANCE:
                for ping in (False, True):
                    out.append(
                        Line.model_construct(
                            kind="dedicated",
                            speed=speed,
                            medium="fiber",
                            router=router,
                            maintenance=maintenance,
                            ping_monitoring=ping,
                            lines=lines,
                        )
                    )
    for medium in t.broadband.media:
        for router in broadband_routers:
            for maintenance in MAINTENANCE:
                out.append(
                    Line.model_construct(
                        kind="broadband",
                        speed="1M",
                        medium=medium,
                        router=router,
                        maintenance=maintenance,
                        ping_monitoring=False,
                        lines=lines,
                    )
                )
    return out


def guaranteed_kbps(line: Line, t: Tariffs) -> int:
    """A dedicated line guarantees 1/4 of its speed; broadband and internet guarantee none."""
    return t.dedicated.bandwidth_kbps(line.speed) // 4 if line.kind == "dedicated" else 0


def _exclusions(line: Line, method: str, needs: Needs, kbps: int, complete: bool, listed: bool) -> tuple[Reason, ...]:
    out = []
    if not listed and not needs.include_unlisted:
        out.append(Reason("unlisted"))
    if not complete:
        out.append(Reason("fees_unpublished"))
    if needs.method and method != needs.method:
        out.append(Reason("method", {"method": method, "need": needs.method}))
    if needs.full_operations and method not in FULL_OPERATION_METHODS:
        out.append(Reason("partial_operations"))
    if kbps < needs.bandwidth_kbps:
        out.append(Reason("bandwidth", {"have": kbps, "need": needs.bandwidth_kbps}))
    if needs.h24 and not (line.kind != "internet" and line.maintenance == "24x365"):
        out.append(Reason("no_24h" if line.kind != "internet" else "no_24h_internet"))
    if needs.redundancy and line.router != "redundant":
        out.append(Reason("no_redundancy"))
    if line.kind == "broadband" and line.medium == "adsl" and not needs.no_fiber:
        out.append(Reason("adsl_only_without_fiber"))
    if line.kind == "broadband" and line.medium == "fiber" and needs.no_fiber:
        out.append(Reason("no_fiber"))
    return tuple(out)


def recommend(s: Scenario, t: Tariffs, needs: Needs = Needs(), *, months: int = 12) -> Recommendation:
    """Rank every valid line × option × method × plan by its N-month total (tax excluded)."""
    if needs.method is not None and needs.method not in METHODS:
        params = unknown_value_params("method", needs.method, METHODS)
        raise InputError(None, "--method", f"unknown method {needs.method!r}", code="unknown_value", params=params)
    u = s.usage
    ops = t.ops
    metered = {"A": 0, "B": 0}
    for code, count in s.volumes.items():
        if count > 0:
            metered["A"] += count * ops[code].price_a
            metered["B"] += count * ops[code].price_b
    options = known_sum(option_items(s, t))
    plan_fixed = {
        "A": u.terminals * t.plans.basic_fee_a_per_terminal + metered["A"] + options,
        "B": metered["B"] + options,
    }
    usages = {m: Usage.model_construct(**{**u.__dict__, "method": m}) for m in METHODS}
    found: list[Candidate] = []
    for line in line_options(t, s.line.lines):
        fees: tuple[int, int] | None = None
        complete = True
        kbps = guaranteed_kbps(line, t)
        listed = not unlisted(line, t)
        for method in METHODS:
            probe = Scenario.model_construct(line=line, usage=usages[method])
            if combination_problem(probe, t):
                continue
            if fees is None:
                line_m, line_i = line_items(probe, t)
                fees = known_sum(line_m), known_sum(line_i)
                complete = all(i.known for i in (*line_m, *line_i))
            line_monthly, initial = fees
            excluded = _exclusions(line, method, needs, kbps, complete, listed)
            is_cur = method == u.method and _same_line(line, s.line)
            monthly = {p: line_monthly + plan_fixed[p] for p in PLANS}
            total = {p: initial + months * monthly[p] for p in PLANS}
            for p in PLANS:
                other = total["B" if p == "A" else "A"]
                found.append(
                    Candidate(
                        line,
                        method,
                        p,
                        monthly[p],
                        initial,
                        total[p],
                        kbps,
                        other,
                        excluded,
                        is_cur,
                        complete,
                        not listed,
                    )
                )
    found.sort(key=lambda c: c.total)  # stable: ties keep the simpler (earlier-enumerated) setup first
    return Recommendation(needs, months, tuple(found), t.tax_rate_percent)


def _same_line(a: Line, b: Line) -> bool:
    """Lines equal in the fields that apply to their kind (internet ignores speed and router)."""
    if a.kind != b.kind or a.lines != b.lines:
        return False
    if a.kind == "internet":
        return True
    if a.kind == "broadband":
        return (a.medium, a.router, a.maintenance) == (b.medium, b.router, b.maintenance)
    return (a.speed, a.router, a.maintenance, a.ping_monitoring) == (
        b.speed,
        b.router,
        b.maintenance,
        b.ping_monitoring,
    )


def advice_basis(c: Company, office: int, kind: UnitKind) -> Scenario:
    """The unit (office from 1) as the recommender sees it: its volumes, terminals and user codes,
    with its office's paid options only when it is the office's only unit (the options belong to
    the office once; with two units they are the same whatever this one's line and method)."""
    alone = len(c.offices[office - 1].units()) == 1
    return unit_scenario(c, office, kind, options=alone)


def recommend_unit(
    c: Company, office: int, kind: UnitKind, t: Tariffs, needs: Needs = Needs(), *, months: int = 12
) -> tuple[Scenario, Recommendation]:
    """The one recommender for a unit in its company (the TUI's F6 and `recommend --office --unit`):
    the basis it ranked (``advice_basis``) and the ranking."""
    basis = advice_basis(c, office, kind)
    return basis, recommend(basis, t, needs, months=months)
