"""A PDF page's characters decoded from an old Vietnamese font, glyph by glyph.

A glyph whose font is named as a legacy one ("ABCDEF+.VnTime", "VNI-Times,Bold") is decoded by
that font; the page's other glyphs by their statistics together (a PDF made where the fonts
were missing names the substitute font, but its text layer still holds the legacy bytes). A
VNI mark byte becomes its combining marks, which the layout folds into the letter before it.
"""

from __future__ import annotations

import unicodedata
from operator import itemgetter

from pipeline.geometry.shapes import Glyph, PageContent, first_characters, glyph_text
from pipeline.ingest.legacy import TCVN3, UNSURE, VNI, decode_as, encoding_of, read_text
from pipeline.ingest.legacy.case import restore_capitals
from pipeline.ingest.legacy.charts import VNI_BASES, VNI_MARKS
from pipeline.ingest.legacy.decode import byte_value
from pipeline.ingest.legacy.detect import font_encoding, unicode_only

_FONT = itemgetter(5)  # of a Glyph


def decode_page(content: PageContent) -> PageContent:
    """The page with its legacy glyphs decoded and the encodings found."""
    glyphs = list(content.glyphs)
    if _plain_unicode(glyphs):
        return content
    found: set[str] = set()
    unknown = []
    for index, glyph in enumerate(glyphs):
        legacy = font_encoding(glyph.font)
        if legacy is None:
            unknown.append(index)
            continue
        decoded = _decode_glyph(glyphs, index, *legacy)
        if decoded != glyph.text:
            glyphs[index] = glyph._replace(text=decoded)
            found.add(legacy[0])
    text = spaced_text([glyphs[index] for index in unknown])
    if not unicode_only(text):
        reading = read_text(text)
        if reading.encoding in (TCVN3, VNI):
            for index in unknown:
                decoded = _decode_glyph(glyphs, index, reading.encoding, False)
                glyphs[index] = glyphs[index]._replace(text=decoded)
            if reading.encoding == TCVN3:
                _restore_capitals(glyphs, unknown)
            found.add(reading.encoding)
        elif reading.encoding == UNSURE:
            found.add(UNSURE)
    return content._replace(glyphs=glyphs, encoding=encoding_of(found))


def _plain_unicode(glyphs: list[Glyph]) -> bool:
    """Whether a page has nothing to decode: ASCII only, or no legacy font and letters only
    Unicode has (the common page, told in one search of its text instead of glyph by glyph)."""
    if first_characters(glyphs).isascii():
        return True
    return not any(map(_FONT, glyphs)) and unicode_only(glyph_text(glyphs))


def _decode_glyph(glyphs: list[Glyph], index: int, encoding: str, capitals: bool) -> str:
    text = glyphs[index].text
    if encoding != VNI:
        return decode_as(text, encoding, capitals)
    byte = byte_value(text) if len(text) == 1 else None
    before = glyphs[index - 1].text[:1] if index else ""
    if byte in VNI_MARKS and before and unicodedata.normalize("NFD", before)[0] in VNI_BASES:
        return VNI_MARKS[byte]  # combining: folded into the letter before it
    return decode_as(text, VNI, capitals)


def spaced_text(glyphs: list[Glyph]) -> str:
    """The glyphs' text with a space where a gap or a new line parts two of them."""
    parts = []
    for before, glyph in zip([None, *glyphs], glyphs, strict=False):
        if before is not None:
            height = max(glyph.bottom - glyph.top, 1.0)
            new_line = abs(glyph.top - before.top) > height / 2
            if new_line:
                parts.append("\n")
            elif glyph.x0 - before.x1 > 0.15 * height:
                parts.append(" ")
        parts.append(glyph.text)
    return "".join(parts)


def _restore_capitals(glyphs: list[Glyph], indices: list[int]) -> None:
    """Capitals lost with the TCVN3 capitals font, put back glyph by glyph."""
    chosen = [glyphs[index] for index in indices]
    text = spaced_text(chosen)
    restored = restore_capitals(text)
    if restored == text or len(restored) != len(text):
        return
    position = 0
    for index, glyph in zip(indices, chosen, strict=True):
        position = text.index(glyph.text, position)
        piece = restored[position : position + len(glyph.text)]
        if piece != glyph.text:
            glyphs[index] = glyph._replace(text=piece)
        position += len(glyph.text)
