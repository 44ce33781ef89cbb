"""The answer in words: one home for every sentence about which plan wins (and for the answer as
data, the block the quote and company reports share), and for the pairing of Plan A and Plan B
items into rows.

The CLI reports (text, Markdown), the plans pane, the summary bar and the volumes pane all take
their verdict from here, so a sentence and its glyph read the same wherever it is shown.

Late imports: the report blocks (render/report_blocks.py, some thirty dataclasses that Python 3.11
is slow to build) load when a report is built; the TUI's panes use these sentences on their
first frame without one (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, TypeVar

from ..domain.costing import Quote
from ..i18n import t
from .labels import yen

if TYPE_CHECKING:  # the report blocks: imported when a report is made (not at the app's start)
    from .report_blocks import Verdict

CHEAPER = "✔"
"""Glyph of the cheaper plan (East-Asian width N: one cell in CJK terminals too)."""
EQUAL = "="
"""Glyph of a tie."""
MARKER = "♦"
"""Glyph of the break-even (the same one marks it on the total slider's track)."""
INDENT = "  "
"""Lines that explain the line above them start with this."""

T = TypeVar("T")


def cheaper_line(q: Quote, tax: bool, lang: str | None = None) -> str:
    """'✔ Plan B is cheaper (saves N yen a month)' or '= both cost the same'."""
    if q.cheaper == "equal":
        return f"{EQUAL} " + t("quote.equal", lang)
    plan = t(f"plan.{q.cheaper}", lang)
    return f"{CHEAPER} " + t("quote.cheaper", lang, plan=plan, saving=yen(q.monthly_saving(tax)))


def cheaper_short(q: Quote, tax: bool, lang: str | None = None) -> str:
    """The same verdict in a few words, for the summary bar: '✔ Plan B cheaper by N'."""
    if q.cheaper == "equal":
        return f"{EQUAL} " + t("quote.equal", lang)
    plan = t(f"plan.{q.cheaper}", lang)
    return f"{CHEAPER} " + t("summary.cheaper", lang, plan=plan, saving=yen(q.monthly_saving(tax)))


def cheaper_compact(q: Quote, tax: bool, lang: str | None = None) -> str:
    """The verdict in the fewest words, for a narrow summary bar: '✔ A saves N' (a tie as
    ``cheaper_short``)."""
    if q.cheaper == "equal":
        return cheaper_short(q, tax, lang)
    plan = t(f"summary.plan.{q.cheaper}", lang)
    return f"{CHEAPER} " + t("summary.cheaper_compact", lang, plan=plan, saving=yen(q.monthly_saving(tax)))


def break_even_compact(q: Quote, lang: str | None = None) -> str:
    """'♦ Plan A pays from N/month (now M)': ``break_even_line`` in fewer words, for a narrow
    summary bar (with no break-even, the same sentence)."""
    be = q.break_even
    if be is None:
        return break_even_line(q, lang)
    return f"{MARKER} " + t("summary.break_even_compact", lang, n=yen(be.transactions_per_month), now=yen(q.volume))


def break_even_line(
    q: Quote, lang: str | None = None, *, at_the_total_slider: bool = False, mix_kept: bool = False
) -> str:
    """'♦ Plan A pays off from N transactions/month (now M)', or why there is no such point. Under
    the total slider a total of 0 says instead what moving the slider up will do: bring back the
    mix the slider scaled down to 0 (``mix_kept``), or, with no mix at all, spread evenly."""
    be = q.break_even
    if q.volume == 0 and at_the_total_slider:
        return t("volumes.zero_kept" if mix_kept else "volumes.empty_mix", lang)
    if be is not None:
        return f"{MARKER} " + t("quote.break_even", lang, n=yen(be.transactions_per_month), now=yen(q.volume))
    return f"{MARKER} " + t("quote.never", lang)


def verdict_lines(q: Quote, tax: bool, lang: str | None = None) -> list[str]:
    """The whole answer: cheaper plan, break-even, the Plan-B metered fee per terminal there, the
    margin before the answer flips, the rule of thumb and whether the exact answer agrees with it.
    Lines that explain the one above start with ``INDENT``."""
    lines = [cheaper_line(q, tax, lang), break_even_line(q, lang)]
    be = q.break_even
    if be is not None:
        lines.append(INDENT + t("quote.break_even_per_terminal", lang, yen=yen(be.plan_b_metered_per_terminal)))
        m, pct = be.margin_transactions, be.margin_percent
        if pct is None:  # from a volume of 0 (the total slider's kept mix): no percentage to say
            pass
        elif m > 0:
            lines.append(INDENT + t("quote.margin_rise", lang, n=yen(m), pct=f"{pct:.1f}"))
        elif m < 0 or pct < 0:
            lines.append(INDENT + t("quote.margin_fall", lang, n=yen(-m), pct=f"{-pct:.1f}"))
    verdict = t(f"quote.rule.{q.rule_of_thumb}", lang)
    lines.append(t("quote.rule_of_thumb", lang, yen=yen(q.plan_b_metered_per_terminal), verdict=verdict))
    exact = t("plan.equal", lang) if q.cheaper == "equal" else t(f"plan.{q.cheaper}", lang)
    if q.rule_of_thumb == "depends":
        agreement = t("plans.thumb_open", lang)
    elif q.rule_of_thumb == q.cheaper:
        agreement = t("plans.thumb_agrees", lang)
    else:
        agreement = t("plans.thumb_differs", lang)
    lines.append(INDENT + t("plans.exact", lang, plan=exact, agreement=agreement))
    return lines


def verdict_block(q: Quote, tax: bool, lang: str | None = None) -> Verdict:
    """The answer as data (the quote report's and each unit of a company's): the volume now, the
    break-even with its Plan-B fee per terminal and its margin (None without a break-even), the
    rule of thumb and the sentences of ``verdict_lines``."""
    from .report_blocks import BreakEvenFigures, RuleOfThumb, Verdict

    be = q.break_even
    return Verdict(
        volume=q.volume,
        break_even=BreakEvenFigures(
            transactions_per_month=be.transactions_per_month if be else None,
            plan_b_metered_per_terminal=be.plan_b_metered_per_terminal if be else None,
            margin_transactions=be.margin_transactions if be else None,
            margin_percent=round(be.margin_percent, 1) if be and be.margin_percent is not None else None,
        ),
        rule_of_thumb=RuleOfThumb(q.plan_b_metered_per_terminal, q.rule_of_thumb),
        verdict=tuple(verdict_lines(q, tax, lang)),
    )


def pair_rows(a: Iterable[T], b: Iterable[T], key: Callable[[T], Hashable]) -> list[tuple[T | None, T | None]]:
    """Items of Plan A and Plan B matched by what they are (``key``), in order of appearance: an
    item only one plan has (the basic fee) gets ``None`` on the other side."""
    rows: dict[Hashable, list[T | None]] = {}
    for col, items in enumerate((a, b)):
        for item in items:
            rows.setdefault(key(item), [None, None])[col] = item
    return [(x, y) for x, y in rows.values()]
