"""The ja/en catalog: every string a user sees comes from naccs_tui/locale/*.toml.

Each catalog file holds a ``[ja]`` and an ``[en]`` table of flat dotted keys. Files are split by
area (core, tui, schedule, ...) so that each part of the app owns its own strings.

Reading the TOML files costs about 15 ms on every start (``--help`` included); the merged
catalog is therefore kept in the cache folder (``naccs_tui.cache_dir``) as one marshal file,
stamped with each file's name, size and modification time, and read from there (under a
millisecond) while the stamp matches. A missing, stale, damaged or unwritable cache is never an
error: the files are read.

Late imports: tomllib loads only when the catalog files are read, and tempfile only when the cache
is written; a start that finds a good cache needs neither (start-up time).
"""

from __future__ import annotations

import marshal
import os

from .cache_dir import cache_dir

LANGS = ("ja", "en")
_LOCALE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
_CACHE_NAME = "catalog.marshal"
_CACHE_FORMAT = 1
_state = {"lang": "ja"}
_merged: dict[str, dict[str, str]] | None = None


def set_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (choose ja or en)")
    _state["lang"] = lang


def get_lang() -> str:
    return _state["lang"]


def catalogs() -> dict[str, dict[str, str]]:
    """All catalog files merged: {lang: {key: text}}. A key defined twice is an error."""
    global _merged
    if _merged is None:
        stamp = _stamp()
        cached = _read_cache(stamp)
        _merged = cached if cached is not None else _parse(stamp)
        if cached is None:
            _write_cache(stamp, _merged)
    return _merged


def _stamp() -> tuple[tuple[str, int, int], ...]:
    """Each catalog file's name, size and modification time (ns), in name order."""
    stamp = []
    for name in sorted(os.listdir(_LOCALE)):
        if name.endswith(".toml"):
            info = os.stat(os.path.join(_LOCALE, name))
            stamp.append((name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def _parse(stamp: tuple[tuple[str, int, int], ...]) -> dict[str, dict[str, str]]:
    import tomllib

    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for name, _, _ in stamp:
        with open(os.path.join(_LOCALE, name), "rb") as f:
            data = tomllib.loads(f.read().decode("utf-8"))
        for lang in LANGS:
            for key, text in _flatten(data.get(lang, {})).items():
                if key in merged[lang]:
                    raise ValueError(f"{name}: {lang}.{key} is defined twice")
                merged[lang][key] = text
    return merged


def _cache_path() -> str:
    return os.path.join(cache_dir(), _CACHE_NAME)


def _read_cache(stamp: tuple[tuple[str, int, int], ...]) -> dict[str, dict[str, str]] | None:
    try:
        with open(_cache_path(), "rb") as f:
            form, kept_stamp, merged = marshal.loads(f.read())
        if form != _CACHE_FORMAT or kept_stamp != stamp or set(merged) != set(LANGS):
            return None
        if not all(isinstance(k, str) and isinstance(v, str) for lang in LANGS for k, v in merged[lang].items()):
            return None
        return merged
    except Exception:  # missing, unreadable or damaged (any shape): read the files instead
        return None


def _write_cache(stamp: tuple[tuple[str, int, int], ...], merged: dict[str, dict[str, str]]) -> None:
    """Write the cache atomically (a temp file in the same folder, then replaced)."""
    import tempfile

    path = _cache_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".catalog-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps((_CACHE_FORMAT, stamp, merged)))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):  # an unwritable cache only costs time
        pass


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
    table = (_merged or catalogs())[lang or _state["lang"]]
    text = table.get(key)
    if text is None:
        return key
    return text.format(**params) if params else text
