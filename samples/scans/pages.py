"""The real PDF pages, rasterised with pypdfium2, and where things are printed on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

Point = tuple[float, float]  # (x, y) in pixels, origin top-left


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: RGB pixels at ``dpi`` and the page's number in its PDF."""

    number: int  # 1-based
    pixels: np.ndarray  # (height, width, 3) uint8
    dpi: int


def render_pages(pdf: Path, dpi: int) -> list[PageImage]:
    """Every page of ``pdf`` as RGB pixels at ``dpi``."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72)
            pixels = np.asarray(bitmap.to_pil().convert("RGB")).copy()
            pages.append(PageImage(index + 1, pixels, dpi))
        return pages
    finally:
        document.close()


def find_text(pdf: Path, text: str, dpi: int) -> tuple[int, Point] | None:
    """The first page printing ``text`` and the top-left corner of it there, in pixels."""
    document = pdfium.PdfDocument(pdf)
    try:
        found = text_box(document, text, dpi)
        return None if found is None else (found[0], (found[1], found[2]))
    finally:
        document.close()


def text_box(
    document: pdfium.PdfDocument, text: str, dpi: int
) -> tuple[int, float, float, float] | None:
    """Page, left x, top y and height (pixels) of the first place ``text`` is printed."""
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        hit = textpage.search(text).get_next()
        if hit is None:
            continue
        left, bottom, _right, top = textpage.get_charbox(hit[0])
        scale, height = dpi / 72, page.get_size()[1]
        return index + 1, left * scale, (height - top) * scale, (top - bottom) * scale
    return None
