"""The shapes a page is made of before layout: printed glyphs with boxes, ruling lines.

Both readers produce them: the PDF reader from a text layer and path objects, the OCR reader
from Tesseract's words and the rules found in the image. Coordinates in PDF points, origin at
the top-left of the page as displayed.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple
from unicodedata import combining

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
# Every character that may fold: the ligatures, and whole blocks holding combining marks (any
# character with a combining class lies in one; tests/test_geometry_layers.py checks it).
MAY_FOLD = re.compile(
    "[" + "".join(LIGATURES) + "\u0300-\u036f\u0483-\u0489\u0591-\u1cff\u1dc0-\u1dff"
    "\u20d0-\u20ff\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a\ua66f-\uabff"
    "\ufb1e\ufe00-\ufe2f\U00010000-\U0010ffff]"
)


class Glyph(NamedTuple):
    """One printed character and its box (a tuple: pages hold thousands)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str | None = None  # of a non-ASCII character only: a legacy font says how to decode


class Rule(NamedTuple):
    """One straight ruling segment; horizontal when wider than tall."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


class PageContent(NamedTuple):
    """What one page holds before layout analysis."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule]
    encoding: str | None = None  # legacy encodings decoded on the page (Page.encoding)
    # objects other than text, None where the engine did not count (pdfplumber): paths, and
    # pictures (images, shadings)
    paths: int | None = None
    pictures: int | None = None


_TEXT = itemgetter(0)  # of a Glyph


def glyph_text(glyphs: list[Glyph]) -> str:
    """Every glyph's text run together, in C (a page has thousands of glyphs)."""
    return "".join(map(_TEXT, glyphs))


def first_characters(glyphs: list[Glyph]) -> str:
    """The first character of each glyph's text (a folded glyph holds a letter and its marks):
    the glyphs' text itself when no glyph holds more than one character, as on most pages."""
    if max(map(len, map(_TEXT, glyphs)), default=0) <= 1:
        return glyph_text(glyphs)
    return "".join([glyph.text[:1] for glyph in glyphs])


def box_rules(box: tuple, thickness: float) -> list[Rule]:
    """A thin box is one rule along its middle; a wider box contributes its four sides."""
    x0, top, x1, bottom = box
    if bottom - top <= thickness:
        middle = (top + bottom) / 2
        return [Rule(x0, middle, x1, middle)]
    if x1 - x0 <= thickness:
        middle = (x0 + x1) / 2
        return [Rule(middle, top, middle, bottom)]
    return [
        Rule(x0, top, x1, top),
        Rule(x0, bottom, x1, bottom),
        Rule(x0, top, x0, bottom),
        Rule(x1, top, x1, bottom),
    ]


def fold_marks(glyphs: list[Glyph]) -> list[Glyph]:
    """Fold combining marks into the glyph before them, growing its box to cover both.

    Most pages print precomposed letters only: one search of their text, in C, says so and
    the glyphs are returned as they are.
    """
    if not MAY_FOLD.search(glyph_text(glyphs)):
        return glyphs
    folded: list[Glyph] = []
    for glyph in glyphs:
        if folded and combining(glyph.text[:1] or " "):
            base = folded[-1]
            folded[-1] = Glyph(
                base.text + glyph.text,
                min(base.x0, glyph.x0),
                min(base.top, glyph.top),
                max(base.x1, glyph.x1),
                max(base.bottom, glyph.bottom),
                base.font,
            )
        elif glyph.text in LIGATURES:
            folded.append(glyph._replace(text=LIGATURES[glyph.text]))
        else:
            folded.append(glyph)
    return folded
