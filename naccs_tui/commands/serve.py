"""`naccs-tui serve [FILE]`: the same app in a web browser, through textual-serve (MIT, Textualize).

Every browser tab gets its own app process (`naccs-tui [FILE] --lang …`), started in this
folder, so Ctrl+S saves where the app would save in a terminal. There is no authentication:
anyone who can reach the port can use the app and its file dialogs. Hence the default address
is 127.0.0.1, and on a loopback address only requests naming this machine (Host localhost,
127.0.0.1 or [::1]) are served, and a websocket is accepted only from its own page (Origin =
Host), so that a web page elsewhere cannot drive the app through the user's browser.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import re
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..domain.errors import InputError
from ..i18n import t
from ._args import int_arg
from ._parser import h
from ._shared import document_from, tariffs_from

NAME = "serve"
HELP_KEY = "cli.serve"
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
SHUTDOWN_SECONDS = 10
"""How long a stop waits for the tabs' apps to quit."""


def add_arguments(p) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help=h("cli.serve.file"))
    p.add_argument("--host", default="127.0.0.1", help=h("cli.serve.host"))
    p.add_argument("--port", type=int_arg(1, 65535), default=8000, help=h("cli.serve.port"))


def app_command(args, windows: bool = sys.platform == "win32") -> str:
    """The shell command textual-serve runs for each tab: this Python, this package, absolute paths
    (for cmd.exe on Windows: its quoting, and no ``exec``)."""
    parts = [sys.executable, "-m", "naccs_tui"]
    if args.file:
        parts.append(str(Path(args.file).expanduser().resolve()))
    parts += ["--lang", args.lang]
    if args.tariffs:
        parts += ["--tariffs", str(Path(args.tariffs).expanduser().resolve())]
    if windows:
        import subprocess

        return subprocess.list2cmdline(parts)
    return "exec " + shlex.join(parts)  # exec: the app is the tab's process, not a shell around it


def url(host: str, port: int) -> str:
    """The address to open in a browser."""
    if host in WILDCARD_HOSTS:
        host = socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def is_loopback(host: str) -> bool:
    """A name or address of this machine only (localhost, 127.x.x.x, ::1)."""
    name = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_allowed(host_header: str, listen_host: str) -> bool:
    """On a loopback address, only requests that name this machine (defeats DNS rebinding)."""
    if not is_loopback(listen_host):
        return True
    name = host_header if host_header.endswith("]") else host_header.rsplit(":", 1)[0]
    return is_loopback(name)


def origin_allowed(origin: str | None, host_header: str) -> bool:
    """A websocket only from the page this server gave out (browsers always send Origin)."""
    return origin is None or urlsplit(origin).netloc == host_header


def check_port(host: str, port: int) -> None:
    """Fail now with one line (port in use, unknown host) instead of a traceback from the server."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise InputError(None, "--host", t("serve.cannot_bind", host=host, port=port, reason=_os_text(exc))) from None
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
            try:
                probe.bind(addr)
            except OSError as exc:
                raise _bind_error(exc, host, port) from None


def _bind_error(exc: OSError, host: str, port: int) -> InputError:
    if exc.errno == errno.EADDRINUSE:
        return InputError(None, "--port", t("serve.port_in_use", port=port))
    return InputError(None, "--host", t("serve.cannot_bind", host=host, port=port, reason=_os_text(exc)))


def _os_text(exc: OSError) -> str:
    """The system's reason in the user's language (its errno in words; the OS says it in English)."""
    from ..domain.files import os_params
    from ..i18n import get_lang
    from ..render.errors import os_error_text

    if get_lang() == "en":
        return str(exc.strerror or exc)
    return os_error_text("EAI" if isinstance(exc, socket.gaierror) else os_params(exc)["errno"])


def _server_class():
    """textual-serve's Server with our start-up lines, quiet logs and the host/origin checks."""
    import logging

    from aiohttp import web
    from textual_serve.server import Server

    class AdvisorServer(Server):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.tabs: set[asyncio.Task] = set()
            """The open websockets' handlers (one per browser tab and its app process)."""

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING, format="naccs-tui serve: %(message)s")

        async def on_startup(self, app) -> None:
            if is_loopback(self.host):
                print(t("serve.local_only"))
            else:
                print(t("serve.public", host=self.host, port=self.port))
            print(t("serve.url", url=url(self.host, self.port)))
            print(t("serve.stop"), flush=True)

        async def handle_index(self, request):
            if not host_allowed(request.host, self.host):
                raise web.HTTPForbidden()
            self.public_url = f"{request.scheme}://{request.host}"  # the websocket URL the page gets
            response = await super().handle_index(request)
            # the page's one outside request (a web font) goes: the terminal uses its bundled font
            response.text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", response.text)
            return response

        async def handle_websocket(self, request):
            if not (
                host_allowed(request.host, self.host) and origin_allowed(request.headers.get("Origin"), request.host)
            ):
                raise web.HTTPForbidden()
            task = asyncio.current_task()
            assert task is not None
            self.tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.tabs.discard(task)

        async def on_shutdown(self, app) -> None:
            """Ctrl+C or SIGTERM: close every tab (which tells its app to quit) instead of waiting
            for the browsers to leave."""
            tabs = list(self.tabs)
            for task in tabs:
                task.cancel()
            if tabs:
                await asyncio.wait(tabs, timeout=SHUTDOWN_SECONDS)

        async def handle_download(self, request):
            if not host_allowed(request.host, self.host):
                raise web.HTTPForbidden()
            return await super().handle_download(request)

    return AdvisorServer


def run(args) -> int:
    tariffs = tariffs_from(args)  # a bad tariffs or scenario file is one line now, not a dead tab later
    if args.file and Path(args.file).expanduser().exists():
        document_from(str(Path(args.file).expanduser()), tariffs)
    check_port(args.host, args.port)
    server = _server_class()(app_command(args), host=args.host, port=args.port, title="naccs-tui")
    try:
        server.serve()
    except OSError as exc:  # lost the port between the check and the bind
        raise _bind_error(exc, args.host, args.port) from None
    print(t("serve.stopped"), flush=True)
    return 0
