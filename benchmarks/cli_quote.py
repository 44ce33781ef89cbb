"""The command line beside its yardsticks: fresh processes, medians of N, one run.

Usage: python benchmarks/cli_quote.py [N] [--naccs COMMAND]     (default N = 9)

  naccs-tui quote FILE (warm / cold cache)  vs  python -c "import tomllib; from pydantic import BaseModel"
                                                (the floor of any command that reads TOML into pydantic
                                                models; target <= 1.3x, warm cache)
  naccs-tui --help, naccs-tui quote --help,
  a usage error (naccs-tui quote)           vs  python -c pass (target <= 1.5x)

The commands take turns (each round in another order), so that machine noise hits them alike.
``--naccs`` is the command that starts naccs-tui (default: the console script beside this Python,
else ``python -m naccs_tui``). The quote gets a cache folder of its own (XDG_CACHE_HOME in a temp
folder, never the user's):
  warm  the holidays and the catalog kept there by an earlier run (every run after the first)
  cold  the cache folder emptied before each run (the first run after installing or upgrading)
Both must print the same quote, start-date line included; the script checks that. Medians of wall
time (the target) and of CPU time (user + system: steadier when the machine is busy).
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "customs-broker.toml"
FLOOR = [sys.executable, "-c", "import tomllib; from pydantic import BaseModel"]
PASS = [sys.executable, "-c", "pass"]


def naccs_command() -> list[str]:
    script = Path(sys.executable).with_name("naccs-tui")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "naccs_tui"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system) and standard output of one run."""
    cpu, start = _children_cpu(), time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env).stdout
    return time.perf_counter() - start, _children_cpu() - cpu, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=9, help="runs of each command (default 9)")
    parser.add_argument("--naccs", help="the command that starts naccs-tui (split as a shell splits it)")
    args = parser.parse_args()
    naccs = shlex.split(args.naccs) if args.naccs else naccs_command()
    with tempfile.TemporaryDirectory(prefix="naccs-bench-") as tmp:
        warm_env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "warm"), "NACCS_TUI_TODAY": "2026-12-01"}
        warm_env["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        cold_env = {**warm_env, "XDG_CACHE_HOME": str(Path(tmp) / "cold")}
        commands = {
            "floor": (FLOOR, warm_env),
            "warm": ([*naccs, "quote", str(EXAMPLE)], warm_env),
            "cold": ([*naccs, "quote", str(EXAMPLE)], cold_env),
            "pass": (PASS, warm_env),
            "help": ([*naccs, "--help"], warm_env),
            "quote-help": ([*naccs, "quote", "--help"], warm_env),
            "usage": ([*naccs, "quote"], warm_env),
        }
        expected = timed(*commands["warm"])[2]  # fills the warm cache; not counted
        timed(*commands["help"])
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        order = list(commands)
        for i in range(args.n):
            for name in order[i % len(order) :] + order[: i % len(order)]:
                if name == "cold":
                    shutil.rmtree(cold_env["XDG_CACHE_HOME"], ignore_errors=True)
                seconds, used, out = timed(*commands[name])
                if name in ("warm", "cold") and out != expected:
                    raise SystemExit(f"{name} run printed another quote than the first run")
                wall[name].append(seconds)
                cpu[name].append(used)
    if "利用開始".encode() not in expected:
        raise SystemExit("the quote has no start-date line")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"naccs-tui: {' '.join(naccs)}  (n={args.n}, load {load:.1f})")
    print(f"{'':38s} {'wall ms':>8} {'ratio':>6}  {'cpu ms':>8} {'ratio':>6}  target")
    rows = (
        ("floor", "python -c 'import tomllib; from pydantic…'", "floor", ""),
        ("warm", "naccs-tui quote FILE (warm cache)", "floor", "<= 1.3x"),
        ("cold", "naccs-tui quote FILE (cold cache)", "floor", ""),
        ("pass", "python -c pass", "pass", ""),
        ("help", "naccs-tui --help", "pass", "<= 1.5x"),
        ("quote-help", "naccs-tui quote --help", "pass", "<= 1.5x"),
        ("usage", "naccs-tui quote (a usage error)", "pass", "<= 1.5x"),
    )
    for name, label, base, target in rows:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        bw, bc = statistics.median(wall[base]), statistics.median(cpu[base])
        print(f"{label:38s} {w * 1000:8.1f} {w / bw:5.2f}x  {c * 1000:8.1f} {c / bc:5.2f}x  {target}")


if __name__ == "__main__":
    main()
