"""Scans and photos → pages read by OCR: PNG, JPEG, TIFF (every frame), and the pages of a PDF
that have no usable text layer (rasterised with pdfium at the OCR resolution).

A page that Tesseract could not finish is kept as an empty ``ocr`` page that says why
(``Page.unread``); the document's other pages are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import CorruptFile, OcrError
from pipeline.models import Page, Provenance
from pipeline.ocr import OcrSettings, Tesseract
from pipeline.ocr.acronyms import repair_acronyms
from pipeline.ocr.engine import open_engine
from pipeline.ocr.page import read_page_image

A4_LONG_INCH = 297 / 25.4
OCR_NEEDED = "ocr-needed"


def read_image(path: Path, source_file: str, settings: OcrSettings) -> tuple[Page, ...]:
    """Every frame of an image file, read by OCR."""
    return read_images([(path, source_file)], settings)


def read_images(files: list[tuple[Path, str]], settings: OcrSettings) -> tuple[Page, ...]:
    """The page images of one decision in page order (every frame of each), read by OCR;
    each page's provenance names the file it is in."""
    frames = [(name, pixels, ppi) for path, name in files for pixels, ppi in _frames(path)]
    grid_ids = count(1)
    engine = open_engine(settings)
    return repair_acronyms(
        tuple(
            _read(pixels, ppi, Provenance(name, number, method="ocr"), engine, settings, grid_ids)
            for number, (name, pixels, ppi) in enumerate(frames, start=1)
        )
    )


def _frames(path: Path) -> list[tuple[np.ndarray, int]]:
    """Every frame of an image file with its resolution."""
    try:
        with Image.open(path) as image:
            if image.format == "PNG" and image.mode in ("L", "RGB", "RGBA"):
                return [(_png_pixels(path, image), _ppi(image))]
            return [(_pixels(frame), _ppi(frame)) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as err:
        raise CorruptFile(f"{path.name} is not a readable image ({err})") from err


def _png_pixels(path: Path, image: Image.Image) -> np.ndarray:
    """A grey or colour PNG's pixels decoded by OpenCV (libpng: 2.1 s against Pillow's 3.1 s
    of CPU for the 18 page PNGs of ``make bench``; the same pixels, PNG being lossless);
    Pillow decodes what OpenCV cannot."""
    from pipeline.ocr.cv import cv2

    pixels = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if pixels is None or pixels.dtype != np.uint8:
        return _pixels(image)
    if pixels.ndim == 2:
        return np.asarray(pixels) if image.mode == "L" else _pixels(image)
    code = cv2.COLOR_BGR2RGB if pixels.shape[2] == 3 else cv2.COLOR_BGRA2RGB
    return np.asarray(cv2.cvtColor(pixels, code))


def ocr_scanned_pages(
    path: Path, pages: tuple[Page, ...], source_file: str, settings: OcrSettings
) -> tuple[Page, ...]:
    """A PDF's pages with every page that has no text layer read by OCR instead."""
    if not any(page.method == OCR_NEEDED for page in pages):
        return pages
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    grid_ids = count(_last_grid(pages) + 1)
    try:
        engine = open_engine(settings)
        read = tuple(
            _read(
                _render(document, page.number, settings.dpi),
                settings.dpi,
                Provenance(source_file, page.number, method="ocr"),
                engine,
                settings,
                grid_ids,
            )  # fmt: skip
            if page.method == OCR_NEEDED
            else page
            for page in pages
        )
        return repair_acronyms(read)
    finally:
        document.close()


def _read(
    pixels: np.ndarray,
    ppi: int,
    where: Provenance,
    engine: Tesseract,
    settings: OcrSettings,
    grid_ids: Iterator[int],
) -> Page:
    try:
        return read_page_image(pixels, ppi, where, engine, settings, grid_ids)
    except OcrError as err:
        return Page(where.page, (), method="ocr", unread=(str(err),))


def _render(document: object, number: int, dpi: int) -> np.ndarray:
    page = document[number - 1]  # type: ignore[index]
    try:
        bitmap = page.render(scale=dpi / 72)
        return np.asarray(bitmap.to_pil().convert("RGB"))
    finally:
        page.close()


def _pixels(frame: Image.Image) -> np.ndarray:
    """RGB (or grey) pixels of one frame; a palette, alpha or 16-bit frame is converted."""
    mode = "L" if frame.mode in ("1", "L", "I;16", "I") else "RGB"
    return np.asarray(frame.convert(mode))


def _ppi(frame: Image.Image) -> int:
    """The frame's resolution: its dpi tag, else its long side taken as A4's."""
    tagged = frame.info.get("dpi")
    if tagged and 100 <= float(tagged[0]) <= 1200:
        return round(float(tagged[0]))
    return max(100, round(max(frame.size) / A4_LONG_INCH))


def _last_grid(pages: tuple[Page, ...]) -> int:
    return max((line.grid or 0 for page in pages for line in page.lines), default=0)
