"""`naccs-tui rates show`: the tariff edition in use, so that a user sees at a glance how current it
is: the file and its date, each section's source, where each line is offered, which lines NACCS's
current access page no longer lists, which fees nobody published, which unit prices are samples."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..domain.catalog import Offering, access_page, options, unpublished
from ..domain.tariffs import Tariffs
from ..i18n import t
from .catalog import fee_names, option_label, source_text
from .jsondoc import to_json
from .report_blocks import Block


@dataclass(frozen=True, slots=True)
class SectionSource(Block):
    """Where a section of the tariffs comes from: as a sentence and as the file says it."""

    section: str
    what: str
    source: str
    raw: str


@dataclass(frozen=True, slots=True)
class LineEdition(Block):
    """A line option: where it is offered, whether the access page lists it, its fees' source."""

    option: str
    kind: str
    name: str
    where: str  # "both", "guide", "access_page", "none" or "unknown"
    listed_now: bool | None
    offered: Mapping[str, str]
    fees_source: str | None
    unpublished: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccessPage(Block):
    url: str
    section: str
    read: str


@dataclass(frozen=True, slots=True)
class PriceSource(Block):
    source: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OperationsInfo(Block):
    count: int
    by_source: tuple[PriceSource, ...]
    samples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Edition(Block):
    """What `rates show` prints: the tariffs file in use and where each of its figures comes from."""

    path: str | None
    source: str
    effective: str
    imported: str | None
    note: str | None
    sections: tuple[SectionSource, ...]
    rules: tuple[str, ...]
    access_page: AccessPage | None
    lines: tuple[LineEdition, ...]
    unlisted: tuple[str, ...]
    unpublished_fees: tuple[str, ...]
    operations: OperationsInfo


def _sections(tr: Tariffs, lang: str) -> tuple[SectionSource, ...]:
    p, lt = tr.plans, tr.lead_time
    raw = [
        ("plans", p.source),
        ("rule_of_thumb", p.rule_of_thumb_source),
        ("office_plans", p.office_plans_source),
        ("lead_time", lt.source),
        ("setup_deadline", lt.setup_deadline_source),
        ("dedicated", tr.dedicated.source),
        ("broadband", tr.broadband.source),
        ("tax", tr.tax_rate_source),
    ]
    return tuple(
        SectionSource(key, t(f"rates.show.section.{key}", lang), source_text(src, lang), src or "") for key, src in raw
    )


def _where(o: Offering) -> str:
    if o.listed is None and o.offered is None:
        return "unknown"
    on_page = bool(o.listed)
    if o.in_guide and on_page:
        return "both"
    return "guide" if o.in_guide else "access_page" if on_page else "none"


def _line(o: Offering, tr: Tariffs, lang: str) -> LineEdition:
    fees: str | None = None
    groups: tuple[str, ...] = ()
    if o.kind == "dedicated":
        speed = tr.dedicated.speeds[o.name]
        groups = unpublished(tr, o.name)
        if len(groups) < 3:
            fees = speed.source or tr.dedicated.source
    elif o.kind == "broadband":
        fees = tr.broadband.source
    offered = {}
    if o.offered is not None:
        offered = {k: source_text(v, lang) for k, v in o.offered.model_dump().items() if v}
    return LineEdition(
        option=option_label(o.kind, o.name, lang),
        kind=o.kind,
        name=o.name,
        where=_where(o),
        listed_now=o.listed,
        offered=offered,
        fees_source=source_text(fees, lang) if fees else None,
        unpublished=tuple(groups),
    )


def edition(tr: Tariffs, lang: str) -> Edition:
    """The tariffs in use as typed data (``as_dict``: the JSON form)."""
    lines = tuple(_line(o, tr, lang) for o in options(tr))
    page = access_page(tr)
    by_source: dict[str, list[str]] = {}
    for op in tr.operations:
        by_source.setdefault(source_text(tr.price_source(op), lang), []).append(op.code)
    rules = (t("trust.note.plan_change", lang), t("trust.note.gateway", lang))
    return Edition(
        path=tr.origin,
        source=tr.source,
        effective=tr.effective.isoformat(),
        imported=tr.imported.isoformat() if tr.imported else None,
        note=tr.note,
        sections=_sections(tr, lang),
        rules=rules if tr.plans.office_plans_source else (),
        access_page=AccessPage(page.url, page.section, page.read.isoformat()) if page else None,
        lines=lines,
        unlisted=tuple(x.option for x in lines if x.listed_now is False),
        unpublished_fees=tuple(x.option for x in lines if x.unpublished),
        operations=OperationsInfo(
            count=len(tr.operations),
            by_source=tuple(PriceSource(s, tuple(codes)) for s, codes in by_source.items()),
            samples=tuple(op.code for op in tr.operations if op.sample),
        ),
    )


def to_text(e: Edition, lang: str) -> str:
    sep = t("catalog.fee_sep", lang)
    out = [t("rates.show.title", lang, path=e.path), t("rates.show.edition", lang, **e.as_dict())]
    if e.imported:
        out.append(t("rates.show.imported", lang, date=e.imported))
    if e.note:
        out.append(t("rates.show.note", lang, note=e.note))
    out += ["", t("rates.show.sections", lang)]
    out += [t("rates.show.section", lang, what=s.what, source=s.source) for s in e.sections]
    out += [f"  * {rule}" for rule in e.rules]
    page = e.access_page
    out += [
        "",
        t("rates.show.access_page", lang, **page.as_dict()) if page else t("rates.show.access_page_missing", lang),
    ]
    out.append(t("rates.show.lines", lang))
    for x in e.lines:
        where = t(f"rates.show.where.{x.where}", lang)
        if x.unpublished:
            where += " / " + t("rates.show.unpublished", lang, items=fee_names(x.unpublished, lang))
        if x.fees_source:
            where += " / " + t("rates.show.fees_from", lang, source=x.fees_source)
        out.append(t("rates.show.line", lang, option=x.option, where=where))
    out.append("")
    unlisted, unknown = e.unlisted, e.unpublished_fees
    out.append(
        t("rates.show.unlisted", lang, options=sep.join(unlisted)) if unlisted else t("rates.show.unlisted_none", lang)
    )
    out.append(
        t("rates.show.unknown_fees", lang, options=sep.join(unknown))
        if unknown
        else t("rates.show.unknown_fees_none", lang)
    )
    ops = e.operations
    out += ["", t("rates.show.operations", lang, n=ops.count)]
    out += [t("rates.show.operations_source", lang, source=g.source, codes=", ".join(g.codes)) for g in ops.by_source]
    samples = ops.samples
    out.append(
        t("rates.show.samples", lang, n=len(samples), codes=", ".join(samples))
        if samples
        else t("rates.show.samples_none", lang)
    )
    return "\n".join(out) + "\n"


def _json(e: Edition, lang: str) -> str:
    return to_json(e.as_dict())


FORMATS: Mapping[str, Callable[[Edition, str], str]] = {"text": to_text, "json": _json}
"""The one registry of `rates show`'s formats."""
