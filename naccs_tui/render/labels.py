"""Catalog labels for domain values (items, line kinds, methods)."""

from __future__ import annotations

from ..domain.costing import Item
from ..domain.scenario import Scenario
from ..domain.tariffs import Tariffs
from ..i18n import t

_TRANSLATED = ("router", "maintenance", "medium")


def item_label(item: Item, tariffs: Tariffs, lang: str | None = None) -> str:
    params = dict(item.params)
    for key in _TRANSLATED:
        if key in params:
            params[key] = t(f"{key}.{params[key]}", lang)
    if "code" in params:
        op = tariffs.ops.get(params["code"])
        from ..i18n import get_lang

        params["name"] = op.name(lang or get_lang()) if op else ""
    return t(item.key, lang, **params)


def line_label(s: Scenario, lang: str | None = None) -> str:
    ln = s.line
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
