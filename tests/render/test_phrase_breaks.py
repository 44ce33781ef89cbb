"""No word cut in a narrow column: the phrase rule (render/wrap.py, checked by phrase_rule.py) on
every Japanese text of the catalog at widths 20-160, the issue's examples, and the HTML report's
line breaks (render/phrases.py). The full sweep of every width: NACCS_TUI_SWEEP=1."""

from __future__ import annotations

import os
import re

import pytest
from phrase_rule import bad_breaks, breaks

from naccs_tui.i18n import catalogs, t
from naccs_tui.render.phrases import phrase_breaks
from naccs_tui.render.table import cell_width
from naccs_tui.render.wrap import wrap

FULL = os.environ.get("NACCS_TUI_SWEEP") == "1"
WIDTHS = range(20, 161) if FULL else (20, 23, 27, 33, 41, 52, 67, 80, 101, 123, 160)
"""A few widths in the default suite; every one from 20 to 160 with NACCS_TUI_SWEEP=1."""

# the texts the issue found cut, and the word each cut
EXAMPLES = [
    (t("step.setup.what", "ja", n=4), "NACCS掲示板"),
    ("NSSで利用申込。審査後、利用者ID・パスワード・認証コード・論理端末名をNSSで確認", "論理端末名"),
    ("3. 「プラン比較」でプランAとプランBの内訳・月額・初期費用・合計と損益分岐点を見ます", "損益分岐点"),
    ("この事業所には一般NACCSの単位がすでにあります（一般NACCSとnetNACCSは各1つ）", "一般NACCS"),
    ("期間中の休日 12-29～12-31 年末年始休業、01-01 元日、01-11 成人の日", "年末年始休業"),
    ("ルータ使用料（予備機あり・平日保守）", "平日保守"),
    ("無効：NACCS掲示板のお知らせ", "NACCS掲示板"),
]
URL = "https://bbs.naccscenter.com/naccs/dfw/web/qanda/docs-keiyaku/2014012300445/"


def filled(text: str) -> str:
    """A catalog text with plausible values for its fields (a name, a figure, a date)."""
    values = iter(["大阪支店", "1,234", "2026-12-15", "netNACCS", "専用線 1M", "東京都"] * 20)
    return re.sub(r"\{[^}]*\}", lambda _: next(values), text)


@pytest.mark.parametrize("text,word", EXAMPLES)
def test_the_issues_words_stay_whole(text, word):
    for width in range(max(20, cell_width(word)), 161):
        lines = wrap(text, width)
        assert any(word in line for line in lines), (width, lines)
        assert bad_breaks(text, width) == []


def test_a_url_breaks_only_after_a_slash():
    text = f"有利な料金プランの選択方法FAQ: NACCS掲示板 {URL}"
    start = text.index(URL)
    segments = [m.end() for m in re.finditer("/", URL)]
    for width in range(20, 161):
        lines = wrap(text, width)
        inside = [k - start for k in breaks(text, lines) if start < k < start + len(URL)]
        # every break in the URL right after a slash (its pieces are at most 14 characters)
        assert all(k in segments for k in inside), (width, lines)
        assert bad_breaks(text, width) == []


def test_every_japanese_catalog_text_keeps_its_words_whole():
    texts = [filled(text) for text in catalogs()["ja"].values()]
    bad = [b for width in WIDTHS for text in texts for b in bad_breaks(text, width)]
    assert bad == []


def test_the_html_report_breaks_between_phrases_only():
    html = "<body><p>大阪支店 プランA（自動） 一般NACCS 年末年始休業 ルータ使用料（予備機あり・平日保守）</p>"
    html += f'<p><a href="{URL}">{URL}</a></p><svg><text>大阪支店</text></svg></body>'
    out = phrase_breaks(html)
    assert "大阪支店</p>" not in out or "大阪支店" in out.replace("<wbr>", "")
    assert "大阪支<wbr>店" not in out and "（<wbr>" not in out and "<wbr>）" not in out
    assert "プランA<wbr>（自動）" in out
    assert '一<span class="nb">般N</span>ACCS' in out  # Chromium's own phrases would break there
    assert "予備機あり・<wbr>平日保守）" in out
    assert f'href="{URL}"' in out  # attributes as they were
    assert '<span class="nb">docs-keiyaku/</span><wbr><span class="nb">2014012300445/</span>' in out
    assert "<svg><text>大阪支店</text></svg>" in out  # the chart's text untouched
    assert re.sub(r"<wbr>|</?span[^>]*>", "", out) == html  # nothing else changed


def test_the_html_report_keeps_its_escaping():
    out = phrase_breaks("<p>&lt;script&gt;大阪&amp;支店&quot;</p>")
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
