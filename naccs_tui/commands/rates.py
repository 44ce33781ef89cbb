"""`naccs-tui rates import FILE.csv`: turn the official unit price table into a user tariffs file;
`rates import-lines FILE.csv`: the same for dedicated-line fees (0.5M's, once NACCS quotes them);
`rates show`: the tariff edition in use, where each part comes from and what is unknown."""

from __future__ import annotations

import argparse

from ._shared import emit

NAME = "rates"
HELP = (
    "Unit price tables. `rates import FILE.csv [--out FILE] [--force]` reads the official NACCS "
    "unit price table (columns code,name_ja,name_en,price_a,price_b; UTF-8 or Shift_JIS) and writes "
    "a user tariffs file (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml, used automatically). "
    "Operations of the tariffs in use that the CSV lacks are kept with their current prices and listed. "
    "`rates import-lines FILE.csv` does the same for dedicated-line fees (speed,initial_standard,...); "
    "`rates show` prints the tariff edition in use: sources and dates, samples, unlisted lines, unknown fees."
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
    _output_arguments(imp, "tariffs file whose fixed fees, and operations the CSV lacks, are kept")
    lines = sub.add_parser(
        "import-lines",
        help="import dedicated-line fees (e.g. the 0.5M line's) from a CSV file",
        description="Read dedicated-line fees from CSV, one speed a row: speed, initial_standard, "
        "initial_spare, line_standard, router_weekdays, router_24x365, router_spare, and optionally "
        "initial_redundant, line_redundant, router_redundant (all three or none). An empty cell keeps "
        "the fee of the tariffs in use; speeds the CSV lacks keep theirs. Writes a user tariffs file "
        "as `rates import` does, each imported speed citing the import.",
    )
    lines.add_argument("csv", metavar="FILE.csv", help="CSV with a header row: speed,initial_standard,... (see above)")
    _output_arguments(lines, "tariffs file whose other fees and speeds the CSV lacks are kept")
    show = sub.add_parser(
        "show",
        help="print the tariff edition in use: sources, dates, samples, unlisted lines, unknown fees",
    )
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument(
        "--tariffs",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="tariffs file to describe (default: the tariffs in use)",
    )


def _output_arguments(p, kept: str) -> None:
    p.add_argument(
        "--out",
        metavar="FILE",
        default=None,
        help="tariffs file to write (default: $XDG_CONFIG_HOME/naccs-tui/tariffs.toml)",
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument(
        "--tariffs",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=kept + " (default: the tariffs in use: the user tariffs file if present, else the shipped one)",
    )


def run(args) -> int:
    if args.action == "show":
        return _show(args)
    if args.action == "import-lines":
        return _import_lines(args)
    from pathlib import Path

    from ..domain.rates import build_tariffs, missing_operations, read_rates
    from ..domain.schedule import today
    from ..i18n import t

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
    from ..domain.files import write_atomic
    from ..domain.rates import dumps_tariffs
    from ..domain.tariffs import load_tariffs, user_tariffs_path

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
    return out, default


def _import_lines(args) -> int:
    from pathlib import Path

    from ..domain.catalog import unpublished
    from ..domain.files import read_toml
    from ..domain.rates_lines import build_line_tariffs, read_lines
    from ..domain.schedule import today
    from ..domain.tariffs import SHIPPED_NAME, data_file
    from ..i18n import t

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
    emit(FORMATS[args.format](edition(tariffs, args.lang), args.lang))
    return 0
