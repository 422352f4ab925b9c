"""A crop of the printed row a scanned value came from, as PNG bytes to embed in the page.

``crop_row`` takes a page image (a path or its bytes) and a box in PDF points (x0, top, x1,
bottom, origin top-left, as Provenance.bbox); ``page_image`` renders a PDF page with pypdfium2.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from pipeline.models import BBox

DEFAULT_SCALE = 2.0  # render at 144 dpi: a table row stays legible
DEFAULT_PAD = 4.0  # points around the row


def page_image(pdf: Path, page: int, scale: float = DEFAULT_SCALE) -> tuple[bytes, float]:
    """PNG bytes of a 1-based PDF page, and the page's width in points."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        sheet = document[page - 1]
        width = float(sheet.get_width())
        image = sheet.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue(), width
    finally:
        document.close()


def crop_row(
    image: bytes | Path, bbox: BBox, page_width: float | None = None, pad: float = DEFAULT_PAD
) -> bytes:
    """PNG bytes of ``bbox`` (points) cut out of a page image, ``pad`` points around it.

    ``page_width``: the page's width in points, to scale points to pixels (None: 1 pt = 1 px).
    """
    source = Image.open(io.BytesIO(image) if isinstance(image, bytes) else image)
    scale = source.width / page_width if page_width else 1.0
    x0, top, x1, bottom = bbox
    box = (
        max(0, int((x0 - pad) * scale)),
        max(0, int((top - pad) * scale)),
        min(source.width, int((x1 + pad) * scale) + 1),
        min(source.height, int((bottom + pad) * scale) + 1),
    )
    if box[0] >= box[2] or box[1] >= box[3]:
        raise ValueError(f"box {bbox} lies outside the page image")
    buffer = io.BytesIO()
    source.crop(box).save(buffer, format="PNG")
    return buffer.getvalue()


def parse_bbox(text: str | None) -> BBox | None:
    """ "x0,top,x1,bottom" as the CSVs hold it → a BBox (None when empty or malformed)."""
    if not text:
        return None
    try:
        x0, top, x1, bottom = (float(part) for part in text.split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom)
