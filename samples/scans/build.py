"""Run the steps in order for every planned scan; write manifest.json and README.md."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from .containers import write_mixed, write_pages, write_pdf, write_tiff
from .ink import PEN_BLUE, SEAL_RED, lay_ink, seal_mask, signature_mask
from .pages import PageImage, find_text, render_pages
from .photo import PHOTO_SIZE, photo_dpi, photograph
from .plan import PLAN, Scan
from .readme import write_readme
from .scan import paper_tone, scan_page

SEAL_DIAMETER_INCH = 1.5  # 38 mm, the size of a provincial seal
Ink = tuple[np.ndarray, tuple[int, int, int], tuple[float, float], str]  # opacity, colour, at, what


def _decision(generated: Path, slug: str) -> dict[str, Any]:
    manifest = json.loads((generated / "manifest.json").read_text(encoding="utf-8"))
    return next(item for item in manifest if item["slug"] == slug)


def _inks(scan: Scan, pdf: Path, decision: dict[str, Any]) -> dict[int, list[Ink]]:
    """Seal and signature above the signer's name; a second seal across a middle table row."""
    if not scan.stamps:
        return {}
    rng = np.random.default_rng(scan.seed * 100 + 99)
    inch, meta = scan.dpi, decision["metadata"]
    radius = round(SEAL_DIAMETER_INCH * inch / 2)
    issuer = meta["issuer"]
    inks: dict[int, list[Ink]] = {}
    signed = find_text(pdf, meta["signer"], scan.dpi)
    if signed is not None:
        page, (x, y) = signed
        pen = signature_mask(round(1.8 * inch), round(0.6 * inch), rng)
        inks.setdefault(page, []).append(
            (pen, PEN_BLUE, (x - 0.1 * inch, y - 0.7 * inch), "signature")
        )
        seal = seal_mask(issuer, radius, rng)
        at = (x + 0.1 * inch - radius, y - 0.4 * inch - radius)
        inks[page].append((seal, SEAL_RED, at, "seal over the signature"))
    entries = decision["tables"][0]["entries"]
    row = find_text(pdf, entries[len(entries) // 2]["agency"], scan.dpi)
    if row is not None:
        page, (_x, y) = row
        width = render_width(pdf, page, scan.dpi)
        at = (width * 0.66 - radius, y - radius * 0.8)
        inks.setdefault(page, []).append(
            (seal_mask(issuer, radius, rng), SEAL_RED, at, "seal over the table")
        )
    return inks


def render_width(pdf: Path, page: int, dpi: int) -> float:
    document = pdfium.PdfDocument(pdf)
    try:
        return float(document[page - 1].get_size()[0]) * dpi / 72
    finally:
        document.close()


def _scan_one(scan: Scan, page: PageImage, inks: list[Ink]) -> tuple[Image.Image, dict[str, Any]]:
    rng = np.random.default_rng(scan.seed * 100 + page.number)
    record: dict[str, Any] = {"page": page.number, "seed": scan.seed * 100 + page.number}
    if scan.variant == "photo":
        image, effects = photograph(page.pixels, rng)
        record.update(asdict(effects), dpi=page.dpi)
        return image, record
    toned = paper_tone(page.pixels, rng)
    for opacity, colour, at, _what in inks:
        lay_ink(toned, opacity, colour, at)
    image, effects = scan_page(toned, page.dpi, page.number in scan.rotated, rng)
    record.update(asdict(effects), dpi=page.dpi, ink=[what for *_rest, what in inks])
    return (image if scan.colour else image.convert("L")), record


def _render(scan: Scan, pdf: Path) -> list[PageImage]:
    if scan.variant != "photo":
        return render_pages(pdf, scan.dpi)
    document = pdfium.PdfDocument(pdf)
    try:
        heights = [document[i].get_size()[1] / 72 for i in range(len(document))]
    finally:
        document.close()
    dpi = photo_dpi(max(heights))
    return render_pages(pdf, dpi)


def _write(scan: Scan, pdf: Path, images: dict[int, Image.Image], out_dir: Path) -> list[Path]:
    stem = out_dir / scan.name
    ordered = [images[number] for number in sorted(images)]
    if scan.container == "pdf":
        write_pdf(ordered, stem.with_suffix(".pdf"), scan.dpi, scan.quality)
        return [stem.with_suffix(".pdf")]
    if scan.container == "tiff":
        write_tiff(ordered, stem.with_suffix(".tif"), scan.dpi)
        return [stem.with_suffix(".tif")]
    if scan.container == "mixed-pdf":
        write_mixed(pdf, images, stem.with_suffix(".pdf"), scan.quality)
        return [stem.with_suffix(".pdf")]
    dpi = scan.dpi if scan.variant != "photo" else 0
    return write_pages(ordered, stem, scan.container, dpi, scan.quality)


def make_scan(scan: Scan, generated: Path, out_dir: Path) -> dict[str, Any]:
    """Write one planned scan into ``out_dir``; returns its manifest record."""
    pdf = generated / f"{scan.decision}.pdf"
    inks = _inks(scan, pdf, _decision(generated, scan.decision))
    images, pages = {}, []
    for page in _render(scan, pdf):
        if scan.scanned and page.number not in scan.scanned:
            pages.append({"page": page.number, "text_layer": True})
            continue
        images[page.number], record = _scan_one(scan, page, inks.get(page.number, []))
        pages.append(record)
    paths = _write(scan, pdf, images, out_dir)
    per_file = [[n] for n in sorted(images)] if len(paths) > 1 else [[p["page"] for p in pages]]
    files = [
        {
            "file": path.name,
            "pages": numbers,
            "bytes": path.stat().st_size,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
        for path, numbers in zip(paths, per_file, strict=True)
    ]
    return {
        "name": scan.name,
        "decision": scan.decision,
        "variant": scan.variant,
        "container": scan.container,
        "tags": list(scan.tags),
        "dpi": scan.dpi,
        "seed": scan.seed,
        "files": files,
        "pages": pages,
    }


def versions() -> dict[str, str]:
    """The libraries whose output the bytes depend on."""
    names = ("pypdfium2", "Pillow", "numpy")
    return {name: version(name) for name in names} | {
        "pdfium": str(pdfium.version.PDFIUM_INFO).split("@")[0]
    }


def write_scans(
    generated: Path, out_dir: Path, only: set[str] | None = None
) -> list[dict[str, Any]]:
    """Write the planned scans (or those named in ``only``) and, for the full set, the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    records = [
        make_scan(scan, generated, out_dir) for scan in PLAN if not only or scan.name in only
    ]
    if only is None:
        manifest = {
            "generator": "samples/make_scans.py",
            "photo_size": list(PHOTO_SIZE),
            "versions": versions(),
            "scans": records,
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
        (out_dir / "manifest.json").write_text(text, encoding="utf-8")
        write_readme(out_dir / "README.md", records)
    return records
