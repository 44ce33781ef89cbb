"""What `volumes import` did, in words: the history read, the typical month, the season or the
months given outright, the months the history lacks, and where it was written."""

from __future__ import annotations

from ..domain.company import Company, UnitKind
from ..domain.history import History, Profile
from ..domain.season import multiplier_text
from ..domain.year import label
from ..i18n import get_lang, t
from .labels import office_name


def _month_names(months: list[int], lang: str | None) -> str:
    return t("volumes.import.sep", lang).join(t("volumes.import.month", lang, month=m) for m in months)


def report_lines(
    c: Company, office: int, kind: UnitKind, h: History, p: Profile, source: str, out: str, lang: str | None = None
) -> list[str]:
    sep = t("volumes.import.sep", lang)
    lines = [
        t("volumes.import.read", lang, source=source, rows=h.rows, first=label(p.first), last=label(p.last), n=p.span)
    ]
    counts = sep.join(f"{code} {n:,}" for code, n in p.volumes.items())
    lines.append(t("volumes.import.typical", lang, counts=counts))
    if p.season is not None:
        factors = sep.join(
            t("volumes.import.factor", lang, month=m, k=multiplier_text(k))
            for m, k in enumerate(p.season, 1)
            if str(m) not in p.months
        )
        lines.append(t("volumes.import.season", lang, factors=factors))
    if p.approximated:
        lines.append(t("volumes.import.approximated", lang, months=_month_names(list(p.approximated), lang)))
    if p.months:
        lines.append(t("volumes.import.given", lang, months=_month_names([int(m) for m in p.months], lang)))
    if p.season is None and not p.months:
        lines.append(t("volumes.import.flat", lang))
    missing = [m for m in range(1, 13) if m not in p.covered]
    if missing:
        lines.append(t("volumes.import.missing", lang, months=_month_names(missing, lang)))
    if p.span > len(p.covered):
        lines.append(t("volumes.import.years", lang))
    unit = t(f"company.unit.{kind}", lang)
    if len(c.units()) > 1:
        unit = f"{office_name(c, office, lang or get_lang())}・{unit}"
    lines.append(t("volumes.import.written", lang, out=out, unit=unit))
    return lines
