"""The tests live in folders by the layer they drive; tests/ itself holds only shared helpers."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
LAYERS = {"domain", "render", "cli", "ui", "browser", "architecture"}


def test_every_test_module_is_in_a_layer_folder():
    stray = sorted(p.name for p in TESTS.glob("test_*.py"))
    assert not stray, f"tests/ holds test modules outside a layer folder: {stray}"
    folders = {p.parent.name for p in TESTS.rglob("test_*.py") if "__snapshots__" not in p.parts}
    assert folders <= LAYERS, f"test modules in folders that are not layers: {sorted(folders - LAYERS)}"
    assert folders == LAYERS, f"a layer folder has no tests: {sorted(LAYERS - folders)}"
