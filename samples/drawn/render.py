"""Clean page images of one seed's decision from the tool it was typeset with.

Chromium and LibreOffice write a real PDF, rasterised here with pypdfium2 (the samples'
``scans.pages``); the direct route draws the pages itself. Either way the blanks left for
handwriting are located: on a PDF by searching the words printed right after each blank.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from scans.pages import text_box

from .content import Paper
from .direct import draw_pages
from .look import Look
from .typeset import chromium_pdf, libreoffice_pdf

Anchor = tuple[int, float, float, float]  # page, x, y (top), width of the blank, pixels


def pdf_anchors(pdf_path: Path, paper: Paper, look: Look, dpi: int) -> dict[str, Anchor]:
    """Where the clerk writes: left of the suffix, left of "tháng", left of "năm <year>"."""
    words = {"number": paper.suffix, "day": "tháng", "month": f"năm {paper.year}"}
    em = look.size * dpi / 72
    pdf = pdfium.PdfDocument(pdf_path)
    anchors: dict[str, Anchor] = {}
    try:
        for key, text in words.items():
            found = text_box(pdf, text, dpi)
            if found is None:
                continue
            page, x, y, height = found
            gap = 2.3 * em
            anchors[key] = (page, x - gap - 0.15 * em, y - max(0.0, em * 0.75 - height), gap)
    finally:
        pdf.close()
    return anchors


def render(pdf: Path, dpi: int) -> list[np.ndarray]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            np.asarray(document[k].render(scale=dpi / 72).to_pil().convert("RGB")).copy()
            for k in range(len(document))
        ]
    finally:
        document.close()


def clean_pages(
    paper: Paper, look: Look, dpi: int, keep: Path | None = None
) -> tuple[list[np.ndarray], dict[str, Anchor]]:
    """The printed pages before any paper, ink or scanner touched them; ``keep``: the PDF."""
    if look.tool == "direct":
        return draw_pages(paper, look, dpi)
    with tempfile.TemporaryDirectory(prefix="drawn-") as scratch:
        pdf = keep or Path(scratch) / "typeset.pdf"
        (chromium_pdf if look.tool == "chromium" else libreoffice_pdf)(paper, look, pdf)
        anchors = pdf_anchors(pdf, paper, look, dpi) if look.blanks else {}
        return render(pdf, dpi), anchors
