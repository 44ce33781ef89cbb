"""Japan's public holidays, kept in the user's cache folder.

Computing them means importing the holidays library (~130 ms), so each span of CACHE_SPAN years is
kept in a file of the cache folder, one per library version; a cache that is missing, stale,
corrupt or unwritable is never an error: the holidays are computed.

Late imports: the holidays library loads only when no cached copy serves (start-up time).
"""

from __future__ import annotations

import json
import os
from datetime import date
from functools import lru_cache
from importlib.machinery import PathFinder
from pathlib import Path

from ..cache_dir import cache_dir as folder
from .errors import InputError
from .files import write_atomic

HOLIDAY_LANGS = {"ja": "ja", "en": "en_US"}  # our language -> the holidays library's
CACHE_SPAN = 20  # years per holiday cache file (a schedule rarely leaves one such block)
_CACHE_FORMAT = 1


def cache_dir() -> Path:
    """naccs-tui's cache folder (``naccs_tui.cache_dir``): on Linux $XDG_CACHE_HOME/naccs-tui (a
    relative one is ignored, as XDG says), by default ~/.cache/naccs-tui; ~/Library/Caches/naccs-tui
    on macOS; %LOCALAPPDATA%\\naccs-tui\\Cache on Windows."""
    return Path(folder())


def holidays_version() -> str | None:
    """The installed holidays library's version, read from its dist-info folder (no import).

    None when it cannot be told that way (no or several dist-info folders): the caller then
    imports the library and asks it.
    """
    spec = PathFinder.find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        found = [n for n in os.listdir(site) if n.startswith("holidays-") and n.endswith(".dist-info")]
    except OSError:
        return None
    return found[0].removeprefix("holidays-").removesuffix(".dist-info") if len(found) == 1 else None


@lru_cache(maxsize=16)
def holiday_block(first: int) -> dict[str, dict[date, str]]:
    """Japan's holidays in CACHE_SPAN years from ``first``, by language (ja, en): from the cache
    folder when a good copy is there, else from the library (and then kept there)."""
    years = range(first, min(first - first % CACHE_SPAN + CACHE_SPAN, 10_000))
    version = holidays_version()
    if version is not None:
        cached = _read_block(_block_path(version, years), version, years)
        if cached is not None:
            return cached
    import holidays

    names = {
        lang: dict(holidays.country_holidays("JP", years=years, language=code)) for lang, code in HOLIDAY_LANGS.items()
    }
    _write_block(_block_path(holidays.__version__, years), holidays.__version__, years, names)
    return names


def _block_path(version: str, years: range) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in ".+-_" else "_" for ch in version)
    return cache_dir() / f"holidays-jp-{safe}-{years.start}-{years.stop - 1}.json"


def _read_block(path: Path, version: str, years: range) -> dict[str, dict[date, str]] | None:
    try:
        doc = json.loads(path.read_bytes())
        if doc["format"] != _CACHE_FORMAT or doc["holidays"] != version or doc["years"] != [years[0], years[-1]]:
            return None
        out: dict[str, dict[date, str]] = {}
        for lang in HOLIDAY_LANGS:
            out[lang] = {date.fromisoformat(day): name for day, name in doc["names"][lang].items()}
            if not all(day.year in years and isinstance(name, str) for day, name in out[lang].items()):
                return None
        return out
    except Exception:  # missing, unreadable or corrupt (any shape, any depth): compute instead
        return None


def _write_block(path: Path, version: str, years: range, names: dict[str, dict[date, str]]) -> None:
    doc = {
        "format": _CACHE_FORMAT,
        "holidays": version,
        "years": [years[0], years[-1]],
        "names": {
            lang: {day.isoformat(): name for day, name in sorted(by_day.items())} for lang, by_day in names.items()
        },
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"), overwrite=True)
    except (OSError, ValueError, InputError):  # an unwritable cache only costs time
        pass
