"""The cells of an OCR page, read again where the page pass is not enough.

Each cell gets the confidence of the page-pass words inside it. A cell of a numeric column
(most of its cells read as numbers) is read again by the digits-only pass: its ink is cut out,
scaled to the height Tesseract reads digits best at, and set on a white margin. Where the two
readings disagree the cell keeps both (``Provenance.alternatives``). A text cell the page pass
was unsure of (a narrow wrapped header) is read again on its own as a block.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace

import numpy as np

from pipeline.geometry.text import nfc
from pipeline.models import BBox, Cell, Line, Word
from pipeline.ocr.cv import cv2
from pipeline.ocr.engine import OcrWord, Reading, Rect, Tesseract
from pipeline.ocr.lexicon import restore_tones
from pipeline.ocr.readings import (
    NUMERIC,
    has_digit,
    is_mark,
    is_vietnamese_letter,
    looks_numeric,
    meaningful,
    settle,
    short_enough,
    squeeze,
    vote,
)

STRAY_MARKS = " '`‘’\"´"
NUMERIC_COLUMN_SHARE = 0.5  # a column where at least this share of cells read as numbers
MIN_INK_SHARE = 0.004  # a cell with less ink than this is blank (specks, rule remnants)
LINE_PADDING = 6  # pixels around a prose line read again on its own
CROP_MARGIN = 12  # white pixels around a cell's ink for the digits pass
# Height of a cell's ink for the digits pass. Measured on the 1,127 numeric cells of the fixture
# PDFs rendered at 300 dpi: 100% right at 20-22 px, 97.5% unscaled (~35 px: lone digits lost).
DIGIT_HEIGHT_PX = 21
# An unsure reading at that height is read again at these, and the heights vote (a "79.5" at
# 30 px read "735" at 21 px, "79.5" at 16 and 24 px).
RETRY_HEIGHTS_PX = (16, 24, 28)
DIGITS_PPI = 300
# A number the page pass reads this sure of is not read again by the digits pass (its ink is
# still kept for the second reading). On the 18 scanned pages of samples/scanned/, of 924
# cells read as a number at 95 or more, the digits pass agreed on 916; the other 8 were a
# separator read "." for "," (5) and "4.5" read "45" (3): none a number it read better.
SURE_NUMBER = 95.0


class WordIndex:
    """The page-pass words by the height of their centre, to find those inside a cell."""

    def __init__(self, words: list[OcrWord], scale: float) -> None:
        self._words = sorted(words, key=lambda w: w.top + w.bottom)
        self._keys = [(w.top + w.bottom) / 2 * scale for w in self._words]
        self._scale = scale

    def confidence(self, bbox: BBox) -> float | None:
        """The lowest confidence of the words whose centre lies in the box."""
        found = self.confidences(bbox)
        return min(found) if found else None

    def confidences(self, bbox: BBox) -> list[float]:
        """The confidence of each word whose centre lies in the box."""
        x0, top, x1, bottom = bbox
        return [
            word.confidence
            for word in self._words[bisect_left(self._keys, top) : bisect_right(self._keys, bottom)]
            if x0 <= (word.x0 + word.x1) / 2 * self._scale <= x1
        ]


class CellReader:
    """Gives each cell its confidence, and reads numeric cells again digits-only."""

    def __init__(
        self,
        engine: Tesseract,
        page: tuple[np.ndarray, np.ndarray],  # the grey page without rules, and its ink
        words: WordIndex,
        ppi: int,
        rule: float,
        sure: float,
        digits: bool = True,  # False: the page pass alone (to measure the digits pass)
    ) -> None:
        self._engine, (self._gray, self._ink), self._words = engine, page, words
        self._digits_pass = digits
        self._to_px = ppi / 72
        self._inset = round(rule / 2) + 2
        self._sure = sure
        self._floor: float | None = None  # the top of the next row of the row being read
        self.crops: dict[BBox, np.ndarray] = {}
        """The ink of each cell the digits pass read, by the cell's box: what a second,
        independent reading looks at later (``pipeline.ocr.witness``)."""

    def refine(self, lines: tuple[Line, ...]) -> tuple[Line, ...]:
        """Every line of a page, its grid rows' cells read again where needed.

        Above a grid's first row of numbers lies its header, where only unsure text is read
        again; below, the cells of numeric columns get the digits pass too.
        """
        numeric = numeric_columns(lines)
        floors = _floors(lines)
        in_body: set[int | None] = set()
        refined = []
        for index, line in enumerate(lines):
            if not line.is_row:
                refined.append(self._prose(line))
                continue
            self._floor = floors.get(index)
            if sum(looks_numeric(squeeze(cell.text)) for cell in line.cells) >= 2:
                in_body.add(line.grid)
            body = line.grid in in_body
            columns = numeric.get(line.grid, frozenset()) if body else frozenset()
            refined.append(self._row(line, columns, body))
        return tuple(refined)

    def _prose(self, line: Line) -> Line:
        """A prose line, read again on its own where the page pass was unsure of a word (a
        signer's name beside the stamp's remains)."""
        words = tuple(
            replace(word, at=replace(word.at, confidence=self._words.confidence(word.at.bbox)))
            if word.at.bbox
            else word
            for word in line.words
        )
        sure = [word.at.confidence for word in words if word.at.confidence is not None]
        line = replace(line, text=restore_tones(line.text), words=words)
        if not sure or min(sure) >= self._sure or line.at.bbox is None:
            return line
        reading = self._engine.read_block(self._rect(line.at.bbox, inset=-LINE_PADDING))
        if reading.confidence < max(self._sure, sum(sure) / len(sure)):  # junk stays junk
            return line
        text = nfc(reading.text)
        tokens = text.split()
        if len(tokens) != len(words):  # other words: the page pass's boxes no longer hold
            return replace(line, text=restore_tones(text), words=())
        reread = tuple(_reread_word(word, token, reading.confidence)
                       for word, token in zip(words, tokens, strict=True))  # fmt: skip
        text = " ".join(word.text for word in reread)
        return replace(line, text=restore_tones(text), words=reread)

    def _row(self, line: Line, numeric: frozenset[int], body: bool) -> Line:
        if not any(meaningful(cell.text) for cell in line.cells):  # specks between two rules
            cells = tuple(replace(cell, text="") for cell in line.cells)
        else:
            read = self._cell if body else self._header_cell
            cells = tuple(
                read(cell, index in numeric and not _spans(line.cells, index))
                for index, cell in enumerate(line.cells)
            )
        cells = tuple(replace(cell, text=_tidy(cell.text)) for cell in cells)
        return replace(line, cells=cells, text=" | ".join(cell.text for cell in cells))

    def _cell(self, cell: Cell, in_numeric_column: bool) -> Cell:
        if cell.spanned or cell.at.bbox is None:
            return cell
        confidence = self._words.confidence(cell.at.bbox)
        squeezed = "".join(cell.text.split())
        candidate = squeeze(cell.text)
        rect = self._rect(cell.at.bbox)
        deepened = self._deepened(cell.at.bbox)
        deep = deepened != cell.at.bbox  # an unruled row: the gap below is no rule's
        unsure = (confidence or 0.0) < self._sure
        if looks_numeric(candidate) or (in_numeric_column and short_enough(squeezed)):
            sure = (confidence or 0.0) >= SURE_NUMBER and NUMERIC.match(squeezed) is not None
            digits = self._digits(self._rect(deepened), cell.at.bbox, not sure, deep)
            if not NUMERIC.match(digits.text) and candidate != squeezed:
                return self._reread(cell, rect, confidence)  # "S11" for "STT": letters
            text, confidence, others = settle(squeezed, confidence, digits)
        elif not squeezed and self._has_ink(rect):
            reading = self._digits(self._rect(deepened), cell.at.bbox, deep=deep)
            if not NUMERIC.match(reading.text):
                return cell
            text, confidence, others = reading.text, reading.confidence, ()
        elif squeezed and unsure and in_numeric_column and not is_mark(squeezed):
            return self._garbled(cell, rect, confidence)
        elif squeezed and unsure:
            return self._reread(cell, rect, confidence)
        else:
            return replace(cell, at=replace(cell.at, confidence=confidence))
        return Cell(text, replace(cell.at, confidence=confidence, alternatives=others))

    def _deepened(self, bbox: BBox) -> BBox:
        """A cell's box down to the next row of its grid: an unruled row's box ends with the
        lines the page pass read, and the last digits of a number broken in a narrow column
        ("11.6" over "5") it often does not read lie below."""
        x0, top, x1, bottom = bbox
        if self._floor is None or self._floor <= bottom:  # ruled: the next row starts here
            return bbox
        return (x0, top, x1, self._floor)

    def _garbled(self, cell: Cell, rect: Rect, confidence: float | None) -> Cell:
        """A number the page pass made letters of ("».g Ấy (" for 27,7): the digits pass
        decides when it is sure; otherwise the cell is read again as text."""
        assert cell.at.bbox is not None  # _cell reads boxed cells only
        digits = self._digits(rect, cell.at.bbox)
        if NUMERIC.match(digits.text) and digits.confidence >= self._sure:
            return Cell(digits.text, replace(cell.at, confidence=digits.confidence))
        return self._reread(cell, rect, confidence)

    def _header_cell(self, cell: Cell, in_numeric_column: bool) -> Cell:
        """A header cell: words ("TT" read as "11" by an unsure page pass) come first."""
        if cell.spanned or cell.at.bbox is None:
            return cell
        confidence = self._words.confidence(cell.at.bbox)
        if (confidence or 0.0) >= self._sure:
            return self._cell(cell, in_numeric_column)
        reread = self._reread(cell, self._rect(cell.at.bbox), confidence)
        if any(map(is_vietnamese_letter, reread.text)):
            return reread
        return self._cell(cell, in_numeric_column)

    def _reread(self, cell: Cell, rect: Rect, confidence: float | None) -> Cell:
        """A text cell the page pass was unsure of (narrow wrapped headers), read on its own."""
        reading = self._engine.read_block(rect)
        if reading.text and reading.confidence > (confidence or 0.0):
            return Cell(nfc(reading.text), replace(cell.at, confidence=reading.confidence))
        return replace(cell, at=replace(cell.at, confidence=confidence))

    def _rect(self, bbox: BBox, inset: int | None = None) -> Rect:
        """The pixels of a box, inset past the cell's rules (or, negative, padded)."""
        x0, top, x1, bottom = (round(v * self._to_px) for v in bbox)
        inset = self._inset if inset is None else inset
        height, width = self._ink.shape
        return Rect(
            max(0, x0 + inset), max(0, top + inset),
            min(width, max(x0 + inset + 1, x1 - inset)),
            min(height, max(top + inset + 1, bottom - inset)),
        )  # fmt: skip

    def _digits(self, rect: Rect, key: BBox, read: bool = True, deep: bool = False) -> Reading:
        """The digits pass on the cell's ink: cut out, scaled to the digit height Tesseract
        reads best, and set on a white margin. The ink is kept under ``key`` (also when
        ``read`` is False: a number the page pass is sure of, kept for the second reading)."""
        region = self._ink[rect.top : rect.bottom, rect.x0 : rect.x1]
        rows, columns = np.nonzero(region)
        if rows.size == 0 or not self._digits_pass:
            return Reading("", 0.0)
        top, bottom = rect.top + rows.min(), rect.top + rows.max() + 1
        left, right = rect.x0 + columns.min(), rect.x0 + columns.max() + 1
        ink = self._gray[top:bottom, left:right]
        self.crops[key] = ink.copy()
        bands = _line_bands(region[top - rect.top : bottom - rect.top] > 0) if deep else []
        if len(bands) > 1:  # "11.6" over "5": a number broken in its narrow column, read
            # line by line, also where the page pass was sure of the line it read
            joined = _joined_lines([self._digits_of(ink[a:b]) for a, b in bands])
            if joined is not None:
                return joined
        if not read:
            return Reading("", 0.0)
        return self._digits_of(ink)

    def _digits_of(self, ink: np.ndarray) -> Reading:
        """The digits pass on one line of ink; an unsure reading is read at other heights."""
        first = self._read_at(ink, DIGIT_HEIGHT_PX)
        if first.confidence >= self._sure:
            return first
        return vote([first, *(self._read_at(ink, height) for height in RETRY_HEIGHTS_PX)])

    def _read_at(self, ink: np.ndarray, height: int) -> Reading:
        """The digits pass on ink scaled to ``height`` pixels, on a white margin."""
        factor = height / ink.shape[0]
        size = (max(1, round(ink.shape[1] * factor)), height)
        method = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
        scaled = cv2.resize(ink, size, interpolation=method)
        crop = cv2.copyMakeBorder(scaled, *(CROP_MARGIN,) * 4, cv2.BORDER_CONSTANT, value=255)
        return self._engine.read_number(crop, DIGITS_PPI)

    def _has_ink(self, rect: Rect) -> bool:
        region = self._ink[rect.top : rect.bottom, rect.x0 : rect.x1]
        return region.size > 0 and float((region > 0).mean()) >= MIN_INK_SHARE


def _floors(lines: tuple[Line, ...]) -> dict[int, float]:
    """For each grid row, where the cells' ink may reach down to: the top of the next row of
    its grid (less a point: its ascenders stay out); for the last row of an unruled grid (its
    rows parted by gaps), as far below as the rows above reach, the middle of their gaps."""
    floors: dict[int, float] = {}
    last: dict[int | None, int] = {}
    gaps: dict[int | None, list[float]] = defaultdict(list)
    for index, line in enumerate(lines):
        if not line.is_row or line.at.bbox is None:
            continue
        before = last.get(line.grid)
        if before is not None:
            floors[before] = line.at.bbox[1] - 1.0
            gaps[line.grid].append(floors[before] - _bottom(lines[before]))
        last[line.grid] = index
    for grid, index in last.items():
        parted = sorted(gap for gap in gaps[grid] if gap > 0)
        if len(parted) >= 2:
            floors[index] = _bottom(lines[index]) + parted[len(parted) // 2]
    return floors


def _bottom(line: Line) -> float:
    assert line.at.bbox is not None  # _floors reads boxed rows only
    return line.at.bbox[3]


def _line_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """The rows of each line of text in a cell's ink (top to bottom, parted by rows with no
    ink), without bands less than half the tallest's height (specks, a stray stroke)."""
    inked: list[bool] = [bool(on) for on in np.asarray(ink.any(axis=1)).ravel()] + [False]
    bands: list[tuple[int, int]] = []
    start: int | None = None
    for row, on in enumerate(inked):
        if on and start is None:
            start = row
        elif not on and start is not None:
            bands.append((start, row))
            start = None
    tallest = max((b - a for a, b in bands), default=0)
    return [(a, b) for a, b in bands if 2 * (b - a) >= tallest]


def _joined_lines(readings: list[Reading]) -> Reading | None:
    """The readings of a number's lines as one number, as unsure as its least sure line;
    None when a line is no number (a line of words below, a stroke)."""
    if any(not NUMERIC.match(reading.text) for reading in readings):
        return None
    return Reading("".join(r.text for r in readings), min(r.confidence for r in readings))


def numeric_columns(lines: tuple[Line, ...]) -> dict[int | None, frozenset[int]]:
    """For each grid, the columns most of whose filled cells the page pass read as numbers."""
    filled: dict[int | None, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    numbers: dict[int | None, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        for index, cell in enumerate(line.cells):
            if cell.text and not cell.spanned:
                filled[line.grid][index] += 1
                numbers[line.grid][index] += looks_numeric(squeeze(cell.text))
    return {
        grid: frozenset(
            i for i, n in counts.items() if numbers[grid][i] >= n * NUMERIC_COLUMN_SHARE
        )
        for grid, counts in filled.items()
    }


def _reread_word(word: Word, token: str, confidence: float) -> Word:
    """A prose word as the line's second reading gives it (its box kept); a number's strokes
    the line's reading makes letters of stay as the page pass read them (a handwritten day
    "3|" read "ä{_" in the blank of "ngày … tháng")."""
    if token == word.text or (has_digit(word.text) and not has_digit(token)):
        return word
    return Word(token, replace(word.at, confidence=confidence))


def _tidy(text: str) -> str:
    """A text cell as printed: known phrases' tone marks restored, stray quote marks the scan's
    specks left at its ends ("'TT") dropped."""
    return restore_tones(text.strip(STRAY_MARKS)) if text else text


def _spans(cells: tuple[Cell, ...], index: int) -> bool:
    """Whether the cell is merged over the next column (a band row "MỨC KHÁ"): no number."""
    return index + 1 < len(cells) and cells[index + 1].spanned
