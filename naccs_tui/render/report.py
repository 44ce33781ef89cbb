"""The quote of a company, whatever its size, and the one registry of its formats.

A company whose one unit says everything a schema-1 file says (one office, no name, one unit on
the automatic plan) is reported as that unit: its report is the one-unit page users know, with
the office's paid options in the unit's fees. Any other company gets the company report: a
section per unit (itemized fees with their arithmetic, verdict and break-even, dated schedule,
the office to call) and the company's totals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..domain.company import Company, to_scenario
from ..domain.tariffs import Tariffs

Format = Literal["text", "markdown", "csv", "json", "html"]


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """What `quote` prints, as data: ``data`` is the JSON form; ``kind`` says which layout it has."""

    kind: Literal["unit", "company"]
    data: dict[str, Any]


def quote_report(c: Company, tariffs: Tariffs, *, months: int = 12, tax: bool = False, lang: str = "ja") -> QuoteReport:
    single = to_scenario(c)
    if single is not None:
        from .quote import report

        return QuoteReport("unit", report(single, tariffs, months=months, tax=tax, lang=lang))
    from .company import report as company_report

    return QuoteReport("company", company_report(c, tariffs, months=months, tax=tax, lang=lang))


def formats(kind: Literal["unit", "company"]) -> Mapping[str, Callable[[dict[str, Any], str], str]]:
    if kind == "unit":
        from .quote import FORMATS

        return FORMATS
    from . import company, company_csv, company_html
    from .jsondoc import to_json

    def json_form(r: dict[str, Any], lang: str) -> str:
        return to_json(r)

    return {
        "text": company.to_text,
        "markdown": company.to_markdown,
        "csv": company_csv.to_csv,
        "json": json_form,
        "html": company_html.to_html,
    }


def render(r: QuoteReport, fmt: str, lang: str) -> str:
    """``r`` in one of the formats of FORMAT (text, markdown, csv, json, html)."""
    return formats(r.kind)[fmt](r.data, lang)
