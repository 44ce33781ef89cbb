"""The web server of `naccs-tui serve` in this process, its tabs running a stand-in app (fake_app.py,
textual-serve's protocol, a few milliseconds to start): the token gate, one tab too many, idle
tabs, and an app that will not quit."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from browser import free_port
from helpers import run_async

from naccs_tui.commands import _serve_app
from naccs_tui.commands._serve_app import AdvisorServer, Limits
from naccs_tui.i18n import t

FAKE = Path(__file__).resolve().parents[1] / "fake_app.py"


@contextlib.asynccontextmanager
async def serving(token: str | None = None, max_sessions: int = 8, idle: float = 1800, stubborn: bool = False):
    """The server on a free loopback port, with tabs running fake_app.py; yields (server, base URL)."""
    command = f"exec {sys.executable} {FAKE}" + (" stubborn" if stubborn else "")
    limits = Limits(token, max_sessions, idle, "en")
    server = AdvisorServer(command, host="127.0.0.1", port=0, limits=limits, on_start=lambda: None)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server, f"http://127.0.0.1:{port}/"
    finally:
        await runner.cleanup()  # ends every tab (as a stop does)
        for pid in apps():  # after a failed test: leave no process behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def apps() -> list[int]:
    """The stand-in apps alive now (children of this process)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[1]) == os.getpid() and stat[0] != "Z" and str(FAKE).encode() in cmdline:
                out.append(int(entry))
    return out


def browser_like() -> aiohttp.ClientSession:
    """A client that keeps cookies of an IP address (as a browser does)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def until(condition, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def open_tab(client: aiohttp.ClientSession, base: str, **kwargs) -> aiohttp.ClientWebSocketResponse:
    """A websocket that the app has answered ("ready")."""
    ws = await client.ws_connect(base + "ws", **kwargs)
    message = await ws.receive(timeout=10)
    assert message.data == b"ready"
    return ws


# ---- the token ------------------------------------------------------------------------------------
@run_async
async def test_without_the_token_every_request_gets_403_and_no_app():
    async with serving(token="s3cret") as (_, base), browser_like() as client:
        for path in ("", "?token=wrong", "?token=s3cre", "static/js/textual.js", "ws", "download/x"):
            async with client.get(base + path) as r:
                assert r.status == 403, path
                assert "<h1>No access</h1>" in await r.text()
        async with client.get(base, headers={"Accept-Language": "ja,en;q=0.8"}) as r:
            assert r.status == 403 and '<html lang="ja">' in await r.text()
            assert t("serve.forbidden", "ja") in await r.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(base + "ws")
        assert refused.value.status == 403
        assert not client.cookie_jar.filter_cookies(base)  # a refusal sets no cookie
    assert not apps()


@run_async
async def test_the_token_in_the_address_sets_a_cookie_that_carries_it():
    async with serving(token="s3cret") as (_, base), browser_like() as client:
        async with client.get(base + "?token=s3cret") as r:
            assert r.status == 200 and "/ws" in await r.text()
            cookie = r.headers["Set-Cookie"]
            assert r.headers["Referrer-Policy"] == "no-referrer"  # links the app opens do not carry the address
        parts = [p.strip() for p in cookie.split(";")]
        assert parts[0] == "naccs_tui_token=s3cret"
        assert {"HttpOnly", "Path=/", "SameSite=Strict"} <= set(parts)
        # later requests carry the cookie alone: the page, its script, the websocket and its app
        async with client.get(base) as r:
            assert r.status == 200 and "Set-Cookie" not in r.headers
        async with client.get(base + "static/js/textual.js") as r:
            assert r.status == 200
        ws = await open_tab(client, base)
        await ws.send_json(["stdin", "a"])
        assert (await ws.receive(timeout=10)).data == b"key:a"
        await ws.close()
    await until(lambda: not apps(), "the app to end")


@run_async
async def test_without_a_token_the_loopback_server_asks_for_none():
    async with serving() as (_, base), browser_like() as client:
        async with client.get(base) as r:
            assert r.status == 200 and "Set-Cookie" not in r.headers and "Referrer-Policy" not in r.headers
        await (await open_tab(client, base)).close()
        async with client.get(base, headers={"Host": "evil.example"}) as r:
            assert r.status == 403  # the host check stays
    await until(lambda: not apps(), "the app to end")


# ---- how many, how long -------------------------------------------------------------------------
@run_async
async def test_one_tab_too_many_gets_the_busy_page_and_no_process():
    async with serving(max_sessions=2) as (server, base), browser_like() as client:
        first, second = await open_tab(client, base), await open_tab(client, base)
        assert len(apps()) == 2
        async with client.get(base, headers={"Accept-Language": "en"}) as r:
            assert r.status == 503
            assert t("serve.busy", "en", sessions=2) in await r.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(base + "ws")
        assert refused.value.status == 503
        await asyncio.sleep(0.5)  # a process started anyway would be alive by now
        assert len(apps()) == 2 and len(server.tabs) == 2
        await first.close()  # a tab closed: its app ends, and there is room again
        await until(lambda: len(apps()) == 1 and len(server.tabs) == 1, "the closed tab's app to end")
        async with client.get(base) as r:
            assert r.status == 200
        third = await open_tab(client, base)
        assert len(apps()) == 2
        await second.close()
        await third.close()
    await until(lambda: not apps(), "every app to end")


@run_async
async def test_an_idle_tab_is_closed_and_its_app_ends():
    """Three tabs: one quiet, one whose page only pings, one typed in. The first two are closed
    once idle (a ping is not use); the typed one stays open and closes only once idle since its
    last key. (Bounds from below are exact; from above, generous for a busy machine.)"""
    idle = 1.0
    async with serving(idle=idle) as (_, base), browser_like() as client:
        before = time.monotonic()  # no tab can be used earlier than this
        quiet, pinging, typing = [await open_tab(client, base) for _ in range(3)]
        assert len(apps()) == 3
        last_sent: dict[str, float] = {}

        async def keep(ws, message, seconds: float) -> None:
            end = time.monotonic() + seconds
            with contextlib.suppress(aiohttp.ClientConnectionResetError):  # the server closed it
                while time.monotonic() < end:
                    await ws.send_json(message)
                    last_sent[message[0]] = time.monotonic()
                    await asyncio.sleep(0.2)

        async def closed(ws) -> float:
            while (await ws.receive(timeout=20)).type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                pass
            return time.monotonic()

        typing_done = asyncio.create_task(keep(typing, ["stdin", "x"], 3 * idle))
        pings_end = time.monotonic() + 8 * idle
        pinging_done = asyncio.create_task(keep(pinging, ["ping", "1"], 8 * idle))  # the page's ping is not use
        quiet_closed = await closed(quiet)
        assert idle <= quiet_closed - before < idle + 6 and quiet.close_code == 1001
        pinging_closed = await closed(pinging)
        assert pinging_closed < pings_end  # closed while it kept pinging
        await typing_done
        assert not typing.closed  # used until now: still open
        typing_closed = await closed(typing)
        assert typing_closed - last_sent["stdin"] >= idle  # closed only once idle since the last key
        await pinging_done
    await until(lambda: not apps(), "every app to end")


@run_async
async def test_an_app_that_does_not_quit_is_killed(monkeypatch):
    monkeypatch.setattr(_serve_app, "QUIT_SECONDS", 0.5)
    async with serving(stubborn=True) as (server, base), browser_like() as client:
        ws = await open_tab(client, base)
        assert len(apps()) == 1
        closed = time.monotonic()
        await ws.close()
        await until(lambda: not apps() and not server.tabs, "the app to be killed", timeout=5)
        assert time.monotonic() - closed >= 0.5  # asked to quit first
