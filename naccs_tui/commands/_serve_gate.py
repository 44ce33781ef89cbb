"""Who gets into `naccs-tui serve`: the host and origin checks, the token, and the short pages that
say no (no access, busy).

On a loopback address only requests that name this machine (Host localhost, 127.0.0.1 or [::1])
are served (defeats DNS rebinding), and a websocket is accepted only from its own page (Origin =
Host), so that a web page elsewhere cannot drive the app through the user's browser.

Off loopback every request needs the token, in the query (``?token=…``: the address the server
prints) or in the cookie that the first good request sets: HttpOnly (no script reads it) and
SameSite=Strict (no other site's page makes the browser send it). It is compared in constant time
(``hmac.compare_digest``), and it is printed once, in the address line, and written nowhere else:
the logs go through ``Redacting``, and the tabs' apps never get it (their environment lacks it).
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import logging
import secrets
from urllib.parse import quote, urlsplit

from ..i18n import LANGS, t

TOKEN_ENV = "NACCS_TUI_TOKEN"
"""The environment variable that gives the token (as --token does, without showing it in ps)."""
COOKIE = "naccs_tui_token"


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


def new_token() -> str:
    """A random token: 32 URL-safe characters (192 bits)."""
    return secrets.token_urlsafe(24)


def token_matches(given: str | None, token: str) -> bool:
    """``given`` is the token (constant time: how much of it matches takes no longer to learn)."""
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def with_token(url: str, token: str | None) -> str:
    """The address to print: ``url`` with ``?token=…`` when there is a token."""
    return f"{url}?token={quote(token, safe='')}" if token else url


def page_lang(accept_language: str | None, default: str) -> str:
    """The first of ja/en that the browser asks for (Accept-Language, by weight), else ``default``."""
    wanted = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        wanted.append((-weight, n, tag.split("-")[0].lower()))
    return next((lang for weight, _, lang in sorted(wanted) if weight < 0 and lang in LANGS), default)


def page(lang: str, title_key: str, text_key: str, **params: object) -> str:
    """A short HTML page: a title and one paragraph from the catalog, nothing loaded from anywhere."""
    title, text = html.escape(t(title_key, lang)), html.escape(t(text_key, lang, **params))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} - naccs-tui</title>"
        "<style>body{font-family:sans-serif;max-width:40em;margin:4em auto;padding:0 1em;line-height:1.6}</style>"
        f"</head>\n<body><h1>{title}</h1><p>{text}</p></body>\n</html>\n"
    )


class Redacting(logging.Formatter):
    """Formats log records with the token replaced by "…" (a URL or header in a message, a traceback)."""

    def __init__(self, fmt: str, secret: str | None) -> None:
        super().__init__(fmt)
        self.secret = secret

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.replace(self.secret, "…") if self.secret else text
