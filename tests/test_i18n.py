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
