"""The catalog kept in the cache folder: read from there while every catalog file is as it was,
read from the files (and kept again) when one changed, and never an error when the cache is
missing, damaged or cannot be written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from naccs_tui import i18n
from naccs_tui.cache_dir import cache_dir

LOCALE = Path(i18n.__file__).parent / "locale"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """The catalog forgotten, its files copied to a folder the test may change."""
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    monkeypatch.setattr(i18n, "_LOCALE", str(folder))
    monkeypatch.setattr(i18n, "_merged", None)
    return folder


def kept() -> Path:
    return Path(cache_dir()) / "catalog.marshal"


def test_a_second_start_reads_the_kept_catalog_without_toml():
    i18n.catalogs()  # this process: kept in the cache folder (fresh per test: conftest) if not yet
    code = "import sys; from naccs_tui.i18n import t; print(t('plan.A', 'en'), 'tomllib' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(i18n.__file__).parent.parent)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)  # keeps it
    assert kept().is_file()
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["Plan", "A", "False"]


def test_a_changed_file_is_read_again(fresh, monkeypatch):
    assert i18n.catalogs()["en"]["plan.A"] == "Plan A"
    assert kept().is_file()
    core = fresh / "core.toml"
    text = core.read_text("utf-8").replace('"plan.A" = "Plan A"', '"plan.A" = "Plan Alpha"')
    assert "Plan Alpha" in text
    core.write_text(text, "utf-8")
    os.utime(core, ns=(1, 1))  # another modification time even where the clock is coarse
    monkeypatch.setattr(i18n, "_merged", None)
    assert i18n.catalogs()["en"]["plan.A"] == "Plan Alpha"
    monkeypatch.setattr(i18n, "_merged", None)
    assert i18n.catalogs()["en"]["plan.A"] == "Plan Alpha"  # and kept so


@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\xe9\x03\x00\x00"])
def test_a_damaged_cache_is_read_past(fresh, monkeypatch, damage):
    kept().parent.mkdir(parents=True, exist_ok=True)
    kept().write_bytes(damage)
    assert i18n.catalogs()["ja"]["plan.A"] == "プランA"
    monkeypatch.setattr(i18n, "_merged", None)
    assert i18n.catalogs()["ja"]["plan.A"] == "プランA"  # the good copy written over it


def test_an_unwritable_cache_costs_time_not_an_error(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert i18n.catalogs()["en"]["plan.B"] == "Plan B"
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_key_defined_twice_is_still_an_error(fresh):
    (fresh / "zz-twice.toml").write_text('[ja]\n"plan.A" = "x"\n[en]\n"plan.A" = "x"\n', "utf-8")
    with pytest.raises(ValueError, match=r"zz-twice.toml: ja.plan.A is defined twice"):
        i18n.catalogs()


@pytest.mark.parametrize("xdg", [None, "", "  ", "relative/cache", "/abs/cache"])
def test_the_cache_folder_is_the_one_platformdirs_gives(monkeypatch, tmp_path, xdg):
    from platformdirs import user_cache_dir

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == user_cache_dir("naccs-tui", appauthor=False)


def test_the_cache_folder_on_macos_and_windows(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cache_dir() == str(tmp_path / "home" / "Library" / "Caches" / "naccs-tui")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert cache_dir() == os.path.join(str(tmp_path / "Local"), "naccs-tui", "Cache")
