"""`naccs-tui rates import FILE.csv`: turn the official unit price table into a user tariffs file;
`rates import-lines FILE.csv`: the same for dedicated-line fees (0.5M's, once NACCS quotes them);
`rates show`: the tariff edition in use, where each part comes from and what is unknown.

Late imports: the domain and the renderers load when the command runs; ``naccs-tui rates --help``
and a usage error import this module for its arguments only (start-up time).
"""

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
    _output_arguments(imp, h("cli.rates.tariffs"))
    lines = sub.add_parser(
        "import-lines", help=h("cli.rates.import_lines"), description=t("cli.rates.import_lines_description")
    )
    lines.add_argument("csv", metavar="FILE.csv", help=h("cli.rates.lines_csv"))
    _output_arguments(lines, h("cli.rates.lines_tariffs"))
    show = sub.add_parser("show", help=h("cli.rates.show"))
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--tariffs", metavar="FILE", default=argparse.SUPPRESS, help=h("cli.rates.show_tariffs"))


def _output_arguments(p, kept: str) -> None:
    p.add_argument("--out", metavar="FILE", default=None, help=h("cli.rates.out"))
    p.add_argument("--force", action="store_true", help=h("cli.rates.force"))
    p.add_argument("--tariffs", metavar="FILE", default=argparse.SUPPRESS, help=kept)


def run(args) -> int:
    if args.action == "show":
        return _show(args)
    if args.action == "import-lines":
        return _import_lines(args)
    from pathlib import Path

    from ..domain.rates import build_tariffs, missing_operations, read_rates
    from ..domain.schedule import today

    ops = read_rates(args.csv)
    base_path, base = _base(args)
    base = _with_catalog(base)
    kept = missing_operations(base, ops)
    doc, _ = build_tariffs(base, ops, source=Path(args.csv).name, imported=today(), base_name=str(base_path))
    out, default = _write(args, doc)
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


def _base(args):
    """The path and document of the tariffs in use (--tariffs, the user file, else the shipped one)."""
    from pathlib import Path

    from ..domain.files import read_toml
    from ..domain.tariffs import default_tariffs_path, load_tariffs

    base_path = Path(args.tariffs) if args.tariffs else default_tariffs_path()
    base = read_toml(base_path)
    load_tariffs(base_path)  # the base must itself be a valid tariffs file
    return base_path, base


def _with_catalog(base):
    """A base from before the line catalog gets the shipped one's (domain.rates_lines.with_catalog)."""
    from ..domain.files import read_toml
    from ..domain.rates_lines import with_catalog
    from ..domain.tariffs import SHIPPED_NAME, data_file

    return with_catalog(base, read_toml(data_file(SHIPPED_NAME)))[0]


def _write(args, doc):
    """Write the tariffs document to --out (default: the user tariffs file), atomically; an
    existing file only with --force. Returns the path and whether it is the default one."""
    from pathlib import Path

    from ..domain.errors import InputError
    from ..domain.files import os_params, write_atomic
    from ..domain.rates import dumps_tariffs
    from ..domain.tariffs import load_tariffs, user_tariffs_path

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
    return out, default


def _import_lines(args) -> int:
    from pathlib import Path

    from ..domain.catalog import unpublished
    from ..domain.files import read_toml
    from ..domain.rates_lines import build_line_tariffs, read_lines
    from ..domain.schedule import today
    from ..domain.tariffs import SHIPPED_NAME, data_file

    rows = read_lines(args.csv)
    base_path, base = _base(args)
    shipped = read_toml(data_file(SHIPPED_NAME))
    name = Path(args.csv).name
    doc, tariffs, added = build_line_tariffs(base, shipped, rows, source=name, imported=today(), origin=base_path)
    out, default = _write(args, doc)
    speeds = [r["speed"] for r in rows]
    lines = [t("rates.lines.imported", n=len(rows), source=args.csv, speeds=", ".join(speeds))]
    kept = [s for s in tariffs.dedicated.speeds if s not in speeds]
    if kept:
        lines.append(t("rates.lines.kept", base=base_path, speeds=", ".join(kept)))
    if added:
        lines.append(t("rates.lines.added", speeds=", ".join(added)))
    still = [s for s in tariffs.dedicated.speeds if unpublished(tariffs, s)]
    if still:
        lines.append(t("rates.lines.still_unpublished", speeds=", ".join(still)))
    lines += [t("rates.written", out=out), t("rates.auto") if default else t("rates.use_with", out=out)]
    emit("\n".join(lines) + "\n")
    return 0


def _show(args) -> int:
    from ..domain.tariffs import load_tariffs
    from ..render.rates_show import FORMATS, edition

    tariffs = load_tariffs(args.tariffs)
    emit(FORMATS[args.format](edition(tariffs, args.lang), args.lang), args.format)
    return 0
