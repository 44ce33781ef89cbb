"""Where the HTML report's lines may break: the same phrase rule as the terminal's (render.wrap).

A browser breaks Japanese between any two characters (「大阪支 / 店」, 「プランA（自 / 動）」 in a
narrow table cell of the printed report) and a URL at its hyphens. The page's CSS asks Chromium for
``word-break: auto-phrase`` (its own BudouX) and every other browser for ``keep-all``, which breaks
Japanese only where the page says it may: ``phrase_breaks`` puts a ``<wbr>`` between the phrases
that ``render.wrap`` keeps whole (BudouX's, joined where they would cut a word), after 「・」「、」
and before an opening bracket inside a long one, and keeps each piece of a URL between two slashes
whole (``<span class="nb">``, ``white-space: nowrap``) with a ``<wbr>`` after each slash. The head,
the inline SVG chart and the tags themselves are left as they are.
"""

from __future__ import annotations

import re
from html import escape, unescape

from .wrap import _CJK, NO_END, NO_START, _atoms, _glued, _parser

CSS = """
body { word-break: keep-all; overflow-wrap: break-word; line-break: strict; }
@supports (word-break: auto-phrase) { :lang(ja) { word-break: auto-phrase; } }
.nb { white-space: nowrap; }
"""
"""The rules the page adds to its style (see the module)."""

_MARKUP = re.compile(r"(<head\b.*?</head>|<svg\b.*?</svg>|<style\b.*?</style>|<[^>]*>)", re.S | re.I)
_URL = re.compile(r"(https?://[^\s<>\"'）)」、。]+)")
_INSIDE = re.compile(r"(?<=[・、，：；])(?=.)|(?<=.)(?=[（「『【［])")
"""Inside a phrase: after a list's dot or a comma, before an opening bracket."""


def _url(url: str) -> str:
    """A URL that breaks only after its slashes."""
    pieces = [p for p in re.split(r"(?<=/)(?!/)", url) if p]
    return "<wbr>".join(f'<span class="nb">{escape(p)}</span>' for p in pieces)


def _joints(line: str) -> set[int]:
    """The offsets k where BudouX would break ``line`` between line[k - 1] and line[k] but
    ``wrap`` keeps them together (``wrap._glued``: 一般NACCS, 年末年始), words in ASCII aside (a
    browser keeps those whole itself)."""
    out, k = set(), 0
    for piece in _parser().parse(line)[:-1]:
        k += len(piece)
        if _glued(line[k - 1], line[k]) and not (line[k - 1].isascii() and line[k].isascii()):
            out.add(k)
    return out


def _spans(joints: set[int]) -> list[tuple[int, int]]:
    """[start, end) of the runs of characters kept together: the two around each joint, merged."""
    out: list[tuple[int, int]] = []
    for k in sorted(joints):
        if out and k - 1 < out[-1][1]:
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k - 1, k + 1))
    return out


def _japanese(text: str) -> str:
    """Japanese text: ``<wbr>`` between its phrases (never after an opening bracket nor before
    closing punctuation), and the characters around a glued joint in a ``nb`` span, so that a
    browser that finds phrases itself (Chromium's ``auto-phrase``) does not break there."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [q for atom in _atoms(line) for q in _INSIDE.split(atom) if q] if line else []
        cuts = [0]
        for piece in pieces:
            cuts.append(cuts[-1] + len(piece))
        breaks = {
            cuts[k] for k in range(1, len(pieces)) if pieces[k - 1][-1] not in NO_END and pieces[k][0] not in NO_START
        }
        marks = {i: "<wbr>" for i in breaks}
        for start, end in _spans(_joints(line) if line else set()):
            marks[start] = marks.get(start, "") + '<span class="nb">'
            marks[end] = "</span>" + marks.get(end, "")
        html = "".join(marks.get(i, "") + escape(ch) for i, ch in enumerate(line))
        out.append(html + marks.get(len(line), "").replace("<wbr>", ""))
    return "\n".join(out)


def _text(escaped: str) -> str:
    """One text of the page (escaped), with its break opportunities."""
    raw = unescape(escaped)
    if not _CJK.search(raw) and "://" not in raw:
        return escaped
    out = []
    for i, part in enumerate(_URL.split(raw)):
        if i % 2:
            out.append(_url(part))
        elif _CJK.search(part):
            out.append(_japanese(part))
        else:
            out.append(escape(part))
    return "".join(out)


def phrase_breaks(doc: str) -> str:
    """``doc`` (a whole page) with the line breaks of the module in every text of its body."""
    return "".join(p if not p or p.startswith("<") else _text(p) for p in _MARKUP.split(doc))
