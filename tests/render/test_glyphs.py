"""render/glyphs.py and commands/_streams.py: what a stream writes for a character its encoding
lacks, and how each format keeps its meaning."""

from __future__ import annotations

import codecs
import html
import io
import json
import unicodedata
from pathlib import Path

import pytest

from naccs_tui.commands import _streams
from naccs_tui.render import glyphs
from naccs_tui.render.glyphs import ERRORS, GLYPHS, for_format

PACKAGE = Path(__file__).resolve().parents[2] / "naccs_tui"


def enc(text: str, encoding: str) -> str:
    return text.encode(encoding, ERRORS).decode(encoding)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("✔ 安い", "cp932", "◎ 安い"),
        ("♦ プランA", "cp932", "◆ プランA"),
        ("168,370 ◀", "cp932", "168,370 ←"),
        ("a — b · c", "cp932", "a ― b ・ c"),
        ("−1,000", "ascii", "-1,000"),  # a figure keeps its sign
        ("¥1,000", "cp932", "￥1,000"),
        ("✔ cheaper", "ascii", "* cheaper"),
        ("3 × 5,000 ±0", "ascii", "3 x 5,000 +-0"),
        ("✔ × —", "cp1252", "* × —"),  # Western Windows has × and — but no ✔
        ("¥1,000", "ascii", "JPY 1,000"),
        ("円", "ascii", "\\u5186"),
        ("😀", "cp932", "\\U0001f600"),
    ],
)
def test_fallbacks_and_escapes(text, encoding, expected):
    assert enc(text, encoding) == expected


def test_an_escape_reads_back():
    assert codecs.decode(enc("見積 2,630 円", "ascii"), "unicode_escape") == "見積 2,630 円"


def test_a_wider_fallback_takes_the_place_of_padding_not_of_a_word_space():
    # ♦ is one cell, <> two: with padding after it the next column stays where it was
    assert enc("A ♦    B", "ascii") == "A <>   B"
    assert enc("♦ Plan A", "ascii") == "<> Plan A"  # one space: a word space, kept
    assert enc("x ♦\n", "ascii") == "x <>\n"
    assert enc("x ✔    y", "cp932") == "x ◎    y"  # ◎ is one cell like ✔ (ambiguous width: narrow)


def test_every_fallback_ends_in_ascii_and_differs_from_its_glyph():
    for ch, chain in GLYPHS.items():
        assert chain and chain[-1].isascii() and ch not in chain, ch


def test_every_mark_the_reports_print_has_a_cp932_or_ascii_fallback():
    """A symbol or punctuation mark in the catalogs or the renderers that cp932 lacks is in GLYPHS
    (Japanese letters are in cp932; wrap.py lists line-breaking rules, not output)."""
    sources = [*PACKAGE.glob("locale/*.toml"), *(p for p in PACKAGE.glob("render/*.py") if p.name != "wrap.py")]
    missing = set()
    for path in sources:
        for ch in set(path.read_text(encoding="utf-8")):
            mark = ord(ch) > 127 and unicodedata.category(ch)[0] in "SP"
            if mark and not glyphs.encodable(ch, "cp932") and ch not in GLYPHS:
                missing.add(f"{ch} in {path.name}")
    assert missing == set()


def test_json_escapes_what_the_encoding_lacks_and_stays_the_same_data():
    doc = {"verdict": "✔ 安いのは プランA", "note": "😀 ok", "amount": 168370}
    text = json.dumps(doc, ensure_ascii=False)
    cp932 = for_format(text, "json", "cp932")
    assert '"\\u2714 安いのは プランA"' in cp932 and "\\ud83d\\ude00" in cp932  # a UTF-16 surrogate pair
    assert json.loads(cp932) == doc == json.loads(for_format(text, "json", "ascii"))
    assert for_format(text, "json", "utf-8") == text


def test_html_in_another_encoding_is_ascii_with_references_and_css_escapes():
    page = '<html><head><meta charset="utf-8"><style>td::after { content: "✔"; }</style></head><body title="見積">✔ 安い</body></html>'
    out = for_format(page, "html", "cp932")
    assert out.isascii()
    assert 'content: "\\002714"' in out  # inside <style> a character reference is not read
    assert html.unescape(out.split("</style>")[1]) == html.unescape(page.split("</style>")[1])
    assert for_format(page, "html", "utf-8") == page


def _stream(encoding: str, newline: str = "\n") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline=newline)


def test_configure_sets_the_handler_and_skips_what_cannot_take_it():
    out = _stream("cp932")
    _streams.configure(out, io.StringIO(), None)
    assert out.errors == ERRORS
    out.write("✔\n")
    out.flush()
    assert out.buffer.getvalue() == "◎\n".encode("cp932")


def test_ics_is_utf8_with_its_own_crlf_on_a_windows_text_stream():
    out = _stream("cp932", newline="\r\n")  # a Windows text stream turns \n into \r\n
    _streams.write("BEGIN:VCALENDAR\r\nSUMMARY:申込\r\nEND:VCALENDAR\r\n", "ics", out)
    assert out.buffer.getvalue() == "BEGIN:VCALENDAR\r\nSUMMARY:申込\r\nEND:VCALENDAR\r\n".encode()


def test_csv_on_a_cp932_stream_is_cp932_for_excel():
    out = _stream("cp932", newline="\r\n")
    _streams.configure(out)
    _streams.write('項目,金額\n月額合計,"168,370 ✔"\n', "csv", out)
    assert out.buffer.getvalue().decode("cp932") == '項目,金額\r\n月額合計,"168,370 ◎"\r\n'


def test_streams_name_the_glyph_handler_as_glyphs_does():
    assert _streams.ERRORS == ERRORS


def test_a_stream_configured_before_glyphs_is_imported_still_gets_the_fallbacks():
    # configure() registers a stand-in until render.glyphs is imported: the first character the
    # encoding lacks imports it, and the fallback is glyphs' own (then every later one too)
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from naccs_tui.commands import _streams\n"
        "loaded = 'naccs_tui.render.glyphs' in sys.modules\n"
        "out = io.TextIOWrapper(io.BytesIO(), encoding='cp932', errors='strict')\n"
        "_streams.configure(out)\n"
        "out.write('✔ 円 ♦ ✔\\n'); out.flush()\n"
        "print(loaded, out.buffer.getvalue().decode('cp932') == '◎ 円 ◆ ◎\\n')\n"
        "out = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='strict')\n"
        "_streams.configure(out)\n"
        "out.write('✔ 円'); out.flush()\n"
        "print(out.buffer.getvalue().decode('ascii'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == ["False True", "* \\u5186"]
