"""`naccs-tui rates import FILE.csv`: turn the official unit price table into a user tariffs file."""

from __future__ import annotations

import argparse

from ._shared import emit

NAME = "rates"
HELP = (
    "Unit price tables. `rates import FILE.csv [--out FILE] [--force]` reads the official NACCS "
    "unit price table (columns code,name_ja,name_en,price_a,price_b; UTF-8 or Shift_JIS) and writes "
    "a user tariffs file (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml, used automatically). "
    "Operations of the tariffs in use that the CSV lacks are kept with their current prices and listed."
)


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="import the official unit price table from a CSV file",
        description="Read the official NACCS unit price table from CSV and write a user "
        "tariffs file: the fixed fees of the tariffs in use (--tariffs, default the user tariffs "
        "file if present, else the shipped table) with the CSV's operations; the operations the "
        "CSV lacks are kept with their current prices (a sample price stays marked as a sample) "
        "and listed, so that no scenario that worked stops working.",
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
        help="tariffs file whose fixed fees, and operations the CSV lacks, are kept "
        "(default: the tariffs in use: the user tariffs file if present, else the shipped one)",
    )


def run(args) -> int:
    from pathlib import Path

    from ..domain.errors import InputError
    from ..domain.files import read_toml, write_atomic
    from ..domain.rates import build_tariffs, dumps_tariffs, missing_operations, read_rates
    from ..domain.schedule import today
    from ..domain.tariffs import default_tariffs_path, load_tariffs, user_tariffs_path
    from ..i18n import t

    ops = read_rates(args.csv)
    base_path = Path(args.tariffs) if args.tariffs else default_tariffs_path()
    base = read_toml(base_path)
    load_tariffs(base_path)  # the base must itself be a valid tariffs file
    kept = missing_operations(base, ops)
    doc, _ = build_tariffs(base, ops, source=Path(args.csv).name, imported=today(), base_name=str(base_path))
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
    same = sum(op["price_a"] == op["price_b"] for op in ops)
    lines = [t("rates.imported", n=len(ops), source=args.csv)]
    if kept:
        lines.append(t("rates.kept", n=len(kept), base=base_path, codes=", ".join(op["code"] for op in kept)))
        samples = [op["code"] for op in kept if op.get("sample", True)]
        if samples:
            lines.append(t("rates.kept_sample", n=len(samples), codes=", ".join(samples)))
    lines += [
        t("rates.written", out=out),
        t("rates.cheaper_a", n=len(ops) - same, same=same),
        t("rates.auto") if default else t("rates.use_with", out=out),
    ]
    emit("\n".join(lines) + "\n")
    return 0
