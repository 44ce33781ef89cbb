"""Contracts between the code and what it relies on: the catalog keys it asks for, and the cell
widths it lays text out with."""

from __future__ import annotations

import ast
import tomllib
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import naccs_tui
from naccs_tui.domain.costing import PLANS
from naccs_tui.domain.scenario import Line, Usage
from naccs_tui.domain.schedule import timeline
from naccs_tui.domain.tariffs import data_file
from naccs_tui.i18n import LANGS, catalogs
from naccs_tui.render.table import cell_width, char_width, pad

PACKAGE = Path(naccs_tui.__file__).resolve().parent
LOCALE = PACKAGE / "locale"


# ---- every t("...") key used in the code is in both catalogs ------------------------------------
def _catalog_names(tree: ast.Module) -> set[str]:
    """The names the catalog function ``t`` is bound to in a module (``from ..i18n import t``)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("i18n")
        for alias in node.names
        if alias.name == "t"
    }


def _keys(arg: ast.expr) -> Iterator[tuple[str, bool]]:
    """(key, whole) for each key a t() argument can be; whole=False: the static prefix of an
    f-string whose key is computed (f"method.{m}" -> "method.")."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        yield arg.value, True
    elif isinstance(arg, ast.IfExp):  # t("tax.included" if tax else "tax.excluded")
        yield from _keys(arg.body)
        yield from _keys(arg.orelse)
    elif isinstance(arg, ast.JoinedStr):
        prefix = ""
        for part in arg.values:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                yield prefix, False
                return
            prefix += part.value
        yield prefix, True


def _used_keys() -> list[tuple[str, str, bool]]:
    """(where, key, whole) for every literal key passed to t() in the package."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        names = _catalog_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.args:
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                out += [(where, key, whole) for key, whole in _keys(node.args[0])]
    return out


def test_every_key_the_code_uses_is_in_both_catalogs():
    used = _used_keys()
    whole = [u for u in used if u[2]]
    assert len(whole) > 300 and any(not u[2] for u in used)  # the scan really sees the code
    missing = []
    for lang in LANGS:
        keys = catalogs()[lang]
        for where, key, is_whole in used:
            found = key in keys if is_whole else any(k.startswith(key) for k in keys)
            if not found:
                missing.append(f"{where}: {lang} has no {key!r}" + ("" if is_whole else " (prefix)"))
    assert missing == []


def test_the_scan_reads_plain_f_string_and_conditional_keys():
    code = 'from .i18n import t as tr\ntr("a.b")\ntr(f"c.{x}.d")\ntr(f"e.f")\ntr("g" if x else "h")\nt("not.ours")\n'
    tree = ast.parse(code)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.func.id in _catalog_names(tree)]
    assert [k for c in calls for k in _keys(c.args[0])] == [
        ("a.b", True),
        ("c.", False),
        ("e.f", True),
        ("g", True),
        ("h", True),
    ]


# the keys the code builds from domain values (f"method.{m}"), for every value the domain allows
@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("kind.", typing.get_args(Line.model_fields["kind"].annotation)),
        ("medium.", typing.get_args(Line.model_fields["medium"].annotation)),
        ("router.", typing.get_args(Line.model_fields["router"].annotation)),
        ("maintenance.", typing.get_args(Line.model_fields["maintenance"].annotation)),
        ("method.", typing.get_args(Usage.model_fields["method"].annotation)),
        ("plan.", (*PLANS, "equal")),
        ("quote.rule.", (*PLANS, "depends")),
    ],
)
def test_keys_built_from_domain_values_exist(prefix, values):
    assert len(values) >= 2
    for lang in LANGS:
        assert [v for v in values if f"{prefix}{v}" not in catalogs()[lang]] == [], lang


def test_every_schedule_step_has_a_title_and_a_description(tariffs):
    for method in typing.get_args(Usage.model_fields["method"].annotation):
        for step in timeline(method, date(2026, 12, 1), tariffs.lead_time).steps:
            for lang in LANGS:
                assert f"step.{step.key}.title" in catalogs()[lang] and f"step.{step.key}.what" in catalogs()[lang]


# ---- each catalog file holds the same keys in ja and en -----------------------------------------
def _flat(table: dict, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for key, value in table.items():
        out |= _flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return out


@pytest.mark.parametrize("path", sorted(LOCALE.glob("*.toml")), ids=lambda p: p.name)
def test_each_catalog_file_has_the_same_keys_in_ja_and_en(path):
    data = tomllib.loads(path.read_text("utf-8"))
    assert set(data) == set(LANGS)
    ja, en = _flat(data["ja"]), _flat(data["en"])
    assert ja, path.name
    assert sorted(ja - en) == [] and sorted(en - ja) == []
    # (so the merged catalogs agree too; test_i18n checks that, and the placeholders, as well)


# ---- the CLI tables and the TUI columns count cells as Rich draws them ---------------------------
def test_cell_width_counts_wide_narrow_and_zero_width_characters():
    assert cell_width("Plan A") == 6 and cell_width("東京都") == 6 and cell_width("ＡＢ") == 4
    assert cell_width("ｶﾅ") == 2 and cell_width("¥1,200") == 6 and cell_width("") == 0
    assert cell_width("e\u0301") == 1 and cell_width("a\u200bb") == 2  # combining accent, zero-width space
    assert [char_width(c) for c in "aあ\u0301\x1b"] == [1, 2, 0, 0]
    assert pad("東京", 6) == "東京  " and pad("東京", 6, right=True) == "  東京" and pad("東京都", 2) == "東京都"


def test_cell_width_agrees_with_rich_on_every_character_the_app_shows():
    from rich.cells import cell_len, get_character_cell_size

    texts = [text for lang in LANGS for text in catalogs()[lang].values()]
    texts += [data_file(name).read_text("utf-8") for name in ("tariffs.toml", "offices.toml")]
    chars = {ch for text in texts for ch in text}
    assert len(chars) > 300  # kana, kanji, full-width forms, yen signs, box and arrow glyphs
    assert [ch for ch in sorted(chars) if char_width(ch) != get_character_cell_size(ch)] == []
    assert [t for t in texts if "\n" not in t and cell_width(t) != cell_len(t)] == []
