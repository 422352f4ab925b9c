"""A signature block's heading that the page pass did not read, read again by PP-OCR.

A seal stamped over "TM. CHÍNH PHỦ" / "THỦ TƯỚNG" makes Tesseract take the block for a picture:
the page pass reads the signer's name under it and nothing above (decree-j-last.jpg of the real
scans). When a page's last name in the right column (two to five capitalised words, the way a
signer's name is printed) has nothing read above it in its column for ``REACH`` of its heights,
each row of ink there as tall as a line of text is read by PP-OCR's recogniser, masked to
capitals (its model has no Vietnamese marks: "TMCHINH PHU"). A row it reads with some certainty
becomes a prose line of the page in those capitals; the metadata reader matches them with the
words the document prints (``issuing.on_behalf_of``), the reading and the print being two
witnesses of one name. Pages whose signature heading was read pay nothing.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from pipeline.models import Line, Page
from pipeline.ocr.engine import Reading
from pipeline.ocr.prepare import binarize
from pipeline.ocr.second import shared_reader

CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ. "
REACH = 10.0  # name heights above the name where its heading stands
WIDE = 1.0  # name widths to either side of its centre: the heading's column
ROW_SHARE = 0.5  # of the densest row's ink: a row of text, not the seal's ring or a stroke
ROW_HEIGHTS = (0.6, 2.2)  # a row of text is this many name heights tall
SURE = 20.0  # PP-OCR's lowest character probability (0-100) for a row to be kept
MARGINS = (0.15, 0.35)  # name heights of margin above and below a row, each read
MIN_LETTERS = 4


def read_signature_heading(page: Page, image: np.ndarray, ppi: int) -> Page:
    """``page`` with the rows above an unheaded signer's name read again (see the module)."""
    found = _unheaded_name(page)
    if found is None:
        return page
    index, name = found
    assert name.at.bbox is not None
    x0, top, x1, bottom = (value * ppi / 72 for value in name.at.bbox)
    height, centre, half = bottom - top, (x0 + x1) / 2, WIDE * (x1 - x0)
    left, right = max(0, round(centre - half)), min(image.shape[1], round(centre + half))
    upper = max(0, round(top - REACH * height))
    crop = image[upper : round(top), left:right]
    rows = _text_rows(binarize(crop) if crop.size else crop, height)
    read: list[Line] = []
    for row_top, row_bottom in rows:
        reading = _best_reading(crop, row_top, row_bottom, height)
        if reading is not None:
            box = tuple(v * 72 / ppi for v in (left, upper + row_top, right, upper + row_bottom))
            at = replace(name.at, bbox=box, confidence=reading.confidence)  # type: ignore[arg-type]
            read.append(Line(" ".join(reading.text.split()), at))
    if not read:
        return page
    return replace(page, lines=(*page.lines[:index], *read, *page.lines[index:]))


def _best_reading(crop: np.ndarray, top: int, bottom: int, height: float) -> Reading | None:
    """The row read with a narrow and a wide margin (a mark above the capitals, "Ủ", is cut off
    by one, a neighbour row's edge caught by the other): the reading with most letters of
    those read with some certainty."""
    readings = []
    for margin in MARGINS:
        pad = round(margin * height)
        reading = shared_reader(CAPITALS).read(crop[max(0, top - pad) : bottom + pad])
        letters = sum(char.isalpha() for char in reading.text)
        if letters >= MIN_LETTERS and reading.confidence >= SURE:
            readings.append((letters, reading.confidence, reading))
    return max(readings, key=lambda found: found[:2])[2] if readings else None


def _is_name(line: Line) -> bool:
    words = line.text.split()
    return 2 <= len(words) <= 5 and all(
        word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())
        for word in words
    )


def _unheaded_name(page: Page) -> tuple[int, Line] | None:
    """The last name printed in the page's right half, when nothing was read above it in its
    column: its place among the page's lines and the line."""
    if page.width is None:
        return None
    names = [
        (index, line)
        for index, line in enumerate(page.lines)
        if not line.cells and line.at.bbox and _is_name(line)
        and (line.at.bbox[0] + line.at.bbox[2]) / 2 > page.width / 2
    ]  # fmt: skip
    if not names:
        return None
    index, name = names[-1]
    assert name.at.bbox is not None
    x0, top, x1, bottom = name.at.bbox
    centre, half, reach = (x0 + x1) / 2, WIDE * (x1 - x0), top - REACH * (bottom - top)
    for line in page.lines:
        box = line.at.bbox
        if line is name or box is None or sum(char.isalpha() for char in line.text) < 2:
            continue
        if reach < box[3] <= top and box[0] < centre + half and box[2] > centre - half:
            return None  # its heading (or other text) was read
    return index, name


def _text_rows(ink: np.ndarray, height: float) -> list[tuple[int, int]]:
    """Runs of crop rows inked at least ``ROW_SHARE`` of the densest, as tall as text."""
    if ink.size == 0:
        return []
    profile = (ink > 0).sum(axis=1)
    dense = profile >= ROW_SHARE * profile.max() if profile.max() else profile > 0
    rows, start = [], None
    for index, inked in enumerate([*dense, False]):
        if inked and start is None:
            start = index
        elif not inked and start is not None:
            if ROW_HEIGHTS[0] * height <= index - start <= ROW_HEIGHTS[1] * height:
                rows.append((start, index))
            start = None
    return rows
