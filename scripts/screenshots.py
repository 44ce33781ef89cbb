"""Regenerate the README screenshots: ``python scripts/screenshots.py [NAME ...]`` (writes
screenshots/*.svg; only the NAMEs given, or all).

Each shot runs the real app headless at a fixed size, with an example file (the customs broker,
or the multi-office forwarder for the company view and the office/unit navigator), a fixed theme, no animation and a fixed "today", so that the same code gives the same pictures.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NACCS_TUI_TODAY", "2026-12-01")
os.environ.pop("NO_COLOR", None)

BROKER, COMPANY = "customs-broker.toml", "multi-office-forwarder.toml"

# (file name, language, size, tab to show, keys to press[, example file])
SHOTS: list[tuple] = [
    ("wide-ja-160x50", "ja", (160, 50), "volumes", []),
    ("setup-ja-80x24", "ja", (80, 24), "setup", []),
    ("volumes-ja-120x40", "ja", (120, 40), "volumes", []),
    ("plans-ja-120x40", "ja", (120, 40), "plans", []),
    ("chart-ja-120x40", "ja", (120, 40), "chart", []),
    ("schedule-ja-120x40", "ja", (120, 40), "schedule", []),
    ("contacts-ja-120x40", "ja", (120, 40), "contacts", []),
    ("help-ja-120x40", "ja", (120, 40), "setup", ["f1"]),
    ("setup-en-120x40", "en", (120, 40), "setup", []),
    ("plans-en-120x40", "en", (120, 40), "plans", []),
    ("help-en-120x40", "en", (120, 40), "setup", ["f1"]),
    ("company-ja-120x40", "ja", (120, 40), "plans", [], COMPANY),
    ("offices-ja-120x40", "ja", (120, 40), "setup", ["f4"], COMPANY),
]


async def shoot(
    name: str, lang: str, size: tuple[int, int], tab: str, keys: list[str], out: Path, file: str = BROKER
) -> None:
    from naccs_tui.domain.document import load_document
    from naccs_tui.domain.tariffs import data_file, load_tariffs
    from naccs_tui.ui.app import NaccsApp

    tariffs = load_tariffs(data_file("tariffs.toml"))
    example = ROOT / "examples" / file
    app = NaccsApp(load_document(example, tariffs), tariffs=tariffs, path=example, lang=lang)
    app.CURSOR_BLINK = False
    app.animation_level = "none"
    app.theme = "textual-dark"
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.query_one("#tabs").active = tab
        for _ in range(200):  # until the tab has drawn its content (at most ~10 s)
            await pilot.pause(0.05)
            if app.query(f"#{tab} > *"):
                break
        for key in keys:
            await pilot.press(key)
        await pilot.pause(1.0)  # the chart's plot and the layout settle
        app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    only = set(sys.argv[1:])  # names to regenerate (all when none is given)
    for name, lang, size, tab, keys, *file in SHOTS:
        if only and name not in only:
            continue
        asyncio.run(shoot(name, lang, size, tab, keys, out, *file))
        print(out / f"{name}.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
