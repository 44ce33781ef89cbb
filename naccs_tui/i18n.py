"""The ja/en catalog: every string a user sees comes from naccs_tui/locale/*.toml.

Each catalog file holds a ``[ja]`` and an ``[en]`` table of flat dotted keys. Files are split by
area (core, tui, schedule, ...) so that each part of the app owns its own strings.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

LANGS = ("ja", "en")
_LOCALE = Path(__file__).resolve().parent / "locale"
_state = {"lang": "ja"}


def set_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (choose ja or en)")
    _state["lang"] = lang


def get_lang() -> str:
    return _state["lang"]


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, str]]:
    """All catalog files merged: {lang: {key: text}}. A key defined twice is an error."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for path in sorted(_LOCALE.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for lang in LANGS:
            for key, text in _flatten(data.get(lang, {})).items():
                if key in merged[lang]:
                    raise ValueError(f"{path.name}: {lang}.{key} is defined twice")
                merged[lang][key] = text
    return merged


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, full + "."))
        else:
            out[full] = str(value)
    return out


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The text of ``key`` in ``lang`` (default: the current language), formatted with params."""
    table = catalogs()[lang or _state["lang"]]
    text = table.get(key)
    if text is None:
        return key
    return text.format(**params) if params else text
