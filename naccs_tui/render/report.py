"""The quote of a company, whatever its size, and the one registry of its formats.

A company whose one unit says everything a schema-1 file says (one office, no name, one unit on
the automatic plan) is reported as that unit: its report is the one-unit page users know, with
the office's paid options in the unit's fees. Any other company gets the company report: a
section per unit (itemized fees with their arithmetic, verdict and break-even, dated schedule,
the office to call) and the company's totals. Both are typed (render.report_model); every format
is a function of the report, found in ``FORMATS``.

Late imports: each format's renderer loads when that format is asked for: a command prints one
format, the TUI exports one, and the HTML page brings the chart library (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..domain.company import Company, to_scenario
from ..domain.tariffs import Tariffs
from . import quote
from .report_model import CompanyReport, QuoteReport, UnitReport

Format = Literal["text", "markdown", "csv", "json", "html"]

__all__ = ["FORMATS", "Format", "QuoteReport", "Renderer", "quote_report", "render"]


def quote_report(c: Company, tariffs: Tariffs, *, months: int = 12, tax: bool = False, lang: str = "ja") -> QuoteReport:
    single = to_scenario(c)
    if single is not None:
        return quote.report(single, tariffs, months=months, tax=tax, lang=lang)
    from . import company

    return company.report(c, tariffs, months=months, tax=tax, lang=lang)


@dataclass(frozen=True, slots=True)
class Renderer:
    """One format: its function of a one-unit report and of a company's."""

    unit: Callable[[UnitReport, str], str]
    company: Callable[[CompanyReport, str], str]

    def __call__(self, r: QuoteReport, lang: str) -> str:
        return self.unit(r, lang) if isinstance(r, UnitReport) else self.company(r, lang)


def _json(r: QuoteReport, lang: str) -> str:
    from .jsondoc import to_json

    return to_json(r.as_dict())


# the company's forms, the HTML pages (and the chart library) are imported when used
def _company_text(r: CompanyReport, lang: str) -> str:
    from .company import to_text

    return to_text(r, lang)


def _company_markdown(r: CompanyReport, lang: str) -> str:
    from .company import to_markdown

    return to_markdown(r, lang)


def _company_csv(r: CompanyReport, lang: str) -> str:
    from .company_csv import to_csv

    return to_csv(r, lang)


def _unit_html(r: UnitReport, lang: str) -> str:
    from .html import to_html

    return to_html(r, lang)


def _company_html(r: CompanyReport, lang: str) -> str:
    from .company_html import to_html

    return to_html(r, lang)


FORMATS: Mapping[str, Renderer] = {
    "text": Renderer(quote.to_text, _company_text),
    "markdown": Renderer(quote.to_markdown, _company_markdown),
    "csv": Renderer(quote.to_csv, _company_csv),
    "json": Renderer(_json, _json),
    "html": Renderer(_unit_html, _company_html),  # the printable pages: render/html.py, render/company_html.py
}
"""The one registry of the quote's formats (the keys: ``Format``)."""


def render(r: QuoteReport, fmt: str, lang: str) -> str:
    """``r`` in one of the formats of FORMAT (text, markdown, csv, json, html)."""
    return FORMATS[fmt](r, lang)
