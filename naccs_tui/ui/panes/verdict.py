"""The one-line verdicts shared by the summary bar and the plans pane.

A module of its own so that the summary bar, shown at start-up, does not import the plans pane.
"""

from __future__ import annotations

from ...domain.costing import Quote
from ...i18n import t
from ...render.labels import yen
from ..widgets.slider import MARKER

CHEAPER = "✔"
"""Glyph of the cheaper plan (East-Asian width N: one cell in CJK terminals too)."""


def cheaper_line(q: Quote, tax: bool) -> str:
    """'✔ Plan B is cheaper (saves N yen a month)' or '= both cost the same'."""
    if q.cheaper == "equal":
        return "= " + t("quote.equal")
    saving = q.monthly_saving(tax)
    return f"{CHEAPER} " + t("quote.cheaper", plan=t(f"plan.{q.cheaper}"), saving=yen(saving))


def break_even_line(q: Quote) -> str:
    be = q.break_even
    if be is None:
        return f"{MARKER} " + t("quote.never")
    return f"{MARKER} " + t("quote.break_even", n=yen(be.transactions_per_month), now=yen(q.volume))
