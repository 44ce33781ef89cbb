"""`naccs-tui serve`'s token: made up off loopback and printed once in the address, given by
--token or NACCS_TUI_TOKEN, compared in constant time, never written again (logs, the tabs'
apps); the pieces that choose it and the pages that refuse."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from served import Served

from naccs_tui.cli import main
from naccs_tui.commands import _serve_gate
from naccs_tui.commands._serve_gate import Redacting, page, page_lang, token_matches, with_token
from naccs_tui.commands.serve import minutes_arg, token_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "customs-broker.toml"


# ---- pieces ---------------------------------------------------------------------------------------
def test_token_comparison():
    assert token_matches("s3cret", "s3cret")
    assert not token_matches("s3cre", "s3cret") and not token_matches("s3cret!", "s3cret")
    assert not token_matches(None, "s3cret") and not token_matches("", "s3cret")
    assert token_matches("トークン", "トークン")  # any text the user chose


def test_token_comparison_takes_constant_time(monkeypatch):
    calls = []
    monkeypatch.setattr(_serve_gate.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or a == b)
    token_matches("guess", "s3cret")
    assert calls == [(b"guess", b"s3cret")]


def _args(host: str, token: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(host=host, token=token)


def test_which_token(monkeypatch):
    monkeypatch.delenv("NACCS_TUI_TOKEN", raising=False)
    assert token_for(_args("127.0.0.1")) is None  # loopback: as before, no token
    assert token_for(_args("localhost", "mine")) == "mine"  # ... unless one is given
    made = {token_for(_args("0.0.0.0")) for _ in range(2)}
    assert len(made) == 2 and all(len(tok) == 32 for tok in made)  # random, 192 bits
    monkeypatch.setenv("NACCS_TUI_TOKEN", "from-env")
    assert token_for(_args("0.0.0.0")) == "from-env"
    assert "NACCS_TUI_TOKEN" not in os.environ  # the tabs' apps will not see it
    monkeypatch.setenv("NACCS_TUI_TOKEN", "from-env")
    assert token_for(_args("0.0.0.0", "given")) == "given"  # --token wins


def test_an_empty_token_is_one_line(capsys):
    assert main(["serve", "--token", " ", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "naccs-tui: --token: the token must not be empty\n"


def test_the_address_carries_the_token_quoted():
    assert with_token("http://h:8000/", None) == "http://h:8000/"
    assert with_token("http://h:8000/", "a b&c") == "http://h:8000/?token=a%20b%26c"


@pytest.mark.parametrize(
    ("header", "lang"),
    [(None, "en"), ("ja", "ja"), ("ja-JP,ja;q=0.9,en;q=0.8", "ja"), ("fr,en;q=0.5,ja;q=0.4", "en"), ("de", "en")],
)
def test_the_pages_speak_the_browsers_language(header, lang):
    assert page_lang(header, "en") == lang


def test_the_refusal_page_escapes_and_loads_nothing():
    html = page("en", "serve.forbidden_title", "serve.forbidden")
    assert '<html lang="en">' in html and "<h1>No access</h1>" in html
    assert "src=" not in html and "href=" not in html and "<script" not in html


def test_the_logs_never_show_the_token():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "GET /?token=%s failed", ("s3cret",), None)
    assert Redacting("%(message)s", "s3cret").format(record) == "GET /?token=… failed"


def test_idle_minutes():
    assert minutes_arg("30") == 30 and minutes_arg("0.5") == 0.5
    for bad in ("0", "-1", "x", "1441"):
        with pytest.raises(argparse.ArgumentTypeError):
            minutes_arg(bad)


# ---- a running server -----------------------------------------------------------------------------
def test_the_token_is_printed_once_and_the_apps_never_get_it(tmp_path):
    server = Served(tmp_path, str(EXAMPLE), env={"NACCS_TUI_TOKEN": "env-s3cret"}, read_url=True)
    seen: list[str] = []
    try:
        assert server.printed_url == f"http://127.0.0.1:{server.port}/?token=env-s3cret"
        assert server.get("/")[0] == 403 and server.get("/?token=env-s3cre")[0] == 403
        status, _, headers = server.request("/?token=env-s3cret")
        assert status == 200 and headers["Set-Cookie"].startswith("naccs_tui_token=env-s3cret;")
        # a tab (the cookie alone) while the app runs: its environment lacks the token
        asyncio.run(_tab_environ(server, "naccs_tui_token=env-s3cret", seen))
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    assert seen and all("NACCS_TUI_TOKEN" not in env for env in seen)
    assert (out + err).count("env-s3cret") == 1  # the address line, nothing else


async def _tab_environ(server: Served, cookie: str, seen: list[str]) -> None:
    """Open a tab with the cookie alone; once its app has drawn, note the apps' environments."""
    async with aiohttp.ClientSession() as client:
        headers = {"Cookie": cookie, "Origin": server.url.rstrip("/")}
        async with client.ws_connect(f"{server.url}ws", headers=headers) as ws:
            while (await ws.receive(timeout=30)).type != aiohttp.WSMsgType.BINARY:
                pass
            for pid in server.children():
                seen.append(Path(f"/proc/{pid}/environ").read_bytes().decode("utf-8", "replace"))


def _this_machines_address() -> str | None:
    """An address of this machine that is not loopback (to listen on), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: it only picks the outgoing address
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_off_loopback_a_random_token_is_needed(tmp_path):
    address = _this_machines_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    server = Served(tmp_path, host=address, read_url=True)
    try:
        assert server.lines[0] == (
            f"Serving other machines on {address}:{server.port}. Only a browser that opens the address below "
            "(with its token) gets in; anyone you give that address to can use the app"
        )
        printed = urlsplit(server.printed_url)
        (token,) = parse_qs(printed.query)["token"]
        assert printed.netloc == f"{address}:{server.port}" and len(token) == 32
        assert server.get("/")[0] == 403
        assert server.get(f"/?token={token}")[0] == 200
        assert server.get("/", Cookie=f"naccs_tui_token={token}")[0] == 200
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    assert (out + err).count(token) == 1
