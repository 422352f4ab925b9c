"""A signature heading the page pass did not read (a seal over "TM. CHÍNH PHỦ") is read again
above the signer's name by the real PP-OCR recogniser; a page whose heading was read, or with
no name in its right column, is left as it is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.models import Line, Page, Provenance
from pipeline.ocr.signature import read_signature_heading

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
PPI = 300
TO_PX = PPI / 72


def line(text: str, box: tuple[float, float, float, float]) -> Line:
    return Line(text, Provenance("s.png", 1, bbox=box, method="ocr", confidence=95.0))


def signature_image() -> np.ndarray:
    """A page 595 x 300 pt: the heading at 430 pt across, a ring stamped over it, the name."""
    image = Image.new("L", (round(595 * TO_PX), round(300 * TO_PX)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(BOLD, round(13 * TO_PX))
    draw.text((400 * TO_PX, 100 * TO_PX), "TM. CHÍNH PHỦ", fill=0, font=font)
    draw.text((410 * TO_PX, 118 * TO_PX), "THỦ TƯỚNG", fill=0, font=font)
    ring = tuple(v * TO_PX for v in (330, 80, 440, 190))
    draw.ellipse(ring, outline=90, width=round(2 * TO_PX))  # the seal's ring, grey
    draw.text((415 * TO_PX, 190 * TO_PX), "Nguyễn Xuân Phúc", fill=0, font=font)
    return np.asarray(image)


NAME = line("Nguyễn Xuân Phúc", (415.0, 192.0, 525.0, 205.0))
RECIPIENTS = line("- Văn phòng Quốc hội;", (60.0, 120.0, 200.0, 131.0))


def test_the_heading_over_an_unheaded_name_is_read_in_capitals() -> None:
    page = Page(1, (RECIPIENTS, NAME), width=595.0, height=300.0, method="ocr")
    lines = read_signature_heading(page, signature_image(), PPI).lines
    read = [lin.text.replace(" ", "").replace(".", "") for lin in lines[1:-1]]
    assert read[0] == "TMCHINHPHU", read
    assert lines[0] == RECIPIENTS and lines[-1] == NAME


def test_a_page_whose_heading_was_read_or_that_signs_nowhere_is_left_alone() -> None:
    heading = line("TM. CHÍNH PHỦ", (400.0, 100.0, 520.0, 113.0))
    page = Page(1, (RECIPIENTS, heading, NAME), width=595.0, height=300.0, method="ocr")
    assert read_signature_heading(page, signature_image(), PPI) == page
    left = line("Nguyễn Xuân Phúc", (60.0, 192.0, 170.0, 205.0))  # a name in the left column
    page = Page(1, (left,), width=595.0, height=300.0, method="ocr")
    assert read_signature_heading(page, signature_image(), PPI) == page
