"""A number broken in a narrow unruled column ("11.6" over "5") is read whole by the digits
pass, its last digits below the line the page pass read included."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.models import Cell, Line, Provenance
from pipeline.ocr.cells import CellReader, WordIndex
from pipeline.ocr.engine import open_engine
from pipeline.ocr.prepare import binarize
from pipeline.ocr.settings import OcrSettings

PPI = 300
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SCALE = 72 / PPI


def _page() -> np.ndarray:
    """Two unruled rows of two number columns; the first row's numbers wrap their last digit."""
    image = Image.new("L", (700, 420), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    for text, x, y in [("11.6", 60, 40), ("5", 60, 100), ("39.1", 360, 40), ("0", 360, 100),
                       ("9.45", 60, 260), ("31.50", 360, 260)]:  # fmt: skip
        draw.text((x, y), text, font=font, fill=0)
    return np.asarray(image)


def _box(x0: float, top: float, x1: float, bottom: float) -> Provenance:
    return Provenance("p.png", 1, (x0 * SCALE, top * SCALE, x1 * SCALE, bottom * SCALE))


def _row(texts: list[str], top_px: float, bottom_px: float) -> Line:
    spans = [(40, 300), (340, 620)]
    cells = tuple(Cell(text, _box(x0, top_px, x1, bottom_px))
                  for text, (x0, x1) in zip(texts, spans, strict=True))  # fmt: skip
    return Line(" | ".join(texts), _box(40, top_px, 620, bottom_px), cells=cells, grid=1)


def test_the_last_digits_below_a_wrapped_number_are_read_with_it() -> None:
    gray = _page()
    engine = open_engine(OcrSettings())
    engine.set_page(gray, PPI)
    reader = CellReader(engine, (gray, binarize(gray)), WordIndex(engine.words(), SCALE), PPI,
                        3.0, OcrSettings().low_confidence)  # fmt: skip
    # the page pass read the rows' first lines only: the lone digits below went unread
    lines = (_row(["11.6", "39.1"], 35, 95), _row(["9.45", "31.50"], 255, 315))
    first, second = reader.refine(lines)
    assert [cell.text for cell in first.cells] == ["11.65", "39.10"]
    assert [cell.text for cell in second.cells] == ["9.45", "31.50"]
