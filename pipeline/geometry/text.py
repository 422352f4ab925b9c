"""Glyphs → text lines → words → segments, and the text of a table cell.

Geometry only: no engine, no models. A *segment* is a run of words on one text line with no
gap wider than a threshold: a letterhead line is two segments, an unruled table row is one
segment per column.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from pipeline.geometry.shapes import Glyph

# "122.7" over "5", "(15" over "0)": a number broken in a narrow column.
NUMBER_HEAD = re.compile(r"(?:^|\s)\(?[\d.,]*\d[\d.,]*$")
NUMBER_TAIL = re.compile(r"^[\d.,]*\d[\d.,]*\)?(?:\s|$)")


class TextWord(NamedTuple):
    """A word and its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class TextLine(NamedTuple):
    """Words sharing a baseline, left to right."""

    words: list[TextWord]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def nfc(text: str) -> str:
    """NFC-normalised text, runs of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def group_lines(glyphs: list[Glyph], line_tolerance: float, word_gap: float) -> list[TextLine]:
    """Glyphs whose bottoms lie within the tolerance form one line; lines top to bottom."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.bottom)
    lines: list[TextLine] = []
    start = 0
    for index in range(1, len(ordered) + 1):
        if (
            index == len(ordered)
            or ordered[index].bottom - ordered[index - 1].bottom > line_tolerance
        ):
            words = make_words(ordered[start:index], word_gap)
            if words:
                lines.append(line_of(words))
            start = index
    return sorted(lines, key=lambda line: (line.top, line.x0))


def make_words(glyphs: list[Glyph], word_gap: float) -> list[TextWord]:
    """Split a line's glyphs into words at spaces and at gaps wider than ``word_gap``."""
    words: list[TextWord] = []
    current: list[Glyph] = []
    for glyph in sorted(glyphs, key=lambda glyph: glyph.x0):
        if current and (glyph.x0 - current[-1].x1 > word_gap or glyph.text.isspace()):
            words.append(word_of(current))
            current = []
        if not glyph.text.isspace():
            current.append(glyph)
    if current:
        words.append(word_of(current))
    return words


def word_of(glyphs: list[Glyph]) -> TextWord:
    """One word from its glyphs."""
    text = unicodedata.normalize("NFC", "".join(glyph.text for glyph in glyphs))
    return TextWord(
        text,
        glyphs[0].x0,
        min(glyph.top for glyph in glyphs),
        max(glyph.x1 for glyph in glyphs),
        max(glyph.bottom for glyph in glyphs),
    )


def line_of(words: list[TextWord]) -> TextLine:
    """A line from its words (left to right)."""
    return TextLine(
        words,
        words[0].x0,
        min(word.top for word in words),
        max(word.x1 for word in words),
        max(word.bottom for word in words),
    )


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
    """Join the lines of a wrapped cell: a space, except inside a broken number."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif NUMBER_HEAD.search(text) and NUMBER_TAIL.search(part):
            text += part
        else:
            text += " " + part
    return nfc(text)


def cell_text(glyphs: list[Glyph], line_tolerance: float, word_gap: float) -> str:
    """The text of one cell from its glyphs."""
    lines = group_lines(glyphs, line_tolerance, word_gap)
    return join_wrapped([line.text for line in lines])
