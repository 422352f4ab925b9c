"""One page image → a ``Page`` of prose lines and grid rows, as every other reader gives.

The page is prepared (prepare.py), its rules found and erased (rules.py), then read once by the
page pass (every word with its box and confidence). Words become glyphs and rules become rules
of the PDF reader's layout analysis, so ruled grids with merged cells, unruled columns and prose
lines come out of the same code as for a text-layer PDF, in PDF points. Each numeric cell is
then read again on its own by the digits-only pass; where the two readings disagree, the cell
keeps both (``Provenance.alternatives``) and its confidence says it is not sure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import replace

import numpy as np

from pipeline.geometry.layout import LayoutSettings, build_page
from pipeline.geometry.shapes import Glyph, PageContent, Rule, fold_marks
from pipeline.models import Page, Provenance
from pipeline.ocr.blanks import read_blanks
from pipeline.ocr.cells import CellReader, WordIndex
from pipeline.ocr.cv import cv2
from pipeline.ocr.engine import OcrWord, Tesseract
from pipeline.ocr.prepare import Prepared, binarize, prepare
from pipeline.ocr.rules import RuledPage, find_rules
from pipeline.ocr.settings import OcrSettings
from pipeline.ocr.signature import read_signature_heading
from pipeline.ocr.title import reread_title
from pipeline.ocr.wordgrids import as_prose

# OCR words are whole words: never glue two of them (word_gap), and let a line's words differ
# in their bottoms by a descender (line_tolerance); a garbled word may break a table's columns
# (columns_by_coverage); other distances as for PDFs, in points.
OCR_LAYOUT = LayoutSettings(line_tolerance=4.5, word_gap=0.0, columns_by_coverage=True)
READ_PPI = 300  # pages scanned at less are scaled up to this before reading
MIN_WORDS_TO_JUDGE = 15
MIN_LETTERS_TO_JUDGE = 3  # a word this long is wider than tall when its line is level
MAX_TALL_SHARE = 0.2  # of those words standing taller than wide: the page reads sideways
MIN_OSD_CONFIDENCE = 2.0  # Tesseract's orientation confidence; ~10-18 on a page of text
NEAR_INK = np.ones((3, 3), np.uint8)  # the ring of grey edge kept around each stroke
# of the way from the ink's threshold to white: lighter is paper. Measured on the held-out
# 200 dpi seeds 8800-8807: at 0.5, 753/1157 cells and none wrong unflagged; at 0.75, 711/1178
# and 18 (8801's second page); 0.75 kept the hook of "tổ" in a light letter's subject that
# 0.5 loses (letter-f.png of the real scans: its title one tone mark off)
PAPER_SHARE = 0.5
PageReading = tuple[np.ndarray, RuledPage, list[OcrWord]]  # the page read, its rules, its words
DOUBTFUL_CONFIDENCE = 75.0  # median word confidence: ~96 upright, ~51 upside down (measured)


def read_page_image(
    image: np.ndarray,
    ppi: int,
    where: Provenance,
    engine: Tesseract,
    settings: OcrSettings,
    grid_ids: Iterator[int],
) -> Page:
    """Read one page image (RGB or grey) at ``ppi`` into a Page with method ``ocr``."""
    prepared, (gray, ruled, words) = _stood_up(image, ppi, settings, engine)
    ppi = prepared.ppi
    photo = "flattened" in prepared.steps
    steps = prepared.steps

    def turned(turn: int) -> PageReading:
        return _page_pass(np.ascontiguousarray(np.rot90(prepared.gray, k=-turn // 90)), ppi,
                          engine, photo)  # fmt: skip

    (gray, ruled, words), turn, last = turned_more((gray, ruled, words), turned)
    if turn:
        steps = (*steps, f"turned {turn} more")
    if last is not ruled:  # the cells and the title are read again from the page kept
        set_reading_page(engine, ruled.clean, ppi, photo)
    if "second" not in settings.skip:  # a date's handwritten day and month
        words = read_blanks(words, ruled.clean)
    scale = 72 / ppi
    content = PageContent(
        where.page,
        gray.shape[1] * scale,
        gray.shape[0] * scale,
        fold_marks([_glyph(word, scale) for word in words]),
        [Rule(r.x0 * scale, r.top * scale, r.x1 * scale, r.bottom * scale) for r in ruled.rules],
    )
    page = build_page(content, where.source_file, OCR_LAYOUT, grid_ids, method="ocr")
    index = WordIndex(words, scale)
    page_images = (ruled.clean, binarize(ruled.clean))
    cells = CellReader(engine, page_images, index, ppi, ruled.thickness, settings.low_confidence,
                       digits="digits" not in settings.skip)  # fmt: skip
    page = replace(page, lines=cells.refine(page.lines))
    page = as_prose(page, content, OCR_LAYOUT, grid_ids, cells.refine)  # a letterhead: no table
    lines = reread_title(page.lines, engine, ppi / 72, settings.low_confidence)
    page = replace(page, lines=lines, steps=steps, crops=cells.crops)
    if "second" in settings.skip:
        return page
    return read_signature_heading(page, ruled.clean, ppi)  # under a seal, unread


def turned_more(read: PageReading, turned: Callable[[int], PageReading]) -> tuple[
    PageReading, int, RuledPage
]:  # fmt: skip
    """A page still the wrong way up, read turned 180°, 90° and 270° more (``turned``) until
    a reading is neither mostly unsure (upside down) nor sideways (lines read turned 90°):
    the best reading, the turn it took, and the page the engine was given last."""
    kept, turn, last = read, 0, read[1]
    for more in (180, 90, 270):
        if not _doubtful(kept[2]) and not _sideways(kept[2]):
            break
        other = turned(more)
        last = other[1]
        if _reading_rank(other[2]) > _reading_rank(kept[2]):
            kept, turn = other, more
    return kept, turn, last


def _stood_up(
    image: np.ndarray, ppi: int, settings: OcrSettings, engine: Tesseract
) -> tuple[Prepared, PageReading]:
    """The page prepared and read once; where its turn is in doubt, Tesseract's OSD decides:
    when the text profile could not tell and the reading is not upright, or when the profile
    was sure but the reading is mostly unsure or sideways (columns of numbers set wide apart
    profile sharper across the page than along it); then OSD's turn is kept only when it reads
    better."""
    # a sideways guess the profile is unsure of is put to OSD at once: found wrong by the page
    # pass, it would cost a whole page pass (1-1.5 s) and a second preparation; an unsure
    # upright guess is left to the page pass to confirm (most are right)
    detect = _detector(engine)
    prepared = _at_reading_resolution(prepare(image, ppi, settings, detect, ask_upright=False))
    photo = "flattened" in prepared.steps
    read = _page_pass(prepared.gray, prepared.ppi, engine, photo)
    words = read[2]
    if not prepared.turn_sure and not _reads_upright(words):
        asked = _at_reading_resolution(prepare(image, ppi, settings, detect))
        if _turns(asked) != _turns(prepared):
            return asked, _page_pass(asked.gray, asked.ppi, engine, photo)
    elif _doubtful(words) or len(words) >= MIN_WORDS_TO_JUDGE and not _reads_upright(words):
        asked = _at_reading_resolution(prepare(image, ppi, settings, detect, ask=True))
        if _turns(asked) != _turns(prepared):
            other = _page_pass(asked.gray, asked.ppi, engine, photo)
            if _median_confidence(other[2]) > _median_confidence(words):
                return asked, other
            set_reading_page(engine, read[1].clean, prepared.ppi, photo)  # the page kept
    return prepared, read


def _detector(engine: Tesseract) -> Callable[[np.ndarray], int | None]:
    """Tesseract's orientation detection on a half-size copy, as clockwise degrees to turn."""

    def detect(gray: np.ndarray) -> int | None:
        half = cv2.resize(
            gray, (gray.shape[1] // 2, gray.shape[0] // 2), interpolation=cv2.INTER_AREA
        )
        found = engine.orientation(half)
        if found is None or found[1] < MIN_OSD_CONFIDENCE:
            return None
        return (360 - found[0]) % 360

    return detect


def _page_pass(gray: np.ndarray, ppi: int, engine: Tesseract, photo: bool = False) -> PageReading:
    """The page's rules found and erased, then every word read from it with its paper made
    white (``ink_on_white``; the cell pass cuts its digits from the grey page as it is)."""
    ink = binarize(gray)
    ruled = find_rules(gray, ink, ppi, grey_rules=photo)
    set_reading_page(engine, ruled.clean, ppi, photo, ink)
    return gray, ruled, engine.words()


def set_reading_page(engine: Tesseract, clean: np.ndarray, ppi: int, photo: bool,
                     ink: np.ndarray | None = None) -> None:  # fmt: skip
    """``clean`` (rules erased) as the engine's page; a scan's with its paper made white (a
    photo's paper was evened out when it was flattened: on 8 fresh photos made white it
    read 630 of 1,172 cells right and lost a row unflagged, 639 of 1,156 as it was)."""
    if not photo:
        clean = ink_on_white(clean, binarize(clean) if ink is None else ink)
    engine.set_page(clean, ppi)


def ink_on_white(gray: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """``gray`` with its paper white: every pixel lighter than halfway (``PAPER_SHARE``) from
    its Otsu threshold to white, and more than one pixel from ``ink``. Tesseract's recogniser
    reads the grey page, not its threshold: a scan's mottled paper and JPEG blocks around
    small print make it read "x01 :-:00..." for "8.7 29.1 9.5", which its own threshold shows
    clean (measured on a 150 dpi JPEG page: 14 of 70 decimals read right, 42 so cleaned). The
    strokes keep their grey edges, and a faint decimal point darker than the cut stays."""
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    paper = threshold + (255 - threshold) * PAPER_SHARE
    # whole grey levels below ``paper`` are those up to ceil(paper) - 1: 255 there, 0 above
    darker = cv2.threshold(gray, math.ceil(paper) - 1, 255, cv2.THRESH_BINARY_INV)[1]
    near = cv2.threshold(cv2.dilate(ink, NEAR_INK), 0, 255, cv2.THRESH_BINARY)[1]
    keep = cv2.bitwise_or(near, darker)  # 255 kept, 0 made paper
    return np.asarray(cv2.max(gray, cv2.bitwise_not(keep)))


def _turns(prepared: Prepared) -> list[str]:
    return [step for step in prepared.steps if step.startswith("rotated")]


def _reads_upright(words: list[OcrWord]) -> bool:
    """The page pass read enough words, mostly sure and mostly wider than tall: the page
    stands upright (Tesseract reads a page turned 90° as vertical lines, some of them sure;
    a page upside down it reads mostly unsure)."""
    return len(words) >= MIN_WORDS_TO_JUDGE and not _doubtful(words) and not _sideways(words)


def _sideways(words: list[OcrWord]) -> bool:
    """More than a fifth of the words of 3+ letters stand taller than wide: Tesseract read the
    page's lines turned 90°, sure of many of them (photo seed 9801's page 2, its table's
    columns of numbers set wide apart, turned 270° and then 180° more: median confidence 97,
    every long word tall, the table read transposed and none of its rows kept)."""
    long_words = [word for word in words if len(word.text) >= MIN_LETTERS_TO_JUDGE]
    if len(words) < MIN_WORDS_TO_JUDGE or not long_words:
        return False
    tall = sum(word.bottom - word.top > word.x1 - word.x0 for word in long_words)
    return tall > MAX_TALL_SHARE * len(long_words)


def _reading_rank(words: list[OcrWord]) -> tuple[bool, bool, float]:
    """Of two readings of a page turned two ways, the better: one mostly sure first, then
    lines read level, then the surer. A mostly unsure reading never wins on its level lines
    alone: a phone photo's curled lines make short words as tall as their line, so the page
    read upright can look sideways (letter-h-photo.png of the real scans: upright median 79,
    upside down 27 with its garbage level)."""
    return not _doubtful(words), not _sideways(words), _median_confidence(words)


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
    steps = (*prepared.steps, f"scaled to {READ_PPI} ppi")
    return Prepared(np.asarray(gray), READ_PPI, steps, prepared.turn_sure)


def _glyph(word: OcrWord, scale: float) -> Glyph:
    """An OCR word as one glyph of the page, its box in points."""
    x0, top, x1, bottom = (value * scale for value in word[1:5])
    return Glyph(word.text, x0, top, x1, bottom)
