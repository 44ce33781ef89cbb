"""CompareScreen: 2-4 scenario files side by side (the same layout as `naccs-tui compare`): scenarios
of one unit as scenarios, and companies of several offices (schema 2) as companies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...domain.company import to_scenario
from ...domain.company_quote import compare_companies
from ...domain.compare import MAX_FILES, MIN_FILES, compare
from ...domain.document import load_document
from ...domain.errors import InputError
from ...i18n import t
from ...render.company_compare import compare_layout, compare_notes, compare_report
from ...render.compare import MONTHS, layout, notes, report
from ...render.errors import error_line
from ...render.table import cell_width, pad
from ..access import access_of
from ..context import Context
from ..widgets.buttons import DialogButtons
from ..widgets.number import parse_count
from .path import PathSuggester, typed_path

DEFAULT_MONTHS = 12
"""The period a comparison opens with, as `naccs-tui compare` (not the chart tab's horizon)."""


class CompareTable(Widget):
    """The comparison laid out for the width it has (render.compare.layout, as the CLI text): the
    deciding figures in columns, the rest on the lines under each row. A figure is never cut."""

    COMPONENT_CLASSES = {"compare-table--head", "compare-table--detail"}
    DEFAULT_CSS = """
    CompareTable { height: auto; text-wrap: nowrap; }
    CompareTable > .compare-table--head { text-style: bold; }
    CompareTable > .compare-table--detail { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._layout: Callable[[int], list[tuple[str, str]]] | None = None

    def show(self, lines: Callable[[int], list[tuple[str, str]]]) -> None:
        """Show the lines ``lines(width)`` lays out (render.compare.layout or compare_layout)."""
        self._layout = lines
        self.refresh(layout=True)

    def lines(self, width: int) -> list[tuple[str, str]]:
        return self._layout(max(width, 1)) if self._layout else []

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        styles = {
            "head": self.get_component_rich_style("compare-table--head"),
            "detail": self.get_component_rich_style("compare-table--detail"),
        }
        text = Text(end="")
        for n, (kind, line) in enumerate(self.lines(self.content_size.width)):
            text.append(("\n" if n else "") + line, styles.get(kind, ""))
        return text


class CompareScreen(ModalScreen[None]):
    """Type 2-4 paths and the period, press Enter (or the button): the comparison fills in below."""

    DEFAULT_CSS = """
    CompareScreen .wide-dialog {
        width: 100%; height: 100%; border: thick $primary; background: $surface; padding: 0 1;
    }
    CompareScreen .compare-paths { height: auto; margin-bottom: 1; }
    CompareScreen .compare-paths Input { width: 1fr; margin-right: 2; }
    CompareScreen #compare-period { height: auto; }
    CompareScreen #compare-period Label { width: auto; margin-right: 1; }
    CompareScreen #compare-period Input { width: 6; }
    CompareScreen #compare-results { height: 1fr; margin-top: 1; }
    CompareScreen #compare-notes { color: $text-muted; height: auto; margin-top: 1; }
    CompareScreen #compare-error { color: $error; height: auto; display: none; }
    """
    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, context: Context, paths: list[str] | None = None) -> None:
        super().__init__()
        self.context = context
        self._paths = (list(paths or []) + [""] * MAX_FILES)[:MAX_FILES]

    def compose(self) -> ComposeResult:
        with Vertical(classes="wide-dialog"):
            yield Label(t("compare.title"), classes="dialog-title")
            yield Label(t("compare.paths"))
            for pair in (0, 2):
                with Horizontal(classes="compare-paths"):
                    for i in (pair, pair + 1):
                        yield Input(
                            self._paths[i],
                            placeholder=t("compare.path", n=i + 1),
                            id=f"path-{i}",
                            compact=True,
                            suggester=PathSuggester(access_of(self.app)),
                        )
            with Horizontal(id="compare-period"):
                yield Label(t("compare.months"))
                yield Input(str(DEFAULT_MONTHS), id="months", compact=True, max_length=3)
            yield Static(id="compare-error")
            with VerticalScroll(id="compare-results"):
                yield CompareTable(id="compare-table")
                yield Static(id="compare-notes")
            with DialogButtons():
                yield Button(t("compare.run"), id="run", variant="primary", compact=True)
                yield Button(t("key.close"), id="close", compact=True)

    def on_mount(self) -> None:
        fields = list(self.query(Input))
        for field in fields:
            field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        empty = [f for f in fields if f.id and f.id.startswith("path-") and not f.value.strip()]
        (empty[0] if empty else self.query_one("#run", Button)).focus()
        if sum(1 for p in self._paths if p.strip()) >= MIN_FILES:
            self.run_compare()

    def paths(self) -> list[str]:
        return [typed_path(f.value) for f in self.query(".compare-paths Input").results(Input) if typed_path(f.value)]

    def months(self) -> int:
        """The period typed, or an InputError that says the range."""
        value, reason = parse_count(self.query_one("#months", Input).value, *MONTHS)
        if value is None:
            raise InputError(None, None, t("compare.months_error", reason=reason))
        return value

    def run_compare(self) -> bool:
        """Load the files and fill the table; a problem is shown as its one line."""
        error = self.query_one("#compare-error", Static)
        paths = self.paths()
        c = self.context
        try:
            months = self.months()
            if not MIN_FILES <= len(paths) <= MAX_FILES:
                raise InputError(None, None, t("compare.need_two"))
            access = access_of(self.app)
            for p in paths:
                if not access.allows(p):  # a served app reads only inside the served folder
                    raise InputError(None, None, t("access.outside", path=p, folder=str(access.root)))
            docs = [(Path(p).name, load_document(Path(p).expanduser(), c.tariffs)) for p in paths]
            units = [(name, to_scenario(doc)) for name, doc in docs]
            named = [(name, s) for name, s in units if s is not None]
            if len(named) < len(docs):  # a company of several units among them: compare companies
                crows = compare_companies(docs, c.tariffs, months=months, tax=c.tax)
            else:
                rows = compare(named, c.tariffs, months=months, tax=c.tax)
        except InputError as exc:
            error.update(error_line(exc, c.lang))
            error.display = True
            return False
        error.display = False
        lang = c.lang
        if len(named) < len(docs):
            crep = compare_report(crows, months=months, tax=c.tax, lang=lang, tariffs=c.tariffs)
            self.query_one(CompareTable).show(lambda width: compare_layout(crep, lang, width))
            self.query_one("#compare-notes", Static).update("\n".join(compare_notes(crep, lang)))
            return True
        rep = report(rows, months=months, tax=c.tax, lang=lang, tariffs=c.tariffs)
        self.query_one(CompareTable).show(lambda width: layout(rep, lang, width))
        self.query_one("#compare-notes", Static).update("\n".join(notes(rep, lang, short=True)))
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_compare()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "run":
            self.run_compare()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def align_right(rows: list[list[str]], columns: set[int]) -> list[list[str]]:
    """Pad the cells of ``columns`` on the left so that the numbers line up (CJK-width aware)."""
    for col in columns:
        width = max((cell_width(r[col]) for r in rows), default=0)
        for r in rows:
            r[col] = pad(r[col], width, right=True)
    return rows
