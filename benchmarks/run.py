"""Benchmarks of naccs-tui against a bare Textual app, measured in the same run.

    python benchmarks/run.py [--reps N] [--json]                      start, memory, steps, quote()
    python benchmarks/run.py --only steps [--file F ...] [--size WxH ...] [--slider total|op|both]
                             [--steps N]                             the slider steps only

Each measurement runs in a fresh interpreter (benchmarks/child.py); the two apps alternate so
that machine noise hits both alike. Prints medians, ratios and the targets (issue 20):
  start to first full frame (headless, 80x24)       compared with the bare app (wall; CPU too)
  peak memory at the first frame                    <= 1.3x bare
  one slider step to repainted screen               < 16 ms (one 60 Hz frame), 0 layouts per
                                                    step: each example file x terminal size x
                                                    slider (the total's, or IDA's), median, 95th
                                                    percentile and slowest of N steps, the
                                                    first step (away from the opened plan) too
  quote() of a full scenario                        < 100 us
The launch to the first useful screen beside the Textual apps people use is measured in a real
terminal by ../shared/bench/peer_start.py (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
EXAMPLES = HERE.parent / "examples"
FRAME_MS = 1000 / 60


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def alternate(mode: str, reps: int, *extra: str) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {"naccs": [], "bare": []}
    for i in range(reps):
        for which in ("bare", "naccs") if i % 2 else ("naccs", "bare"):
            runs[which].append(child(mode, which, *extra))
    return runs


def row(name: str, naccs: float, bare: float | None, unit: str, target: str, ok: bool | None) -> dict:
    return {
        "name": name,
        "naccs": naccs,
        "bare": bare,
        "ratio": naccs / bare if bare else None,
        "unit": unit,
        "target": target,
        "ok": ok,
    }


def measure_start(reps: int) -> list[dict]:
    rows = []
    start = alternate("start", reps)
    s_n = statistics.median(r["seconds"] for r in start["naccs"]) * 1000
    s_b = statistics.median(r["seconds"] for r in start["bare"]) * 1000
    rows.append(row("start to first frame", s_n, s_b, "ms", "peer_start.py: the target", None))
    c_n = statistics.median(r["cpu_seconds"] for r in start["naccs"]) * 1000
    c_b = statistics.median(r["cpu_seconds"] for r in start["bare"]) * 1000
    rows.append(row("start to first frame, CPU", c_n, c_b, "ms", "peer_start.py: the target", None))
    r_n = statistics.median(r["maxrss_kb"] for r in start["naccs"]) / 1024
    r_b = statistics.median(r["maxrss_kb"] for r in start["bare"]) / 1024
    rows.append(row("peak RSS at first frame", r_n, r_b, "MiB", "<= 1.3x bare", r_n <= 1.3 * r_b))
    mem = alternate("mem", max(1, reps // 3))
    m_n = statistics.median(r["peak_bytes"] for r in mem["naccs"]) / 2**20
    m_b = statistics.median(r["peak_bytes"] for r in mem["bare"]) / 2**20
    rows.append(row("peak Python heap (tracemalloc)", m_n, m_b, "MiB", "<= 1.3x bare", m_n <= 1.3 * m_b))
    q = statistics.median(child("quote")["us"])
    rows.append(row("quote() full scenario", q, None, "us", "< 100 us", q < 100))
    return rows


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def measure_steps(files: list[str], sizes: list[str], sliders: list[str], steps: int) -> list[dict]:
    """Each file x size x slider in a fresh app, the bare app's key step once per size beside."""
    rows = []
    for size in sizes:
        bare = child("step", "bare", size, str(steps))
        rows.append(
            {
                "name": f"bare app {size}",
                "file": "-",
                "size": size,
                "slider": "-",
                **step_figures(bare),
            }
        )
        for file in files:
            for slider in sliders:
                out = child("step", "naccs", size, str(steps), file, slider)
                rows.append(
                    {"name": Path(file).stem, "file": file, "size": size, "slider": slider, **step_figures(out)}
                )
    return rows


def step_figures(out: dict) -> dict:
    ms = out["ms"]
    figures = {
        "median_ms": statistics.median(ms),
        "p95_ms": percentile(ms, 0.95),
        "max_ms": max(ms),
        "cpu_ms": statistics.median(out["cpu_ms"]),
        "first_ms": out.get("first_ms"),
        "layouts": out.get("layouts", 0),
        "renders": out.get("renders"),
        "quotes": out.get("quotes"),
    }
    figures["ok"] = figures["p95_ms"] < FRAME_MS and figures["layouts"] == 0
    return figures


def print_start(rows: list[dict]) -> None:
    print(f"{'measure':34} {'naccs-tui':>10} {'bare':>10} {'ratio':>7}  {'target':24} ok")
    for r in rows:
        bare = f"{r['bare']:10.2f}" if r["bare"] is not None else f"{'-':>10}"
        ratio = f"{r['ratio']:6.2f}x" if r["ratio"] is not None else f"{'-':>7}"
        print(
            f"{r['name'] + ' (' + r['unit'] + ')':34} {r['naccs']:10.2f} {bare} {ratio}  {r['target']:24} "
            f"{'-' if r['ok'] is None else 'yes' if r['ok'] else 'NO'}"
        )


def print_steps(rows: list[dict]) -> None:
    print(
        f"{'slider step (ms)':28} {'size':>7} {'slider':>6} {'median':>7} {'p95':>7} {'max':>7} "
        f"{'CPU':>6} {'first':>7} {'layouts':>7} {'widgets':>7} {'quotes':>6}  ok (p95 < 16.7 ms, 0 layouts)"
    )
    for r in rows:
        first = f"{r['first_ms']:7.2f}" if r["first_ms"] is not None else f"{'-':>7}"
        renders = r["renders"] if r["renders"] is not None else "-"
        quotes = r["quotes"] if r.get("quotes") is not None else "-"
        print(
            f"{r['name']:28} {r['size']:>7} {r['slider']:>6} {r['median_ms']:7.2f} {r['p95_ms']:7.2f} "
            f"{r['max_ms']:7.2f} {r['cpu_ms']:6.2f} {first} {r['layouts']:7} {renders:>7} {quotes:>6}  {'yes' if r['ok'] else 'NO'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=7, help="fresh processes per app for start-up (default 7)")
    parser.add_argument("--steps", type=int, default=200, help="slider steps per app and case (default 200)")
    parser.add_argument(
        "--file",
        action="append",
        help="a scenario file or the name of one in examples/ (repeat it); default: every file in examples/",
    )
    parser.add_argument("--size", action="append", help="WxH (repeat it); default 80x24, 120x40 and 160x50")
    parser.add_argument("--slider", choices=("total", "op", "both"), default="both", help="which slider steps")
    parser.add_argument("--only", choices=("start", "steps"), help="measure only these")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args()
    files = [f if Path(f).exists() else str(EXAMPLES / f) for f in args.file or []]
    files = files or sorted(str(p) for p in EXAMPLES.glob("*.toml"))
    sizes = args.size or ["80x24", "120x40", "160x50"]
    sliders = ["total", "op"] if args.slider == "both" else [args.slider]
    start = measure_start(args.reps) if args.only != "steps" else []
    steps = measure_steps(files, sizes, sliders, args.steps) if args.only != "start" else []
    if args.json:
        print(json.dumps({"start": start, "steps": steps}, indent=2))
        return 0
    if start:
        print_start(start)
    if start and steps:
        print()
    if steps:
        print_steps(steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
