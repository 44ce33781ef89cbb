"""Time `naccs-tui quote FILE` against `python -c pass` (fresh processes, median of N).

Usage: python benchmarks/cli_quote.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(cmd: list[str], n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    example = str(ROOT / "examples" / "customs-broker.toml")
    base = median_seconds([sys.executable, "-c", "pass"], n)
    quote = median_seconds([sys.executable, "-m", "naccs_tui", "quote", example], n)
    print(f"python -c pass      median {base * 1000:7.1f} ms (n={n})")
    print(f"naccs-tui quote     median {quote * 1000:7.1f} ms (n={n})  ratio {quote / base:.1f}x")


if __name__ == "__main__":
    main()
