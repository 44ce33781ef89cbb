"""Argument types and options shared by the command modules (and by the TUI's own parser).

Every help text and message comes from the catalog (locale/cli.toml), in the language chosen
before the parser is built (see cli.main).
"""

from __future__ import annotations

import argparse

from ..i18n import t
from ._parser import h

SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html"}
SUFFIX_FORMATS |= {".htm": "html", ".ics": "ics"}
"""The format a file name asks for by its suffix (``-o quote.csv`` writes CSV); any other suffix
(``.txt``, none) takes --format, else text."""


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("ja", "en"), default=None, help=h("cli.lang"))
    p.add_argument("--tariffs", metavar="FILE", default=None, help=h("cli.tariffs"))


def add_output(p: argparse.ArgumentParser, formats: tuple[str, ...], *, to_file: bool = True) -> None:
    """--format (its choices ``formats``) and, with ``to_file``, -o/--output and --force. The format
    follows -o's suffix (``output_format`` in _shared), so --format has no default here."""
    suffixes = ", ".join(s for s, f in SUFFIX_FORMATS.items() if f in formats and s not in (".htm", ".markdown"))
    p.add_argument("--format", choices=formats, default=None, help=h("cli.format", suffixes=suffixes or "-"))
    p.set_defaults(formats=formats)
    if to_file:
        p.add_argument("-o", "--output", metavar="OUT", default=None, help=h("cli.output", suffixes=suffixes))
        p.add_argument("--force", action="store_true", help=h("cli.force"))
    else:
        p.set_defaults(output=None, force=False)


def int_arg(low: int, high: int):
    """An argparse type: a whole number in [low, high] (argparse names the option in the error)."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("cli.err.whole_number", value=repr(text))) from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(t("cli.err.out_of_range", value=n, low=low, high=high))
        return n

    return parse


months_arg = int_arg(1, 600)
