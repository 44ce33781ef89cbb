"""Time `naccs-tui quote FILE` against `python -c pass`: fresh processes, medians of N, one run.

Usage: python benchmarks/cli_quote.py [N]     (default N = 9)

The commands take turns (pass, quote, quote with a cold cache, then the next round in another
order), so that machine noise hits them alike. The quote runs the installed console script when
there is one (what a user types), else `python -m naccs_tui`, with a cache folder of its own
(XDG_CACHE_HOME in a temp folder, never the user's):
  warm  the holidays cache filled by an earlier run (every run after the first)
  cold  the cache folder emptied before each run (the first run after installing or upgrading
        the holidays library)
Both must print the same quote, start-date line included; the script checks that.
"""

from __future__ import annotations

import os
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


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, cwd=ROOT, env=env).stdout
    return time.perf_counter() - start, out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    quote = quote_command()
    with tempfile.TemporaryDirectory(prefix="naccs-bench-") as tmp:
        warm_env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "warm"), "NACCS_TUI_TODAY": "2026-12-01"}
        cold_env = {**warm_env, "XDG_CACHE_HOME": str(Path(tmp) / "cold")}
        _, expected = timed(quote, warm_env)  # fills the warm cache; not counted
        runs: dict[str, list[float]] = {"pass": [], "warm": [], "cold": []}
        order = ["pass", "warm", "cold"]
        for i in range(n):
            for name in order[i % 3 :] + order[: i % 3]:
                if name == "pass":
                    runs[name].append(timed([sys.executable, "-c", "pass"], warm_env)[0])
                    continue
                if name == "cold":
                    shutil.rmtree(cold_env["XDG_CACHE_HOME"], ignore_errors=True)
                seconds, out = timed(quote, warm_env if name == "warm" else cold_env)
                if out != expected:
                    raise SystemExit(f"{name} run printed another quote than the first run")
                runs[name].append(seconds)
    if "利用開始".encode() not in expected:
        raise SystemExit("the quote has no start-date line")
    base = statistics.median(runs["pass"])
    print(f"command: {' '.join(Path(quote[0]).name if i == 0 else a for i, a in enumerate(quote))}")
    print(f"python -c pass                   median {base * 1000:7.1f} ms (n={n})")
    for name, label in (("warm", "naccs-tui quote (warm cache)"), ("cold", "naccs-tui quote (cold cache)")):
        m = statistics.median(runs[name])
        print(f"{label:32s} median {m * 1000:7.1f} ms (n={n})  ratio {m / base:5.1f}x  (target <= {TARGET:g}x)")


if __name__ == "__main__":
    main()
