"""Pieces of one printed line that a scan's layout cut apart, joined again for the metadata.

The page's words are grouped into lines by their bottoms; on a scan a word whose box reaches
lower (a descender, a tone mark of the line below caught in its box: "ĐỊNHố") or a line that
is not quite level leaves pieces of one printed line as lines of their own, at heights a few
points apart: "Chính phủ ban hành Nghị định" / "q⁄y định" / "chỉ tiết thi hành một số" /
"điều" / "của", or a title's "chỉ" set apart from "Quy định … tiết thi hành …". The letterhead,
the document type and the title are read line by line, so such pieces lose them.

Two pieces are one line when their heights overlap for most of the smaller one, no word of one
stands on a word of the other, and the nearer ends are at most a word's spacing apart (``GAP``
line heights): the two columns of a letterhead or a signature stand much further apart, so
they stay two lines. A piece with no letter or digit (a speck, a rule's remnant) is left as
it is. Only prose lines of OCR pages are joined; a text layer's lines are as printed.

A word at either end of a line that the page pass read unsure, that is no word (letters mixed
with digits or signs: "Ngy:O†1O112024."), and that stands further from the next word than the
line's words stand apart, is print from beside the line (a receipt stamp's box, a seal) and is
left out of the line's text.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from pipeline.geometry.text import nfc
from pipeline.models import BBox, Line, Word
from pipeline.ocr.lexicon import restore_tones

OVERLAP = 0.5  # share of the smaller piece's height the two pieces share
GAP = 1.5  # line heights between the nearer ends of two pieces of one line
MIN_WORDS_FOR_SPACING = 3  # words a line keeps to tell its spacing from a gap
WIDER = 1.8  # times the line's median spacing: a gap that sets a word apart
UNSURE = 50.0  # a word's confidence below which its reading is doubtful
TOUCH = 0.25  # of the narrower word's width: two boxes sharing less only touch
NEAR = 12  # lines back where a piece of the same printed line may stand


def joined_pieces(lines: list[Line]) -> list[Line]:
    """``lines`` with the pieces of each printed line of an OCR page joined, in place of the
    first piece, and edge noise left out (see the module's docstring)."""
    out: list[Line] = []
    for line in lines:
        at = len(out)
        while _joinable(line):  # a joined line may reach a piece it did not reach before
            index = _piece_before(out, line)
            if index is None:
                break
            line = _join(out.pop(index), line)
            at = min(at, index)  # the first piece's place
        out.insert(min(at, len(out)), line)
    return [_without_edge_noise(line) if _joinable(line) else line for line in out]


def _piece_before(out: list[Line], line: Line) -> int | None:
    """Where among the last ``NEAR`` lines kept stands another piece of ``line``'s line."""
    for index in range(len(out) - 1, max(-1, len(out) - 1 - NEAR), -1):
        if _joinable(out[index]) and _one_line(out[index], line):
            return index
    return None


def is_ocr_print(line: Line) -> bool:
    """A line of print the OCR read outside any grid, with its box and some letter or digit."""
    return (
        not line.cells
        and line.at.method == "ocr"
        and line.at.bbox is not None
        and any(char.isalnum() for char in line.text)
    )


def _joinable(line: Line) -> bool:
    words = line.words
    return is_ocr_print(line) and bool(words) and all(w.at.bbox is not None for w in words)


def _box(line: Line) -> BBox:
    assert line.at.bbox is not None
    return line.at.bbox


def _one_line(a: Line, b: Line) -> bool:
    if a.at.page != b.at.page:
        return False
    (_, atop, _, abottom), (_, btop, _, bbottom) = _box(a), _box(b)
    shared = min(abottom, bbottom) - max(atop, btop)
    smaller = min(abottom - atop, bbottom - btop)
    if smaller <= 0 or shared < OVERLAP * smaller:
        return False
    if any(_overlaps(x, y) for x in a.words for y in b.words):
        return False
    height = max(abottom - atop, bbottom - btop)
    gap = min(_distance(x, y) for x in a.words for y in b.words)
    return gap <= GAP * height


def _span(word: Word) -> tuple[float, float]:
    assert word.at.bbox is not None
    return word.at.bbox[0], word.at.bbox[2]


def _overlaps(a: Word, b: Word) -> bool:
    (ax0, ax1), (bx0, bx1) = _span(a), _span(b)
    return min(ax1, bx1) - max(ax0, bx0) > TOUCH * min(ax1 - ax0, bx1 - bx0)


def _distance(a: Word, b: Word) -> float:
    (ax0, ax1), (bx0, bx1) = _span(a), _span(b)
    return max(bx0 - ax1, ax0 - bx1, 0.0)


def _join(a: Line, b: Line) -> Line:
    words = tuple(sorted((*a.words, *b.words), key=lambda word: _span(word)[0]))
    (ax0, atop, ax1, abottom), (bx0, btop, bx1, bbottom) = _box(a), _box(b)
    bbox = (min(ax0, bx0), min(atop, btop), max(ax1, bx1), max(abottom, bbottom))
    return replace(a, text=_text(words), words=words, at=replace(a.at, bbox=bbox))


def _without_edge_noise(line: Line) -> Line:
    words = list(line.words)
    if len(words) < MIN_WORDS_FOR_SPACING + 1:
        return line
    gaps = [_span(right)[0] - _span(left)[1] for left, right in zip(words, words[1:], strict=False)]
    spacing = max(statistics.median(gaps), 1.0)
    first, last = 0, len(words)
    if _noise(words[0]) and gaps[0] > WIDER * spacing:
        first = 1
    if _noise(words[-1]) and gaps[-1] > WIDER * spacing:
        last -= 1
    if (first, last) == (0, len(words)) or last - first < MIN_WORDS_FOR_SPACING:
        return line
    kept = tuple(words[first:last])
    boxes = [word.at.bbox for word in kept if word.at.bbox is not None]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip
    return replace(line, text=_text(kept), words=kept, at=replace(line.at, bbox=bbox))


def _text(words: tuple[Word, ...]) -> str:
    """A line's text from its words, its known phrases' marks restored as the page's are."""
    return restore_tones(nfc(" ".join(word.text for word in words)))


def _noise(word: Word) -> bool:
    """Read unsure, and letters mixed with digits or signs: no word of a sentence."""
    text = word.text.rstrip(".,;:")
    letters = sum(char.isalpha() for char in text)
    others = sum(not char.isalpha() for char in text)
    unsure = word.at.confidence is not None and word.at.confidence < UNSURE
    return unsure and letters > 0 and others > 0
