"""One measurement in a fresh interpreter; prints one JSON line. Run by benchmarks/run.py.

python benchmarks/child.py start naccs|bare        start to first full frame (headless)
python benchmarks/child.py mem naccs|bare          peak Python memory (tracemalloc) at that frame
python benchmarks/child.py step naccs|bare WxH N [FILE] [total|op]
                                                   N key steps, each: key posted -> screen repainted,
                                                   on FILE (default: a full scenario) with the total's
                                                   slider or an operation's (default: op, IDA's)
python benchmarks/child.py quote                   quote() of a full scenario (timeit)
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any import of textual or of the app
C0 = time.process_time()  # CPU time from the same point: less shaken by other work on the machine

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("NACCS_TUI_TODAY", "2026-12-01")
if "NACCS_TUI_BENCH_DATA" not in os.environ:  # the steps leave unsaved changes: their recovery file
    import atexit  # goes to a folder of this run, never to the user's (offered at their next start)
    import shutil
    import tempfile

    os.environ["NACCS_TUI_BENCH_DATA"] = os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="naccs-bench-")
    atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], True)


def full_scenario():
    """All operations with volumes, a redundant 10M dedicated line, interactive, 3 terminals."""
    from naccs_tui.domain.scenario import Line, Scenario, Usage
    from naccs_tui.domain.tariffs import load_tariffs

    tariffs = load_tariffs()
    volumes = {op.code: 100 * (i + 1) for i, op in enumerate(tariffs.operations)}
    s = Scenario(
        line=Line(
            kind="dedicated", speed="10M", router="redundant", maintenance="24x365", ping_monitoring=True, lines=2
        ),
        usage=Usage(method="interactive", terminals=3, user_codes=2, paid_statistics=True, bonded_storage=True),
        volumes=volumes,
    )
    return s, tariffs


def make_app(which: str, full: bool = False, file: str | None = None):
    if which == "bare":
        from bare import BareApp

        return BareApp()
    from naccs_tui.domain.company import from_scenario
    from naccs_tui.ui.app import NaccsApp

    if file:
        from naccs_tui.domain.document import load_document
        from naccs_tui.domain.tariffs import load_tariffs

        tariffs = load_tariffs()
        return NaccsApp(load_document(Path(file), tariffs), tariffs=tariffs, path=file)
    if full:
        s, tariffs = full_scenario()
        return NaccsApp(from_scenario(s), tariffs=tariffs)
    return NaccsApp()


def first_frame(which: str) -> dict:
    app = make_app(which)
    out: dict = {}

    async def pilot(p) -> None:
        loop = asyncio.get_running_loop()
        painted = loop.create_future()
        app.call_after_refresh(lambda: painted.set_result(time.perf_counter()))
        out["seconds"] = await painted - T0
        out["cpu_seconds"] = time.process_time() - C0
        out["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if "tracemalloc" in sys.modules:
            import tracemalloc

            out["peak_bytes"] = tracemalloc.get_traced_memory()[1]
        app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=pilot)
    return out


def steps(which: str, size: str, n: int, file: str | None = None, slider: str = "op") -> dict:
    """N steps, alternating right and left, after one untimed step to the right: the steps then go
    back and forth between two plans that both differ from the one opened, as the steps of a drag
    or of a held key do. (Without it every other step would come back to the opened plan and
    every step would change the title's unsaved mark, a redraw of the header that only the first
    step away from a saved plan, or the step back to it, costs. That first step is timed on its
    own as ``first_ms``.) ``cpu_ms``: the process's CPU time over each
    step, steadier than wall time on a busy machine; ``layouts``: screen layout refreshes during
    the timed steps (a step should need none: nothing on the screen changes size); ``renders``:
    widgets whose lines were rendered again, per step (median), and ``rendered``: which, by class,
    over all the timed steps; ``quotes``: calls of the engine's ``quote()`` per step (the most any
    step made: one per unit the step changed, issue 17), counted wherever a module calls it."""
    from collections import Counter

    from textual import events
    from textual.widget import Widget

    w, h = (int(x) for x in size.split("x"))
    app = make_app(which, full=True, file=file)
    rendered: Counter[str] = Counter()
    per_step: list[int] = []
    render_lines = Widget.render_lines

    def counting(self: Widget, crop: object) -> object:
        rendered[type(self).__name__] += 1
        return render_lines(self, crop)

    times: list[float] = []
    cpu: list[float] = []
    out: dict = {}
    quotes = [0]

    def count_quotes() -> None:
        """Count every call of costing.quote, under whichever name a module imported it."""
        import sys

        from naccs_tui.domain import costing

        real = costing.quote

        def counted(*args: object, **kwargs: object) -> object:
            quotes[0] += 1
            return real(*args, **kwargs)

        for name, module in list(sys.modules.items()):
            if name.startswith("naccs_tui") and getattr(module, "quote", None) is real:
                module.quote = counted

    async def main() -> None:
        loop = asyncio.get_running_loop()
        waiting: list[asyncio.Future] = []
        layouts = [0]

        def changed(*_: object) -> None:  # state changed: resolve after the next repaint
            fut = waiting[-1]
            app.call_after_refresh(lambda: fut.done() or fut.set_result((time.perf_counter(), time.process_time())))

        async def step(key: str) -> tuple[float, float]:
            waiting.append(loop.create_future())
            start, start_cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key(key, None))
            done, done_cpu = await asyncio.wait_for(waiting[-1], 5)
            await asyncio.sleep(0.01)  # let the cascade settle before the next step
            return (done - start) * 1000, (done_cpu - start_cpu) * 1000

        async with app.run_test(size=(w, h)) as pilot:
            if which == "naccs":
                app.set_focus(None)
                app.query_one("#tabs").active = "volumes"
                await pilot.pause()
                app.query_one("#master" if slider == "total" else "#op-IDA").slider.focus()
                app.watch(app, "quote", changed, init=False)
            else:
                app.on_change = changed
            await pilot.pause()
            out["first_ms"] = (await step("right"))[0]
            await asyncio.sleep(0.2)  # the title's redraw comes after the repaint
            app.screen.screen_layout_refresh_signal.subscribe(
                app, lambda _: layouts.__setitem__(0, layouts[0] + 1), immediate=True
            )
            Widget.render_lines = counting  # type: ignore[method-assign]
            if which == "naccs":
                count_quotes()
            quoted: list[int] = []
            for i in range(n):
                before, quotes_before = rendered.total(), quotes[0]
                wall, spent = await step("right" if i % 2 == 0 else "left")
                times.append(wall)
                cpu.append(spent)
                per_step.append(rendered.total() - before)
                quoted.append(quotes[0] - quotes_before)
            Widget.render_lines = render_lines  # type: ignore[method-assign]
            out["layouts"] = layouts[0]
            out["renders"] = sorted(per_step)[len(per_step) // 2]
            out["rendered"] = dict(rendered.most_common())
            if which == "naccs":
                out["quotes"] = max(quoted)

    asyncio.run(main())
    return {"ms": times, "cpu_ms": cpu, **out}


def quote_timing() -> dict:
    import timeit

    from naccs_tui.domain.costing import quote

    s, tariffs = full_scenario()
    timer = timeit.Timer(lambda: quote(s, tariffs))
    number, _ = timer.autorange()
    runs = [t / number * 1e6 for t in timer.repeat(repeat=7, number=number)]
    return {"us": runs}


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "mem":
        import tracemalloc

        tracemalloc.start()
        result = first_frame(sys.argv[2])
    elif mode == "start":
        result = first_frame(sys.argv[2])
    elif mode == "step":
        result = steps(sys.argv[2], sys.argv[3], int(sys.argv[4]), *sys.argv[5:7])
    else:
        result = quote_timing()
    print(json.dumps(result))
