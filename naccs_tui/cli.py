"""Command line: `naccs-tui [FILE]` starts the TUI; `naccs-tui COMMAND ...` runs a command.

Commands live one per module in naccs_tui/commands/ (NAME, HELP_KEY, add_arguments, run). The
global options (--lang, --tariffs) go before or after the command. Every user input error exits 2
with one line on stderr, in the user's language: ``naccs-tui: FILE: FIELD: reason``.

Late imports: the parsers (argparse with commands/_parser.py and _args.py), the catalog (i18n),
the TUI (ui/launch.py), render/errors.py and unicodedata load only on the paths that use them: a
kept answer to ``--help`` or to a usage error (commands/_kept.py) is said without any of them, a
command does not load the TUI, nor the TUI a command (start-up time).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

from .commands import _kept
from .commands import _streams as streams

TYPE_CHECKING = False  # typing itself costs --help a few milliseconds; mypy reads this name as usual
if TYPE_CHECKING:
    from .commands._parser import Parser

PROG = "naccs-tui"


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
    module = f"{__package__}.commands.{name}"
    __import__(module)  # importlib.import_module, without importing importlib (and warnings)
    return sys.modules[module]


def commands() -> dict[str, ModuleType]:
    """Every command module by NAME (imports them all; dispatch uses command_names/command)."""
    return {name: command(name) for name in command_names()}


def _tui_parser() -> Parser:
    from .commands._args import add_common
    from .commands._parser import Parser, h
    from .i18n import t

    p = Parser(
        prog=PROG,
        description=t("cli.description"),
        epilog=t("cli.epilog", commands=", ".join(command_names()), prog=PROG),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help=h("cli.file"))
    add_common(p)
    p.add_argument(
        "--read-only",
        action="store_true",
        help=h("cli.read_only"),
    )
    p.add_argument(
        "--root",
        metavar="FOLDER",
        default=None,
        help=h("cli.root"),
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
    streams.configure()  # a character stdout/stderr cannot encode gets a fallback, not an exception
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        kept = _kept.answer(argv)  # --help or a usage error said before: without argparse
        if kept is not None:
            _kept.say(kept)
        from .commands._parser import split_globals

        _apply_lang(_kept.chosen_lang(argv))  # before the parsers are built: their help is in it
        name, rest = split_globals(argv, command_names())
        if name is not None:
            from .commands._args import add_common
            from .commands._parser import Parser
            from .i18n import t

            module = command(name)
            p = Parser(prog=f"{PROG} {module.NAME}", description=t(module.HELP_KEY))
            add_common(p)
            module.add_arguments(p)
            args = _parse(p, argv, rest)
            args.lang = _apply_lang(args.lang)
            return int(module.run(args) or 0)
        p = _tui_parser()
        args = _parse(p, argv, argv)
        args.lang = _apply_lang(args.lang)
        from .ui.launch import launch

        return launch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # an InputError comes from the domain, loaded only by what can raise one (so that --help
        # and usage errors do not import it, and its typing and difflib)
        errors = sys.modules.get(f"{__package__}.domain.errors")
        if errors is None or not isinstance(exc, errors.InputError):
            raise
        from .render.errors import error_line

        sys.stderr.write(f"{PROG}: {one_line(error_line(exc))}\n")
        return 2


def _parse(p: Parser, argv: list[str], rest: list[str]):
    """``p.parse_args(rest)``; help or a usage error that exits is kept for the next time the same
    line ``argv`` is typed (commands/_kept.py)."""
    from .commands._parser import action_names

    _kept.forget()
    try:
        return p.parse_args(rest)
    except SystemExit as exit:
        _kept.keep(argv, [*command_names(), *action_names(p)], exit.code)
        raise


def one_line(text: str) -> str:
    """The error as one safe line: control characters from a file (newline, ESC) are escaped."""
    import unicodedata

    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)


def entry() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
