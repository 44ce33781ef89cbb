"""The catalog: both languages hold the same keys; placeholders agree."""

from __future__ import annotations

import string

from naccs_tui.i18n import catalogs, t


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_ja_and_en_have_the_same_keys_and_placeholders():
    c = catalogs()
    assert set(c["ja"]) == set(c["en"])
    for key, text in c["ja"].items():
        assert _fields(text) == _fields(c["en"][key]), key


def test_japanese_is_the_default():
    assert t("plan.A") == "プランA"
    assert t("plan.A", "en") == "Plan A"


def test_every_input_error_raised_has_a_code_the_catalog_says():
    """Every ``InputError(...)`` in the package carries a code (or a reason already from the
    catalog, ``t(...)``), and every code written out has its sentence in both languages."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "naccs_tui"
    known = catalogs()["ja"]
    uncoded, unknown = [], []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            where = f"{path.relative_to(root)}:{node.lineno}"
            literal = None
            if node.func.id == "InputError":
                reason = node.args[2] if len(node.args) > 2 else None
                from_catalog = isinstance(reason, ast.Call) and getattr(reason.func, "id", "") == "t"
                keywords = {k.arg for k in node.keywords}
                if not ({"code", None} & keywords or from_catalog):  # None: **coded
                    uncoded.append(where)
                literal = next((k.value for k in node.keywords if k.arg == "code"), None)
            elif node.func.id in ("problem", "_error", "Conflict"):
                literal = node.args[{"problem": 0, "_error": 4, "Conflict": 2}[node.func.id]]
            if isinstance(literal, ast.Constant) and f"err.{literal.value}" not in known:
                unknown.append(f"{where}: {literal.value}")
    assert uncoded == [] and unknown == []
