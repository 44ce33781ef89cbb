"""CompareScreen: 2-4 scenario files side by side (the same table as `naccs-tui compare`)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from ...domain.compare import MAX_FILES, MIN_FILES, compare
from ...domain.errors import InputError
from ...domain.scenario import load_scenario
from ...i18n import t
from ...render.compare import RIGHT, cells, header, report
from ...render.table import cell_width, pad
from ..context import Context
from .path import PathSuggester

ORDER = (0, 9, 11, 5, 3, 4, 6, 7, 8, 10, 1, 2)
"""Columns of render.compare in screen order: the deciding figures first, the long labels last."""


class CompareScreen(ModalScreen[None]):
    """Type 2-4 paths, press Enter (or the button): the comparison table fills in below."""

    DEFAULT_CSS = """
    CompareScreen .wide-dialog {
        width: 100%; height: 100%; border: thick $primary; background: $surface; padding: 0 1;
    }
    CompareScreen .compare-paths { height: auto; }
    CompareScreen .compare-paths { margin-bottom: 1; }
    CompareScreen .compare-paths Input { width: 1fr; margin-right: 2; }
    CompareScreen #compare-table { height: auto; max-height: 12; margin-top: 1; }
    CompareScreen #compare-error { color: $error; height: auto; }
    CompareScreen #compare-notes { color: $text-muted; height: auto; }
    """
    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, context: Context, paths: list[str] | None = None) -> None:
        super().__init__()
        self.context = context
        self._paths = (list(paths or []) + [""] * MAX_FILES)[:MAX_FILES]

    def compose(self) -> ComposeResult:
        with Vertical(classes="wide-dialog"):
            yield Label(t("decide.compare.title"), classes="dialog-title")
            yield Label(t("decide.compare.paths"))
            for pair in (0, 2):
                with Horizontal(classes="compare-paths"):
                    for i in (pair, pair + 1):
                        yield Input(
                            self._paths[i],
                            placeholder=t("decide.compare.path", n=i + 1),
                            id=f"path-{i}",
                            compact=True,
                            suggester=PathSuggester(),
                        )
            yield Static(id="compare-error")
            yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="compare-notes")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("decide.compare.run"), id="run", variant="primary", compact=True)
                yield Button(t("decide.key.close"), id="close", compact=True)

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        self.query_one("#path-0", Input).focus()
        if sum(1 for p in self._paths if p.strip()) >= MIN_FILES:
            self.run_compare()

    def paths(self) -> list[str]:
        return [f.value.strip() for f in self.query(Input) if f.value.strip()]

    def run_compare(self) -> bool:
        """Load the files and fill the table; a problem is shown as its one line."""
        error = self.query_one("#compare-error", Static)
        paths = self.paths()
        c = self.context
        try:
            if not MIN_FILES <= len(paths) <= MAX_FILES:
                raise InputError(None, None, t("decide.compare.need_two"))
            named = [(Path(p).name, load_scenario(Path(p).expanduser(), c.tariffs)) for p in paths]
            rows = compare(named, c.tariffs, months=c.months, tax=c.tax)
        except InputError as exc:
            error.update(exc.line())
            return False
        error.update("")
        rep = report(rows, months=c.months, tax=c.tax, lang=c.lang)
        table = self.query_one("#compare-table", DataTable)
        table.clear(columns=True)
        heads = header(c.months, c.lang)
        for i in ORDER:
            table.add_column(heads[i], key=str(i))
        texts = align_right([cells(r, c.lang) for r in rep["scenarios"]], RIGHT)
        for row in texts:
            table.add_row(*[row[i] for i in ORDER])
        tax = t("tax.included" if c.tax else "tax.excluded")
        notes = [t("quote.amounts_note", tax=tax), t("decide.compare.diff_note", months=c.months)]
        notes = [*rep["warnings"], *notes]
        self.query_one("#compare-notes", Static).update("\n".join(notes))
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
