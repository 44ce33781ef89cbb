"""Command line: `naccs-tui [FILE]` starts the TUI; `naccs-tui COMMAND ...` runs a command.

Commands live one per module in naccs_tui/commands/ (NAME, HELP, add_arguments, run). Every
user input error exits 2 with one line on stderr: ``naccs-tui: FILE: FIELD: reason``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from .commands._args import add_common
from .domain.errors import InputError

PROG = "naccs-tui"


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
        raise SystemExit(2)


def command_names() -> list[str]:
    """The commands, without importing them: one module per command in commands/, named as NAME."""
    folder = os.path.join(os.path.dirname(__file__), "commands")
    names = []
    for entry in os.listdir(folder):
        name, ext = os.path.splitext(entry)
        if name.startswith("_") or not name.isidentifier():
            continue
        if ext == ".py" or (not ext and os.path.isfile(os.path.join(folder, entry, "__init__.py"))):
            names.append(name)
    return sorted(names)


def command(name: str) -> ModuleType:
    """The module of one command (only that one is imported)."""
    return importlib.import_module(f"{__package__}.commands.{name}")


def commands() -> dict[str, ModuleType]:
    """Every command module by NAME (imports them all; dispatch uses command_names/command)."""
    return {name: command(name) for name in command_names()}


def _tui_parser() -> Parser:
    p = Parser(
        prog=PROG,
        description="NACCS introduction advisor: line, method, fee plan, schedule, contacts.",
        epilog="commands: " + ", ".join(command_names()) + f" (run `{PROG} COMMAND --help`)",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="scenario TOML file to open")
    add_common(p)
    p.add_argument(
        "--read-only",
        action="store_true",
        help="recalculate freely but write no file: save, save as, open and export are off",
    )
    p.add_argument(
        "--root",
        metavar="FOLDER",
        default=None,
        help="the file dialogs (save as, open, export, compare) reach only files inside FOLDER "
        "(and FILE); `serve` gives each tab the folder it serves",
    )
    return p


def _apply_lang(lang: str | None) -> str:
    from .i18n import set_lang

    chosen = lang or os.environ.get("NACCS_TUI_LANG") or "ja"
    if chosen not in ("ja", "en"):
        chosen = "ja"
    set_lang(chosen)
    return chosen


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in command_names():
            module = command(argv[0])
            p = Parser(prog=f"{PROG} {module.NAME}", description=module.HELP)
            add_common(p)
            module.add_arguments(p)
            args = p.parse_args(argv[1:])
            args.lang = _apply_lang(args.lang)
            return int(module.run(args) or 0)
        args = _tui_parser().parse_args(argv)
        args.lang = _apply_lang(args.lang)
        from .ui.launch import launch

        return launch(args)
    except InputError as exc:
        from .render.errors import error_line

        sys.stderr.write(f"{PROG}: {one_line(error_line(exc))}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def one_line(text: str) -> str:
    """The error as one safe line: control characters from a file (newline, ESC) are escaped."""
    import unicodedata

    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)


def entry() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
