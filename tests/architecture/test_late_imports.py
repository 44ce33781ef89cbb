"""Imports sit at the top of a module unless start-up time needs them late, and a module that keeps
some late says why once, in a ``Late imports:`` paragraph of its docstring.

Whether a late import could go to the top (its module is loaded on every path that loads this one
anyway) cannot be told from the source, so the start paths are held instead: importing the app and
drawing its first frame load none of the heavy modules that only a tab, a dialog or an export
needs. A careless top-level import of one of them fails here.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "naccs_tui"
MARK = "Late imports:"

PENDING: set[str] = set()
"""Modules exempt from the check while being rewritten (none)."""


def late_imports(source: str) -> list[int]:
    """The lines of the imports inside a function (at any depth) of a module's source."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines += [n.lineno for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    return sorted(set(lines))


def reason_problem(source: str) -> str | None:
    """What is wrong with the module's word on its late imports, or None: a module with late imports
    says why once, as a docstring paragraph that starts with ``Late imports:``; one without any
    does not carry the paragraph."""
    doc = ast.get_docstring(ast.parse(source)) or ""
    paragraphs = [p.strip() for p in doc.split("\n\n")]
    said = sum(p.startswith(MARK) for p in paragraphs)
    if not late_imports(source):
        return f"no late import, but a {MARK!r} paragraph" if MARK in doc else None
    if doc.count(MARK) > 1:
        return f"{MARK!r} said more than once"
    if said != 1:
        return f"late imports without a docstring paragraph starting with {MARK!r}"
    return None


def _modules() -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_with_late_imports_says_why_once():
    problems = {
        name: f"{problem} (lines {late_imports(source)})"
        for name, source in _modules().items()
        if name not in PENDING and (problem := reason_problem(source))
    }
    assert problems == {}


def test_the_check_sees_a_late_import_and_its_reason():
    late = "def f():\n    import json\n    return json\n"
    assert late_imports(late) == [2]
    assert late_imports('"""Doc."""\nimport json\n\nclass A:\n    def g(self):\n        from os import path\n') == [6]
    assert "without a docstring paragraph" in reason_problem('"""Doc."""\n' + late)
    assert "without a docstring paragraph" in reason_problem('"""Doc: Late imports: inside."""\n' + late)
    assert reason_problem('"""Doc.\n\nLate imports: json only for f (start-up time)."""\n' + late) is None
    twice = '"""Doc.\n\nLate imports: json.\n\nLate imports: again."""\n'
    assert "more than once" in reason_problem(twice + late)
    assert "no late import" in reason_problem('"""Doc.\n\nLate imports: none left."""\nimport json\n')
    assert reason_problem("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import json\n") is None


def test_the_pending_modules_exist():
    assert {name for name in PENDING if not (ROOT / name).is_file()} == set()


HEAVY = (
    "matplotlib",
    "numpy",
    "textual_plot",
    "holidays",
    "playwright",
    "textual_serve",
    "naccs_tui.commands",
    "naccs_tui.domain.schedule",
    "naccs_tui.render.html",
    "naccs_tui.render.company_html",
    "naccs_tui.render.svgchart",
    "naccs_tui.render.year_html",
    "naccs_tui.render.report",
    "naccs_tui.ui.panes.chart",
    "naccs_tui.ui.panes.schedule",
    "naccs_tui.ui.panes.year",
    "naccs_tui.ui.panes.contacts",
    "naccs_tui.ui.screens.compare",
    "naccs_tui.ui.screens.export",
    "naccs_tui.ui.screens.help",
    "naccs_tui.ui.screens.offices",
    "naccs_tui.ui.screens.recommend",
)
"""What the TUI's first frame (the setup tab, a terminal narrower than WIDE) does not need: the
chart (textual-plot, numpy), the calendar (Japan's holidays), the HTML report (matplotlib), the
other tabs and the dialogs, the browser server, the CLI's commands."""

FIRST_FRAME = f"""
import asyncio, json, sys, time, types
HEAVY = {HEAVY!r}
loaded = lambda: sorted(m for m in HEAVY if m in sys.modules)
import naccs_tui.ui.app
seen = {{"import": loaded() + sorted(m for m in ("argparse", "budoux") if m in sys.modules)}}
from naccs_tui.ui.launch import build_app
app = build_app(types.SimpleNamespace(file=sys.argv[1], lang="ja", tariffs=None, read_only=False, root=None))
async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        end = time.monotonic() + 30
        while not app.query("LinePane") and time.monotonic() < end:
            await pilot.pause(0.01)
        seen["drawn"] = bool(app.query("LinePane"))
        seen["frame"] = loaded()
asyncio.run(main())
print(json.dumps(seen))
"""


def test_the_app_and_its_first_frame_load_no_heavy_module(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = [sys.executable, "-c", FIRST_FRAME, str(ROOT / "examples" / "customs-broker.toml")]
    out = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.splitlines()[-1])
    assert seen == {"import": [], "drawn": True, "frame": []}
