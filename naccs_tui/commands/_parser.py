"""argparse in the user's language, and the global options before or after the command.

argparse writes its own words in English ("usage:", "options:", "the following arguments are
required: ..."). They reach the user through public methods only, and are said again from the
catalog (``cli.*`` in locale/cli.toml) there:

- ``format_usage`` / ``format_help``: the "usage: " prefix and the section titles
  ("positional arguments:", "options:") are replaced, and the -h option is our own (its help
  from the catalog);
- ``error``: argparse's message is matched against its templates (``_TEMPLATES``, as Python
  3.11-3.13 word them) and said again with the catalog's sentence; a message of a template not
  listed stays as argparse wrote it.

Japanese help texts are wrapped by terminal cells at phrase boundaries (render.wrap) by a
``HelpFormatter`` that overrides the two line-breaking hooks argparse's own raw formatters
override; English ones as argparse wraps them.

Late imports: render.wrap (with BudouX's phrase model) loads only when Japanese help is wrapped,
and render.table only when a usage error is said again; English help and a command's own run do
not need them (start-up time).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

from ..i18n import t
from ._kept import heard, terminal_columns

# argparse's own words stay its English templates, which ``translate`` and ``_localize`` match
# and say again from the catalog: a system translation of them (gettext) would match none, and
# looking one up imports locale and searches for message catalogs on every usage error.
argparse._ = lambda message: message  # type: ignore[attr-defined]
argparse.ngettext = lambda singular, plural, n: singular if n == 1 else plural  # type: ignore[attr-defined]

GLOBAL_OPTIONS = ("--lang", "--tariffs")
"""Options every command takes, before or after the command name."""


def h(key: str, /, **params: object) -> str:
    """A help text from the catalog, safe for argparse (which %-formats help strings)."""
    return t(key, **params).replace("%", "%%")


class Formatter(argparse.HelpFormatter):
    """Help lines wrapped by terminal cells, Japanese at phrase boundaries (render.wrap)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():
            return super()._split_lines(text, width)
        from ..render.wrap import wrap

        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        from ..render.wrap import wrap

        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width - len(indent)))


class Parser(argparse.ArgumentParser):
    """argparse that speaks the catalog's language and reports a usage error as one line, exit 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=h("cli.help"))

    def format_usage(self) -> str:
        return _localize(super().format_usage())

    def format_help(self) -> str:
        return _localize(super().format_help())

    def print_help(self, file=None) -> None:
        text = self.format_help()
        if file is None:
            heard("out", text, 0)  # argparse's help action exits 0 next (commands/_kept.py)
        self._print_message(text, sys.stdout if file is None else file)

    def error(self, message: str) -> None:  # type: ignore[override]
        line = f"{self.prog}: {translate(message)}{t('cli.see_help')}\n"
        heard("err", line, 2)
        sys.stderr.write(line)
        raise SystemExit(2)


def action_names(p: argparse.ArgumentParser) -> set[str]:
    """The names of the actions (sub-commands) of ``p`` and of theirs (``rates import``)."""
    names: set[str] = set()
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                names.add(name)
                names |= action_names(sub)
    return names


_TITLES = {
    "positional arguments": "cli.positionals",
    "options": "cli.options",
    "optional arguments": "cli.options",  # Python before 3.10
}


def _localize(text: str) -> str:
    """argparse's usage prefix and section titles in the catalog's words."""
    from ..render.table import cell_width

    usage = "usage: "
    if text.startswith(usage):
        prefix = t("cli.usage")
        shift = cell_width(prefix) - len(usage)
        head, sep, rest = text.partition("\n\n")
        lines = head.split("\n")
        if shift > 0:  # the usage's continuation lines stay under its first argument
            lines[1:] = [" " * shift + line for line in lines[1:]]
        elif shift < 0:
            lines[1:] = [line[-shift:] if line.startswith(" " * -shift) else line for line in lines[1:]]
        text = prefix + "\n".join(lines)[len(usage) :] + sep + rest
    for english, key in _TITLES.items():
        title = t(key).replace("\\", "\\\\") + ":"
        text = re.sub(rf"(?m)^{re.escape(english)}:$", title, text)
    return text


_TEMPLATES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + r"\Z", re.S), key)
    for pattern, key in (
        (r"the following arguments are required: (?P<args>.+)", "cli.err.required"),
        (r"unrecognized arguments: (?P<args>.+)", "cli.err.unrecognized"),
        (r"one of the arguments (?P<args>.+) is required", "cli.err.one_of"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "cli.err.ambiguous"),
        (r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", "cli.err.invalid_choice"),
        (r"expected one argument", "cli.err.expected_one"),
        (r"expected at least one argument", "cli.err.expected_some"),
        (r"expected at most one argument", "cli.err.expected_one"),
        (r"expected (?P<n>\d+) arguments?", "cli.err.expected_n"),
        (r"invalid (?P<type>\S+) value: (?P<value>.+)", "cli.err.invalid_value"),
        (r"not allowed with argument (?P<other>.+)", "cli.err.not_allowed"),
        (r"ignored explicit argument (?P<value>.+)", "cli.err.ignored"),
    )
)
_ARGUMENT = re.compile(r"argument (?P<arg>.+?): (?P<message>.+)\Z", re.S)


def translate(message: str) -> str:
    """argparse's English message in the catalog's words (unchanged if no template matches)."""
    found = _ARGUMENT.match(message)
    if found:
        return t("cli.err.argument", arg=found["arg"], message=translate(found["message"]))
    for pattern, key in _TEMPLATES:
        m = pattern.match(message)
        if m:
            return t(key, **m.groupdict())
    return message


def split_globals(argv: Sequence[str], commands: Sequence[str]) -> tuple[str | None, list[str]]:
    """(the command, argv for its parser) with the global options moved right after the command
    name, wherever they were typed: ``--lang en quote F`` and ``rates import F --lang en`` both
    work. No command: (None, argv unchanged). Scanning stops at ``--``; an option without its value
    stays where it is, for argparse to report."""
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and "=" in arg:
            moved.append(arg)
        elif arg in GLOBAL_OPTIONS and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            moved += argv[i : i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    if not rest or rest[0] not in commands:  # the app (`naccs-tui [FILE]`), or `-h` before a command
        return None, list(argv)
    return rest[0], [*moved, *rest[1:]]
