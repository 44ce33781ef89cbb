"""naccs-tui's cache folder, where the system keeps caches (the rules of ``platformdirs``'
``user_cache_dir("naccs-tui", appauthor=False)``, without its import: some 10 ms that a command
line's ``--help`` would pay before it says anything).

On Linux and other Unix systems ``$XDG_CACHE_HOME/naccs-tui`` (a relative one is ignored, as XDG
says), by default ``~/.cache/naccs-tui``; ``~/Library/Caches/naccs-tui`` on macOS;
``%LOCALAPPDATA%\\naccs-tui\\Cache`` on Windows. What is kept there can be deleted at any time:
each cache is computed again when its file is missing, stale or damaged.
"""

from __future__ import annotations

import os
import sys

APP = "naccs-tui"


def cache_dir() -> str:
    """The folder (not created here)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "").strip() or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, APP, "Cache")
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~/Library/Caches"), APP)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return os.path.join(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache"), APP)
