"""One page image → a ``Page`` of prose lines and grid rows, as every other reader gives.

The page is prepared (prepare.py), its rules found and erased (rules.py), then read once by the
page pass (every word with its box and confidence). Words become glyphs and rules become rules
of the PDF reader's layout analysis, so ruled grids with merged cells, unruled columns and prose
lines come out of the same code as for a text-layer PDF, in PDF points. Each numeric cell is
then read again on its own by the digits-only pass; where the two readings disagree, the cell
keeps both (``Provenance.alternatives``) and its confidence says it is not sure.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from pipeline.ingest.pdf import PdfSettings, build_page
from pipeline.ingest.pdf_sources import Glyph, PageContent, Rule
from pipeline.ingest.pdf_text import nfc
from pipeline.models import BBox, Cell, Line, Page, Provenance
from pipeline.ocr.engine import OcrWord, Reading, Rect, Tesseract
from pipeline.ocr.prepare import Prepared, binarize, prepare
from pipeline.ocr.rules import RuledPage, find_rules
from pipeline.ocr.settings import OcrSettings

# OCR words are whole words: never glue two of them (word_gap), and let a line's words differ
# in their bottoms by a descender (line_tolerance); other distances as for PDFs, in points.
OCR_LAYOUT = PdfSettings(line_tolerance=4.5, word_gap=0.0)
READ_PPI = 300  # pages scanned at less are scaled up to this before reading
CONFUSABLE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"})
NUMERIC = re.compile(r"^\d[\d.,]*$|^[.,]\d+$")
MAX_NUMBER_CHARS = 12
MIN_WORDS_TO_JUDGE = 15
DOUBTFUL_CONFIDENCE = 75.0  # median word confidence: ~96 upright, ~51 upside down (measured)
MIN_INK_SHARE = 0.004
CROP_MARGIN = 12  # white pixels around a cell's ink for the digits pass
# Height of a cell's ink for the digits pass. Measured on the 1,127 numeric cells of the fixture
# PDFs rendered at 300 dpi: 100% right at 20-22 px, 97.5% unscaled (~35 px: lone digits lost).
DIGIT_HEIGHT_PX = 21  # a cell with less ink than this is blank (specks, rule remnants)


def read_page_image(
    image: np.ndarray,
    ppi: int,
    where: Provenance,
    engine: Tesseract,
    settings: OcrSettings,
    grid_ids: Iterator[int],
) -> Page:
    """Read one page image (RGB or grey) at ``ppi`` into a Page with method ``ocr``."""
    prepared = _at_reading_resolution(prepare(image, ppi, settings))
    ppi = prepared.ppi
    gray, ruled, words = _page_pass(prepared.gray, ppi, engine)
    steps = prepared.steps
    if _doubtful(words):  # upside down after all? the page pass says so by its confidence
        flipped = _page_pass(np.ascontiguousarray(gray[::-1, ::-1]), ppi, engine)
        if _median_confidence(flipped[2]) > _median_confidence(words):
            (gray, ruled, words), steps = flipped, (*steps, "turned 180")
    scale = 72 / ppi
    content = PageContent(
        where.page,
        gray.shape[1] * scale,
        gray.shape[0] * scale,
        [Glyph(w.text, w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale) for w in words],
        [Rule(r.x0 * scale, r.top * scale, r.x1 * scale, r.bottom * scale) for r in ruled.rules],
    )
    page = build_page(content, where.source_file, OCR_LAYOUT, grid_ids, method="ocr")
    index = _WordIndex(words, scale)
    ink = binarize(ruled.clean)
    cells = _CellReader(
        engine, ruled.clean, ink, index, ppi, ruled.thickness, settings.low_confidence
    )
    lines = tuple(cells.refine(line) for line in page.lines)
    return replace(page, lines=lines, steps=steps)


def _page_pass(gray: np.ndarray, ppi: int, engine: Tesseract) -> tuple[
    np.ndarray, RuledPage, list[OcrWord]
]:  # fmt: skip
    """The page's rules found and erased, then every word read."""
    ruled = find_rules(gray, binarize(gray), ppi)
    engine.set_page(Image.fromarray(ruled.clean), ppi)
    return gray, ruled, engine.words()


def _median_confidence(words: list[OcrWord]) -> float:
    return float(np.median([word.confidence for word in words])) if words else 0.0


def _doubtful(words: list[OcrWord]) -> bool:
    """Many words, mostly unsure: the page pass is reading a page the wrong way up."""
    return len(words) >= MIN_WORDS_TO_JUDGE and _median_confidence(words) < DOUBTFUL_CONFIDENCE


def _at_reading_resolution(prepared: Prepared) -> Prepared:
    """Small print is read best near 300 ppi: a 200 dpi scan is scaled up first."""
    if prepared.ppi >= READ_PPI:
        return prepared
    factor = READ_PPI / prepared.ppi
    size = (round(prepared.gray.shape[1] * factor), round(prepared.gray.shape[0] * factor))
    gray = cv2.resize(prepared.gray, size, interpolation=cv2.INTER_CUBIC)
    return Prepared(np.asarray(gray), READ_PPI, (*prepared.steps, f"scaled to {READ_PPI} ppi"))


class _WordIndex:
    """The page-pass words by the height of their centre, to find those inside a cell."""

    def __init__(self, words: list[OcrWord], scale: float) -> None:
        self._words = sorted(words, key=lambda w: w.top + w.bottom)
        self._keys = [(w.top + w.bottom) / 2 * scale for w in self._words]
        self._scale = scale

    def confidence(self, bbox: BBox) -> float | None:
        """The lowest confidence of the words whose centre lies in the box."""
        x0, top, x1, bottom = bbox
        found = [
            word.confidence
            for word in self._words[bisect_left(self._keys, top) : bisect_right(self._keys, bottom)]
            if x0 <= (word.x0 + word.x1) / 2 * self._scale <= x1
        ]
        return min(found) if found else None


class _CellReader:
    """Gives each cell its confidence, and reads numeric cells again digits-only."""

    def __init__(
        self,
        engine: Tesseract,
        gray: np.ndarray,
        ink: np.ndarray,
        words: _WordIndex,
        ppi: int,
        rule: float,
        sure: float,
    ) -> None:
        self._engine, self._gray, self._ink, self._words = engine, gray, ink, words
        self._to_px = ppi / 72
        self._inset = round(rule / 2) + 2
        self._sure = sure

    def refine(self, line: Line) -> Line:
        if not line.is_row:
            return line
        cells = tuple(self._cell(cell) for cell in line.cells)
        return replace(line, cells=cells, text=" | ".join(cell.text for cell in cells))

    def _cell(self, cell: Cell) -> Cell:
        if cell.spanned or cell.at.bbox is None:
            return cell
        confidence = self._words.confidence(cell.at.bbox)
        squeezed = "".join(cell.text.split())
        candidate = squeezed.translate(CONFUSABLE)
        rect = self._rect(cell.at.bbox)
        if looks_numeric(candidate):
            text, confidence, others = settle(squeezed, confidence, self._digits(rect))
        elif not squeezed and self._has_ink(rect):
            reading = self._digits(rect)
            if not NUMERIC.match(reading.text):
                return cell
            text, confidence, others = reading.text, reading.confidence, ()
        elif squeezed and (confidence or 0.0) < self._sure:
            return self._reread(cell, rect, confidence)
        else:
            return replace(cell, at=replace(cell.at, confidence=confidence))
        return Cell(text, replace(cell.at, confidence=confidence, alternatives=others))

    def _reread(self, cell: Cell, rect: Rect, confidence: float | None) -> Cell:
        """A text cell the page pass was unsure of (narrow wrapped headers), read on its own."""
        reading = self._engine.read_block(rect)
        if reading.text and reading.confidence > (confidence or 0.0):
            return Cell(nfc(reading.text), replace(cell.at, confidence=reading.confidence))
        return replace(cell, at=replace(cell.at, confidence=confidence))

    def _rect(self, bbox: BBox) -> Rect:
        x0, top, x1, bottom = (round(v * self._to_px) for v in bbox)
        inset = self._inset
        height, width = self._ink.shape
        return Rect(
            max(0, x0 + inset), max(0, top + inset),
            min(width, max(x0 + inset + 1, x1 - inset)),
            min(height, max(top + inset + 1, bottom - inset)),
        )  # fmt: skip

    def _digits(self, rect: Rect) -> Reading:
        """The digits pass on the cell's ink: cut out, scaled to the digit height Tesseract
        reads best, and set on a white margin."""
        region = self._ink[rect.top : rect.bottom, rect.x0 : rect.x1]
        rows, columns = np.nonzero(region)
        if rows.size == 0:
            return Reading("", 0.0)
        top, bottom = rect.top + rows.min(), rect.top + rows.max() + 1
        left, right = rect.x0 + columns.min(), rect.x0 + columns.max() + 1
        ink = self._gray[top:bottom, left:right]
        factor = DIGIT_HEIGHT_PX / ink.shape[0]
        size = (max(1, round(ink.shape[1] * factor)), DIGIT_HEIGHT_PX)
        scaled = cv2.resize(ink, size, interpolation=cv2.INTER_AREA if factor < 1 else
                            cv2.INTER_CUBIC)  # fmt: skip
        crop = cv2.copyMakeBorder(scaled, *(CROP_MARGIN,) * 4, cv2.BORDER_CONSTANT, value=255)
        return self._engine.read_number(Image.fromarray(crop), READ_PPI)

    def _has_ink(self, rect: Rect) -> bool:
        region = self._ink[rect.top : rect.bottom, rect.x0 : rect.x1]
        return region.size > 0 and float((region > 0).mean()) >= MIN_INK_SHARE


def looks_numeric(text: str) -> bool:
    """A cell worth the digits pass: short, and no Vietnamese letter in it.

    Garbage the page pass makes of a number ("Œœ", "17;25", "¬ ©") has no Vietnamese letter
    either, so it is read again; names, bands and headers are left to the page pass.
    """
    return 0 < len(text) <= MAX_NUMBER_CHARS and not any(map(is_vietnamese_letter, text))


def is_vietnamese_letter(char: str) -> bool:
    base = unicodedata.normalize("NFD", char)[:1].lower()
    return ("a" <= base <= "z") or base == "đ"


def settle(page_text: str, page_confidence: float | None, digits: Reading) -> tuple[
    str, float | None, tuple[str, ...]
]:  # fmt: skip
    """One cell's text from its two readings, its confidence, and the reading not chosen.

    Agreement keeps the lower confidence; a reading only one pass made is taken as it is; on a
    disagreement the digits pass is printed (on the fixtures' 1,127 numeric cells it is right
    on every one, the page pass loses separators and lone digits) and the page pass's number
    is kept as the alternative for the row's arithmetic to weigh.
    """
    page_number = page_text.translate(CONFUSABLE)
    if not digits.text or digits.text == page_number:
        return page_number, _lowest(page_confidence, digits.confidence if digits.text else None), ()
    if not NUMERIC.match(page_number):
        return digits.text, digits.confidence, ()  # the page pass saw no number: no evidence
    return digits.text, _lowest(page_confidence, digits.confidence), (page_number,)


def _lowest(*values: float | None) -> float | None:
    present = [value for value in values if value is not None]
    return min(present) if present else None
