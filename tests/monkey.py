"""The monkey: random keys pressed on the app as an impatient or curious user would, with the
invariants checked after every key, and a failing key list shrunk to the shortest that still fails.

A run opens a copy of an example file in a folder of its own (saves and exports land there), at
one terminal size and in one language, and presses its keys at once: the first key arrives before
the first screen has settled (type-ahead at launch). After each key it waits until the app is
quiet (every message handled, nothing left to lay out) and checks:

- the app still runs (an exception in the app ends it: that is a failure, "crash");
- the summary bar of the main screen shows the Plan A and Plan B monthly amounts of the app's
  current state, computed here through the company engine (``company_quote``), not through the
  app's own derivation ("summary");
- the title's unsaved mark is there exactly when the plan differs from what its file holds on
  disk ("title");
- no widget of the screen shown is placed beyond the screen's edges unless a scrolling container
  above it can bring it into view ("geometry");
- a widget of the screen shown has the focus, a live one (after the language switch it was none:
  the next keys went nowhere) ("focus").

With a dialog open, the summary and title are still the main screen's (it stays live under the
dialog, and the dialog must not change them behind the user's back); the geometry is checked on the
dialog, the screen the user sees. A key that makes the app quit cleanly (the palette's quit
command on an unchanged plan) ends the run as a pass.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from textual.errors import NoWidget
from textual.geometry import Region
from textual.widget import Widget

from naccs_tui.domain.company import Company
from naccs_tui.domain.company_quote import company_quote
from naccs_tui.domain.document import load_document
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.tariffs import Tariffs
from naccs_tui.i18n import set_lang, t
from naccs_tui.render.labels import yen
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.panes.summary import SummaryBar

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
SIZES = ((80, 24), (160, 50))
LANGS = ("ja", "en")

KEYS: dict[str, int] = {
    **dict.fromkeys(("left", "right", "up", "down"), 4),  # moving about, stepping sliders
    "tab": 8,  # from the tab bar into the controls
    **dict.fromkeys(("enter", "space"), 3),  # pick a choice, press a button
    "shift+tab": 2,
    "escape": 4,  # out of a dialog again (one key in sixteen)
    **dict.fromkeys((f"f{n}" for n in range(1, 7)), 1),
    **dict.fromkeys(("ctrl+s", "ctrl+o", "ctrl+e", "ctrl+p"), 1),
    **dict.fromkeys("1234567890", 1),  # the tabs, or digits in a number field
    **dict.fromkeys("argnpd", 1),  # the office navigator's keys (screens/offices.py)
    **dict.fromkeys(("backspace", "home", "end", "pageup", "pagedown"), 1),
}
"""What the monkey presses, and how often relative to each other: the moving keys most (they
also edit: a slider steps, a radio choice moves), dialogs about one key in nine, Escape often
enough to leave them. Not Ctrl+Q / Ctrl+C: quitting ends the run and is not the app's fault."""

QUIET_TIMEOUT = 20.0
"""Seconds a key may take before the app counts as hung (generous: CI machines are slow)."""


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def env_seeds(name: str, default: str) -> list[int]:
    """Seeds from ``"1,2,5"`` or ``"1-20"`` (or both: ``"1-3,9"``)."""
    seeds: list[int] = []
    for part in (os.environ.get(name) or default).split(","):
        first, _, last = part.strip().partition("-")
        seeds += range(int(first), int(last or first) + 1)
    return seeds


def random_keys(seed: int, example: Path, size: tuple[int, int], lang: str, count: int) -> list[str]:
    """The same keys for the same seed and run on every machine (a str seed is hashed with
    SHA-512, not with Python's per-process hash)."""
    rng = random.Random(f"{seed}:{example.name}:{size[0]}x{size[1]}:{lang}")
    return rng.choices(list(KEYS), weights=list(KEYS.values()), k=count)


# ---- the app's state, read in one place ------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """What the invariants need from the app."""

    company: Company
    unit: tuple[int, str]
    tax: bool
    path: Path | None
    sub_title: str
    tariffs: Tariffs


def app_state(app) -> Seen:
    """The app's state as the invariants read it: the one place to adapt when the app's state
    moves (e.g. into one model object)."""
    return Seen(app.company, app.unit, app.tax, app.path, app.sub_title, app.tariffs)


# ---- invariants --------------------------------------------------------------------------------


class Broken(AssertionError):
    """An invariant does not hold; ``kind`` names which one (a shrunk list must break the same)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind


def expected_plans(seen: Seen) -> tuple[int, int]:
    """Plan A and Plan B monthly of what the summary bar is about, through the company engine:
    the company on all A / all B when it is one unit (its options included), else the selected
    unit's own quote (its office's options are the company's)."""
    cq = company_quote(seen.company, seen.tariffs)
    if len(cq.units) == 1:
        return cq.monthly("A", seen.tax), cq.monthly("B", seen.tax)
    unit = next(u for u in cq.units if (u.office, u.kind) == seen.unit)
    return unit.quote.monthly("A", seen.tax), unit.quote.monthly("B", seen.tax)


def check_summary(app, seen: Seen) -> None:
    bar = app.screen_stack[0].query_one(SummaryBar)
    lines = bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))
    first = lines[0].text if lines else ""
    a, b = (yen(n) for n in expected_plans(seen))
    at_a = first.find(a)
    if at_a < 0 or first.find(b, at_a + len(a)) < 0:
        raise Broken("summary", f"expected Plan A {a} then Plan B {b} (tax {seen.tax}), the bar shows {first!r}")


_disk: dict[tuple[Path, int, int], Company | None] = {}


def on_disk(path: Path, tariffs: Tariffs) -> Company | None:
    """The plan the file holds now (None: it cannot be read as one)."""
    stat = path.stat()
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    if key not in _disk:
        try:
            company = load_document(path, tariffs)
        except InputError:
            company = None
        _disk[key] = company
    return _disk[key]


def check_title(seen: Seen) -> None:
    if seen.path is None or not seen.path.is_file():
        return  # no file to differ from (the app starts every run from an existing file)
    disk = on_disk(seen.path, seen.tariffs)
    dirty = disk != seen.company
    expected = t("file.dirty", name=seen.path.name) if dirty else seen.path.name
    if seen.sub_title != expected:
        raise Broken(
            "title",
            f"the plan {'differs from' if dirty else 'equals'} {seen.path.name} on disk, "
            f"so the title should read {expected!r}; it reads {seen.sub_title!r}",
        )


def scrolls_into_view(widget: Widget) -> bool:
    """A container above ``widget`` scrolls, so the user can bring it into view."""
    return any(
        isinstance(node, Widget) and (node.max_scroll_x > 0 or node.max_scroll_y > 0) for node in widget.ancestors
    )


def check_geometry(app) -> None:
    screen = app.screen
    area = Region(0, 0, *app.size)
    for widget in screen.walk_children(Widget):
        try:
            region = screen.find_widget(widget).region
        except NoWidget:
            continue  # not displayed
        if region.area and not area.contains_region(region) and not scrolls_into_view(widget):
            raise Broken("geometry", f"{widget!r} on {screen!r} is at {region}, outside the {area.size} screen")


def check_focus(app) -> None:
    focused = app.focused
    if focused is None or not focused.is_attached or focused.screen is not app.screen:
        where = (
            "nothing" if focused is None else f"{focused!r} on {focused.screen if focused.is_attached else 'no screen'}"
        )
        raise Broken("focus", f"{app.screen!r} is shown and the focus is on {where}")


def check(app) -> None:
    seen = app_state(app)
    check_summary(app, seen)
    check_title(seen)
    check_geometry(app)
    check_focus(app)


# ---- driving the app -----------------------------------------------------------------------


def quiet(app) -> bool:
    """Nothing is left to do: every message of the app, of each screen and of every widget
    handled, no layout or after-refresh callback pending. (Reads Textual internals: textual is
    pinned in pyproject.toml.)"""
    if not app._message_queue.empty():
        return False
    for screen in app.screen_stack:
        if screen._layout_required or screen._scroll_required or screen._recompose_required or screen._callbacks:
            return False
        for node in screen.walk_children(with_self=True):
            if not node._message_queue.empty() or node._layout_required:
                return False
    return True


async def handled(app, deadline: float) -> None:
    """Every node of the app has handled what was queued to it before now, the handler it was in
    included (a callback queued to each node runs after those)."""
    nodes = [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]
    left = [0]

    def done() -> None:
        left[0] -= 1

    for node in nodes:
        if node.call_later(done):
            left[0] += 1
    while left[0] > 0 and app.is_running:
        if time.monotonic() > deadline:
            raise Broken("hang", f"the app was still busy {QUIET_TIMEOUT:g} s after the key")
        await asyncio.sleep(0.001)


async def settle(app) -> None:
    """Wait until the app is quiet (and its screen laid out and refreshed) or has ended."""
    deadline = time.monotonic() + QUIET_TIMEOUT
    while app.is_running:
        await handled(app, deadline)
        if quiet(app):
            return
        await asyncio.sleep(0.001)


CHARACTERS = {"space": " "}


async def press(app, key: str) -> None:
    """The key as the terminal sends it: one Key event to the app, no waiting (``pilot.press``
    waits for the process to look idle, which on a loaded machine takes up to a second a key)."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
    app.post_message(event.set_sender(app))


@dataclass(frozen=True)
class Failure:
    kind: str  # "crash", "hang", or the invariant's name
    at: int  # index of the key after which it was seen (len(keys): at the end)
    message: str

    @property
    def signature(self) -> str:
        return self.kind if self.kind != "crash" else f"crash:{self.message.split(':')[0]}"


_runs = iter(range(1_000_000_000))


async def run_keys(
    example: Path, size: tuple[int, int], lang: str, keys: list[str], tally: Counter[str] | None = None
) -> Failure | None:
    """Press ``keys`` on the app opened on a fresh copy of ``example`` (in a fresh folder, made the
    working folder); the first failure, or None. ``tally`` counts what the keys did: keys pressed,
    edits of the plan, language switches, and each kind of screen shown after a key."""
    folder = Path.cwd().resolve() / f"run-{next(_runs)}"
    while folder.exists():
        folder = folder.with_name(f"run-{next(_runs)}")
    folder.mkdir()
    os.chdir(folder)
    shutil.copy(example, folder / example.name)
    set_lang(lang)
    app = build_app(SimpleNamespace(file=example.name, lang=lang, tariffs=None))
    app.open_url = lambda url, new_tab=True: None  # Enter on a link: no browser
    failure: Failure | None = None
    tally = Counter() if tally is None else tally
    n = 0
    try:
        async with app.run_test(size=size):
            for n, key in enumerate(keys):
                before = (app_state(app).company, app.lang)
                await press(app, key)
                await settle(app)
                if not app.is_running:
                    tally["quit"] += 1
                    break  # quit cleanly (a crash is raised when run_test ends)
                tally.update(["keys", f"screen {type(app.screen).__name__}", f"focus {type(app.focused).__name__}"])
                tally["edits"] += app_state(app).company != before[0]
                tally["language switches"] += app.lang != before[1]
                try:
                    check(app)
                except Broken as exc:
                    failure = Failure(exc.kind, n, str(exc))
                    break
    except Broken as exc:
        failure = Failure(exc.kind, n, str(exc))
    except Exception as exc:  # the app's own exception, raised by run_test when it ends
        failure = Failure("crash", n, f"{type(exc).__name__}: {exc}")
    finally:
        os.chdir(folder.parent)
        set_lang("ja")
    return failure


async def shrink(keys: list[str], fails: Callable[[list[str]], Awaitable[bool]], seconds: float = 180.0) -> list[str]:
    """Delta debugging (ddmin): the shortest sub-list of ``keys`` found for which ``fails`` holds,
    trying chunks then their complements, halving the chunk size; for at most ``seconds`` (each
    try starts the app anew), then the shortest found so far."""
    deadline = time.monotonic() + seconds
    parts = 2
    while len(keys) >= 2 and time.monotonic() < deadline:
        size = -(-len(keys) // parts)
        chunks = [keys[i : i + size] for i in range(0, len(keys), size)]
        for i, chunk in enumerate(chunks):
            if time.monotonic() > deadline:
                return keys
            if await fails(chunk):
                keys, parts = chunk, 2
                break
            rest = [k for j, c in enumerate(chunks) if j != i for k in c]
            if parts > 2 and await fails(rest):
                keys, parts = rest, max(parts - 1, 2)
                break
        else:
            if parts >= len(keys):
                break
            parts = min(len(keys), parts * 2)
    return keys


async def reproduce(example: Path, size: tuple[int, int], lang: str, keys: list[str], failure: Failure) -> str:
    """The failure's report: the run, then the shortest key list that still fails the same way."""

    async def fails(candidate: list[str]) -> bool:
        again = await run_keys(example, size, lang, candidate)
        return again is not None and again.signature == failure.signature

    start = time.monotonic()
    prefix = keys[: failure.at + 1]
    seconds = float(os.environ.get("NACCS_MONKEY_SHRINK_SECONDS") or 180)
    short = await shrink(prefix, fails, seconds) if await fails(prefix) else prefix
    return (
        f"{failure.kind} after key {failure.at + 1} of {len(keys)} on {example.name} at {size[0]}x{size[1]} "
        f"in {lang}: {failure.message}\n"
        f"shortest failing keys found ({len(short)}, shrunk in {time.monotonic() - start:.0f} s): {short!r}\n"
        f"reproduce: await run_keys(EXAMPLES[{EXAMPLES.index(example)}], {size!r}, {lang!r}, {short!r})"
    )
