"""Time `naccs-tui quote FILE` against `python -c pass`: fresh processes, medians of N, one run.

Usage: python benchmarks/cli_quote.py [N]     (default N = 9)

The commands take turns (pass, quote, quote with a cold cache, then the next round in another
order), so that machine noise hits them alike. The quote runs the installed console script when
there is one (what a user types), else `python -m naccs_tui`, with a cache folder of its own
(XDG_CACHE_HOME in a temp folder, never the user's):
  warm  the holidays cache filled by an earlier run (every run after the first)
  cold  the cache folder emptied before each run (the first run after installing or upgrading
        the holidays library)
Both must print the same quote, start-date line included; the script checks that. Medians of wall
time (the target) and of CPU time (user + system: steadier when the machine is busy).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "customs-broker.toml"
TARGET = 8.0  # DESIGN.md: median wall <= 8x `python -c pass` in the same run


def quote_command() -> list[str]:
    script = Path(sys.executable).with_name("naccs-tui")
    if script.is_file():
        return [str(script), "quote", str(EXAMPLE)]
    return [sys.executable, "-m", "naccs_tui", "quote", str(EXAMPLE)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system) and standard output of one run."""
    cpu, start = _children_cpu(), time.perf_counter()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, cwd=ROOT, env=env).stdout
    return time.perf_counter() - start, _children_cpu() - cpu, out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    quote = quote_command()
    with tempfile.TemporaryDirectory(prefix="naccs-bench-") as tmp:
        warm_env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "warm"), "NACCS_TUI_TODAY": "2026-12-01"}
        cold_env = {**warm_env, "XDG_CACHE_HOME": str(Path(tmp) / "cold")}
        expected = timed(quote, warm_env)[2]  # fills the warm cache; not counted
        wall: dict[str, list[float]] = {"pass": [], "warm": [], "cold": []}
        cpu: dict[str, list[float]] = {"pass": [], "warm": [], "cold": []}
        order = ["pass", "warm", "cold"]
        for i in range(n):
            for name in order[i % 3 :] + order[: i % 3]:
                if name == "cold":
                    shutil.rmtree(cold_env["XDG_CACHE_HOME"], ignore_errors=True)
                cmd = [sys.executable, "-c", "pass"] if name == "pass" else quote
                seconds, used, out = timed(cmd, cold_env if name == "cold" else warm_env)
                if name != "pass" and out != expected:
                    raise SystemExit(f"{name} run printed another quote than the first run")
                wall[name].append(seconds)
                cpu[name].append(used)
    if "利用開始".encode() not in expected:
        raise SystemExit("the quote has no start-date line")
    print(f"command: {' '.join(Path(quote[0]).name if i == 0 else a for i, a in enumerate(quote))}  (n={n})")
    print(f"{'':30s} {'wall ms':>8} {'ratio':>6}  {'cpu ms':>8} {'ratio':>6}")
    labels = {"pass": "python -c pass", "warm": "naccs-tui quote (warm cache)", "cold": "naccs-tui quote (cold cache)"}
    base_wall, base_cpu = statistics.median(wall["pass"]), statistics.median(cpu["pass"])
    for name, label in labels.items():
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"{label:30s} {w * 1000:8.1f} {w / base_wall:5.1f}x  {c * 1000:8.1f} {c / base_cpu:5.1f}x")
    print(f"target: median wall <= {TARGET:g}x python -c pass")


if __name__ == "__main__":
    main()
