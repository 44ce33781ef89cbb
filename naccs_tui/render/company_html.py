"""The company quote (schema 2) as a short HTML page: the offices × units table and the company
block, with the same sentences as the text form (render/company.py) and the quote page's CSS."""

from __future__ import annotations

from html import escape
from typing import Any

from ..i18n import t
from .company import company_rows, footer_lines, heading_lines, summary_rows
from .html import CSS
from .phrases import phrase_breaks


def to_html(r: dict[str, Any], lang: str) -> str:
    """A short page: the offices × units table and the company block (the per-unit items are left
    to the text and Markdown forms)."""

    def e(x: object) -> str:
        return escape(str(x), quote=True)

    def tab(rows: list[list[str]], right: set[int], head: bool = True) -> str:
        def cell(tag: str, i: int, x: str) -> str:
            return f"<{tag}{' class=num' if i in right else ''}>{e(x)}</{tag}>"

        first = "<thead><tr>" + "".join(cell("th", i, x) for i, x in enumerate(rows[0])) + "</tr></thead>"
        body = rows[1:] if head else rows
        trs = "".join("<tr>" + "".join(cell("td", i, x) for i, x in enumerate(row)) + "</tr>" for row in body)
        return f"<table>{first if head else ''}<tbody>{trs}</tbody></table>"

    title = t("company.title", lang) + (f" — {r['company']['name']}" if r["company"]["name"] else "")
    parts = [
        f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(title)}</title>',
        f"<style>{CSS}</style></head><body><header><h1>{e(title)}</h1></header>",
        *(f'<div class="warning" role="note">{e(w)}</div>' for w in r["warnings"]),
        "<ul>" + "".join(f"<li>{e(h)}</li>" for h in heading_lines(r, lang)) + "</ul>",
        tab(summary_rows(r, lang), {3, 4, 5, 6}),
        f"<h2>{e(t('company.totals', lang))}</h2>",
        tab(company_rows(r, lang), {1}, head=False),
        "<ul>" + "".join(f"<li>{e(x)}</li>" for x in [*footer_lines(r, lang), t("company.html_more", lang)]) + "</ul>",
        f"<h2>{e(t('trust.sources', lang))}</h2><ul class=sources>",
        "".join(f"<li>{e(c['what'])}: {e(c['source'])}</li>" for c in r["sources"]) + "</ul>",
        "</body></html>",
    ]
    return phrase_breaks("\n".join(parts) + "\n")  # lines break between phrases, as on the quote page
