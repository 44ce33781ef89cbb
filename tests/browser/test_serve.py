"""`naccs-tui serve`: one-line errors, the host and origin checks, a clean stop, and the app driven
in a real Chromium (keys reach the app: the screen changes and Ctrl+S saves the file named on the
command line, with the values typed and the slider moved)."""

from __future__ import annotations

import io
import shutil
import socket
import sys
import tomllib
from pathlib import Path

import pytest
from browser import chromium, free_port, need_browser, shots_dir, wait_until
from served import RECORD, Served, alive, drawn

from naccs_tui.cli import main
from naccs_tui.commands.serve import app_command, host_allowed, origin_allowed

ROOT = Path(__file__).resolve().parents[2]
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


def test_read_only_needs_the_file_before_serving(tmp_path, capsys):
    missing = tmp_path / "none.toml"
    assert main(["serve", str(missing), "--read-only", "--port", str(free_port()), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"naccs-tui: {missing}: no such file (--read-only needs a file to open)\n"


# ---- a running server -----------------------------------------------------------------------------
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
            first = drawn(page, text="Access line")  # the app's first screen: the line & method tab
            apps = server.children()
            page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            volumes = drawn(page, ("ArrowRight",), "Terminals")  # the tab bar has the focus: next tab
            assert _changed_share(first, volumes) > 0.02  # a different tab, not a blinking cursor
            drawn(page, ("Tab", "Tab"))  # the terminals field, its text selected
            # typed over the selection, 3 -> 5 terminals: Plan A gains two basic fees of 5,000
            drawn(page, ("5", "Enter"), f"{168_370 + 2 * 5_000:,}")
            drawn(page, ("Tab", "Tab", "Tab", "Tab"))  # user codes, the two options, the total slider
            # a tenth of the track up: a new volume, drawn once the app has applied it. "(now " alone
            # is not enough: the summary bar says "(now 1,270)" again whenever it is redrawn, and a
            # Ctrl+S sent on that could save before the step (the flake this test had under load)
            moved = drawn(page, ("PageUp",), pattern=r"\(now (?!1,270\))[\d,]+\)")
            (shots_dir(tmp_path) / "browser-serve-volumes-en.png").write_bytes(moved)
            page.keyboard.press("Control+s")

            def saved() -> dict | None:
                data = tomllib.loads(scenario.read_text("utf-8"))
                return data if data["usage"]["terminals"] == 5 else None

            after = wait_until(saved, "Ctrl+S to save the scenario file named on the command line", timeout=120)
            code, _, err = server.stop()  # SIGTERM with the tab still open
            assert code == 0, err
            page.wait_for_function("document.body.classList.contains('-closed')", timeout=120_000)  # ended
    finally:
        if server.proc.poll() is None:
            server.stop()
    ended = wait_until(lambda: not any(alive(pid) for pid in apps), "the tab's app process to end", timeout=120)
    assert apps and ended
    assert {r.split("/")[2] for r in requests} == {f"127.0.0.1:{server.port}"}  # nothing from elsewhere
    assert sum(after["volumes"].values()) > sum(before["volumes"].values())  # the slider's step
    assert after["volumes"].keys() == before["volumes"].keys()  # the same operation mix, scaled
    assert after["line"] == before["line"] and after["name"] == before["name"]
