"""The line catalog in words: the notice on an option NACCS's current access page no longer lists,
the notice on fees nobody published, how an unknown amount and an incomplete total read, and the
offering of a line as data. Every output (quote in each format, compare, recommend, the TUI) takes
these sentences from here, so they read the same everywhere.

Late imports: the report blocks (render/report_blocks.py, some thirty dataclasses that Python 3.11
is slow to build) load when a report is built; the TUI's panes use these sentences on their
first frame without one (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.catalog import Offering, access_page, offering, options, unpublished
from ..domain.scenario import Line
from ..domain.tariffs import Tariffs
from ..i18n import t
from .labels import yen

if TYPE_CHECKING:  # the report blocks: imported when a report is made (not at the app's start)
    from ..domain.recommend import Recommendation
    from .report_blocks import LineOffering


def option_label(kind: str, name: str, lang: str | None = None) -> str:
    """'専用線 64k', 'ブロードバンド回線 ADSL', 'インターネット'."""
    if kind == "internet":
        return t("kind.internet", lang)
    shown = t(f"medium.{name}", lang) if kind == "broadband" else name
    return t("catalog.option", lang, kind=t(f"kind.{kind}", lang), name=shown)


def line_option(line: Line, lang: str | None = None) -> str:
    return option_label(line.kind, line.speed if line.kind == "dedicated" else line.medium, lang)


def access_url(tariffs: Tariffs) -> str:
    page = access_page(tariffs)
    return page.url if page else ""


def unlisted_notice(line: Line, tariffs: Tariffs, lang: str | None = None) -> str | None:
    """The notice when the line's option is not on NACCS's current access page, else None."""
    if offering(line, tariffs).listed is not False:
        return None
    return t("catalog.unlisted", lang, option=line_option(line, lang), url=access_url(tariffs))


def fee_names(groups: tuple[str, ...], lang: str | None = None) -> str:
    return t("catalog.fee_sep", lang).join(t(f"catalog.fee.{g}", lang) for g in groups)


def unpublished_notice(line: Line, tariffs: Tariffs, lang: str | None = None) -> str | None:
    """The notice when some fee of the line is not published, else None."""
    groups = unpublished(tariffs, line.speed) if line.kind == "dedicated" else ()
    if not groups:
        return None
    return t("catalog.unpublished", lang, option=line_option(line, lang), items=fee_names(groups, lang))


def line_notices(line: Line, tariffs: Tariffs, lang: str | None = None) -> list[str]:
    """What every output says about the line's option: unlisted, fees not published (when so)."""
    return [n for n in (unlisted_notice(line, tariffs, lang), unpublished_notice(line, tariffs, lang)) if n]


def amount_text(amount: int | None, lang: str | None = None) -> str:
    """An item's amount: the yen figure, or 「料金未掲載」 (never 0) when no source gives it."""
    return t("quote.unpublished", lang) if amount is None else yen(amount)


def total_text(amount: int, complete: bool, lang: str | None = None, *, short: bool = False) -> str:
    """A total; one that leaves out unpublished fees says so next to the figure."""
    if complete:
        return yen(amount)
    return (
        yen(amount) + ("" if short else " ") + t("summary.incomplete_mark" if short else "quote.incomplete_mark", lang)
    )


def where_offered(o: Offering, tariffs: Tariffs, lang: str | None = None) -> dict[str, str]:
    """Each place that lists the option, with its source in words."""

    out: dict[str, str] = {}
    if o.offered is not None:
        for place in ("guide", "access_page"):
            src = getattr(o.offered, place)
            if src:
                out[place] = source_text(src, lang)
    return out


def offering_block(line: Line, tariffs: Tariffs, lang: str | None = None) -> LineOffering:
    """The line's option as data: its name, where it is offered (with sources), whether the
    current access page lists it, the page, the fees not published and the notices."""
    from .report_blocks import LineOffering

    o = offering(line, tariffs)
    groups = unpublished(tariffs, line.speed) if line.kind == "dedicated" else ()
    return LineOffering(
        option=line_option(line, lang),
        kind=o.kind,
        name=o.name,
        offered=where_offered(o, tariffs, lang),
        listed_now=o.listed,
        access_page=access_url(tariffs),
        unpublished_fees=tuple(groups),
        notices=tuple(line_notices(line, tariffs, lang)),
    )


def recommend_notes(rec: Recommendation, tariffs: Tariffs | None, lang: str) -> tuple[list[str], list[str], list[str]]:
    """For the recommendation: the setups not ranked for want of published fees (with their
    bandwidth guarantee), the options left out as no longer on the access page (unless asked
    for), and the sentences that say both."""
    unpriced = [
        t("recommend.why.guarantee_of", lang, line=line_option(c.line, lang), kbps=f"{c.guaranteed_kbps:,}")
        for c in rec.unpriced()
    ]
    left_out: list[str] = []
    if tariffs is not None and not rec.needs.include_unlisted:  # in the order of the tariffs
        out = {line_option(c.line, lang) for c in rec.candidates if c.unlisted}
        left_out = [x for x in (option_label(o.kind, o.name, lang) for o in options(tariffs)) if x in out]
    sep = t("catalog.fee_sep", lang)
    notes = []
    if left_out and tariffs is not None:
        notes.append(t("recommend.unlisted_left_out", lang, options=sep.join(left_out), url=access_url(tariffs)))
    if unpriced:
        notes.append(t("recommend.unpriced", lang, lines=sep.join(unpriced)))
    return unpriced, left_out, notes


def source_text(source: str | None, lang: str | None = None) -> str:
    """A tariffs `source` ("guide <section>", "bbs <URL>", ...) as a sentence."""
    if not source:
        return t("trust.source.unknown", lang)
    kind, _, detail = source.partition(" ")
    if kind == "assumption" and detail and " " not in detail:
        key = f"trust.source.assumption.{detail}"
        text = t(key, lang)
        if text != key:
            return text
    return t(f"trust.source.{kind}", lang, detail=detail)
