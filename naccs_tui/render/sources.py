"""Where each figure of a quote comes from, the notes that go with it, and the sample warning.

One home for these sentences: the quote report (text, Markdown, CSV, JSON, HTML), compare,
recommend and the TUI all take them from here.

Late imports: the report blocks (render/report_blocks.py, some thirty dataclasses that Python 3.11
is slow to build) load when a report is built; the TUI's panes use these sentences on their
first frame without one (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.catalog import offering
from ..domain.costing import Quote
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import t
from .catalog import line_option, source_text

if TYPE_CHECKING:  # the report blocks: imported when a report is made (not at the app's start)
    from .report_blocks import Source


def cited(s: Scenario, q: Quote, tariffs: Tariffs, *, tax: bool, lang: str | None = None) -> list[Source]:
    """The figures this quote uses and their sources."""
    from .report_blocks import Source

    out: list[Source] = []

    def add(what: str, source: str | None) -> None:
        entry = Source(what, source_text(source, lang), (source or "unknown").split(" ")[0])
        if entry not in out:
            out.append(entry)

    kind = s.line.kind
    if kind == "dedicated":
        speed = tariffs.dedicated.speeds.get(s.line.speed)
        own = speed.source if speed is not None else None
        if own:  # the speed's own fees (an import)
            add(t("trust.cite.line_speed", lang, speed=s.line.speed), own)
        line_known = any(i.known for i in (*q.a.initial_items, *q.a.items) if i.group in ("line", "initial"))
        if line_known and (not own or _section_fees_used(s, tariffs)):
            add(t("trust.cite.line", lang), tariffs.dedicated.source)
    elif kind == "broadband":
        add(t("trust.cite.line", lang), tariffs.broadband.source)
    else:
        add(t("trust.cite.no_line", lang), tariffs.plans.source)
    o = offering(s.line, tariffs)
    if o.offered is not None:
        option = line_option(s.line, lang)
        for source in (o.offered.guide, o.offered.access_page):
            if source:
                add(t("trust.cite.offered", lang, option=option), source)
    add(t("trust.cite.plans", lang), tariffs.plans.source)
    if q.a.options and tariffs.plans.office_plans_source:
        add(t("trust.cite.options", lang), tariffs.plans.office_plans_source)
    used = [tariffs.ops[c] for c, n in s.volumes.items() if n > 0 and c in tariffs.ops] or list(tariffs.operations)
    for op_source in dict.fromkeys(tariffs.price_source(op) for op in used):
        add(t("trust.cite.unit_prices", lang), op_source)
    add(t("trust.cite.rule_of_thumb", lang), tariffs.plans.rule_of_thumb_source)
    if tax:
        add(t("trust.cite.tax", lang, rate=q.tax_rate_percent), tariffs.tax_rate_source)
    return out


def _section_fees_used(s: Scenario, tariffs: Tariffs) -> bool:
    """The dedicated line's quote uses a fee of the section's table (not the speed's own):
    its class's initial or router fees, ping monitoring or the indoor wiring of redundancy."""
    speed = tariffs.dedicated.speeds[s.line.speed]
    from_class = speed.speed_class is not None and (speed.initial is None or speed.router is None)
    return from_class or s.line.ping_monitoring or s.line.router == "redundant"


def office_plans_cited(tariffs: Tariffs, lang: str | None = None) -> Source | None:
    """The source of the plans per office × unit and of changes by the month (FAQ), for company reports."""
    from .report_blocks import Source

    src = tariffs.plans.office_plans_source
    if not src:
        return None
    return Source(t("trust.cite.office_plans", lang), source_text(src, lang), src.split(" ")[0])


def notes(s: Scenario, q: Quote, tariffs: Tariffs, lang: str | None = None) -> list[str]:
    """The ambiguous readings behind the items shown and the guide's limits that apply."""
    out: list[str] = []
    for item in (*q.a.items, *q.a.initial_items, *q.b.items):
        if item.note and t(item.note, lang) not in out:
            out.append(t(item.note, lang))
    if s.line.kind in ("dedicated", "broadband"):
        out.append(t("trust.note.general_connection", lang))
    if s.line.kind == "broadband" and s.line.medium == "adsl":
        out.append(t("trust.note.adsl", lang))
    if s.usage.method == "webnaccs":
        out.append(t("trust.note.webnaccs_ops", lang))
        out.append(t("trust.note.webnaccs_basic", lang, yen=f"{tariffs.plans.basic_fee_a_per_terminal:,}"))
    if s.usage.method in ("netnaccs", "webnaccs") and q.b.monthly == 0:
        out.append(t("trust.note.free_plan", lang))
    return out


def sample_warning(tariffs: Tariffs, lang: str | None = None) -> str | None:
    """The warning every output carries while the operations and their prices are samples."""
    return t("trust.sample", lang) if tariffs.sample else None
