"""Catalog labels for domain values (items, line kinds, methods, offices)."""

from __future__ import annotations

from ..domain.combos import Fix
from ..domain.company import Company, Office
from ..domain.costing import Item
from ..domain.scenario import Line, Scenario
from ..domain.tariffs import Tariffs
from ..i18n import get_lang, t

_TRANSLATED = ("router", "maintenance", "medium")


def item_label(item: Item, tariffs: Tariffs, lang: str | None = None) -> str:
    params = dict(item.params)
    for key in _TRANSLATED:
        if key in params:
            params[key] = t(f"{key}.{params[key]}", lang)
    if "code" in params:
        op = tariffs.ops.get(params["code"])
        params["name"] = op.name(lang or get_lang()) if op else ""
    return t(item.key, lang, **params)


def office_name(where: Company | Office, index: int, lang: str | None = None) -> str:
    """The name of office ``index`` (from 1; ``where``: its company, or the office itself), or
    "Office N" when it has none. The one function that names an office."""
    office = where.offices[index - 1] if isinstance(where, Company) else where
    return office.name or t("company.office_n", lang, n=index)


def line_label(s: Scenario, lang: str | None = None) -> str:
    return line_text(s.line, lang)


def line_text(ln: Line, lang: str | None = None) -> str:
    """A line in words: its kind and, for a dedicated or broadband line, its options and count."""
    base = t(f"kind.{ln.kind}", lang)
    if ln.kind == "dedicated":
        parts = [ln.speed, t(f"router.{ln.router}", lang), t(f"maintenance.{ln.maintenance}", lang)]
        if ln.ping_monitoring:
            parts.append(t("item.ping", lang))
        return f"{base} {' / '.join(parts)} × {ln.lines}"
    if ln.kind == "broadband":
        parts = [
            t(f"medium.{ln.medium}", lang),
            t(f"router.{ln.router}", lang),
            t(f"maintenance.{ln.maintenance}", lang),
        ]
        return f"{base} {' / '.join(parts)} × {ln.lines}"
    return base


def method_label(s: Scenario, lang: str | None = None) -> str:
    return t(f"method.{s.usage.method}", lang)


def yen(n: int) -> str:
    return f"{n:,}"


def fix_text(fix: Fix, lang: str | None = None) -> str:
    """The sentence that tells the user about one automatic change of ``domain.combos.settle``."""
    kind = t(f"kind.{fix.line_kind}", lang)
    if fix.kind == "method":
        return t("fix.method", lang, kind=kind, old=t(f"method.{fix.old}", lang), new=t(f"method.{fix.new}", lang))
    if fix.kind in ("line", "line_back"):
        method = t(f"method.{fix.method}", lang)
        old, new = t(f"kind.{fix.old}", lang), t(f"kind.{fix.new}", lang)
        if fix.line is None:
            return t("fix.line", lang, method=method, old=old, new=new)
        key = "fix.line_back" if fix.kind == "line_back" else "fix.line_kept"
        return t(key, lang, method=method, old=old, new=new, line=line_text(fix.line, lang))
    if fix.kind == "router":
        return t("fix.router", lang, where=kind + (f" {fix.speed}" if fix.line_kind == "dedicated" else ""))
    if fix.kind == "ping":
        return t("fix.ping", lang, kind=kind)
    return t("fix.speed", lang, old=fix.old, new=fix.new)


def amounts_note(tax: bool, rate_percent: int, lang: str | None = None) -> str:
    """What the amounts of an itemized quote include: item lines are always tax-excluded; with tax
    on, each monthly bill and the initial fee are taxed and period totals are their sum."""
    if tax:
        return t("plans.tax_on", lang, rate=rate_percent)
    return t("quote.amounts_note", lang, tax=t("tax.excluded", lang))


def refusal_text(code: str, params: dict[str, object], lang: str | None = None) -> str:
    """Why an edit of the offices and units was refused (``domain.company_edit.EditRefused``), in words."""
    params = dict(params)
    if "kind" in params:
        params["unit"] = t(f"company.unit.{params['kind']}", lang)
    return t(f"nav.refused.{code}", lang, **params)


def setup_change_text(before: Scenario, after: Scenario, lang: str | None = None) -> str | None:
    """What applying a recommendation changed: the line and the method, each "from → to"; None
    when it changed neither."""
    changes = []
    if line_label(before, lang) != line_label(after, lang):
        changes.append(t("recommend.changed_line", lang, old=line_label(before, lang), new=line_label(after, lang)))
    if before.usage.method != after.usage.method:
        old, new = method_label(before, lang), method_label(after, lang)
        changes.append(t("recommend.changed_method", lang, old=old, new=new))
    if not changes:
        return None
    return t("recommend.applied_changes", lang, changes=t("recommend.sep", lang).join(changes))
