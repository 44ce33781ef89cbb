"""`naccs-tui serve [FILE]`: the same app in a web browser, through textual-serve (MIT, Textualize).

Every browser tab gets its own app process (`naccs-tui [FILE] --lang … --root FOLDER`), started in
this folder, so Ctrl+S saves where the app would save in a terminal, and the file dialogs reach
only files inside this folder. The default address is 127.0.0.1, where only requests naming this
machine are served (_serve_gate); any other address needs a token (one is made up and printed in
the address to open unless --token or NACCS_TUI_TOKEN gives one). --max-sessions bounds the tabs
(each is a process), --idle-minutes closes the forgotten ones, --read-only lets every tab
recalculate but write nothing (_serve_app runs the tabs).

Late imports: textual-serve (_serve_app) loads only when the server starts, subprocess only to
quote a Windows command line, and the error texts (render.errors, domain.files) only when the
address cannot be listened on; ``naccs-tui serve --help`` and a usage error need none of them
(start-up time).
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import sys
from pathlib import Path

from ..domain.errors import InputError
from ..i18n import get_lang, t
from ._args import int_arg
from ._parser import h
from ._serve_gate import TOKEN_ENV, host_allowed, is_loopback, new_token, origin_allowed, with_token
from ._shared import document_from, tariffs_from

__all__ = ["app_command", "host_allowed", "is_loopback", "origin_allowed", "url"]

NAME = "serve"
HELP_KEY = "cli.serve"
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
MAX_SESSIONS = 8
"""Tabs at a time by default: each tab is an app process of about 55 MB that takes about a second
of CPU to start, so 8 keep a small shared machine (2 cores, a few GB) responsive for everyone."""
IDLE_MINUTES = 30


def minutes_arg(text: str) -> float:
    """An argparse type: minutes, more than 0 and at most a day (decimals allowed: 0.5 = 30 s)."""
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < n <= 1440:
        raise argparse.ArgumentTypeError(f"{text} is out of range (more than 0, at most 1440)")
    return n


def add_arguments(p) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help=h("cli.serve.file"))
    p.add_argument("--host", default="127.0.0.1", help=h("cli.serve.host"))
    p.add_argument("--port", type=int_arg(1, 65535), default=8000, help=h("cli.serve.port"))
    p.add_argument("--token", metavar="VALUE", default=None, help=h("cli.serve.token", env=TOKEN_ENV))
    p.add_argument(
        "--max-sessions",
        type=int_arg(1, 1000),
        default=MAX_SESSIONS,
        metavar="N",
        help=h("cli.serve.max_sessions", n=MAX_SESSIONS),
    )
    p.add_argument(
        "--idle-minutes", type=minutes_arg, default=IDLE_MINUTES, metavar="M", help=h("cli.serve.idle", n=IDLE_MINUTES)
    )
    p.add_argument("--read-only", action="store_true", help=h("cli.serve.read_only"))


def app_command(args, windows: bool = sys.platform == "win32") -> str:
    """The shell command textual-serve runs for each tab: this Python, this package, absolute paths,
    the file dialogs kept inside this folder, and read-only when asked (for cmd.exe on Windows:
    its quoting, and no ``exec``)."""
    parts = [sys.executable, "-m", "naccs_tui"]
    if args.file:
        parts.append(str(Path(args.file).expanduser().resolve()))
    parts += ["--lang", args.lang]
    if args.tariffs:
        parts += ["--tariffs", str(Path(args.tariffs).expanduser().resolve())]
    parts += ["--root", str(Path.cwd())]
    if getattr(args, "read_only", False):
        parts.append("--read-only")
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
    from ..render.errors import os_error_text

    if get_lang() == "en":
        return str(exc.strerror or exc)
    return os_error_text("EAI" if isinstance(exc, socket.gaierror) else os_params(exc)["errno"])


def token_for(args) -> str | None:
    """--token, else $NACCS_TUI_TOKEN, else a new one off loopback (None: no token needed). The
    variable is then removed from this process's environment, so the tabs' apps never see it."""
    given = args.token if args.token is not None else os.environ.pop(TOKEN_ENV, None)
    os.environ.pop(TOKEN_ENV, None)
    if given is not None and not given.strip():
        raise InputError(None, "--token", t("serve.empty_token"))
    return given if given is not None else (None if is_loopback(args.host) else new_token())


def run(args) -> int:
    tariffs = tariffs_from(args)  # a bad tariffs or scenario file is one line now, not a dead tab later
    if args.file and Path(args.file).expanduser().exists():
        document_from(str(Path(args.file).expanduser()), tariffs)
    elif args.file and args.read_only:
        raise InputError(args.file, None, t("access.missing"))
    token = token_for(args)
    check_port(args.host, args.port)

    def started() -> None:
        print(t("serve.local_only") if is_loopback(args.host) else t("serve.public", host=args.host, port=args.port))
        print(t("serve.url", url=with_token(url(args.host, args.port), token)))  # the token's one appearance
        if args.read_only:
            print(t("serve.read_only"))
        print(t("serve.limits", sessions=args.max_sessions, minutes=f"{args.idle_minutes:g}"))
        print(t("serve.stop"), flush=True)

    from ._serve_app import AdvisorServer, Limits

    limits = Limits(token, args.max_sessions, args.idle_minutes * 60, args.lang)
    server = AdvisorServer(app_command(args), host=args.host, port=args.port, limits=limits, on_start=started)
    try:
        server.serve()
    except OSError as exc:  # lost the port between the check and the bind
        raise _bind_error(exc, args.host, args.port) from None
    print(t("serve.stopped"), flush=True)
    return 0
