"""The phrase rule, checked from outside: where ``wrap`` broke a text, and whether each break is
one a reader accepts.

A break is fine between two phrases (BudouX's, joined where they would cut a word: render.wrap's
``_atoms``) and at a space. Inside a phrase it is fine only where the phrase is wider than the line
(then at the finer places ``_FINER`` gives: after the slashes of a URL, after 「・」「、」, before a
bracket, after kana; or anywhere in a piece still too wide), or where 禁則処理 moved a break by a
character or two (a line may not start with 「、」 or end with 「（」). Anything else cuts a word:
「無効：N / ACCS」, 「論 / 理端末名」, 「年 / 末年始休業」, a URL at a digit.
"""

from __future__ import annotations

from naccs_tui.render.table import cell_width
from naccs_tui.render.wrap import _FINER, NO_END, NO_START, _atoms, wrap

KINSOKU_REACH = 2
"""How many characters 禁則処理 may move a break from a phrase boundary."""


def breaks(text: str, lines: list[str]) -> list[int] | None:
    """The offsets in ``text`` (one paragraph) where ``lines`` begin, after the first; None when
    the lines are not the text's pieces in order. Spaces are not compared: a break drops the
    spaces at it, and 禁則処理 may move a character over them."""
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    solid = "".join(text[i] for i in kept)
    out, pos = [], 0
    for i, line in enumerate(lines):
        piece = "".join(line.split())
        if not piece:
            continue
        found = solid.find(piece, pos)
        if found < 0:
            return None
        if i:
            out.append(kept[found])
        pos = found + len(piece)
    return out


def _pieces(atom: str, width: int, level: int = 0) -> list[str]:
    """``atom`` in the finest pieces the wrap may break it into at ``width`` (see the module)."""
    if cell_width(atom) <= width or level >= len(_FINER):
        return [atom]
    return [q for p in _FINER[level].split(atom) if p for q in _pieces(p, width, level + 1)]


def allowed(paragraph: str, width: int) -> tuple[set[int], set[int]]:
    """(the offsets where a break is fine, the offsets inside pieces too wide for the line, where
    any break is)."""
    fine, anywhere, pos = {0}, set(), 0
    for atom in _atoms(paragraph):
        for piece in _pieces(atom, width):
            if cell_width(piece) > width:
                anywhere.update(range(pos + 1, pos + len(piece)))
            pos += len(piece)
            fine.add(pos)
    # 禁則処理 may move a break from a boundary it could not use: back by a character or two
    # (追い出し), or past the closing punctuation that starts the next phrase (it stays on the line)
    for b in list(fine):
        if b < len(paragraph) and (paragraph[b] in NO_START or (b and paragraph[b - 1] in NO_END)):
            back, moved = b, 0
            while back > 0 and moved < KINSOKU_REACH:  # characters, not the spaces between them
                back -= 1
                moved += not paragraph[back].isspace()
                fine.add(back)
            end = b
            while end < len(paragraph) and paragraph[end] in NO_START:
                end += 1
            fine.update(range(b, end + 1))
    return fine, anywhere


def bad_breaks(text: str, width: int) -> list[str]:
    """The breaks of ``wrap(text, width)`` that cut a word, each shown as 「…before / after…」."""
    out = []
    for paragraph in text.split("\n"):
        lines = wrap(paragraph, width)
        offsets = breaks(paragraph, lines)
        if offsets is None:
            out.append(f"not the text's pieces: {lines!r}")
            continue
        fine, anywhere = allowed(paragraph, width)
        for k in offsets:
            gap = k
            while gap > 0 and paragraph[gap - 1].isspace():  # the spaces dropped at the break
                gap -= 1
            if k in fine or gap in fine or k in anywhere:
                continue
            out.append(f"width {width}: 「{paragraph[max(0, k - 8) : k]} / {paragraph[k : k + 8]}」")
    return out
