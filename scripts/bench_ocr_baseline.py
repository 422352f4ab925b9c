"""The baseline of the OCR benchmark: bare Tesseract, full page, on the scanned fixtures' pages.

Every page image of samples/scanned/ (the scanned pages only: a mixed PDF's text pages are not
OCR work) is written once as PNG at its own resolution — TIFF frames, PNG and JPEG pages as
they are, image-only PDF pages rasterised with pypdfium2 at the dpi they were scanned at — and
``tesseract PAGE.png - -l vie`` is timed on each, one after the other. ``make bench`` sets the
pipeline's OCR pages/s beside this (``baseline()``); run alone it prints the figures.

Run: python scripts/bench_ocr_baseline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageSequence

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"
TIMEOUT = 300  # seconds per page: a hung Tesseract fails the benchmark, it is not a figure


def _pdf_pages(path: Path, pages: list[int], dpi: int) -> Iterator[Image.Image]:
    document = pdfium.PdfDocument(path)
    try:
        for number in pages:
            yield document[number - 1].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def _images(scan: dict[str, Any]) -> Iterator[Image.Image]:
    """The scanned page images of one output, as Tesseract would be given them."""
    scanned = [p["page"] for p in scan["pages"] if not p.get("text_layer")]
    for item in scan["files"]:
        path = SCANNED / item["file"]
        if path.suffix == ".pdf":
            numbers = [n for n, page in enumerate(item["pages"], 1) if page in scanned]
            yield from _pdf_pages(path, numbers, scan["dpi"])
            continue
        with Image.open(path) as image:
            for frame in ImageSequence.Iterator(image):
                yield frame.convert("L" if frame.mode in ("1", "L") else "RGB")


def page_images(folder: Path, manifest: Path = SCANNED / "manifest.json") -> list[Path]:
    """Write every scanned page of the fixtures into ``folder`` as PNG; returns the paths."""
    scans = json.loads(manifest.read_text(encoding="utf-8"))["scans"]
    paths = []
    for scan in scans:
        for number, image in enumerate(_images(scan), start=1):
            path = folder / f"{scan['name']}-{number}.png"
            image.save(path)
            paths.append(path)
    return paths


def time_tesseract(pages: list[Path], language: str = "vie") -> float:
    """Seconds for ``tesseract PAGE - -l vie`` on every page, one after the other."""
    start = time.perf_counter()
    for page in pages:
        subprocess.run(
            ["tesseract", str(page), "-", "-l", language],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
    return time.perf_counter() - start


def baseline(repeat: int = 1) -> dict[str, float]:
    """Pages, best seconds of ``repeat`` runs and pages/s of bare Tesseract on the fixtures."""
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as scratch:
        pages = page_images(Path(scratch))
        seconds = min(time_tesseract(pages) for _ in range(repeat))
    return {"pages": len(pages), "seconds": seconds, "pages_per_s": len(pages) / seconds}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs; the fastest counts")
    figures = baseline(parser.parse_args(argv).repeat)
    print(
        f"tesseract -l vie, full page: {figures['pages']:.0f} pages in "
        f"{figures['seconds']:.1f} s = {figures['pages_per_s']:.3f} pages/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
