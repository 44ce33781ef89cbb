"""Japanese line breaking: phrase boundaries (BudouX), 禁則処理, commands kept whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from naccs_tui.i18n import catalogs
from naccs_tui.render.table import cell_width
from naccs_tui.render.wrap import NO_END, NO_START, wrap

TRAITS = "お手持ちのインターネット接続を使います。新たな回線・端末は不要で、NACCSセンターへの回線料金はかかりません（netNACCS・WebNACCS用）。"
SAMPLE = "注意：業務の一覧と単価はサンプルです（正式な従量料金表ではありません）。正式な表を取り込んでください：naccs-tui rates import"


def test_phrases_not_characters():
    assert wrap(TRAITS, 40) == [
        "お手持ちのインターネット接続を使います。",
        "新たな回線・端末は不要で、",
        "NACCSセンターへの回線料金はかかりません",
        "（netNACCS・WebNACCS用）。",
    ]


def test_a_command_stays_whole():
    for width in range(30, 80):
        lines = wrap(SAMPLE, width)
        assert any("naccs-tui rates import" in line for line in lines), (width, lines)


def test_english_wraps_at_spaces():
    assert wrap("Plan B wins if volume falls by 189 (14.9%)", 20) == [
        "Plan B wins if",
        "volume falls by 189",
        "(14.9%)",
    ]


def _check(text: str, width: int) -> None:
    lines = wrap(text, width)
    for i, line in enumerate(lines):
        if cell_width(line) > width:  # only where kinsoku allows no break in the line (ぶら下げ)
            allowed = [k for k in range(1, len(line)) if line[k] not in NO_START and line[k - 1] not in NO_END]
            assert all(cell_width(line[:k]) > width for k in allowed), (width, line)
        if i and line:
            assert line[0] not in NO_START, (width, lines)
        if i < len(lines) - 1 and line:
            assert line[-1] not in NO_END, (width, lines)

    def spaceless(x: str) -> str:  # a space, or an ideographic space (　), is dropped at a break
        return x.replace(" ", "").replace("\u3000", "")

    assert spaceless("".join(lines)) == spaceless(text.replace("\n", ""))


def test_every_japanese_catalog_text_obeys_kinsoku():
    texts = [text for text in catalogs()["ja"].values() if "{" not in text]
    for width in (6, 9, 14, 20, 26, 33, 40, 52, 61, 76, 98, 120):
        for text in texts:
            _check(text, width)


@settings(max_examples=150, deadline=None, derandomize=True)  # the same examples on every run
@given(st.text(alphabet="あいうえおかっゃー、。（）「」ABC 12-漢字", max_size=60), st.integers(4, 40))
def test_random_text_obeys_kinsoku(text, width):
    _check(text, width)


def test_a_wrapped_text_is_the_callers_own_list():
    # wrap keeps what it computed (the panes wrap the same notes on every slider step): a caller
    # that changes the list it got changes nothing for the next caller
    first = wrap("回線料金は案内にある「一般接続」の場合です。", 10)
    kept = list(first)
    first.append("x")
    first[0] = "y"
    assert wrap("回線料金は案内にある「一般接続」の場合です。", 10) == kept
