"""Small helpers shared by the UI tests."""

from __future__ import annotations

import asyncio
import functools

from textual.geometry import Region


def run_async(fn):
    """Run an async test body with asyncio (no async pytest plugin is installed)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        asyncio.run(fn(*args, **kwargs))

    return wrapper


def text_of(widget) -> str:
    """What the widget paints, as plain text."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(line.text for line in lines)


def shown(root, selector: str) -> str:
    """The text a Static under ``root`` shows, as the terminal gets it (all lines joined)."""
    from textual.widgets import Static

    widget = root.query_one(selector, Static)
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


async def wait_for(pilot, condition, what: str = "the condition", timeout: float = 15.0) -> None:
    """Let the app run until ``condition()`` is true (never a fixed number of pauses: on a busy
    machine the app may need more turns). Fails with ``what`` after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except Exception:  # a widget not mounted yet counts as "not yet"
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


async def settled(pilot) -> None:
    """Wait until the app has no pending work: no running workers and an idle message queue."""
    app = pilot.app
    await wait_for(pilot, lambda: not any(w.is_running for w in app.workers), "workers to finish")
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
