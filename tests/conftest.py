"""Shared test set-up: a fixed 'today', clean XDG folders, no NO_COLOR, Japanese by default.

The XDG folders are fresh per test, and platformdirs, which gives the app its cache folder (the
holidays) and data folder (recovery files), follows them on Linux and macOS: no test reads or
writes the user's own folders, and a recovery file one test leaves is not offered to another."""

from __future__ import annotations

import pytest

FIXED_TODAY = "2026-12-01"


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch, tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NACCS_TUI_TODAY", FIXED_TODAY)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("NACCS_TUI_LANG", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    from naccs_tui.i18n import set_lang

    set_lang("ja")
    yield
    set_lang("ja")


@pytest.fixture(scope="session")
def tariffs():
    from naccs_tui.domain.tariffs import data_file, load_tariffs

    return load_tariffs(data_file("tariffs.toml"))
