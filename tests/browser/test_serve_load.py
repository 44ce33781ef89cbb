"""Load on `naccs-tui serve` (loopback): 50 tabs opened and closed, at most 4 at a time, as
websocket clients (benchmarks/serve_load.py; its README records the full run). Every tab is
answered by its app, no app process is left once the tabs are closed, and the server's memory is
back near where it started.

A tab counts as answered by its app's first output (its process started and speaking through the
websocket) and closes then: the app is told to quit while it starts, the harder case for leaving
nothing behind, and half the CPU of waiting for each first screen (about 20 s on two idle cores).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "serve_load.py"


def test_fifty_tabs_open_and_close_and_leave_nothing_behind():
    spec = importlib.util.spec_from_file_location("serve_load", SCRIPT)
    assert spec is not None and spec.loader is not None
    serve_load = sys.modules["serve_load"] = importlib.util.module_from_spec(spec)  # dataclasses look it up
    spec.loader.exec_module(serve_load)
    result = serve_load.run(sessions=50, concurrency=4, max_sessions=20, answer="bytes")
    assert result.errors == []
    assert result.answered == 50 and len(result.first_screen) == 50
    assert result.processes_left == 0
    assert 1 <= result.peak_apps <= 20
    assert result.rss_after_kb - result.rss_warm_kb < 5 * 1024, result.summary()  # < 5 MB (about 50 MB at start)
