"""The OCR engine is loaded once per process and thread, and reads the same after reuse."""

from __future__ import annotations

import threading
from pathlib import Path

from pipeline import extract_document
from pipeline.ocr import OcrSettings
from pipeline.ocr.cv import cv2
from pipeline.ocr.engine import Rect, Tesseract, open_engine

PAGE = Path(__file__).parent.parent / "samples" / "scanned" / "bo_tttt_2019_ictindex__200dpi-2.png"


def test_one_engine_per_thread_for_the_same_settings() -> None:
    settings = OcrSettings()
    first = open_engine(settings)
    assert open_engine(settings) is first
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(open_engine(settings)))
    thread.start()
    thread.join()
    assert other[0] is not first


def test_a_reused_engine_reads_a_page_as_a_fresh_one() -> None:
    values = []
    for _ in range(2):  # the second document is read by the engine the first one loaded
        result = extract_document(PAGE)
        values.append(
            [
                (entry.agency_raw, entry.total.printed if entry.total else None)
                for table in result.tables
                for entry in table.entries
            ]
        )
    assert values[0] and values[0] == values[1]


def test_the_page_pass_read_scaled_down_gives_its_words_in_the_page_pixels() -> None:
    gray = cv2.imread(str(PAGE), cv2.IMREAD_GRAYSCALE)
    page = cv2.resize(gray, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)  # 300 ppi
    with Tesseract() as engine:
        engine.set_page(page, 300)
        full = engine.words()
        word = max(full, key=lambda w: (w.confidence, len(w.text)))
        around = Rect(word.x0 - 10, word.top - 10, word.x1 + 10, word.bottom + 10)
        alone = engine.read_block(around)
        engine.set_page(page, 300)
        scaled = engine.words(ppi=200)
        after = engine.read_block(around)  # the cell passes read the page as it was set
    assert len(full) > 100
    same_place = [
        w for w in scaled
        if any(f.text == w.text and abs(f.x0 - w.x0) <= 6 and abs(f.top - w.top) <= 6
               for f in full)
    ]  # fmt: skip
    assert len(same_place) >= 0.8 * len(full)
    assert max(w.bottom for w in scaled) > 0.5 * page.shape[0]  # not boxes of the small copy
    assert after == alone
