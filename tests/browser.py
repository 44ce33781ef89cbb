"""A real Chromium for the browser tests (Debian's chromium, driven by Playwright's Python package).

Playwright's own browser download is not used: the tests point it at /usr/bin/chromium. Without
Chromium (or Playwright, or poppler's pdftotext) the tests are skipped with a line saying how to
install it. Set NACCS_TUI_SHOTS=screenshots to keep the PNGs the tests take (default: a temp folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL = (
    "install it with `apt-get install -y chromium poppler-utils fonts-noto-cjk` (as root) "
    "and `.venv/bin/pip install '.[test]'` (Playwright); .ci/run does both"
)


def need_browser(*tools: str) -> None:
    """Skip the calling test unless Chromium, Playwright and the given command-line tools exist."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"Playwright is not installed: {INSTALL}")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Chromium not found at {CHROMIUM}: {INSTALL}")
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not found: {INSTALL}")


def has_japanese_font() -> bool:
    out = subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True, check=False)
    return bool(out.stdout.strip())


@contextmanager
def chromium(user_data: Path, **options: Any) -> Iterator[Any]:
    """A browser context with a fresh user-data folder; closed (with the browser) afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(user_data), executable_path=CHROMIUM, args=ARGS, headless=True, **options
        )
        try:
            yield context
        finally:
            context.close()


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NACCS_TUI_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 20.0, poll: float = 0.05) -> Any:
    """Poll ``condition`` until it returns something true (returned), or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)
