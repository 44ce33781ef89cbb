"""The recommendation report: ranked choices with their reasons, and what the needs rule out."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..domain.costing import billed
from ..domain.recommend import Candidate, Reason, Recommendation
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import t
from . import table
from .catalog import recommend_notes, unlisted_notice
from .jsondoc import to_json
from .labels import line_label, yen
from .recommend_model import AdvisedUnit, Choice, LineSetup, NeedsInfo, RecommendReport, RecommendTax


def reason_text(r: Reason, lang: str) -> str:
    if r.key == "method":
        return t(
            "recommend.why.method",
            lang,
            method=t(f"method.{r.params['method']}", lang),
            need=t(f"method.{r.params['need']}", lang),
        )
    if r.key == "bandwidth":
        return t("recommend.why.bandwidth", lang, have=f"{r.params['have']:,}", need=f"{r.params['need']:,}")
    return t(f"recommend.why.{r.key}", lang)


def _needs_text(rec: Recommendation, lang: str) -> list[str]:
    n = rec.needs
    out = []
    if n.bandwidth_kbps:
        out.append(t("recommend.need.bandwidth", lang, kbps=f"{n.bandwidth_kbps:,}"))
    if n.h24:
        out.append(t("recommend.need.h24", lang))
    if n.redundancy:
        out.append(t("recommend.need.redundancy", lang))
    if n.full_operations:
        out.append(t("recommend.need.full_operations", lang))
    if n.method:
        out.append(t("recommend.need.method", lang, method=t(f"method.{n.method}", lang)))
    if n.no_fiber:
        out.append(t("recommend.need.no_fiber", lang))
    if n.include_unlisted:
        out.append(t("recommend.need.include_unlisted", lang))
    return out or [t("recommend.need.none", lang)]


def report(
    rec: Recommendation,
    base: Scenario,
    *,
    top: int = 5,
    tax: bool = False,
    lang: str = "ja",
    sample_prices: bool = False,
    tariffs: Tariffs | None = None,
) -> RecommendReport:
    """Typed data: the top choices with why, the cheaper excluded setups with why not, the setups
    not ranked for want of published fees, and (with ``tariffs``) the notice on each listed line
    that NACCS's current access page no longer lists and which such lines were left out."""
    rate, months = rec.tax_rate_percent, rec.months

    def money(n: int) -> int:
        return billed(0, n, 1, rate, tax)

    def total(c: Candidate) -> int:
        """The horizon total as billed (each bill taxed on its own when tax is on)."""
        return billed(c.initial, c.monthly, months, rate, tax)

    def other_total(c: Candidate) -> int:
        """The same setup on the other plan (same initial fee; its monthly from its total)."""
        return billed(c.initial, (c.other_plan_total - c.initial) // months, months, rate, tax)

    eligible = rec.choices()
    best = eligible[0] if eligible else None

    def entry(c: Candidate, rank: int | None) -> Choice:
        s = c.scenario(base)
        why: list[str] = []
        if rank == 1:
            nxt = eligible[1] if len(eligible) > 1 else None
            ahead = total(nxt) - total(c) if nxt else 0
            why.append(
                t("recommend.why.best", lang, n=len(rec.eligible))
                + (t("recommend.why.next", lang, yen=yen(ahead)) if ahead else "")
            )
        elif rank is not None and best is not None:
            why.append(t("recommend.why.dearer", lang, yen=yen(total(c) - total(best))))
        gap = other_total(c) - total(c)
        other = "B" if c.plan == "A" else "A"
        why.append(
            t("recommend.why.plan_equal", lang)
            if gap == 0
            else t(
                "recommend.why.plan_cheaper" if gap > 0 else "recommend.why.plan_dearer",
                lang,
                other=t(f"plan.{other}", lang),
                yen=yen(abs(gap)),
            )
        )
        if c.guaranteed_kbps:
            why.append(t("recommend.why.guarantee", lang, kbps=f"{c.guaranteed_kbps:,}"))
        if c.current:
            why.append(t("recommend.why.current", lang))
        notice = unlisted_notice(c.line, tariffs, lang) if tariffs is not None and c.unlisted else None
        if notice and rank is not None:
            why.append(notice)
        return Choice(
            rank=rank,
            line=line_label(s, lang),
            line_setup=LineSetup.of(c),
            method=c.method,
            method_label=t(f"method.{c.method}", lang),
            plan=c.plan,
            monthly=money(c.monthly),
            initial=money(c.initial),
            total=total(c),
            guaranteed_kbps=c.guaranteed_kbps,
            current=c.current,
            unlisted=c.unlisted,
            notice=notice,
            why=tuple(why),
            excluded=tuple(reason_text(r, lang) for r in c.excluded),
        )

    cur_rank = rec.rank_of_current()
    unpriced, left_out, catalog_notes = recommend_notes(rec, tariffs, lang)
    n = rec.needs
    return RecommendReport(
        months=rec.months,
        tax=RecommendTax(tax, rate),
        needs=NeedsInfo(
            n.bandwidth_kbps, n.h24, n.redundancy, n.full_operations, n.method, n.no_fiber, n.include_unlisted
        ),
        needs_text=tuple(_needs_text(rec, lang)),
        candidates=len(rec.candidates),
        eligible=len(rec.eligible),
        top=tuple(entry(c, i + 1) for i, c in enumerate(eligible[:top])),
        excluded=tuple(entry(c, None) for c in rec.cheaper_excluded(top)),
        current_rank=cur_rank,
        current_reason=rec.current_reason(),
        unpriced=tuple(unpriced),
        unlisted_left_out=tuple(left_out),
        sample_prices=sample_prices,
        warnings=(t("trust.sample", lang),) if sample_prices else (),
        catalog_notes=tuple(catalog_notes),
    )


def for_unit(rep: RecommendReport, office: str, kind: str, heading: str) -> RecommendReport:
    """``rep`` said to be for one unit of a company (its JSON leads with that unit)."""
    return replace(rep, unit=AdvisedUnit(office, kind, heading))


def _top_rows(rep: RecommendReport, lang: str) -> list[list[str]]:
    head = [
        "#",
        t("quote.line", lang),
        t("quote.method", lang),
        t("compare.col.plan", lang),
        t("quote.monthly", lang),
        t("quote.initial", lang),
        t("quote.total", lang, months=rep.months),
    ]
    rows = [head]
    for e in rep.top:
        rows.append(
            [
                str(e.rank) + ("*" if e.current else ""),
                e.line,
                e.method_label,
                t(f"plan.{e.plan}", lang),
                yen(e.monthly),
                yen(e.initial),
                yen(e.total),
            ]
        )
    return rows


def why_lines(rep: RecommendReport, lang: str) -> list[str]:
    """Why each choice ranks where it does, where the current setup stands, what the needs rule out."""
    out: list[str] = []
    if not rep.top:
        out.append(t("recommend.none", lang))
    for e in rep.top:
        out.append(f"{e.rank}. " + " / ".join(e.why))
    if rep.top:
        if rep.current_rank is None:
            out.append(t(f"recommend.current_{rep.current_reason or 'excluded'}", lang))
        elif all(not e.current for e in rep.top):
            out.append(t("recommend.current_rank", lang, rank=rep.current_rank))
    if rep.excluded:
        out += ["", t("recommend.excluded", lang)]
        out += [f"- {e.line} / {e.method_label}: {yen(e.total)} ({'; '.join(e.excluded)})" for e in rep.excluded]
    notes = rep.catalog_notes
    return out + (["", *notes] if notes else [])


def summary_lines(rep: RecommendReport, lang: str) -> list[str]:
    tax = t("tax.included" if rep.tax.included else "tax.excluded", lang)
    return [
        *rep.warnings,
        t("recommend.needs", lang, needs=", ".join(rep.needs_text)),
        t("recommend.count", lang, n=rep.candidates, ok=rep.eligible, months=rep.months),
        t("quote.amounts_note", lang, tax=tax),
    ]


def text_lines(rep: RecommendReport, lang: str) -> list[str]:
    """The report as lines of text (the CLI text format)."""
    out = [*summary_lines(rep, lang), ""]
    if rep.top:
        out += table.render(_top_rows(rep, lang), right={4, 5, 6}).split("\n")
        out.append("")
    return out + why_lines(rep, lang)


def to_text(rep: RecommendReport, lang: str) -> str:
    return "\n".join(text_lines(rep, lang)) + "\n"


def to_markdown(rep: RecommendReport, lang: str) -> str:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    rows = _top_rows(rep, lang)
    lines = [
        f"# {t('recommend.title', lang)}",
        "",
        *(f"> **{esc(w)}**\n" for w in rep.warnings),
        "- " + esc(t("recommend.needs", lang, needs=", ".join(rep.needs_text))),
        "- " + esc(t("recommend.count", lang, n=rep.candidates, ok=rep.eligible, months=rep.months)),
        "",
    ]
    if rep.top:
        lines.append("| " + " | ".join(esc(c) for c in rows[0]) + " | " + esc(t("compare.col.why", lang)) + " |")
        lines.append("|---|---|---|---|---:|---:|---:|---|")
        for row, e in zip(rows[1:], rep.top, strict=False):
            lines.append("| " + " | ".join(esc(c) for c in row) + " | " + esc("; ".join(e.why)) + " |")
    else:
        lines.append(esc(t("recommend.none", lang)))
    if rep.excluded:
        lines += ["", f"## {esc(t('recommend.excluded', lang))}", ""]
        lines += [
            f"- {esc(e.line)} / {esc(e.method_label)}: {yen(e.total)} ({esc('; '.join(e.excluded))})"
            for e in rep.excluded
        ]
    if rep.catalog_notes:
        lines += [""] + [f"- {esc(n)}" for n in rep.catalog_notes]
    return "\n".join(lines) + "\n"


def to_csv(rep: RecommendReport, lang: str) -> str:
    """One row per listed setup (top choices, then cheaper excluded ones), raw integer amounts."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "rank",
            "kind",
            "speed",
            "medium",
            "router",
            "maintenance",
            "ping_monitoring",
            "lines",
            "method",
            "plan",
            "monthly",
            "initial",
            f"total_{rep.months}_months",
            "guaranteed_kbps",
            "current",
            "excluded_because",
            "sample_prices",
            "unlisted_notice",
        ]
    )
    for e in rep.top + rep.excluded:
        ls = e.line_setup
        w.writerow(
            [
                e.rank or "",
                ls.kind,
                *("" if x is None else x for x in (ls.speed, ls.medium, ls.router, ls.maintenance, ls.ping_monitoring)),
                ls.lines,
                e.method,
                e.plan,
                e.monthly,
                e.initial,
                e.total,
                e.guaranteed_kbps,
                e.current,
                "; ".join(e.excluded),
                rep.sample_prices,
                e.notice or "",
            ]
        )
    return buf.getvalue()


def _json(rep: RecommendReport, lang: str) -> str:
    return to_json(rep.as_dict())


FORMATS: Mapping[str, Callable[[RecommendReport, str], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "csv": to_csv,
    "json": _json,
}
"""The one registry of the recommendation's formats."""
