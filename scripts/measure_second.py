"""Which engine should give a scanned number its second, independent reading? Measured.

Usage:
  python scripts/measure_second.py            # samples/scanned/: every number cell's ink
  python scripts/measure_second.py --cases laocai_2016_cntt__200dpi
  python scripts/measure_second.py --real ../shared/realscans   # numbers in real scans' prose

Reads each scanned fixture as the pipeline does, keeps the ink of every number cell the digits
pass read (``Page.crops``), pairs the cells with the figures printed in
samples/generated/manifest.json (tests/ocr_eval.py's alignment), and reads every crop again with
each candidate:

- ``tess-eng``: the digits pass itself (Tesseract ``eng`` LSTM, digits whitelist, the heights
  vote) — the first witness;
- ``tess-vie``: Tesseract's ``vie`` LSTM model with the same whitelist and height;
- ``ppocr``: PP-OCRv4 recognition (``pipeline.ocr.second``), outputs masked to number characters.

``--real FOLDER`` reads the scans in FOLDER instead (no figures are known there): every word of
the page pass that is a whole number of two or more digits (decision numbers, days, years,
handwritten ones among them) is read again by ``ppocr``; printed are how often the two agree
and each disagreement, to be judged by eye.

Prints, per candidate, its share right and ms per crop, and with the first witness: how often
the two agree, and how many agreed readings are wrong (the figure that must be 0: an agreed
number goes out unflagged).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from ocr_eval import (  # noqa: E402
    SCANNED,
    Printed,
    align,
    expected_decisions,
    expected_entries,
    scanned_cases,
)

from pipeline.batch import BatchSettings, plan, walk  # noqa: E402
from pipeline.ingest import read_document, read_page_images  # noqa: E402
from pipeline.models import Document, Table, Value  # noqa: E402
from pipeline.ocr.cells import DIGIT_HEIGHT_PX, RETRY_HEIGHTS_PX  # noqa: E402
from pipeline.ocr.cv import cv2  # noqa: E402
from pipeline.ocr.engine import Reading, Tesseract  # noqa: E402
from pipeline.ocr.prepare import prepare  # noqa: E402
from pipeline.ocr.readings import vote  # noqa: E402
from pipeline.ocr.second import SecondReader  # noqa: E402
from pipeline.ocr.settings import OcrSettings  # noqa: E402
from pipeline.parse import parse_number  # noqa: E402
from pipeline.tables import scan_tables  # noqa: E402

Reader = Callable[[np.ndarray], Reading]


@dataclass(frozen=True, slots=True)
class Sample:
    case: str
    ink: np.ndarray
    truth: Decimal | None


def read(paths: list[Path]) -> Document:
    settings = BatchSettings()
    job = plan(walk(paths))[0]
    if job.parts:
        return read_page_images(job.parts, job.doc_id, job.sha256, settings.ingest, settings.ocr)
    return read_document(job.path, job.source_file, job.doc_id, settings.ingest, settings.ocr)


def cells(table: Table, entry_index: int) -> list[tuple[str, Value | None]]:
    entry = table.entries[entry_index]
    named = [(f"component {k}", v) for k, v in enumerate(entry.components, 1)]
    return [("row number", entry.row_number), *named, ("total", entry.total), ("rank", entry.rank)]


def samples_of(case_name: str, files: list[Path], want: list[Printed]) -> list[Sample]:
    document = read(files)
    crops = {(page.number, box): ink for page in document.pages for box, ink in page.crops.items()}
    tables = scan_tables(document).tables
    got, places = [], []
    for table in tables:
        for index, entry in enumerate(table.entries):
            named = cells(table, index)
            row = entry.row_number.number if entry.row_number else None
            printed = tuple((name, v.number if v else None) for name, v in named)
            got.append(Printed(table.index, row, entry.agency_raw, printed))
            places.append(named)
    found = []
    for i, j in align(want, got):
        truth = dict(want[i].cells)
        for name, value in places[j]:
            if value is None or value.at.bbox is None or name not in truth:
                continue
            ink = crops.get((value.at.page, value.at.bbox))
            if ink is not None:
                found.append(Sample(case_name, ink, truth[name]))
    return found


def tesseract_reader(engine: Tesseract) -> Reader:
    def at(ink: np.ndarray, height: int) -> Reading:
        factor = height / ink.shape[0]
        size = (max(1, round(ink.shape[1] * factor)), height)
        method = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
        crop = cv2.copyMakeBorder(cv2.resize(ink, size, interpolation=method),
                                  12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)  # fmt: skip
        from PIL import Image

        return engine.read_number(Image.fromarray(crop), 300)

    def reader(ink: np.ndarray) -> Reading:
        first = at(ink, DIGIT_HEIGHT_PX)
        if first.confidence >= OcrSettings().low_confidence:
            return first
        return vote([first, *(at(ink, height) for height in RETRY_HEIGHTS_PX)])

    return reader


def images(path: Path) -> list[tuple[np.ndarray, int]]:
    """The page images of a scan, as the pipeline gets them."""
    from pipeline.ingest import image

    if path.suffix.lower() != ".pdf":
        return image._frames(path)
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [(image._render(document, n + 1, 300), 300) for n in range(len(document))]
    finally:
        document.close()


def page_words(pixels: np.ndarray, ppi: int, engine: Tesseract) -> tuple[np.ndarray, list[Any]]:
    """The prepared page (rules erased) and the page pass's words, as read_page_image has them."""
    from pipeline.ocr import page

    settings = OcrSettings()
    prepared = page._at_reading_resolution(prepare(pixels, ppi, settings, page._detector(engine)))
    gray, ruled, words = page._page_pass(prepared.gray, prepared.ppi, engine)
    return ruled.clean, words


def real_words(folder: Path) -> None:
    """Page-pass numbers of the real scans read again by PP-OCRv4: agreement, disagreements."""
    second, agree, total = SecondReader(), 0, 0
    with Tesseract(OcrSettings()) as engine:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".pdf", ".png", ".jpg"):
                continue
            for gray, words in (page_words(image, ppi, engine) for image, ppi in images(path)):
                for word in words:
                    text = word.text.strip(".,;:()")
                    if not (text.isdigit() and len(text) >= 2):
                        continue
                    ink = gray[word.top : word.bottom, word.x0 : word.x1]
                    reading = second.read(ink)
                    total += 1
                    same = reading.text.strip(".,") == text  # the box holds its punctuation
                    agree += same
                    if not same:
                        print(f"  {path.name}: tesseract {text!r} ({word.confidence:.0f}), "
                              f"ppocr {reading.text!r} ({reading.confidence:.0f})")  # fmt: skip
    print(f"real scans: {total} numbers, ppocr agrees on {agree} ({100 * agree / total:.1f}%)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*", help="only these cases")
    parser.add_argument("--real", type=Path, help="a folder of real scans: agreement only")
    args = parser.parse_args(argv)
    if args.real:
        real_words(args.real)
        return 0
    decisions = expected_decisions()
    samples: list[Sample] = []
    for case in scanned_cases():
        if args.cases and case.name not in args.cases:
            continue
        want = expected_entries(decisions[case.decision])
        found = samples_of(case.name, [SCANNED / name for name in case.files], want)
        print(f"{case.name}: {len(found)} number crops", file=sys.stderr, flush=True)
        samples += found
    eng = Tesseract(OcrSettings())
    vie = Tesseract(OcrSettings(language="vie"))
    vie._digits.End()  # the digits pass of this one reads with vie
    import tesserocr

    vie._digits = tesserocr.PyTessBaseAPI(
        path="/usr/share/tesseract-ocr/5/tessdata/", lang="vie", psm=tesserocr.PSM.SINGLE_LINE
    )
    vie._digits.SetVariable("tessedit_char_whitelist", "0123456789.,")
    candidates: dict[str, Reader] = {
        "tess-eng": tesseract_reader(eng),
        "tess-vie": tesseract_reader(vie),
        "ppocr": SecondReader().read,
    }
    readings: dict[str, list[Reading]] = {}
    print(f"{'engine':10} {'crops':>6} {'right':>7} {'ms/crop':>8} {'agree':>7} "
          f"{'agreed wrong':>12}")  # fmt: skip
    for name, reader in candidates.items():
        started = time.perf_counter()
        readings[name] = [reader(sample.ink) for sample in samples]
        elapsed = (time.perf_counter() - started) * 1000 / max(1, len(samples))
        pairs = zip(readings[name], samples, strict=True)
        right = [parse_number(r.text) == s.truth for r, s in pairs]
        first = readings["tess-eng"]
        same = [a.text == b.text for a, b in zip(first, readings[name], strict=True)]
        wrong = sum(ok and not r for ok, r in zip(same, right, strict=True))
        print(f"{name:10} {len(samples):6} {100 * sum(right) / len(samples):6.2f}% "
              f"{elapsed:8.1f} {100 * sum(same) / len(samples):6.2f}% {wrong:12}")  # fmt: skip
        for r, s, ok in zip(readings[name], samples, right, strict=True):
            if not ok and name != "tess-eng":
                print(f"    {s.case}: printed {s.truth}, read {r.text!r} ({r.confidence:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
