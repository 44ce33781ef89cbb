"""`naccs-tui serve`: one-line errors, the host and origin checks, a clean stop, and the app driven
in a real Chromium (keys reach the app: the screen changes and Ctrl+S saves the file named on the
command line, with the values typed and the slider moved)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import chromium, free_port, need_browser, shots_dir, wait_until

from naccs_tui.cli import main
from naccs_tui.commands.serve import app_command, host_allowed, origin_allowed

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "customs-broker.toml"


# ---- pieces ---------------------------------------------------------------------------------------
def test_each_tab_runs_this_python_with_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ns = type("Args", (), {"file": "my scenario.toml", "lang": "en", "tariffs": None, "read_only": False})()
    cmd = app_command(ns)
    assert cmd == f"exec {sys.executable} -m naccs_tui '{tmp_path / 'my scenario.toml'}' --lang en --root {tmp_path}"
    ns.read_only = True
    assert app_command(ns).endswith(f" --root {tmp_path} --read-only")


@pytest.mark.parametrize(
    ("host_header", "listen", "ok"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost:8000", "127.0.0.1", True),
        ("[::1]:8000", "::1", True),
        ("evil.example:8000", "127.0.0.1", False),  # DNS rebinding onto this machine
        ("127.0.0.1.evil.example", "127.0.0.1", False),
        ("office-pc:8000", "0.0.0.0", True),  # --host given: any name the network uses
    ],
)
def test_host_check(host_header, listen, ok):
    assert host_allowed(host_header, listen) is ok


def test_origin_check():
    assert origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert origin_allowed(None, "127.0.0.1:8000")  # not a browser
    assert not origin_allowed("https://evil.example", "127.0.0.1:8000")
    assert not origin_allowed("http://localhost:8000", "127.0.0.1:8000")


def test_port_in_use_is_one_line(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == f"naccs-tui: --port: port {port} is already in use (choose another with --port)\n"


def test_bad_scenario_is_one_line_before_serving(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[usage]\ntermnals = 3\n", "utf-8")
    assert main(["serve", str(bad), "--port", str(free_port())]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "termnals" in err and "Traceback" not in err


# ---- a running server -----------------------------------------------------------------------------
class Served:
    """`naccs-tui serve` in a child process, on a free loopback port; stopped by SIGTERM."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "naccs_tui", "serve", *args, "--port", str(self.port), "--lang", "en"],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_until(self._listening, "the server to listen")

    def _listening(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"serve exited early: {self.proc.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
        except OSError:
            return False
        return True

    def get(self, path: str = "/", **headers: str) -> tuple[int, str]:
        req = urllib.request.Request(self.url.rstrip("/") + path, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, resp.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def children(self) -> list[int]:
        """Processes whose parent is the server (one app per browser tab)."""
        out = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    out.append(int(entry))
        return out

    def stop(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=20)
        return self.proc.returncode, out, err


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_serves_this_machine_only_and_stops_on_sigterm(tmp_path):
    server = Served(tmp_path)
    try:
        status, page = server.get()
        assert status == 200 and f"ws://127.0.0.1:{server.port}/ws" in page
        assert "googleapis" not in page  # the page asks no outside server for anything
        assert server.get(Host="evil.example")[0] == 403
        assert server.get("/ws", Origin="https://evil.example")[0] == 403
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Serving this machine only (give --host to serve other machines)"
    assert lines[1] == f"Open in a browser: http://127.0.0.1:{server.port}/"
    assert lines[-1] == "Stopped"
    assert "Traceback" not in err


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
DRAWN = """([frames, at, text, quietMs]) =>
  window.__frames > frames && window.__text.indexOf(text, at) >= 0
  && performance.now() - window.__last > quietMs
  && getComputedStyle(document.querySelector("#terminal")).opacity === "1"
"""


def _drawn(page, press: tuple[str, ...] = (), text: str = "", quiet_ms: int = 150) -> bytes:
    """Press keys; wait until the app has sent ``text`` and then nothing for ``quiet_ms``; return
    a screenshot of the terminal."""
    mark = page.evaluate("[window.__frames, window.__text.length]")
    for key in press:
        page.keyboard.press(key)
    page.wait_for_function(DRAWN, arg=[*mark, text, quiet_ms], polling=25, timeout=20_000)
    return page.locator("#terminal").screenshot()


def _changed_share(a: bytes, b: bytes) -> float:
    from PIL import Image, ImageChops

    one, two = Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(b)).convert("RGB")
    diff = ImageChops.difference(one, two).convert("L").point(lambda v: 255 if v else 0)
    return sum(diff.histogram()[255:]) / (one.width * one.height)


def test_keys_in_the_browser_reach_the_app_and_ctrl_s_saves(tmp_path):
    need_browser()
    scenario = tmp_path / "office.toml"
    shutil.copy(EXAMPLE, scenario)
    before = tomllib.loads(scenario.read_text("utf-8"))
    server = Served(tmp_path, str(scenario))
    requests: list[str] = []
    try:
        with chromium(tmp_path / "chromium", viewport={"width": 1100, "height": 720}) as browser:
            page = browser.new_page()
            page.add_init_script(RECORD)
            page.on("request", lambda req: requests.append(req.url))
            page.goto(server.url)
            first = _drawn(page, text="Access line")  # the app's first screen: the line & method tab
            apps = server.children()
            page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            volumes = _drawn(page, ("ArrowRight",), "Terminals")  # the tab bar has the focus: next tab
            assert _changed_share(first, volumes) > 0.02  # a different tab, not a blinking cursor
            _drawn(page, ("Tab", "Tab"))  # the terminals field, its text selected
            # typed over the selection, 3 -> 5 terminals: Plan A gains two basic fees of 5,000
            _drawn(page, ("5", "Enter"), f"{168_370 + 2 * 5_000:,}")
            _drawn(page, ("Tab", "Tab", "Tab", "Tab"))  # user codes, the two options, the total slider
            moved = _drawn(page, ("PageUp",), "(now ")  # a tenth of the track up: a new volume
            (shots_dir(tmp_path) / "browser-serve-volumes-en.png").write_bytes(moved)
            page.keyboard.press("Control+s")

            def saved() -> dict | None:
                data = tomllib.loads(scenario.read_text("utf-8"))
                return data if data["usage"]["terminals"] == 5 else None

            after = wait_until(saved, "Ctrl+S to save the scenario file named on the command line")
            code, _, err = server.stop()  # SIGTERM with the tab still open
            assert code == 0, err
            page.wait_for_function("document.body.classList.contains('-closed')")  # "Session ended"
    finally:
        if server.proc.poll() is None:
            server.stop()
    assert apps and wait_until(lambda: not any(_alive(pid) for pid in apps), "the tab's app process to end")
    assert {r.split("/")[2] for r in requests} == {f"127.0.0.1:{server.port}"}  # nothing from elsewhere
    assert sum(after["volumes"].values()) > sum(before["volumes"].values())  # the slider's step
    assert after["volumes"].keys() == before["volumes"].keys()  # the same operation mix, scaled
    assert after["line"] == before["line"] and after["name"] == before["name"]
