"""`naccs-tui serve` in a real Chromium: the token (403 without, the app with it, the cookie after),
the busy page for one tab too many, and a read-only tab refusing Ctrl+S."""

from __future__ import annotations

import shutil
from pathlib import Path

from browser import chromium, need_browser
from served import RECORD, Served, drawn

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "customs-broker.toml"
FIRST_SCREEN = "Access line"
"""Text of the app's first tab (English)."""
VIEWPORT = {"width": 1100, "height": 720}


def test_the_token_opens_the_app_and_the_cookie_keeps_it_open(tmp_path):
    need_browser()
    server = Served(tmp_path, "--token", "s3cret")
    try:
        with chromium(tmp_path / "chromium", viewport=VIEWPORT, locale="en-US") as browser:
            page = browser.new_page()
            page.add_init_script(RECORD)
            refused = page.goto(server.url)
            assert refused is not None and refused.status == 403
            assert page.locator("h1").inner_text() == "No access"
            assert not server.children()  # no app for a refused page
            page.goto(server.url + "?token=s3cret")
            drawn(page, text=FIRST_SCREEN)
            (cookie,) = browser.cookies()
            assert (cookie["name"], cookie["value"]) == ("naccs_tui_token", "s3cret")
            assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
            assert page.evaluate("document.cookie") == ""  # no script on the page can read it
            again = browser.new_page()  # the bare address now opens the app: the cookie carries the token
            again.add_init_script(RECORD)
            opened = again.goto(server.url)
            assert opened is not None and opened.status == 200
            drawn(again, text=FIRST_SCREEN)
            assert len(server.children()) == 2
    finally:
        code, _, err = server.stop()
    assert code == 0, err


def test_one_tab_too_many_gets_the_busy_page(tmp_path):
    need_browser()
    server = Served(tmp_path, "--max-sessions", "1")
    try:
        with chromium(tmp_path / "chromium", viewport=VIEWPORT, locale="ja-JP") as browser:
            page = browser.new_page()
            page.add_init_script(RECORD)
            page.goto(server.url)
            drawn(page, text=FIRST_SCREEN)
            (app,) = server.children()
            busy = browser.new_page()
            answer = busy.goto(server.url)
            assert answer is not None and answer.status == 503
            assert busy.locator("h1").inner_text() == "ただいま混み合っています"  # the browser's language
            assert "上限（1 個）" in busy.locator("p").inner_text()
            assert server.children() == [app]  # and no second app
    finally:
        code, _, err = server.stop()
    assert code == 0, err


def test_a_read_only_tab_refuses_ctrl_s(tmp_path):
    need_browser()
    scenario = tmp_path / "office.toml"
    shutil.copy(EXAMPLE, scenario)
    before = scenario.read_bytes()
    server = Served(tmp_path, str(scenario), "--read-only")
    try:
        with chromium(tmp_path / "chromium", viewport=VIEWPORT) as browser:
            page = browser.new_page()
            page.add_init_script(RECORD)
            page.goto(server.url)
            drawn(page, text="office.toml (read-only)")  # the header says so from the start
            page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            drawn(page, ("Control+s",), "Saving is off")
            drawn(page, ("Control+o",), "Opening other files is off")
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    assert "Read-only: every tab recalculates freely, but save, save as, open and export are off" in out.splitlines()
    assert scenario.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "chromium") == ["office.toml"]
