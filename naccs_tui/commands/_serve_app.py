"""The web server of `naccs-tui serve`: textual-serve's Server with our start-up lines, quiet logs,
the checks on every request (host, token: _serve_gate), and bounded tabs.

Each tab's websocket runs one app process. At most ``max_sessions`` run at a time: one more tab
gets the busy page and no process. A tab whose browser sends nothing (no key, no click, no
resize) for ``idle_seconds`` is closed, and so is its app. However a tab ends (closed, idle, the
network gone: the websocket's heartbeat notices, the server stopping), its app is asked to quit
and, if it has not quit within QUIT_SECONDS, killed: no process outlives its tab.
"""

from __future__ import annotations

import asyncio
import logging
import re
from contextlib import suppress
from dataclasses import dataclass

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from ..i18n import t
from ._serve_gate import COOKIE, Redacting, host_allowed, origin_allowed, page, page_lang, token_matches

log = logging.getLogger("naccs-tui serve")

SHUTDOWN_SECONDS = 10
"""How long a stop waits for the tabs' apps to quit."""
QUIT_SECONDS = 5
"""How long an app may take to quit when its tab ends before it is killed."""
HEARTBEAT_SECONDS = 15
"""The websocket's ping interval: a browser that stops answering ends its tab."""
ACTIVITY = frozenset({"stdin", "resize", "focus"})
"""What the page sends when someone uses the tab (its one ping after connecting is not use)."""


@dataclass(frozen=True)
class Limits:
    """Who may come in and how many: the token (None: none needed), tabs at a time, idle seconds."""

    token: str | None
    max_sessions: int
    idle_seconds: float
    lang: str
    """The language of the server's pages when the browser asks for neither ja nor en."""


class _Seen:
    """When the tab was last used (the event loop's clock)."""

    def __init__(self, at: float) -> None:
        self.at = at


class AdvisorServer(Server):
    def __init__(self, command: str, *, host: str, port: int, limits: Limits, on_start) -> None:
        super().__init__(command, host=host, port=port, title="naccs-tui")
        self.limits = limits
        self.on_start = on_start
        """Prints the start-up lines (serve.py): once the port is bound."""
        self.tabs: set[asyncio.Task] = set()
        """The open websockets' handlers (one per browser tab and its app process)."""

    # ---- logs, start, stop --------------------------------------------------------------------
    def initialize_logging(self) -> None:
        handler = logging.StreamHandler()
        handler.setFormatter(Redacting("naccs-tui serve: %(message)s", self.limits.token))
        logging.basicConfig(level=logging.WARNING, handlers=[handler])

    async def on_startup(self, app) -> None:
        self.on_start()

    async def on_shutdown(self, app) -> None:
        """Ctrl+C or SIGTERM: close every tab (which ends its app) instead of waiting for the
        browsers to leave."""
        tabs = list(self.tabs)
        for task in tabs:
            task.cancel()
        if tabs:
            await asyncio.wait(tabs, timeout=SHUTDOWN_SECONDS)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()

        @web.middleware
        async def gate(request: web.Request, handler):
            return await self._gate(request, handler)

        app.middlewares.append(gate)
        return app

    # ---- every request ------------------------------------------------------------------------
    def _page(self, request: web.Request, status: int, title: str, text: str, **params: object) -> web.Response:
        lang = page_lang(request.headers.get("Accept-Language"), self.limits.lang)
        body = page(lang, title, text, **params)
        return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")

    async def _gate(self, request: web.Request, handler) -> web.StreamResponse:
        """The host check (serve.host_allowed), then the token: in the query, else the cookie."""
        if not host_allowed(request.host, self.host):
            raise web.HTTPForbidden()
        token = self.limits.token
        if token is None:
            return await handler(request)
        given = request.query.get("token")
        if not token_matches(given if given is not None else request.cookies.get(COOKIE), token):
            return self._page(request, 403, "serve.forbidden_title", "serve.forbidden")
        response = await handler(request)
        if given is not None and not response.prepared:
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    # ---- the page -----------------------------------------------------------------------------
    def _full(self) -> bool:
        return len(self.tabs) >= self.limits.max_sessions

    async def handle_index(self, request):
        if self._full():
            return self._page(request, 503, "serve.busy_title", "serve.busy", sessions=self.limits.max_sessions)
        self.public_url = f"{request.scheme}://{request.host}"  # the websocket URL the page gets
        response = await super().handle_index(request)
        # the page's one outside request (a web font) goes: the terminal uses its bundled font
        response.text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", response.text)
        if self.limits.token:
            response.headers["Referrer-Policy"] = "no-referrer"  # the address holds the token
        return response

    # ---- a tab --------------------------------------------------------------------------------
    async def handle_websocket(self, request):
        if not origin_allowed(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden()
        if self._full():  # no process for one tab too many
            raise web.HTTPServiceUnavailable(text=t("serve.busy", self.limits.lang, sessions=self.limits.max_sessions))
        task = asyncio.current_task()
        assert task is not None
        self.tabs.add(task)
        try:
            return await self._tab(request)
        finally:
            self.tabs.discard(task)

    async def _tab(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, with the idle watch and an app that surely ends."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)

            async def close() -> None:  # the app quit (Ctrl+Q): the page says the session ended
                await websocket.close()

            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            seen = _Seen(asyncio.get_running_loop().time())
            watch = asyncio.create_task(self._close_when_idle(websocket, seen))
            try:
                await self._relay(websocket, service, seen)
            finally:
                watch.cancel()
        except asyncio.CancelledError:  # the server stops
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                await self._end(service)
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: AppService, seen: _Seen) -> None:
        """The browser's messages to the app (textual-serve's protocol), noting when it is used."""
        loop = asyncio.get_running_loop()
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *data = message.json()
            except (ValueError, TypeError):
                continue
            if kind in ACTIVITY:
                seen.at = loop.time()
            if kind == "stdin" and data and isinstance(data[0], str):
                await service.send_bytes(data[0].encode("utf-8"))
            elif kind == "resize" and data and isinstance(data[0], dict):
                await service.set_terminal_size(
                    to_int(str(data[0].get("width")), 80), to_int(str(data[0].get("height")), 24)
                )
            elif kind == "ping" and data:
                await websocket.send_json(["pong", data[0]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def _close_when_idle(self, websocket: web.WebSocketResponse, seen: _Seen) -> None:
        loop = asyncio.get_running_loop()
        while (left := seen.at + self.limits.idle_seconds - loop.time()) > 0:
            await asyncio.sleep(left)
        await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"idle")

    async def _end(self, service: AppService) -> None:
        """Ask the app to quit; kill it if it has not within QUIT_SECONDS."""
        process = service._process
        with suppress(Exception):
            await asyncio.wait_for(service.stop(), QUIT_SECONDS)
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), 1)
        except TimeoutError:
            process.kill()
            await process.wait()
