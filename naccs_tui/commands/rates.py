"""`naccs-tui rates import FILE.csv`: turn the official unit price table into a user tariffs file."""

from __future__ import annotations

import argparse

from ._shared import emit

NAME = "rates"
HELP = (
    "Unit price tables. `rates import FILE.csv [--out FILE] [--force]` reads the official NACCS "
    "unit price table (columns code,name_ja,name_en,price_a,price_b; UTF-8 or Shift_JIS) and writes "
    "a user tariffs file (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml, used automatically)."
)


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="import the official unit price table from a CSV file",
        description="Read the official NACCS unit price table from CSV and write a user "
        "tariffs file: the fixed fees of the base tariffs (--tariffs, default "
        "the shipped table) with the operations replaced.",
    )
    imp.add_argument(
        "csv",
        metavar="FILE.csv",
        help="CSV with a header row: code,name_ja,name_en,price_a,price_b (UTF-8 or Shift_JIS)",
    )
    imp.add_argument(
        "--out",
        metavar="FILE",
        default=None,
        help="tariffs file to write (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml)",
    )
    imp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    imp.add_argument(
        "--tariffs",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="tariffs file whose fixed fees are copied (default: the shipped tariffs.toml)",
    )


def run(args) -> int:
    from pathlib import Path

    from ..domain.errors import InputError
    from ..domain.files import read_toml, write_atomic
    from ..domain.rates import build_tariffs, dumps_tariffs, read_rates
    from ..domain.schedule import today
    from ..domain.tariffs import SHIPPED_NAME, data_file, load_tariffs, user_tariffs_path
    from ..i18n import t

    ops = read_rates(args.csv)
    base_path = Path(args.tariffs) if args.tariffs else data_file(SHIPPED_NAME)
    base = read_toml(base_path)
    load_tariffs(base_path)  # the base must itself be a valid tariffs file
    doc, tariffs = build_tariffs(base, ops, source=Path(args.csv).name, imported=today())
    default = args.out is None
    out = user_tariffs_path() if default else Path(args.out)
    if default:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(out.parent, None, f"cannot create the folder: {exc.strerror or exc}") from None
    if out.exists() and not args.force:
        raise InputError(out, None, "file exists (not overwritten; add --force to replace it)")
    write_atomic(out, dumps_tariffs(doc).encode("utf-8"), overwrite=args.force)
    load_tariffs(out)  # what was written loads back
    same = sum(op.price_a == op.price_b for op in tariffs.operations)
    lines = [
        t("rates.imported", n=len(ops), source=args.csv),
        t("rates.written", out=out),
        t("rates.cheaper_a", n=len(ops) - same, same=same),
        t("rates.auto") if default else t("rates.use_with", out=out),
    ]
    emit("\n".join(lines) + "\n")
    return 0
