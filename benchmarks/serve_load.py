"""Open and close many browser tabs on `naccs-tui serve` (loopback), as websocket clients.

Usage: python benchmarks/serve_load.py [--sessions 50] [--concurrency 4] [--max-sessions 20]
                                      [--answer screen|bytes] [--json]

Starts `naccs-tui serve examples/customs-broker.toml` on a free loopback port (a temp folder, its
own XDG folders), then runs SESSIONS tabs, at most CONCURRENCY at a time: each loads the page,
opens the websocket as the page does (Origin = the server), waits for the app's first screen (the
text of its first tab), and closes. The server's --max-sessions is MAX_SESSIONS (default 20, not
serve's 8): a closed tab's app counts until it has quit, and an app told to quit while it starts
quits only once started, so CONCURRENCY tabs keep about twice as many apps alive; a tab refused as
busy would count as not answered. Then it waits for the server's app processes to end and stops
the server. It reports:
  sessions / answered  tabs opened / tabs whose app drew its first screen
  seconds              wall time of the loop
  first screen         median and slowest time from the websocket opening to the first screen
  peak apps            most app processes alive at once (sampled every 50 ms)
  RSS start / warm / after   the server's resident memory when listening, after one tab (the
                       first loads the page template and the websocket code), after all tabs
  processes left       app processes still alive once the tabs are closed (and 2 s allowed)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "customs-broker.toml"
FIRST_SCREEN = "Access line"
"""Text of the app's first tab (English): the tab's app has drawn its first screen."""
SESSION_TIMEOUT = 60.0


@dataclass
class Result:
    sessions: int
    concurrency: int
    max_sessions: int
    answer: str = "screen"
    """What counts as answered: "screen" (the app's first screen), "bytes" (the app's first output)."""
    answered: int = 0
    seconds: float = 0.0
    first_screen: list[float] = field(default_factory=list)
    peak_apps: int = 0
    rss_start_kb: int = 0
    rss_warm_kb: int = 0
    rss_after_kb: int = 0
    processes_left: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        out = asdict(self)
        times = out.pop("first_screen")
        out["first_screen_median_s"] = round(statistics.median(times), 2) if times else None
        out["first_screen_max_s"] = round(max(times), 2) if times else None
        out["seconds"] = round(self.seconds, 1)
        out["errors"] = self.errors[:5]
        return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (zombies not counted)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid and stat[0] != "Z":
                out.append(int(entry))
    return out


async def one_tab(client, base: str, result: Result) -> None:
    """Load the page, open the websocket, wait for the first screen, close."""
    import aiohttp

    async with client.get(base) as page:
        if page.status != 200:
            result.errors.append(f"page: HTTP {page.status}")
            return
    start = time.monotonic()
    text = ""
    async with client.ws_connect(f"{base}ws?width=100&height=30", headers={"Origin": base.rstrip("/")}) as ws:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                text += message.data.decode("utf-8", "replace")
                if FIRST_SCREEN in text or (result.answer == "bytes" and text):
                    result.first_screen.append(time.monotonic() - start)
                    result.answered += 1
                    return
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
    result.errors.append("the websocket closed before the first screen")


async def tabs(port: int, server_pid: int, result: Result, count: int) -> None:
    import aiohttp

    base = f"http://127.0.0.1:{port}/"
    gate = asyncio.Semaphore(result.concurrency)
    done = asyncio.Event()

    async def sample() -> None:
        while not done.is_set():
            result.peak_apps = max(result.peak_apps, len(children(server_pid)))
            await asyncio.sleep(0.05)

    async def tab(client) -> None:
        async with gate:
            try:
                await asyncio.wait_for(one_tab(client, base, result), SESSION_TIMEOUT)
            except Exception as exc:  # counted, not raised: the report says how many were answered
                result.errors.append(f"{type(exc).__name__}: {exc}")

    sampler = asyncio.create_task(sample())
    async with aiohttp.ClientSession() as client:
        await asyncio.gather(*(tab(client) for _ in range(count)))
    done.set()
    await sampler


def wait_no_apps(pid: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while (left := len(children(pid))) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def run(sessions: int = 50, concurrency: int = 4, max_sessions: int = 20, answer: str = "screen") -> Result:
    """Serve, run the tabs, stop; the figures (see the module's docstring)."""
    result = Result(sessions, concurrency, max_sessions, answer)
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, **{f"XDG_{k}_HOME": f"{folder}/{k.lower()}" for k in ("CONFIG", "DATA", "CACHE")}}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        cmd = [sys.executable, "-m", "naccs_tui", "serve", str(EXAMPLE), "--port", str(port), "--lang", "en"]
        cmd += ["--max-sessions", str(max_sessions)]
        server = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"serve did not start: {server.communicate()[1]!r}") from None
                    time.sleep(0.05)
            result.rss_start_kb = rss_kb(server.pid)
            warm = Result(1, 1, max_sessions, answer)
            asyncio.run(tabs(port, server.pid, warm, 1))
            wait_no_apps(server.pid, 10)
            result.rss_warm_kb = rss_kb(server.pid)
            start = time.monotonic()
            asyncio.run(tabs(port, server.pid, result, sessions))
            result.seconds = time.monotonic() - start
            result.processes_left = wait_no_apps(server.pid, 10)
            time.sleep(2)  # anything left would show now too
            result.processes_left = len(children(server.pid))
            result.rss_after_kb = rss_kb(server.pid)
        finally:
            server.send_signal(signal.SIGTERM)
            server.communicate(timeout=30)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--max-sessions", type=int, default=20)
    p.add_argument(
        "--answer",
        choices=("screen", "bytes"),
        default="screen",
        help="a tab is answered by the app's first screen (default) or by its first output (cheaper: the app "
        "is told to quit while it starts)",
    )
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    summary = run(a.sessions, a.concurrency, a.max_sessions, a.answer).summary()
    if a.json:
        print(json.dumps(summary, indent=2))
        return
    for key, value in summary.items():
        print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
