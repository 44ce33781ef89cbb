"""The Japanese holidays kept in the cache folder: the library's own, per version and span of years.

Known days (Cabinet Office calendar): 2020 moved Marine Day and Sports Day to 07-23/07-24 for the
Olympics; 2026-09-22 is a "citizens' holiday" between Respect for the Aged Day (09-21) and the
Autumnal Equinox (09-23); 2027-01-11 is Coming of Age Day.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import holidays
import pytest

from naccs_tui.domain import holiday_cache, schedule
from naccs_tui.domain.holiday_cache import cache_dir, holidays_version
from naccs_tui.domain.schedule import holiday_name, is_business_day

YEARS = (2019, 2020, 2026, 2027, 2039, 2040)  # across the 2000-2019 / 2020-2039 / 2040-2059 files


def _forget() -> None:
    for cached in (holiday_cache.holiday_block, schedule._holiday_names, schedule._holidays):
        cached.cache_clear()


@pytest.fixture(autouse=True)
def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    _forget()
    yield
    _forget()


def _library(year: int, lang: str) -> dict[date, str]:
    return dict(holidays.country_holidays("JP", years=year, language="en_US" if lang == "en" else "ja"))


def _ours(year: int, lang: str) -> dict[date, str]:
    return schedule._holiday_names(year, lang)


def _cache_files(tmp_path):
    return sorted(p.name for p in (tmp_path / "xdg-cache" / "naccs-tui").glob("*"))


def test_known_days():
    assert holiday_name(date(2020, 7, 23)) == "海の日" and holiday_name(date(2020, 7, 24)) == "スポーツの日"
    assert holiday_name(date(2026, 9, 22)) == "国民の休日"
    assert holiday_name(date(2027, 1, 11), "en") == "Coming of Age Day"
    assert not is_business_day(date(2026, 9, 22)) and is_business_day(date(2026, 9, 24))


def test_the_version_is_read_without_importing_the_library():
    assert holidays_version() == holidays.__version__


def test_cached_holidays_equal_the_library(monkeypatch, tmp_path):
    computed = {(y, lang): _ours(y, lang) for y in YEARS for lang in ("ja", "en")}
    v = holidays.__version__
    assert _cache_files(tmp_path) == sorted(
        f"holidays-jp-{v}-{a}-{b}.json" for a, b in ((2000, 2019), (2020, 2039), (2040, 2059))
    )
    _forget()
    monkeypatch.setitem(sys.modules, "holidays", None)  # an import of the library now fails
    for (year, lang), days in computed.items():
        assert _ours(year, lang) == days  # read back from the files
        assert len(days) >= 15
    monkeypatch.undo()
    for (year, lang), days in computed.items():
        assert days == _library(year, lang)


@pytest.mark.parametrize(
    "corrupt",
    [
        b"",
        b"\x00\xff not json",
        b"[" * 100_000,
        b"[]",
        b'{"format": 1}',
        None,  # a well-formed file whose names are not strings
        "other-version",  # a well-formed file written by another holidays version
    ],
)
def test_a_corrupt_cache_is_ignored_and_replaced(monkeypatch, tmp_path, corrupt):
    folder = tmp_path / "xdg-cache" / "naccs-tui"
    folder.mkdir(parents=True)
    path = folder / f"holidays-jp-{holidays.__version__}-2020-2039.json"
    if corrupt is None:
        doc = {"format": 1, "holidays": holidays.__version__, "years": [2020, 2039], "names": {"ja": {"2026-01-01": 1}}}
        path.write_text(json.dumps(doc), "utf-8")
    elif corrupt == "other-version":
        doc = {"format": 1, "holidays": "0.1", "years": [2020, 2039], "names": {"ja": {}, "en": {}}}
        path.write_text(json.dumps(doc), "utf-8")
    else:
        path.write_bytes(corrupt)
    assert _ours(2026, "ja") == _library(2026, "ja")
    assert _ours(2026, "en") == _library(2026, "en")
    doc = json.loads(path.read_text("utf-8"))  # replaced by a good copy
    assert (doc["holidays"], doc["years"]) == (holidays.__version__, [2020, 2039])
    assert doc["names"]["ja"]["2026-09-22"] == "国民の休日"


def test_a_cache_of_another_version_is_not_read(tmp_path):
    folder = tmp_path / "xdg-cache" / "naccs-tui"
    folder.mkdir(parents=True)
    old = {"format": 1, "holidays": "0.1", "years": [2020, 2039], "names": {"ja": {}, "en": {}}}
    (folder / "holidays-jp-0.1-2020-2039.json").write_text(json.dumps(old), "utf-8")
    assert holiday_name(date(2026, 9, 22)) == "国民の休日"
    assert f"holidays-jp-{holidays.__version__}-2020-2039.json" in _cache_files(tmp_path)


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path):
    # platformdirs gives the folder; on Linux (and macOS) it follows $XDG_CACHE_HOME
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "xdg-cache" / "naccs-tui"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # not absolute: ignored, as XDG says
    assert cache_dir() == tmp_path / "home" / ".cache" / "naccs-tui"
    assert holiday_name(date(2027, 1, 11)) == "成人の日"
    written = list((tmp_path / "home" / ".cache" / "naccs-tui").glob("holidays-jp-*-2020-2039.json"))
    assert len(written) == 1 and not (tmp_path / "relative").exists()  # nothing in the working folder
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == tmp_path / "home" / ".cache" / "naccs-tui"


def test_an_unwritable_cache_costs_time_not_an_error(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # naccs-tui/ cannot be made inside a file
    assert _ours(2026, "ja") == _library(2026, "ja")
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_warm_cache_spares_the_quote_the_library(tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'schema = 1\n[line]\nkind = "dedicated"\nspeed = "1M"\n[usage]\nmethod = "interactive"\n'
        "[schedule]\napplied = 2026-12-01\n",
        "utf-8",
    )
    code = (
        "import json, sys; from naccs_tui.cli import main; main(['quote', sys.argv[1], '--format', 'json']);"
        "print('holidays' in sys.modules, file=sys.stderr)"
    )
    runs = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", code, str(plan)], capture_output=True, text=True, timeout=60, cwd=tmp_path
        )
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append((json.loads(out.stdout)["schedule"]["earliest_start"], out.stderr.strip()))
    # 50 business days after 2026-12-01 (see test_schedule): the same date, cold and warm
    assert runs == [("2027-02-17", "True"), ("2027-02-17", "False")]
