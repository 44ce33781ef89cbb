"""`naccs-tui serve` in a child process for the tests, and the browser-side helpers that wait for
the app in a page to have drawn a text."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from browser import free_port, wait_until


class Served:
    """`naccs-tui serve` in a child process, on a free port of ``host``; stopped by SIGTERM. With
    ``wait_for_url``, the lines up to the address line are read at once (``self.lines``)."""

    def __init__(
        self, cwd: Path, *args: str, host: str = "127.0.0.1", env: dict[str, str] | None = None, read_url=False
    ) -> None:
        self.host, self.port = host, free_port()
        self.url = f"http://{host}:{self.port}/"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "naccs_tui", "serve", *args, "--port", str(self.port), "--lang", "en"]
            + (["--host", host] if host != "127.0.0.1" else []),
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        self.lines: list[str] = []
        if read_url:
            while not self.lines or not self.lines[-1].startswith("Open in a browser: "):
                line = self.proc.stdout.readline()  # type: ignore[union-attr]
                if not line:
                    raise AssertionError(f"serve exited early: {self.proc.communicate()}")
                self.lines.append(line.rstrip("\n"))
        wait_until(self._listening, "the server to listen", timeout=60)  # its imports are slow under load

    @property
    def printed_url(self) -> str:
        return self.lines[-1].removeprefix("Open in a browser: ")

    def _listening(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"serve exited early: {self.proc.communicate()}")
        try:
            socket.create_connection((self.host, self.port), timeout=0.2).close()
        except OSError:
            return False
        return True

    def request(self, path: str = "/", **headers: str) -> tuple[int, str, dict[str, str]]:
        """GET ``path``: (status, body, headers), the same for an error status."""
        req = urllib.request.Request(self.url.rstrip("/") + path, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, resp.read().decode("utf-8"), dict(resp.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8"), dict(exc.headers)

    def get(self, path: str = "/", **headers: str) -> tuple[int, str]:
        status, body, _ = self.request(path, **headers)
        return status, body if status == 200 else ""

    def children(self) -> list[int]:
        """Processes whose parent is the server (one app per browser tab), zombies not counted."""
        out = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = (
                        Path(f"/proc/{entry}/stat")
                        .read_text(encoding="utf-8", errors="replace")
                        .rsplit(")", 1)[1]
                        .split()
                    )
                except OSError:
                    continue
                if int(stat[1]) == self.proc.pid and stat[0] != "Z":
                    out.append(int(entry))
        return out

    def rss_kb(self) -> int:
        """The server's resident memory (kB)."""
        return rss_kb(self.proc.pid)

    def stop(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=60)  # its tabs end within ~5 s; more under load
        return self.proc.returncode, "\n".join([*self.lines, out]).lstrip("\n"), err


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def alive(pid: int) -> bool:
    try:
        return (
            Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace").rsplit(")", 1)[1].split()[0] != "Z"
        )
    except OSError:
        return False


# ---- in a real browser ----------------------------------------------------------------------------
# Keeps what the app sends to the page (the terminal's bytes, as text), so that a test can wait
# for the app to have drawn a given text and then gone quiet.
RECORD = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__frames = 0;
  window.__last = 0;
  window.__text = "";
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener("message", (event) => {
      window.__frames += 1;
      window.__last = performance.now();
      if (event.data instanceof ArrayBuffer) window.__text += decoder.decode(event.data, { stream: true });
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""
DRAWN = """([frames, at, pattern, quietMs]) =>
  window.__frames > frames && new RegExp(pattern).test(window.__text.slice(at))
  && performance.now() - window.__last > quietMs
  && getComputedStyle(document.querySelector("#terminal")).opacity === "1"
"""
DRAWN_TIMEOUT_MS = 120_000
"""How long ``drawn`` waits. Generous: on two cores kept busy an app takes 5-10 s to start (about
a second of CPU), and the whole suite beside it makes that several times longer; a wait of 20 s
failed there once. The condition, not the bound, says when the app has drawn."""


def drawn(
    page, press: tuple[str, ...] = (), text: str = "", quiet_ms: int = 150, *, pattern: str | None = None
) -> bytes:
    """Press keys; wait until the app has sent ``text`` (or something matching the regular
    expression ``pattern``) after the keys and then nothing for ``quiet_ms``; return a screenshot
    of the terminal."""
    import re

    mark = page.evaluate("[window.__frames, window.__text.length]")
    for key in press:
        page.keyboard.press(key)
    wanted = pattern if pattern is not None else re.escape(text)
    page.wait_for_function(DRAWN, arg=[*mark, wanted, quiet_ms], polling=25, timeout=DRAWN_TIMEOUT_MS)
    return page.locator("#terminal").screenshot()
