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
