"""Small helpers shared by the UI tests.

Waiting: a test never waits for a number of ``pilot.pause()`` calls. On a busy machine Textual's
"idle" detection (process time against wall time) returns early, so the app may need many more
turns than on an idle one. Tests wait for a *condition* instead: ``wait_for`` (anything),
``wait_equal`` (a value, says what it last saw), ``wait_for_screen_text`` (text the terminal shows,
read from the same compositor output a snapshot is taken from, once the layout has settled) and
``settled`` (workers done).
"""

from __future__ import annotations

import asyncio
import functools
import io
import time

from textual.geometry import Region

from naccs_tui.ui.app import NaccsApp

POLL = 0.01
"""Seconds between two looks at the condition."""
TIMEOUT = 15.0
"""Seconds before a wait gives up (generous: a loaded CI machine can be very slow)."""


class StableApp(NaccsApp):
    """NaccsApp with the settings that make a screenshot repeatable: a fixed theme, animations
    off, and input cursors that do not blink (a blinking cursor is drawn or not depending on when
    the picture is taken)."""

    CURSOR_BLINK = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.animation_level = "none"
        self.theme = "textual-dark"


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


def screen_text(app) -> str:
    """The whole terminal as plain text, as the compositor draws it now: the same output a
    snapshot is taken from (``App.export_screenshot``), so a layout or a table whose column
    widths are not computed yet shows here exactly as it would in the picture."""
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


VOLUMES_WIDE = 110
"""VolumesPane.on_resize: from this width its row labels are 40 cells wide instead of 24."""


def volumes_laid_out(app) -> bool:
    """The volumes pane is laid out for its width: its wide class (set on resize, after the first
    layout) follows the width, and the row labels have the width that class gives them."""
    from naccs_tui.ui.panes.volumes import VolumesPane

    pane = app.query_one(VolumesPane)
    labels = [label for label in pane.query(".slider-row--label") if label.region.area]
    return (
        pane.region.area > 0
        and pane.has_class("-wide") == (pane.size.width >= VOLUMES_WIDE)
        and bool(labels)
        and all(label.region.width == label.styles.width.value for label in labels)
    )


async def wait_for(pilot, condition, what: str = "the condition", timeout: float = TIMEOUT) -> None:
    """Let the app run until ``condition()`` is true (never a fixed number of pauses: on a busy
    machine the app may need more turns). Fails with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    error: Exception | None = None
    while True:
        try:
            if condition():
                return
            error = None
        except Exception as exc:  # a widget not mounted yet counts as "not yet"
            error = exc
        if time.monotonic() > deadline:
            because = f" (last try raised {error!r})" if error else ""
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}{because}")
        try:
            await pilot.pause(POLL)
        except Exception:
            if pilot.app.is_running:
                raise
            # the app quit meanwhile (a pause ends by looking at its screen): let the exit go on
            await asyncio.sleep(POLL)


async def wait_equal(pilot, get, expected, what: str = "the value", timeout: float = TIMEOUT) -> None:
    """Wait until ``get() == expected``; on time-out say what it was instead."""
    seen: list[object] = []

    def check() -> bool:
        value = get()
        seen[:] = [value]
        return value == expected

    try:
        await wait_for(pilot, check, what, timeout)
    except AssertionError as exc:
        last = repr(seen[0]) if seen else "nothing (it raised)"
        raise AssertionError(f"{exc}: expected {expected!r}, last saw {last}") from None


async def wait_for_text(pilot, get, *texts: str, what: str | None = None, timeout: float = TIMEOUT) -> str:
    """Wait until every one of ``texts`` is in ``get()``; returns that text (on time-out, says
    which were missing from what it last saw)."""
    seen = [""]

    def check() -> bool:
        seen[0] = get()
        return all(text in seen[0] for text in texts)

    try:
        await wait_for(pilot, check, what or f"{texts!r} to be shown", timeout)
    except AssertionError as exc:
        missing = [text for text in texts if text not in seen[0]]
        raise AssertionError(f"{exc}; missing {missing!r} from:\n{seen[0]}") from None
    return seen[0]


def layout_settled(app) -> bool:
    """Nothing is pending that could still move what the terminal shows: no layout asked for by
    the screen or any widget, and every message queue empty. A layout pass can ask for another
    (a scroll bar appears and the content gets narrower; a pane fits itself to its width on
    resize; a table measures its columns when idle), so content on the terminal alone does not
    mean the picture is final. (Reads Textual internals: textual is pinned in pyproject.toml.)"""
    screen = app.screen
    if screen._layout_required or screen._scroll_required or screen._recompose_required:
        return False
    if not app._message_queue.empty():
        return False
    return not any(w._layout_required or not w._message_queue.empty() for w in screen.walk_children(with_self=True))


async def wait_for_screen_text(pilot, *texts: str, what: str | None = None, timeout: float = TIMEOUT) -> str:
    """Wait until every one of ``texts`` is on the terminal (see ``screen_text``) and the layout
    has settled (``layout_settled``): what a snapshot taken now shows. Returns the text."""
    app = pilot.app

    def text() -> str:
        return screen_text(app) if layout_settled(app) else "(the layout has not settled)"

    return await wait_for_text(pilot, text, *texts, what=what, timeout=timeout)


async def wait_until_drawn(pilot, expected, what: str, timeout: float = TIMEOUT) -> None:
    """Wait until the layout has settled and the terminal shows every line of ``expected()``
    (computed anew each time: what a widget draws follows its final width)."""
    app = pilot.app
    seen: list[object] = [None]

    def drawn() -> bool:
        if not layout_settled(app):
            seen[0] = "(the layout has not settled)"
            return False
        lines, text = expected(), screen_text(app)
        seen[0] = [line for line in lines if line not in text]
        return bool(lines) and not seen[0]

    try:
        await wait_for(pilot, drawn, what, timeout)
    except AssertionError as exc:
        raise AssertionError(f"{exc}; missing {seen[0]!r}") from None


async def wait_for_dialog(pilot, kind, what: str | None = None):
    """Wait until a screen of type ``kind`` is the one shown, mounted, with the focus inside it
    (so that keys reach it); returns the screen."""
    app = pilot.app

    def ready() -> bool:
        screen = app.screen
        return (
            isinstance(screen, kind) and screen.is_mounted and app.focused is not None and app.focused.screen is screen
        )

    await wait_for(pilot, ready, what or f"the {kind.__name__} to open")
    return app.screen


async def wait_closed(pilot, kind, what: str | None = None) -> None:
    """Wait until no screen of type ``kind`` is open any more."""
    await wait_for(
        pilot,
        lambda: not any(isinstance(s, kind) for s in pilot.app.screen_stack),
        what or f"the {kind.__name__} to close",
    )


async def processed(pilot, widget) -> None:
    """Wait until ``widget`` has handled every event sent so far, keys included (they reach the
    app first, which forwards them): the barrier before checking that something did *not* happen."""
    done: list[bool] = []
    pilot.app.call_later(lambda: widget.call_later(done.append, True))
    await wait_for(pilot, lambda: done, f"{widget!r} to handle what was sent to it")


async def focus(pilot, widget) -> None:
    """Focus ``widget`` and wait until it has the focus (keys pressed next go to it)."""
    widget.focus()
    await wait_for(pilot, lambda: widget.has_focus, f"{widget!r} to have the focus")


async def click(pilot, target, **kwargs) -> None:
    """Click ``target`` (a widget, or a selector on the screen shown) once it is laid out where it
    is drawn (a click before that lands on whatever was there)."""
    app = pilot.app

    def placed() -> bool:
        widget = app.screen.query_one(target) if isinstance(target, str) else target
        return widget.region.area > 0 and app.screen.get_widget_at(*widget.region.offset)[0] is widget

    await wait_for(pilot, placed, f"{target} to be on the screen")
    await pilot.click(target, **kwargs)


async def settled(pilot) -> None:
    """Wait until the app has no pending work: no running workers and an idle message queue."""
    app = pilot.app
    await wait_for(pilot, lambda: not any(w.is_running for w in app.workers), "workers to finish")
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
