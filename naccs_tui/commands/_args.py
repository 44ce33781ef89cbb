"""Argument types and options shared by the command modules (and by the TUI's own parser)."""

from __future__ import annotations

import argparse


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: ja)")
    p.add_argument(
        "--tariffs",
        metavar="FILE",
        default=None,
        help="tariffs file (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml if present, else the shipped one)",
    )


def int_arg(low: int, high: int):
    """An argparse type: a whole number in [low, high] (argparse names the option in the error)."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"{n} is out of range ({low}-{high})")
        return n

    return parse


months_arg = int_arg(1, 600)
