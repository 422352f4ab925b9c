"""Page images → the files a scanner or a phone writes.

Image-only PDFs carry one JPEG per page and no text layer (Pillow's PDF writer); the TIFF is
multi-page and bilevel with CCITT Group 4 compression, as archive scanners store documents; PNG
(16 grey levels, as a 4-bit grey scan) and JPEG hold one page per file. The mixed PDF keeps the
original's text-layer pages and swaps in a scanned image for the pages it replaces (pypdfium2).
Nothing here reads the clock, so the same images give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

FIXED_DATE = time.gmtime(1_704_067_200)  # 2024-01-01 in every PDF: no run stamps its clock
BILEVEL_THRESHOLD = 150  # grey level below which a pixel is ink in the bilevel TIFF


def write_pdf(images: list[Image.Image], path: Path, dpi: int, quality: int) -> None:
    """An image-only PDF: one JPEG page image per page, no text layer."""
    first, *rest = images
    first.save(
        path,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=dpi,
        quality=quality,
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
    )


def write_tiff(images: list[Image.Image], path: Path, dpi: int) -> None:
    """A multi-page bilevel TIFF, Group 4 compressed."""
    pages = [image.convert("L").point(_ink).convert("1") for image in images]
    first, *rest = pages
    first.save(
        path, "TIFF", save_all=True, append_images=rest, compression="group4", dpi=(dpi, dpi)
    )


def _ink(level: int) -> int:
    return 0 if level < BILEVEL_THRESHOLD else 255


def _sixteen_greys(level: int) -> int:
    return level // 17 * 17


def write_pages(
    images: list[Image.Image], stem: Path, kind: str, dpi: int, quality: int
) -> list[Path]:
    """One file per page: ``stem-1.png`` … or ``stem-1.jpg`` …"""
    paths = []
    for number, image in enumerate(images, start=1):
        path = stem.with_name(f"{stem.name}-{number}.{'png' if kind == 'png' else 'jpg'}")
        if kind == "png":
            grey = image.convert("L").point(_sixteen_greys)
            grey.save(path, "PNG", dpi=(dpi, dpi), optimize=True)
        else:
            image.save(path, "JPEG", dpi=(dpi, dpi), quality=quality)
        paths.append(path)
    return paths


def write_mixed(original: Path, scanned: dict[int, Image.Image], path: Path, quality: int) -> None:
    """The original PDF with the pages in ``scanned`` (1-based) replaced by their images."""
    pdf = pdfium.PdfDocument(original)
    try:
        for number, image in sorted(scanned.items()):
            width, height = pdf[number - 1].get_size()
            pdf.del_page(number - 1)
            page = pdf.new_page(width, height, index=number - 1)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=quality)
            picture = pdfium.PdfImage.new(pdf)
            picture.load_jpeg(buffer, inline=True)
            picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(picture)
            page.gen_content()
        buffer = io.BytesIO()
        pdf.save(buffer)
    finally:
        pdf.close()
    path.write_bytes(_fixed_id(buffer.getvalue()))


def _fixed_id(data: bytes) -> bytes:
    """PDFium writes a random second file /ID; make it a hash of the file, same length."""
    pattern = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
    found = pattern.search(data)
    if found is None:
        return data
    blank = data[: found.start(2)] + b"0" * len(found.group(2)) + data[found.end(2) :]
    digest = hashlib.sha256(blank).hexdigest().upper().encode()[: len(found.group(2))]
    return data[: found.start(2)] + digest + data[found.end(2) :]
