"""What to write when an output stream's encoding lacks a character (the one mapping).

Standard output and standard error carry the text in the stream's own encoding: UTF-8 on Linux,
macOS and in the Windows console, but the ANSI code page when the output is redirected to a file
or a pipe on Windows (cp932 on Japanese Windows, cp1252 on Western Windows), and ASCII under a
bare POSIX locale with UTF-8 coercion turned off. The codec error handler registered here as
``ERRORS`` writes, for a character the encoding cannot encode,

1. the first of its fallbacks in ``GLYPHS`` that the encoding has (✔ is ◎ in cp932, * in ASCII);
2. else a backslash escape of its code point, ``\\u5186`` for 円 (Python's notation: nothing is
   lost, and ``codecs.decode(text, "unicode_escape")`` reads it back).

Figures are ASCII (digits, commas, a minus sign) and are never replaced, so every amount reads
the same in every encoding. Widths are counted as the tables count them (render.table.cell_width:
an East-Asian ambiguous character such as ◎ or × takes one cell, as in Windows Terminal): a
fallback wider than its glyph (``<>`` for ♦) takes the place of as many padding spaces after it
when a space still follows, so the columns of a table still line up. An escape is not fitted in.

Formats with their own escapes keep their meaning instead (``for_format``): JSON escapes such a
character as ``\\uXXXX`` (the same data), HTML as ``&#x…;`` (the page declares UTF-8, so in any
other encoding it is written in ASCII). ICS is UTF-8 by its standard and written as UTF-8 bytes
(see commands/_streams.py).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from .table import cell_width, char_width

ERRORS = "naccs-glyphs"
"""The name of the codec error handler (``stream.reconfigure(errors=ERRORS)``)."""

GLYPHS: dict[str, tuple[str, ...]] = {
    # the marks of the reports (render/verdict.py, render/compare.py, the TUI's widgets)
    "✔": ("◎", "*"),  # the cheaper plan: ◎ (二重丸) is "the best" in Japanese documents
    "♦": ("◆", "<>"),  # the break-even
    "◀": ("←", "<"),  # compare: the cheaper plan's figure
    "▶": ("→", ">"),
    "◉": ("●", "*"),  # the chosen radio button
    "■": ("#",),  # an office's heading (cp932 has ■; ASCII does not)
    "░": ("□", "."),  # the year's month bars: the lighter part (cp932 has □, not the shade)
    "※": ("*",),
    # punctuation
    "—": ("―", "-"),  # em dash: cp932's dash is U+2015
    "–": ("-",),
    "−": ("-",),  # minus sign: a figure keeps its sign
    "·": ("・", "."),
    "…": ("...",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "×": ("x",),
    "±": ("+-",),
    "～": ("~",),
    "〜": ("～", "~"),  # wave dash: cp932 writes it as the full-width tilde
    "¥": ("￥", "JPY "),  # cp932 has only the full-width yen sign
}


@lru_cache(maxsize=1024)
def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1024)
def fallback(ch: str, encoding: str) -> str | None:
    """The first fallback of ``ch`` that ``encoding`` has, or None (then ``ch`` is escaped)."""
    return next((f for f in GLYPHS.get(ch, ()) if encodable(f, encoding)), None)


def escape(ch: str) -> str:
    """``\\uXXXX`` (``\\UXXXXXXXX`` beyond the Basic Multilingual Plane)."""
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _replace(exc: UnicodeError) -> tuple[str, int]:
    """The codec error handler: one character at a time, see the module's docstring."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text, start = exc.object, exc.start
    ch = text[start]
    end = start + 1
    shown = fallback(ch, exc.encoding)
    if shown is None:
        return escape(ch), end
    extra = cell_width(shown) - char_width(ch)
    if extra > 0 and text.startswith(" " * (extra + 1), end):
        end += extra  # padding after a wider fallback: the next column stays where it was
    return shown, end


codecs.register_error(ERRORS, _replace)


def is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def for_format(text: str, fmt: str, encoding: str) -> str:
    """``text`` of the output format ``fmt`` ready for a stream in ``encoding``: JSON and HTML
    with their own escapes where needed; other formats as they are (the stream's error handler
    takes care of them)."""
    if fmt == "json" and not encodable(text, encoding):
        return "".join(ch if encodable(ch, encoding) else _json_escape(ch) for ch in text)
    if fmt == "html" and not is_utf8(encoding):
        return html_ascii(text)
    return text


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"  # a UTF-16 surrogate pair


_STYLE = r"(<style\b[^>]*>.*?</style\s*>)"


def html_ascii(text: str) -> str:
    """The page in ASCII: a character reference for every other character, a CSS escape inside
    ``<style>`` (where character references are not read). The same page in any encoding that
    keeps ASCII, which is what its ``<meta charset="utf-8">`` then still describes."""
    parts = re.split(_STYLE, text, flags=re.S | re.I)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append("".join(ch if ch.isascii() else f"\\{ord(ch):06x}" for ch in part))
        else:
            out.append(part.encode("ascii", "xmlcharrefreplace").decode("ascii"))
    return "".join(out)
