"""Benchmarks of naccs-tui against a bare Textual app, measured in the same run.

    python benchmarks/run.py [--reps N] [--steps N] [--json]

Each measurement runs in a fresh interpreter (benchmarks/child.py); the two apps alternate so
that machine noise hits both alike. Prints medians, ratios and the targets of DESIGN.md:
  start to first full frame (headless, 80x24)   <= 1.5x bare, aim 1.25x (wall; CPU time shown too)
  one slider step to repainted screen           <= 1.2x bare and < 16 ms (median of N steps)
  quote() of a full scenario                    < 100 us
  peak memory at the first frame                <= 1.3x bare
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).resolve().parent / "child.py"


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def alternate(mode: str, reps: int, *extra: str) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {"naccs": [], "bare": []}
    for i in range(reps):
        for which in ("bare", "naccs") if i % 2 else ("naccs", "bare"):
            runs[which].append(child(mode, which, *extra))
    return runs


def row(name: str, naccs: float, bare: float | None, unit: str, target: str, ok: bool) -> dict:
    return {
        "name": name,
        "naccs": naccs,
        "bare": bare,
        "ratio": naccs / bare if bare else None,
        "unit": unit,
        "target": target,
        "ok": ok,
    }


def measure(reps: int, steps: int) -> list[dict]:
    rows = []
    start = alternate("start", reps)
    s_n = statistics.median(r["seconds"] for r in start["naccs"]) * 1000
    s_b = statistics.median(r["seconds"] for r in start["bare"]) * 1000
    rows.append(row("start to first frame", s_n, s_b, "ms", "<= 1.5x bare", s_n <= 1.5 * s_b))
    c_n = statistics.median(r["cpu_seconds"] for r in start["naccs"]) * 1000
    c_b = statistics.median(r["cpu_seconds"] for r in start["bare"]) * 1000
    rows.append(row("start to first frame, CPU", c_n, c_b, "ms", "<= 1.5x bare", c_n <= 1.5 * c_b))
    r_n = statistics.median(r["maxrss_kb"] for r in start["naccs"]) / 1024
    r_b = statistics.median(r["maxrss_kb"] for r in start["bare"]) / 1024
    rows.append(row("peak RSS at first frame", r_n, r_b, "MiB", "<= 1.3x bare", r_n <= 1.3 * r_b))
    mem = alternate("mem", max(1, reps // 3))
    m_n = statistics.median(r["peak_bytes"] for r in mem["naccs"]) / 2**20
    m_b = statistics.median(r["peak_bytes"] for r in mem["bare"]) / 2**20
    rows.append(row("peak Python heap (tracemalloc)", m_n, m_b, "MiB", "<= 1.3x bare", m_n <= 1.3 * m_b))
    for size in ("80x24", "160x50"):
        st = alternate("step", 1, size, str(steps))
        t_n = statistics.median(st["naccs"][0]["ms"])
        t_b = statistics.median(st["bare"][0]["ms"])
        rows.append(
            row(
                f"slider step -> repaint {size}", t_n, t_b, "ms", "<= 1.2x bare, < 16 ms", t_n <= 1.2 * t_b and t_n < 16
            )
        )
    q = statistics.median(child("quote")["us"])
    rows.append(row("quote() full scenario", q, None, "us", "< 100 us", q < 100))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=7, help="fresh processes per app for start-up (default 7)")
    parser.add_argument("--steps", type=int, default=200, help="slider steps per app (default 200)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    rows = measure(args.reps, args.steps)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'measure':34} {'naccs-tui':>10} {'bare':>10} {'ratio':>7}  {'target':24} ok")
    for r in rows:
        bare = f"{r['bare']:10.2f}" if r["bare"] is not None else f"{'-':>10}"
        ratio = f"{r['ratio']:6.2f}x" if r["ratio"] is not None else f"{'-':>7}"
        print(
            f"{r['name'] + ' (' + r['unit'] + ')':34} {r['naccs']:10.2f} {bare} {ratio}  {r['target']:24} "
            f"{'yes' if r['ok'] else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
