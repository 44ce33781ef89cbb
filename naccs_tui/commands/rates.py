"""`naccs-tui rates import FILE.csv`: turn the official unit price table into a user tariffs file."""

from __future__ import annotations

import argparse

from ..i18n import t
from ._parser import h
from ._shared import emit

NAME = "rates"
HELP_KEY = "cli.rates"


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help=h("cli.rates.import"), description=t("cli.rates.import_description"))
    imp.add_argument("csv", metavar="FILE.csv", help=h("cli.rates.csv"))
    imp.add_argument("--out", metavar="FILE", default=None, help=h("cli.rates.out"))
    imp.add_argument("--force", action="store_true", help=h("cli.rates.force"))
    imp.add_argument("--tariffs", metavar="FILE", default=argparse.SUPPRESS, help=h("cli.rates.tariffs"))


def run(args) -> int:
    from pathlib import Path

    from ..domain.errors import InputError
    from ..domain.files import os_params, read_toml, write_atomic
    from ..domain.rates import build_tariffs, dumps_tariffs, missing_operations, read_rates
    from ..domain.schedule import today
    from ..domain.tariffs import default_tariffs_path, load_tariffs, user_tariffs_path

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
            reason = f"cannot create the folder: {exc.strerror or exc}"
            raise InputError(out.parent, None, reason, code="cannot_create_folder", params=os_params(exc)) from None
    if out.exists() and not args.force:
        reason = "file exists (not overwritten; add --force to replace it)"
        raise InputError(out, None, reason, code="file_exists_force")
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
