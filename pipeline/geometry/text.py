"""Glyphs → text lines → words → segments, and the text of a table cell.

Geometry only: no engine, no models. A *segment* is a run of words on one text line with no
gap wider than a threshold: a letterhead line is two segments, an unruled table row is one
segment per column.
"""

from __future__ import annotations

import re
import unicodedata
from operator import itemgetter
from typing import NamedTuple

from pipeline.geometry.shapes import Glyph

# "122.7" over "5", "(15" over "0)": a number broken in a narrow column.
NUMBER_HEAD = re.compile(r"(?:^|\s)\(?[\d.,]*\d[\d.,]*$")
NUMBER_TAIL = re.compile(r"^[\d.,]*\d[\d.,]*\)?(?:\s|$)")
# "Rang-" over "Tháp": a line ending in a hyphen after a letter. Vietnamese breaks no word with
# a hyphen, so it is one the text prints ("Phan Rang-Tháp Chàm"); "Bà Rịa -" keeps its space.
HYPHEN_HEAD = re.compile(r"[^\W\d_]-$")
VOWELS = frozenset("aeiouyAEIOUY")  # ă â ê ô ơ ư decompose to one of these and a mark
X0, BOTTOM = itemgetter(1), itemgetter(4)  # of a Glyph: sort keys
_new = tuple.__new__
WORD_JOINER = "\u2060"  # a part of its own between two lines: the break fell inside a word


class TextWord(NamedTuple):
    """A word and its box; ``lead`` is the width of its first glyph."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    lead: float = 0.0


class TextLine(NamedTuple):
    """Words sharing a baseline, left to right."""

    words: list[TextWord]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def text(self) -> str:
        words = self.words
        return words[0].text if len(words) == 1 else " ".join([word.text for word in words])


def nfc(text: str) -> str:
    """NFC-normalised text, runs of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def group_lines(glyphs: list[Glyph], line_tolerance: float, word_gap: float) -> list[TextLine]:
    """Glyphs whose bottoms lie within the tolerance form one line; lines top to bottom."""
    ordered = sorted(glyphs, key=BOTTOM)
    cuts: list[int] = []
    if ordered and ordered[-1][4] - ordered[0][4] > line_tolerance:  # else no gap can pass it
        bottoms = [glyph.bottom for glyph in ordered]
        cuts = [
            index
            for index, (above, below) in enumerate(zip(bottoms, bottoms[1:], strict=False), 1)
            if below - above > line_tolerance
        ]
    if not cuts:  # most table cells hold one line
        words = make_words(ordered, word_gap)
        return [line_of(words)] if words else []
    lines: list[TextLine] = []
    for start, end in zip([0, *cuts], [*cuts, len(ordered)], strict=True):
        words = make_words(ordered[start:end], word_gap)
        if words:
            lines.append(line_of(words))
    return sorted(lines, key=lambda line: (line.top, line.x0))


def make_words(glyphs: list[Glyph], word_gap: float) -> list[TextWord]:
    """Split a line's glyphs into words at spaces and at gaps wider than ``word_gap`` times the
    height of the glyph before (its font's ascent to descent: the font size, give or take).

    Measured on the fixture PDFs of LibreOffice and Chromium: the glyphs of one word lie from
    -0.11 to +0.02 heights apart (kerning), the words of a line that prints no space glyph
    (Chromium places each word) 0.16 heights and more; pdftotext cuts at 0.1 of the font size,
    pdfminer at 0.1 of the glyph's size. A fixed gap in points cannot serve both 8 pt table
    cells and 14 pt titles.
    """
    words: list[TextWord] = []
    current: list[Glyph] = []
    last_x1 = room = 0.0  # of the glyph before: its right edge, the gap that parts a word
    for glyph in sorted(glyphs, key=X0):  # the reader's hottest loop: kept flat
        text, x0, top, x1, bottom, _ = glyph
        if text.isspace():
            if current:
                words.append(word_of(current))
                current = []
            continue
        if current and x0 - last_x1 > room:
            words.append(word_of(current))
            current = []
        current.append(glyph)
        last_x1, room = x1, word_gap * (bottom - top)
    if current:
        words.append(word_of(current))
    return words


def word_of(glyphs: list[Glyph]) -> TextWord:
    """One word from its glyphs."""
    texts, _, tops, rights, bottoms, _ = zip(*glyphs, strict=True)  # one pass in C
    _, x0, _, x1, _, _ = glyphs[0]
    text = "".join(texts)
    if not text.isascii():  # ASCII is NFC already: most numbers, a third of the words
        text = unicodedata.normalize("NFC", text)
    # tuple.__new__: TextWord's own __new__ is a Python function (its default ``lead``)
    return _new(TextWord, (text, x0, min(tops), max(rights), max(bottoms), x1 - x0))


def line_of(words: list[TextWord]) -> TextLine:
    """A line from its words (left to right)."""
    if len(words) == 1:  # most table cells: one number
        _, x0, top, x1, bottom, _ = words[0]
        return _new(TextLine, (words, x0, top, x1, bottom))
    _, _, tops, rights, bottoms, _ = zip(*words, strict=True)
    return _new(TextLine, (words, words[0].x0, min(tops), max(rights), max(bottoms)))


def split_segments(line: TextLine, gap: float) -> list[TextLine]:
    """Cut a line wherever two words are more than ``gap`` apart."""
    segments: list[TextLine] = []
    start = 0
    words = line.words
    for index in range(1, len(words) + 1):
        if index == len(words) or words[index].x0 - words[index - 1].x1 > gap:
            segments.append(line_of(words[start:index]))
            start = index
    return segments


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of a wrapped cell: a space, except inside a broken number, after a
    hyphen that ends a line, or after a ``WORD_JOINER`` part (a broken word)."""
    text = ""
    glue = False
    for part in parts:
        if part == WORD_JOINER:
            glue = True
            continue
        if not text or glue:
            text += part
            glue = False
        elif NUMBER_HEAD.search(text) and NUMBER_TAIL.search(part):
            text += part
        elif HYPHEN_HEAD.search(text) and part[:1].isalpha():
            text += part  # "Phan Rang-" over "Tháp Chàm": the hyphen joins the names
        else:
            text += " " + part
    return nfc(text)


def cell_text(
    glyphs: list[Glyph], line_tolerance: float, word_gap: float, width: float | None = None
) -> str:
    """The text of one cell from its glyphs; ``width`` is the room its text has on a line."""
    return join_cell_lines(group_lines(glyphs, line_tolerance, word_gap), width)


def join_cell_lines(lines: list[TextLine], width: float | None) -> str:
    """Join the lines of a wrapped cell, rejoining a word the renderer had to break."""
    if len(lines) == 1:  # most cells: what join_wrapped makes of one part
        text = lines[0].text
        return "" if text == WORD_JOINER else nfc(text)
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index and width is not None and broken_word(lines[index - 1], line, width):
            parts.append(WORD_JOINER)
        parts.append(line.text)
    return join_wrapped(parts)


def broken_word(line: TextLine, after: TextLine, width: float) -> bool:
    """Whether ``line`` is the head of a word too wide for the cell, continued on ``after``.

    A renderer breaks inside a word only when the word alone is wider than the cell: the line
    then holds that one word and fills the cell, so not even the next glyph fit after it
    ("Chuyể" over "n đổi"). A word moved down whole can leave as little room, so the pieces
    decide: every Vietnamese syllable has a vowel, and a piece of letters without one ("n",
    the "T" of "ATT" over "T") is no word of its own, unless the case changes between the
    pieces ("CNTT" over "tại": an acronym ends the line).
    """
    if len(line.words) != 1:
        return False
    head, tail = line.words[0].text, after.words[0].text
    if not (head[-1:].isalpha() and tail[:1].isalpha()):
        return False
    if head[-1].isupper() != tail[0].isupper():  # "CNTT" over "tại": an acronym, then a word
        return False
    if width - (line.x1 - line.x0) >= after.words[0].lead:
        return False
    return not (has_vowel(head) and has_vowel(tail))


def has_vowel(text: str) -> bool:
    """Whether a piece of text holds a vowel letter (tone and vowel marks set aside)."""
    return any(char in VOWELS for char in unicodedata.normalize("NFD", text))
