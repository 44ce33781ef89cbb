"""The recommendation report as typed data: what travels between its builder
(render/recommend.py), its formats and the recommendation screen (ui/screens/recommend.py). Each
field is named as its JSON key, in the JSON's order, so ``as_dict`` (render/report_blocks.py)
gives the JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.recommend import Candidate
from .report_blocks import OMIT_NONE, Block


@dataclass(frozen=True, slots=True)
class LineSetup(Block):
    """A choice's line: the settings its kind has (a dedicated line's speed and ping monitoring, a
    broadband line's medium; router and maintenance for both) and the number of lines."""

    kind: str
    speed: str | None = field(default=None, metadata=OMIT_NONE)
    medium: str | None = field(default=None, metadata=OMIT_NONE)
    router: str | None = field(default=None, metadata=OMIT_NONE)
    maintenance: str | None = field(default=None, metadata=OMIT_NONE)
    ping_monitoring: bool | None = field(default=None, metadata=OMIT_NONE)
    lines: int = 1

    @classmethod
    def of(cls, c: Candidate) -> LineSetup:
        ln = c.line
        if ln.kind == "dedicated":
            return cls(ln.kind, ln.speed, None, ln.router, ln.maintenance, ln.ping_monitoring, ln.lines)
        if ln.kind == "broadband":
            return cls(ln.kind, None, ln.medium, ln.router, ln.maintenance, None, ln.lines)
        return cls(ln.kind, lines=ln.lines)


@dataclass(frozen=True, slots=True)
class Choice(Block):
    """A ranked choice (``rank`` from 1) or a cheaper setup a need rules out (``rank`` None):
    its amounts as billed (taxed when asked), why it ranks there, why it is excluded."""

    rank: int | None
    line: str
    line_setup: LineSetup
    method: str
    method_label: str
    plan: str
    monthly: int
    initial: int
    total: int
    guaranteed_kbps: int
    current: bool
    unlisted: bool
    notice: str | None
    why: tuple[str, ...]
    excluded: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecommendTax(Block):
    included: bool
    rate_percent: int


@dataclass(frozen=True, slots=True)
class NeedsInfo(Block):
    bandwidth_kbps: int
    h24: bool
    redundancy: bool
    full_operations: bool
    method: str | None
    no_fiber: bool
    include_unlisted: bool


@dataclass(frozen=True, slots=True)
class AdvisedUnit(Block):
    """Which unit of a company the recommendation is for (office name, unit kind, the heading)."""

    office: str
    unit: str
    advice: str


@dataclass(frozen=True, slots=True)
class RecommendReport(Block):
    """What `recommend` prints: the needs, the top choices with why, the cheaper excluded setups
    with why not, where the current setup stands, what is not ranked and why."""

    unit: AdvisedUnit | None = field(default=None, metadata=OMIT_NONE, kw_only=True)  # a company's unit
    months: int
    tax: RecommendTax
    needs: NeedsInfo
    needs_text: tuple[str, ...]
    candidates: int
    eligible: int
    top: tuple[Choice, ...]
    excluded: tuple[Choice, ...]
    current_rank: int | None
    current_reason: str | None
    unpriced: tuple[str, ...]
    unlisted_left_out: tuple[str, ...]
    sample_prices: bool
    warnings: tuple[str, ...]
    catalog_notes: tuple[str, ...]
