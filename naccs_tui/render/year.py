"""The year report (`naccs-tui year FILE`): the months of a period with Plan A and Plan B for each
month's counts, the totals, the months where a change of plan would pay, the initial fees and the
period's total, per unit and for the whole file, as one dict (the JSON form). Text, Markdown and
CSV are in render/year_text.py, the HTML page in render/year_html.py.

The file's figures are taxed when asked (each month's bill and the initial fee, rounded down; the
totals add them up); a unit's figures are always tax-excluded, like every unit figure.

Late imports: the JSON writer and the HTML page (with matplotlib) load only for those formats;
the TUI's year tab and the text forms do not need them (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.company import Company
from ..domain.costing import quote
from ..domain.months import seasonal
from ..domain.tariffs import Tariffs
from ..domain.year import (
    FileYear,
    MonthFees,
    Total,
    UnitYear,
    YearFees,
    YearMonth,
    add_months,
    earliest_month,
    file_year,
    fiscal_length,
    fiscal_year,
    label,
)
from ..i18n import t
from . import year_text
from .catalog import line_notices, source_text
from .labels import method_label, office_name
from .report_blocks import Source
from .sources import cited, notes, sample_warning

TOTALS: tuple[Total, ...] = ("a", "b", "switching")


def month_dict(m: MonthFees) -> dict[str, Any]:
    """One month as data: ``month``, ``volume``, ``a``, ``b``, ``cheaper`` (A, B or equal), what the
    cheaper plan costs (``best``), whether a change of plan pays that month (``pays``), and where
    its counts come from (``given``: [months.N]; ``multiplier``: the season's, or null)."""
    return {
        "month": m.label,
        "volume": m.volume,
        "a": m.a,
        "b": m.b,
        "cheaper": m.cheaper,
        "best": m.best,
        "pays": m.pays,
        "given": m.given,
        "multiplier": m.multiplier,
    }


def fees_dict(f: YearFees) -> dict[str, Any]:
    """A period's months and totals as data (the same keys for a unit and for the whole file)."""
    return {
        "months": [month_dict(m) for m in f.months],
        "totals": {k: f.total(k) for k in TOTALS},
        "best_fixed": {"plan": f.fixed_plan, "total": f.total("fixed")},
        "saving": f.saving,
        "change_months": [m.label for m in f.change_months],
        "initial": f.initial,
        "first_year": {k: f.with_initial(k) for k in TOTALS},
        "complete": f.complete,
    }


def fiscal_years(f: YearFees) -> list[dict[str, Any]]:
    """Subtotals by Japanese fiscal year (April to March) of the months in the period."""
    groups: dict[int, list[MonthFees]] = {}
    for m in f.months:
        groups.setdefault(fiscal_year((m.year, m.month)), []).append(m)
    out: list[dict[str, Any]] = []
    for fy, ms in groups.items():
        sums: dict[str, int] = {k: sum(m.best if k == "switching" else getattr(m, k) for m in ms) for k in TOTALS}
        out.append({"fiscal_year": fy, "from": ms[0].label, "to": ms[-1].label, "months": len(ms), **sums})
    return out


def unit_dict(c: Company, u: UnitYear, tariffs: Tariffs, lang: str) -> dict[str, Any]:
    s = u.scenario
    return {
        "office": office_name(c, u.office, lang),
        "office_index": u.office,
        "unit": u.kind,
        "unit_label": t(f"company.unit.{u.kind}", lang),
        "method": s.usage.method,
        "method_label": method_label(s, lang),
        "season": list(s.season) if s.season is not None else None,
        "months_given": sorted(int(k) for k in s.months),
        **fees_dict(u.fees),
    }


def caveats(f: FileYear, start: YearMonth, lang: str) -> list[str]:
    """The sentences every form of the year shows with its figures."""
    units = [u.scenario for u in f.units]
    rounding = "year.note.rounding" if any(seasonal(s) for s in units) else "year.note.no_season"
    return [
        t(rounding, lang),
        t("year.note.plan_change", lang),
        t("year.note.start_month", lang, month=label(start)),
    ]


def report(
    c: Company,
    tariffs: Tariffs,
    f: FileYear,
    start: YearMonth,
    *,
    start_from: str = "schedule",
    fiscal: bool = False,
    tax: bool = False,
    lang: str = "ja",
) -> dict[str, Any]:
    """Everything `year` prints, as plain data (amounts are integers)."""
    whole = f.whole.taxed(tariffs.tax_rate_percent) if tax else f.whole
    n = len(whole.months)
    sources: list[Source] = []
    all_notes = caveats(f, start, lang)
    notices: list[str] = []
    for u in f.units:
        q = quote(u.scenario, tariffs)
        sources += [x for x in cited(u.scenario, q, tariffs, tax=tax, lang=lang) if x not in sources]
        all_notes += [x for x in notes(u.scenario, q, tariffs, lang) if x not in all_notes]
        notices += [x for x in line_notices(u.scenario.line, tariffs, lang) if x not in notices]
    src = tariffs.plans.office_plans_source
    if src:
        sources.append(Source(t("year.cite.plan_change", lang), source_text(src, lang), "bbs"))
    out: dict[str, Any] = {
        "name": c.name,
        "period": {
            "from": label(start),
            "to": label(add_months(start, n - 1)),
            "months": n,
            "fiscal": fiscal,
            "start": start_from,  # "schedule": the month of the earliest start; "given": --from
        },
        **fees_dict(whole),
        "options": f.options,
        "units": [unit_dict(c, u, tariffs, lang) for u in f.units],
        "tariffs": {"source": tariffs.source, "effective": tariffs.effective.isoformat(), "sample": tariffs.sample},
        "tax": {
            "included": tax,
            "rate_percent": tariffs.tax_rate_percent,
            "note": (
                "each month's bill and the initial fee include tax (rounded down); totals add them up;"
                " unit figures are tax-excluded"
                if tax
                else "tax-excluded"
            ),
        },
        "sample_prices": tariffs.sample,
        "warnings": [w for w in (sample_warning(tariffs, lang), *notices) if w],
        "notes": all_notes,
        "sources": sources,
    }
    if fiscal:
        out["fiscal_years"] = fiscal_years(whole)
    return out


def year_report(
    c: Company,
    tariffs: Tariffs,
    *,
    start: YearMonth | None = None,
    months: int | None = None,
    fiscal: bool = False,
    tax: bool = False,
    lang: str = "ja",
) -> dict[str, Any]:
    """The report of a file: from ``start`` (default: the month of the earliest start), ``months``
    long (default 12; with ``fiscal``, to the end of a whole fiscal year)."""
    begin = start or earliest_month(c, tariffs)
    n = months or (fiscal_length(begin) if fiscal else 12)
    f = file_year(c, tariffs, begin, n)
    given = "given" if start else "schedule"
    return report(c, tariffs, f, begin, start_from=given, fiscal=fiscal, tax=tax, lang=lang)


def _json(r: dict[str, Any], lang: str) -> str:
    from .jsondoc import to_json

    return to_json(r)


def _html(r: dict[str, Any], lang: str) -> str:
    from .year_html import to_html

    return to_html(r, lang)


FORMATS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "text": year_text.to_text,
    "markdown": year_text.to_markdown,
    "csv": year_text.to_csv,
    "json": _json,
    "html": _html,
}
"""Each output format of the year report (render/year_text.py, render/year_html.py)."""
