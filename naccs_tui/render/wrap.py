"""Line breaking that reads as Japanese: at phrase boundaries, with 禁則処理.

Japanese has no spaces between words, so a terminal breaks it anywhere: a line may start with
「、」「。」「）」 or a small kana, or split a command in two. ``wrap`` breaks Japanese at the phrase
boundaries BudouX finds (the model browsers use; Apache-2.0), never starts a line with closing
punctuation or a small kana, never ends one with an opening bracket, and keeps commands, codes,
numbers and URLs (runs of ASCII inside Japanese text) whole unless one is wider than the line.
English wraps at spaces as usual. Widths are terminal cells (render.table.cell_width).

Late imports: BudouX (its phrase model) loads on the first Japanese text to wrap; English help and
a quote in English do not need it (start-up time).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .table import cell_width, char_width

TYPE_CHECKING = False  # typing itself costs --help a few milliseconds; mypy reads this name as usual
if TYPE_CHECKING:
    from typing import Any

NO_START = frozenset(
    "、。，．,.)）]］}｝」』】〕〉》〙〗!！?？:：;；・ー～…‥%％ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ"
)
"""Characters a line must not start with (closing punctuation, small kana, prolonged sound mark)."""
NO_END = frozenset("(（[［{｛「『【〔〈《〘〖")
"""Characters a line must not end with (opening brackets)."""

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SPACE = re.compile(r"(\s+)")


@lru_cache(maxsize=1)
def _parser() -> Any:
    import budoux

    return budoux.load_default_japanese_parser()


_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u309f]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9\-_./:%@?=&#~+,]")
_ALNUM = re.compile(r"[A-Za-z0-9]")


def _glued(before: str, after: str) -> bool:
    """May a line not break between these two characters, although BudouX puts a phrase boundary
    there? Inside a run of ASCII (NACCS, 12-31, a URL), between a word in ASCII and the kanji or
    kana written against it (一般NACCS, プランA, 4営業日, NACCSと), and between two kanji (年末年始:
    BudouX cuts some compounds)."""
    if _ASCII_WORD.match(before) and _ASCII_WORD.match(after):
        return True
    if (_KANJI.match(before) or _KATAKANA.match(before)) and _ALNUM.match(after):
        return True
    if _ALNUM.match(before) and (_KANJI.match(after) or _KATAKANA.match(after) or _KANA.match(after)):
        return True
    return bool(_KANJI.match(before) and _KANJI.match(after))


def _glue(pieces: list[str]) -> tuple[str, ...]:
    """BudouX's phrases joined where a break would cut a word (``_glued``), or leave an opening
    bracket at the end of a line or closing punctuation at the start of one."""
    out: list[str] = []
    for piece in pieces:
        if (
            out
            and piece
            and out[-1]
            and (_glued(out[-1][-1], piece[0]) or out[-1][-1] in NO_END or piece[0] in NO_START)
        ):
            out[-1] += piece
        else:
            out.append(piece)
    return tuple(p for p in out if p)


@lru_cache(maxsize=512)
def _atoms(paragraph: str) -> tuple[str, ...]:
    """The unbreakable pieces of one paragraph; a piece of spaces is a break opportunity.

    Japanese: BudouX's phrases (it keeps 「NACCSセンターへの」 and a command such as
    「naccs-tui rates import」 whole), joined where its boundary would cut a word (``_glued``);
    English: words."""
    if not _CJK.search(paragraph):
        return tuple(p for p in _SPACE.split(paragraph) if p)
    return _glue([p for p in _parser().parse(paragraph) if p])


_FINER = (
    # after a list's dot, a comma or a colon; before an opening bracket (not right after one)
    re.compile(r"(?<=[・、，：；])|(?<![（「『【［])(?=[（「『【［])"),
    _SPACE,  # the words of a long command or sentence
    re.compile(r"(?<=/)(?!/)"),  # a URL or a path: after a slash only
    re.compile(r"(?<=[\u3040-\u309f])(?=[\u3400-\u9fff\u30a0-\u30ffA-Za-z0-9])"),  # after kana, before a word
)
"""Where a phrase wider than the line may break, tried in this order before its characters."""


def _split_long(atom: str, width: int, level: int = 0) -> list[str]:
    """A phrase wider than a line, broken where it reads best (``_FINER``): after 「・」「、」「：」
    or before a bracket, at its spaces, after the slashes of a URL, after kana before a word;
    what is still too wide is cut by characters later (``_hard``)."""
    if cell_width(atom) <= width or level >= len(_FINER):
        return [atom]
    pieces = [p for p in _FINER[level].split(atom) if p]
    return [q for p in pieces for q in _split_long(p, width, level + 1)]


def _hard(atom: str, width: int) -> list[str]:
    """An atom wider than a line, cut by characters: never before a NO_START character nor after
    a NO_END one (the break moves back); where no break is allowed, the punctuation hangs."""
    lines: list[str] = []
    cur = ""
    for ch in atom:
        if cur and cell_width(cur) + char_width(ch) > width:
            text = cur + ch
            cut = len(cur)
            while cut > 0 and (text[cut] in NO_START or text[cut - 1] in NO_END):
                cut -= 1
            if cut == 0:  # no allowed break in this line: hang the character on it
                cur = text
                continue
            lines.append(cur[:cut])
            cur = cur[cut:]
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (its own newlines kept)."""
    return list(_wrapped(text, max(1, width)))


@lru_cache(maxsize=4096)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    """``wrap``, kept: the panes wrap the same notes and labels again on every slider step."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if paragraph and cell_width(paragraph) <= width:  # fits: no phrases needed (nor BudouX)
            lines.append(paragraph.strip(" "))
            continue
        lines += [line.strip(" ") for line in _kinsoku(_wrap_paragraph(paragraph, width), width)]
    return tuple(lines)


def _kinsoku(lines: list[str], width: int) -> list[str]:
    """Push characters down (追い出し) until no line starts with a NO_START character or ends
    with a NO_END one. A line that grows too wide is broken again where its phrases allow (only
    with narrow lines). Where nothing can be pushed (a line of one character), the closing
    punctuation hangs at the end of that line (ぶら下げ)."""
    lines = list(lines)
    i = 1
    budget = 20 * (len(lines) + 5)  # each step moves a character down; a safety net all the same
    while i < len(lines) and budget > 0:
        budget -= 1
        prev, line = lines[i - 1].rstrip(" "), lines[i].lstrip(" ")  # spaces at a break are dropped
        lines[i - 1], lines[i] = prev, line
        if not line or not (line[0] in NO_START or (prev and prev[-1] in NO_END)):
            i += 1
            continue
        while line and len(prev) > 1 and (line[0] in NO_START or prev[-1] in NO_END):
            prev, line = prev[:-1], prev[-1] + line
            prev = prev.rstrip(" ")
        while line and line[0] in NO_START:  # nothing left to push: hang it
            prev, line = prev + line[0], line[1:].lstrip(" ")
        if prev and prev[-1] in NO_END:  # a lone opening bracket goes down with what it opens
            prev, line = "", prev + line
        if prev:
            lines[i - 1] = prev.rstrip(" ")
        else:
            del lines[i - 1]
            i -= 1
        if cell_width(line) <= width:
            lines[i : i + 1] = [line] if line else []
            i += 1
        else:  # the line grew too wide: broken again where its phrases allow (the lines after stay)
            lines[i : i + 1] = _wrap_paragraph(line, width)
        i = max(i, 1)
    return lines


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    cur: list[str] = []  # atoms on the current line (no leading spaces)

    def used() -> int:
        return cell_width("".join(cur))

    def push() -> None:
        while cur and cur[-1].isspace():
            cur.pop()
        if cur:
            lines.append("".join(cur))
        cur.clear()

    atoms = [piece for atom in _atoms(paragraph) for piece in _split_long(atom, width)]
    for atom in atoms:
        if atom.isspace():
            if cur:
                cur.append(atom)
            continue
        if used() + cell_width(atom) <= width:
            cur.append(atom)
            continue
        # the atom does not fit: it starts a new line; its closing punctuation stays on this
        # line if it fits there (else the kinsoku pass pushes a character down)
        head = ""
        while atom and atom[0] in NO_START:
            head, atom = head + atom[0], atom[1:]
        if head and used() + cell_width(head) <= width:
            cur.append(head)
            head = ""
        atom = head + atom
        if not atom:
            continue
        push()
        if cell_width(atom) <= width:
            cur.append(atom)
        else:
            *full, last = _hard(atom, width)
            lines.extend(full)
            cur.append(last)
    push()
    return lines or [""]
