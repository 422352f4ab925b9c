"""Crops of scanned rows, from every kind of scanned source, as the OCR saw the page.

A value read by OCR has its box in points on the *prepared* page (stamps dropped, a photo
flattened, turned upright, deskewed, scaled to the reading resolution), so the page is prepared
again here by the same steps (pipeline/ocr/prepare.py) from the file it came from: a PDF page
rendered at the OCR resolution, a frame of a PNG, JPEG or multi-frame TIFF, or one of the page
files of a decision saved one file per page (``documents.source_parts``). A source that is gone
or cannot be read gives no crop, never an error: its flags are shown without one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from pipeline.errors import DecisionsError
from pipeline.ingest.image import _frames, _render
from pipeline.models import BBox
from pipeline.ocr import OcrSettings, Tesseract
from pipeline.ocr.page import _at_reading_resolution, _detector
from pipeline.ocr.prepare import prepare

CROP_PPI = 150  # a row stays legible at half the reading resolution, in a quarter of the bytes
PAGE_WIDTH_PX = 600  # a page-level flag (a page not read) shows the whole page this wide
PAD_X_PT, PAD_Y_PT = 4.0, 1.0  # points around the row (more above and below shows the
# neighbouring rows' halves, which a reader takes for part of this one)
Pixels = tuple[np.ndarray, int]  # grey page as the OCR read it, and its ppi


@dataclass
class ScannedPages:
    """Prepared page images of scanned sources, each prepared once (mutable: a cache)."""

    settings: OcrSettings = field(default_factory=OcrSettings)
    _pages: dict[tuple[tuple[str, ...], int], Pixels | None] = field(default_factory=dict)
    _frames: dict[str, list[Pixels]] = field(default_factory=dict)
    _engine: Any = None

    def crop(self, files: tuple[str, ...], page: int, bbox: BBox | None) -> bytes | None:
        """PNG of ``bbox`` (points; None: the whole page) on 1-based ``page`` of the pages
        ``files`` hold in order; None when the page cannot be had."""
        key = (files, page)
        if key not in self._pages:
            self._pages[key] = self._prepared(files, page)
        prepared = self._pages[key]
        if prepared is None:
            return None
        gray, ppi = prepared
        return _png(gray, ppi, bbox)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def _prepared(self, files: tuple[str, ...], page: int) -> Pixels | None:
        try:
            found = self._page_image(files, page)
            if found is None:
                return None
            pixels, ppi = found
            ready = _at_reading_resolution(prepare(pixels, ppi, self.settings, self._detect()))
            return ready.gray, ready.ppi
        except (OSError, ValueError, IndexError, DecisionsError):
            return None  # gone, unreadable, or no Tesseract for the orientation: no crop
        except Exception as err:  # pdfium's errors are not OSError
            if type(err).__module__.startswith("pypdfium2"):
                return None
            raise

    def _page_image(self, files: tuple[str, ...], page: int) -> Pixels | None:
        """The page's pixels as the reader had them, before preparation."""
        remaining = page
        for name in files:
            path = Path(name)
            if not path.is_file():
                return None
            if _is_pdf(path):
                import pypdfium2 as pdfium

                document = pdfium.PdfDocument(str(path))
                try:
                    if remaining <= len(document):
                        return _render(document, remaining, self.settings.dpi), self.settings.dpi
                    remaining -= len(document)
                finally:
                    document.close()
                continue
            frames = self._frames.setdefault(name, _frames(path))
            if remaining <= len(frames):
                return frames[remaining - 1]
            remaining -= len(frames)
        return None

    def _detect(self) -> Any:
        if self._engine is None:
            self._engine = Tesseract(self.settings)
        return _detector(self._engine)


def parse_bbox(text: str | None) -> BBox | None:
    """ "x0,top,x1,bottom" as the CSVs hold it → a BBox (None when empty or malformed)."""
    if not text:
        return None
    try:
        x0, top, x1, bottom = (float(part) for part in text.split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom)


def _is_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(1024).lstrip().startswith(b"%PDF")


def _png(gray: np.ndarray, ppi: int, bbox: BBox | None) -> bytes:
    image = Image.fromarray(gray)
    if bbox is None:
        factor = PAGE_WIDTH_PX / image.width
    else:
        scale = ppi / 72
        x0, top, x1, bottom = bbox
        box = (
            max(0, int((x0 - PAD_X_PT) * scale)),
            max(0, int((top - PAD_Y_PT) * scale)),
            min(image.width, int((x1 + PAD_X_PT) * scale) + 1),
            min(image.height, int((bottom + PAD_Y_PT) * scale) + 1),
        )
        if box[0] >= box[2] or box[1] >= box[3]:
            raise ValueError(f"box {bbox} lies outside the page image")
        image = image.crop(box)
        factor = min(1.0, CROP_PPI / ppi)
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    buffer = io.BytesIO()
    image.resize(size, Image.Resampling.LANCZOS).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
