"""The recommender over every valid configuration (all lines × options × methods × plans).

Target (DESIGN.md): median under 50 ms. The scenario uses every operation in tariffs.toml with a
volume, several terminals and both paid options, so nothing is skipped.

Usage: python benchmarks/bench_recommend.py [N]      (exit 1 when the median misses the target)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from naccs_tui.domain.recommend import Needs, recommend
from naccs_tui.domain.scenario import Scenario, Usage
from naccs_tui.domain.tariffs import data_file, load_tariffs
from naccs_tui.render.recommend import report

TARGET_MS = 50.0


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    tariffs = load_tariffs(data_file("tariffs.toml"))
    volumes = {op.code: 100 * (i + 1) for i, op in enumerate(tariffs.operations)}
    s = Scenario(usage=Usage(terminals=5, user_codes=3, paid_statistics=True, bonded_storage=True), volumes=volumes)
    needs = Needs(bandwidth_kbps=256, h24=True, full_operations=True)
    rec = recommend(s, tariffs, needs, months=60)
    times, with_report = [], []
    for _ in range(n):
        start = time.perf_counter()
        rec = recommend(s, tariffs, needs, months=60)
        mid = time.perf_counter()
        report(rec, s, top=5, lang="ja")
        end = time.perf_counter()
        times.append(mid - start)
        with_report.append(end - start)
    med = statistics.median(times) * 1000
    med_r = statistics.median(with_report) * 1000
    print(f"recommend(): {len(rec.candidates)} candidates, median {med:.2f} ms (n={n}, target < {TARGET_MS:.0f} ms)")
    print(f"recommend() + report(top 5): median {med_r:.2f} ms")
    return 0 if med < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
