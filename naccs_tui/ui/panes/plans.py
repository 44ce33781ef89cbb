"""Plans pane: Plan A and Plan B side by side, item by item with the arithmetic, the totals,
the cheaper plan, the break-even, the margin and the NACCS rule of thumb."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.costing import Item, Quote
from ...domain.tariffs import Tariffs
from ...i18n import t
from ...render.labels import item_label, yen
from ..widgets.slider import MARKER

CHEAPER = "✔"
"""Glyph of the cheaper plan (East-Asian width N: one cell in CJK terminals too)."""


def cheaper_line(q: Quote, tax: bool) -> str:
    """'✔ Plan B is cheaper (saves N yen a month)' or '= both cost the same'."""
    if q.cheaper == "equal":
        return "= " + t("quote.equal")
    saving = q.with_tax(q.saving) if tax else q.saving
    return f"{CHEAPER} " + t("quote.cheaper", plan=t(f"plan.{q.cheaper}"), saving=yen(saving))


def break_even_line(q: Quote) -> str:
    be = q.break_even
    if be is None:
        return f"{MARKER} " + t("quote.never")
    return f"{MARKER} " + t("quote.break_even", n=yen(be.transactions_per_month), now=yen(q.volume))


def verdict_lines(q: Quote, tax: bool) -> list[str]:
    """The answer in words: cheaper plan, break-even, margin, rule of thumb vs the exact answer."""
    lines = [cheaper_line(q, tax), break_even_line(q)]
    be = q.break_even
    if be is not None:
        lines.append("  " + t("quote.break_even_per_terminal", yen=yen(be.plan_b_metered_per_terminal)))
        m, pct = be.margin_transactions, be.margin_percent or 0.0
        if m > 0:
            lines.append("  " + t("quote.margin_rise", n=yen(m), pct=f"{pct:.1f}"))
        elif m < 0 or pct < 0:
            lines.append("  " + t("quote.margin_fall", n=yen(-m), pct=f"{-pct:.1f}"))
    lines.append(t("quote.rule_of_thumb", yen=yen(q.plan_b_metered_per_terminal),
                   verdict=t(f"quote.rule.{q.rule_of_thumb}")))
    exact = t("plan.equal") if q.cheaper == "equal" else t(f"plan.{q.cheaper}")
    if q.rule_of_thumb == "depends":
        agreement = t("plans.thumb_open")
    elif q.rule_of_thumb == q.cheaper:
        agreement = t("plans.thumb_agrees")
    else:
        agreement = t("plans.thumb_differs")
    lines.append("  " + t("plans.exact", plan=exact, agreement=agreement))
    return lines


def _union(q: Quote) -> list[tuple[Item | None, Item | None]]:
    """Items of both plans matched by what they are (key + params), in order of appearance."""
    rows: dict[tuple, list[Item | None]] = {}
    for col, plan in enumerate((q.a, q.b)):
        for item in plan.items:
            rows.setdefault((item.key, tuple(sorted(item.params.items()))), [None, None])[col] = item
    return [(a, b) for a, b in rows.values()]


def build(q: Quote, tariffs: Tariffs, tax: bool, months: int, styles: dict[str, object]) -> tuple[Group, tuple]:
    """The whole pane as one Rich renderable, and its shape (the length of every cell and line:
    while the shape stays the same the height does too, so no re-layout is needed)."""
    money = q.with_tax if tax else (lambda n: n)
    notes: dict[str, int] = {}

    def label(item: Item) -> str:
        text = item_label(item, tariffs)
        if item.note:
            text += f" *{notes.setdefault(item.note, len(notes) + 1)}"
        return text

    def cells(item: Item | None) -> list[str]:
        return [item.formula, yen(item.amount)] if item else ["", "-"]

    suffix = f" ({t('tax.included')})" if tax else ""
    marks = {p: (f"{CHEAPER} {t('plans.cheaper_mark')}" if q.cheaper == p else "") for p in "AB"}
    rows: list[tuple[str, list[str]]] = [("item", [label(a or b), *cells(a), *cells(b)]) for a, b in _union(q)]
    rows.append(("muted", [t("quote.metered"), "", yen(q.a.metered), "", yen(q.b.metered)]))
    rows.append(("monthly", [t("quote.monthly") + suffix, marks["A"], yen(money(q.a.monthly)),
                             marks["B"], yen(money(q.b.monthly))]))
    rows += [("item", [label(a), *cells(a), *cells(b)]) for a, b in zip(q.a.initial_items, q.b.initial_items)]
    rows.append(("item", [t("quote.initial") + suffix, "", yen(money(q.a.initial)), "", yen(money(q.b.initial))]))
    rows.append(("total", [t("quote.total", months=months) + suffix, "", yen(money(q.a.total(months))),
                           "", yen(money(q.b.total(months)))]))
    head = t("plans.tax_on", rate=q.tax_rate_percent) if tax else t("quote.amounts_note", tax=t("tax.excluded"))
    verdict = verdict_lines(q, tax)
    foot = [f"*{n} {t(key)}" for key, n in notes.items()]

    table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, header_style=styles["head"])
    table.add_column(t("plans.items_excl"), overflow="fold", ratio=1)
    for plan in ("A", "B"):
        table.add_column(f"{t(f'plan.{plan}')} {t('quote.formula')}", justify="right", no_wrap=True)
        table.add_column(t("quote.amount"), justify="right", no_wrap=True)
    for kind, row in rows:
        if kind in ("monthly", "total"):
            bold = styles["total"]
            mark = styles["cheaper"]
            table.add_row(Text(row[0], style=bold), Text(row[1], style=mark), Text(row[2], style=bold),
                          Text(row[3], style=mark), Text(row[4], style=bold))
        else:
            table.add_row(*row, style=styles["muted"] if kind == "muted" else None)
    parts: list[object] = []
    if q.sample_prices:
        parts.append(Text("! " + t("quote.sample"), style=styles["banner"]))
    parts += [Text(head, style=styles["muted"]), table, Text(""), Text(verdict[0], style=styles["cheaper"])]
    parts += [Text(line) for line in verdict[1:]]
    parts += [Text(line, style=styles["muted"]) for line in foot]
    shape = (q.sample_prices, len(head), tuple(tuple(len(c) for c in row) for _, row in rows),
             tuple(len(line) for line in verdict), tuple(len(line) for line in foot))
    return Group(*parts), shape


class _PlansView(Widget):
    """Paints the pane's quote. Rebuilt only while shown; re-laid out only when its shape changes."""

    COMPONENT_CLASSES = {"plans--banner", "plans--muted", "plans--head", "plans--total", "plans--cheaper"}
    DEFAULT_CSS = """
    _PlansView {
        height: auto;
        & > .plans--banner { color: $warning; text-style: bold reverse; }
        & > .plans--muted { color: $text-muted; }
        & > .plans--head { text-style: bold underline; }
        & > .plans--total { text-style: bold; }
        & > .plans--cheaper { color: $success; text-style: bold; }
    }
    """

    def __init__(self, pane: PlansPane) -> None:
        super().__init__()
        self.pane = pane
        self._content: Group | str = ""
        self._shape: tuple | None = None
        self._shown = False
        self._stale = True

    def update_from_pane(self) -> None:
        """Rebuild from the pane's reactives (deferred while the view is hidden)."""
        pane = self.pane
        if not self._shown or pane.quote is None:
            self._stale = True
            return
        styles = {name: self.get_component_rich_style(f"plans--{name}")
                  for name in ("banner", "muted", "head", "total", "cheaper")}
        self._content, shape = build(pane.quote, self.app.tariffs, bool(pane.tax), pane.months or 12, styles)
        self._stale = False
        self.refresh(layout=shape != self._shape)
        self._shape = shape

    def on_show(self) -> None:
        self._shown = True
        if self._stale:
            self.update_from_pane()

    def on_hide(self) -> None:
        self._shown = False

    def render(self):
        return self._content


class PlansPane(VerticalScroll):
    """Both plans, re-rendered on every change of ``quote``, ``tax`` or ``months``."""

    DEFAULT_CSS = "PlansPane { height: 1fr; }"

    quote = reactive(None, repaint=False)
    """The app's quote (bound)."""
    tax = reactive(False, repaint=False)
    """Totals include consumption tax (bound); item lines stay tax-excluded."""
    months = reactive(12, repaint=False)
    """Horizon of the N-month total (bound)."""

    def compose(self):
        self.view = _PlansView(self)
        yield self.view

    def _changed(self) -> None:
        if self.is_mounted:
            self.view.update_from_pane()

    watch_quote = watch_tax = watch_months = _changed
