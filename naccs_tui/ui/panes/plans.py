"""Plans pane: Plan A and Plan B side by side, item by item with the arithmetic, the totals,
the cheaper plan, the break-even, the margin and the NACCS rule of thumb."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from ...domain.costing import Item, Quote
from ...domain.scenario import Scenario
from ...domain.tariffs import Tariffs
from ...i18n import t
from ...render.catalog import amount_text, line_notices, total_text
from ...render.labels import amounts_note, item_label, yen
from ...render.sources import cited
from ...render.sources import notes as source_notes
from ...render.verdict import CHEAPER, pair_rows, verdict_lines
from ...render.whatif import terminals_block
from ..sync import Synced
from ..widgets.columns import Row, layout, paragraph
from ..widgets.link import Link
from ..widgets.parts import ComponentStyles


@dataclass(frozen=True, slots=True)
class Sheet:
    """Everything the pane shows, before it is laid out at a width."""

    banner: str | None
    notices: tuple[str, ...]
    """What the pane says about the line: not on NACCS's access page, fees not published."""
    head: str
    rows: list[Row]
    verdict: list[str]
    notes: list[str]


def build(q: Quote, s: Scenario, tariffs: Tariffs, tax: bool, months: int, styles: dict[str, Style]) -> Sheet:
    """The pane's content from the quote: item lines tax-excluded, totals with tax when on."""
    notes: dict[str, int] = {}

    def label(item: Item) -> str:
        text = item_label(item, tariffs)
        if item.note:
            text += f" *{notes.setdefault(item.note, len(notes) + 1)}"
        return text

    def cells(item: Item | None) -> tuple[str, str]:
        return (item.formula, amount_text(item.amount)) if item else ("", "-")

    def money(amount: int, complete: bool) -> str:
        return total_text(amount, complete, short=True)

    whole = {p: q.plan(p).monthly_complete and q.plan(p).initial_complete for p in "AB"}

    suffix = f" ({t('tax.included')})" if tax else ""
    mark = {p: (f"{CHEAPER} {t('plans.cheaper_mark')}" if q.cheaper == p else "") for p in "AB"}
    bold, good, muted = styles["total"], styles["cheaper"], styles["muted"]
    total_styles = (bold, good, bold, good, bold)
    rows = [
        Row(
            (
                t("plans.items_excl"),
                f"{t('plan.A')} {t('quote.formula')}",
                t("quote.amount"),
                f"{t('plan.B')} {t('quote.formula')}",
                t("quote.amount"),
            ),
            styles["head"],
            head=True,
        )
    ]
    pairs = pair_rows(q.a.items, q.b.items, key=lambda i: (i.key, tuple(sorted(i.params.items()))))
    rows += [Row((label(a or b), *cells(a), *cells(b))) for a, b in pairs]  # type: ignore[arg-type]
    rows.append(Row((t("quote.metered"), "", yen(q.a.metered), "", yen(q.b.metered)), muted))
    rows.append(
        Row(
            (
                t("quote.monthly") + suffix,
                mark["A"],
                money(q.monthly("A", tax), q.a.monthly_complete),
                mark["B"],
                money(q.monthly("B", tax), q.b.monthly_complete),
            ),
            None,
            total_styles,
        )
    )
    rows += [Row((label(a), *cells(a), *cells(b))) for a, b in zip(q.a.initial_items, q.b.initial_items, strict=False)]
    initial = {p: money(q.initial(p, tax), q.plan(p).initial_complete) for p in "AB"}
    rows.append(Row((t("quote.initial") + suffix, "", initial["A"], "", initial["B"])))
    rows.append(
        Row(
            (
                t("quote.total", months=months) + suffix,
                "",
                money(q.total("A", months, tax), whole["A"]),
                "",
                money(q.total("B", months, tax), whole["B"]),
            ),
            None,
            total_styles,
        )
    )
    head = amounts_note(tax, q.tax_rate_percent)
    return Sheet(
        "! " + t("trust.sample") if q.sample_prices else None,
        tuple(f"! {n}" for n in line_notices(s.line, tariffs)),
        head,
        rows,
        [*verdict_lines(q, tax), terminals_block(s, tariffs).text],  # and the terminals what-if
        [
            *(f"*{n} {t(key)}" for key, n in notes.items()),
            *(f"* {note}" for note in source_notes(s, q, tariffs) if note not in {t(k) for k in notes}),
            t("trust.sources"),
            *(f"  {c.what}: {c.source}" for c in cited(s, q, tariffs, tax=tax)),
        ],
    )


def shape(sheet: Sheet) -> tuple:
    """The length of every cell and line: while it stays the same, so does the height."""
    return (
        sheet.banner,
        sheet.notices,
        sheet.head,
        tuple(tuple(len(c) for c in r.cells) for r in sheet.rows),
        tuple(len(line) for line in sheet.verdict),
        tuple(sheet.notes),
    )


def lines(sheet: Sheet, width: int, styles: dict[str, Style]) -> list[Text]:
    """The sheet laid out at ``width`` cells."""
    out: list[Text] = []
    if sheet.banner:
        out += paragraph(sheet.banner, width, styles["banner"])
    for notice in sheet.notices:
        out += paragraph(notice, width, styles["banner"])
    out += paragraph(sheet.head, width, styles["muted"])
    out += layout(sheet.rows, width)
    out.append(Text(""))
    out += paragraph(sheet.verdict[0], width, styles["cheaper"])
    for line in sheet.verdict[1:]:
        out += paragraph(line, width)
    for line in sheet.notes:
        out += paragraph(line, width, styles["muted"])
    return out


URL = re.compile(r"https?://[^\s）)」]+")
"""A web address in a note or source line."""

STYLE_NAMES = ("banner", "muted", "head", "total", "cheaper")


class _PlansView(Widget):
    """Paints the pane's quote. Rebuilt only while shown; re-laid out only when its shape changes.

    Drawn line by line (``render_line``), each line kept as a Strip: a slider step changes only a
    few lines of the sheet (one item, the totals, the verdict), and only those are redrawn.
    """

    COMPONENT_CLASSES = {"plans--banner", "plans--muted", "plans--head", "plans--total", "plans--cheaper"}
    DEFAULT_CSS = """
    _PlansView {
        height: auto;
        text-wrap: nowrap;
        & > .plans--banner { color: $warning; text-style: bold reverse; }
        & > .plans--muted { color: $text-muted; }
        & > .plans--head { text-style: bold underline; }
        & > .plans--total { text-style: bold; }
        & > .plans--cheaper { color: $success; text-style: bold; }
    }
    """

    def __init__(self, pane: PlansPane, tariffs: Tariffs) -> None:
        super().__init__()
        self.pane = pane
        self.tariffs = tariffs
        self._sheet: Sheet | None = None
        self._shape: tuple | None = None
        self._lines: tuple[int, list[Text]] | None = None  # (width, lines) of the current sheet
        self._strips: dict[int, Strip] = {}  # drawn lines of self._lines, by line number
        self._parts = ComponentStyles(self, tuple(f"plans--{name}" for name in STYLE_NAMES))

    def _styles(self) -> dict[str, Style]:
        parts = self._parts.get()
        return {name: parts[f"plans--{name}"] for name in STYLE_NAMES}

    def update_from_pane(self) -> None:
        """Rebuild from the pane's reactives (the pane calls it only while shown)."""
        pane = self.pane
        if pane.quote is None:
            return
        self._sheet = build(pane.quote, pane.scenario, self.tariffs, bool(pane.tax), pane.months or 12, self._styles())
        new_shape = shape(self._sheet)
        old, self._lines = self._lines, None
        if old is None:
            self._strips.clear()
            self.refresh(layout=new_shape != self._shape)
        else:  # redraw only the lines that differ; a layout only when their number changes
            width, before = old
            after = self.lines_at(width)
            changed = [
                y
                for y in range(max(len(before), len(after)))
                if y >= len(before) or y >= len(after) or before[y] != after[y]
            ]
            for y in changed:
                self._strips.pop(y, None)
            if len(before) != len(after):
                self.refresh(layout=True)
            elif changed:
                self.refresh(*(Region(0, y, width, 1) for y in changed))
        self._shape = new_shape

    def lines_at(self, width: int) -> list[Text]:
        if self._sheet is None:
            return []
        if self._lines is None or self._lines[0] != width:
            if self._lines is not None:
                self._strips.clear()
            self._lines = (width, lines(self._sheet, width, self._styles()))
        return self._lines[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines_at(width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # colours (theme, focus) are part of a drawn line
        if hasattr(self, "_parts"):
            self._parts.invalidate()

    def render(self) -> Text:
        return Text("\n", end="").join(self.lines_at(self.content_size.width))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # selection spans lines: draw the whole text
            return super().render_line(y)
        strip = self._strips.get(y)
        if strip is None:
            width = self.size.width
            lines_ = self.lines_at(width)
            if y >= len(lines_):
                return Strip.blank(width, self.visual_style.rich_style)
            visual = visualize(self, lines_[y], markup=False)
            strip = self._strips[y] = Visual.to_strips(self, visual, width, 1, self.visual_style)[0]
        return strip


class PlansPane(Synced, VerticalScroll):
    """Both plans, re-rendered on every change of ``quote``, ``tax`` or ``months`` while shown."""

    DEFAULT_CSS = "PlansPane { height: 1fr; } PlansPane #plans-links { height: auto; }"

    quote = reactive(None, repaint=False)
    """The app's quote (bound)."""
    scenario: reactive[Scenario] = reactive(Scenario, repaint=False)
    """The app's scenario (bound): the notes and sources that apply to it."""
    tax = reactive(False, repaint=False)
    """Totals include consumption tax (bound); item lines stay tax-excluded."""
    months = reactive(12, repaint=False)
    """Horizon of the N-month total (bound)."""

    def __init__(self, tariffs: Tariffs, scenario: Scenario, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PlansPane.scenario, scenario)
        self.view = _PlansView(self, tariffs)
        self._urls: tuple[str, ...] = ()  # the source pages linked under the sheet

    def compose(self):
        yield self.view
        yield Vertical(id="plans-links")

    def watch_quote(self) -> None:
        self.data_changed()

    def watch_tax(self) -> None:
        self.data_changed()

    def watch_scenario(self) -> None:
        self.data_changed()

    def watch_months(self) -> None:
        self.data_changed()

    def sync(self, parts: set[str]) -> None:
        self.view.update_from_pane()
        sheet = self.view._sheet
        text = (*sheet.notices, *sheet.notes) if sheet else ()
        urls = tuple(dict.fromkeys(u for line in text for u in URL.findall(line)))
        if urls != self._urls:  # the sources' pages as links (open or copy), changed only with the sources
            self._urls = urls
            box = self.query_one("#plans-links", Vertical)
            box.remove_children()
            box.mount_all([Link(t("plans.source_page"), url) for url in urls])
