"""ExportScreen: write the current quote as Markdown, CSV or JSON (the CLI `quote --format` content).

The file is written atomically (domain.files.write_atomic); an existing file is replaced only
after the user confirms.

Late imports: the report's renderers (render.report, with the HTML page) load when a quote is
exported, and the confirmation dialog when a file would be replaced; opening the dialog does not
need them (start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, RadioSet, Static

from ...domain.errors import InputError
from ...domain.files import write_atomic
from ...i18n import t
from ...render.errors import error_line
from ..access import access_of
from ..context import Context
from ..widgets.choice import Choice
from .dialog import Dialog
from .path import PathSuggester, typed_path

EXTENSIONS = {"markdown": ".md", "csv": ".csv", "json": ".json", "html": ".html"}
DEFAULT_STEM = "naccs-quote"


def export_text(c: Context, fmt: str) -> str:
    """The quote in ``fmt``, exactly as `naccs-tui quote --format` prints it for the file a save
    writes: one scenario's, or with several offices or units each unit's and the company's."""
    from ...render.report import quote_report, render

    return render(quote_report(c.company, c.tariffs, months=c.months, tax=c.tax, lang=c.lang), fmt, c.lang)


def file_bytes(text: str, fmt: str) -> bytes:
    """UTF-8, and for CSV with a byte-order mark: Excel on Japanese Windows reads a CSV file
    without one as Shift_JIS and shows mojibake (the CLI's CSV on standard output has none)."""
    return text.encode("utf-8-sig" if fmt == "csv" else "utf-8")


class ExportScreen(Dialog[Path | None]):
    """Dismisses with the path written, or None when cancelled."""

    DEFAULT_CSS = """
    ExportScreen #export-format { layout: horizontal; border: none; padding: 0; height: auto; width: 1fr; }
    ExportScreen #export-format RadioButton { width: auto; margin-right: 1; }
    ExportScreen .export-row { height: auto; }
    ExportScreen .export-row Label { width: 10; }
    ExportScreen .export-row Input { width: 1fr; }
    ExportScreen #export-error { color: $error; height: auto; }
    """
    ACCEPT = "export"

    def __init__(self, context: Context, fmt: str = "markdown", path: str | None = None) -> None:
        super().__init__(t("export.title"))
        self.context = context
        self._fmt = fmt
        self._path = path

    def body(self) -> Iterable[Widget]:
        default = self._path or self._default_path(self._fmt)
        choices = [
            Choice(label, fmt == self._fmt, name=fmt)
            for fmt, label in (("markdown", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("html", "HTML"))
        ]
        yield Horizontal(Label(t("export.format")), RadioSet(*choices, id="export-format"), classes="export-row")
        field = Input(default, id="export-path", compact=True, suggester=PathSuggester(access_of(self.app)))
        yield Horizontal(Label(t("export.path")), field, classes="export-row")
        yield Static(id="export-error")

    def buttons(self) -> Iterable[Button]:
        yield Button(t("export.save"), id="export", variant="primary", compact=True)
        yield Button(t("export.cancel"), id="cancel", compact=True)

    def _default_path(self, fmt: str) -> str:
        path = self.context.path
        stem = path.stem if path else DEFAULT_STEM
        return stem + EXTENSIONS[fmt]

    @property
    def fmt(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return (pressed.name if pressed is not None else None) or "markdown"

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format with the file's extension when it is one of ours."""
        event.stop()
        field = self.query_one("#export-path", Input)
        p = Path(field.value.strip())
        if p.suffix in EXTENSIONS.values():
            field.value = str(p.with_suffix(EXTENSIONS[self.fmt]))

    def accept(self) -> None:
        self.export()

    def export(self) -> None:
        """Write, or ask first when the file exists."""
        text = typed_path(self.query_one("#export-path", Input).value)
        if not text:
            self.query_one("#export-error", Static).update(t("export.no_path"))
            return
        path = Path(text).expanduser()
        access = access_of(self.app)
        if access.read_only or not access.allows(path):  # the app's Ctrl+E refuses before; this is the last word
            self.query_one("#export-error", Static).update(
                t("access.no_export") if access.read_only else t("access.outside", path=text, folder=str(access.root))
            )
            return
        if path.exists() and not path.is_dir():
            from .confirm import ConfirmScreen

            def answered(answer: str | None) -> None:
                if answer == "overwrite":
                    self._write(path, overwrite=True)

            self.app.push_screen(
                ConfirmScreen(
                    t("export.title"),
                    t("export.exists", path=str(path)),
                    [("overwrite", t("export.overwrite"), "warning"), ("cancel", t("dialog.cancel"), "default")],
                    focus="cancel",
                ),
                answered,
            )
            return
        self._write(path, overwrite=False)

    def _write(self, path: Path, *, overwrite: bool) -> None:
        try:
            write_atomic(path, file_bytes(export_text(self.context, self.fmt), self.fmt), overwrite=overwrite)
        except InputError as exc:
            self.query_one("#export-error", Static).update(error_line(exc))
            return
        self.app.notify(t("export.done", path=str(path)))
        self.dismiss(path)
