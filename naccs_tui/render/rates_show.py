"""`naccs-tui rates show`: the tariff edition in use, so that a user sees at a glance how current it
is: the file and its date, each section's source, where each line is offered, which lines NACCS's
current access page no longer lists, which fees nobody published, which unit prices are samples."""

from __future__ import annotations

from typing import Any

from ..domain.catalog import Offering, access_page, options, unpublished
from ..domain.tariffs import Tariffs
from ..i18n import t
from .catalog import fee_names, option_label, source_text
from .jsondoc import to_json


def _sections(tr: Tariffs, lang: str) -> list[dict[str, str]]:
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
    return [
        {
            "section": key,
            "what": t(f"rates.show.section.{key}", lang),
            "source": source_text(src, lang),
            "raw": src or "",
        }
        for key, src in raw
    ]


def _where(o: Offering) -> str:
    if o.listed is None and o.offered is None:
        return "unknown"
    on_page = bool(o.listed)
    if o.in_guide and on_page:
        return "both"
    return "guide" if o.in_guide else "access_page" if on_page else "none"


def _line(o: Offering, tr: Tariffs, lang: str) -> dict[str, Any]:
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
    return {
        "option": option_label(o.kind, o.name, lang),
        "kind": o.kind,
        "name": o.name,
        "where": _where(o),
        "listed_now": o.listed,
        "offered": offered,
        "fees_source": source_text(fees, lang) if fees else None,
        "unpublished": list(groups),
    }


def edition(tr: Tariffs, lang: str) -> dict[str, Any]:
    """The tariffs in use as data (the JSON form)."""
    lines = [_line(o, tr, lang) for o in options(tr)]
    page = access_page(tr)
    by_source: dict[str, list[str]] = {}
    for op in tr.operations:
        by_source.setdefault(source_text(tr.price_source(op), lang), []).append(op.code)
    return {
        "path": tr.origin,
        "source": tr.source,
        "effective": tr.effective.isoformat(),
        "imported": tr.imported.isoformat() if tr.imported else None,
        "note": tr.note,
        "sections": _sections(tr, lang),
        "rules": [t("trust.note.plan_change", lang), t("trust.note.gateway", lang)]
        if tr.plans.office_plans_source
        else [],
        "access_page": {"url": page.url, "section": page.section, "read": page.read.isoformat()} if page else None,
        "lines": lines,
        "unlisted": [x["option"] for x in lines if x["listed_now"] is False],
        "unpublished_fees": [x["option"] for x in lines if x["unpublished"]],
        "operations": {
            "count": len(tr.operations),
            "by_source": [{"source": s, "codes": codes} for s, codes in by_source.items()],
            "samples": [op.code for op in tr.operations if op.sample],
        },
    }


def to_text(e: dict[str, Any], lang: str) -> str:
    sep = t("catalog.fee_sep", lang)
    out = [t("rates.show.title", lang, path=e["path"]), t("rates.show.edition", lang, **e)]
    if e["imported"]:
        out.append(t("rates.show.imported", lang, date=e["imported"]))
    if e["note"]:
        out.append(t("rates.show.note", lang, note=e["note"]))
    out += ["", t("rates.show.sections", lang)]
    out += [t("rates.show.section", lang, what=s["what"], source=s["source"]) for s in e["sections"]]
    out += [f"  * {rule}" for rule in e["rules"]]
    page = e["access_page"]
    out += ["", t("rates.show.access_page", lang, **page) if page else t("rates.show.access_page_missing", lang)]
    out.append(t("rates.show.lines", lang))
    for x in e["lines"]:
        where = t(f"rates.show.where.{x['where']}", lang)
        if x["unpublished"]:
            where += " / " + t("rates.show.unpublished", lang, items=fee_names(tuple(x["unpublished"]), lang))
        if x["fees_source"]:
            where += " / " + t("rates.show.fees_from", lang, source=x["fees_source"])
        out.append(t("rates.show.line", lang, option=x["option"], where=where))
    out.append("")
    unlisted, unknown = e["unlisted"], e["unpublished_fees"]
    out.append(
        t("rates.show.unlisted", lang, options=sep.join(unlisted)) if unlisted else t("rates.show.unlisted_none", lang)
    )
    out.append(
        t("rates.show.unknown_fees", lang, options=sep.join(unknown))
        if unknown
        else t("rates.show.unknown_fees_none", lang)
    )
    ops = e["operations"]
    out += ["", t("rates.show.operations", lang, n=ops["count"])]
    out += [
        t("rates.show.operations_source", lang, source=g["source"], codes=", ".join(g["codes"]))
        for g in ops["by_source"]
    ]
    samples = ops["samples"]
    out.append(
        t("rates.show.samples", lang, n=len(samples), codes=", ".join(samples))
        if samples
        else t("rates.show.samples_none", lang)
    )
    return "\n".join(out) + "\n"


FORMATS = {"text": to_text, "json": lambda e, lang: to_json(e)}
