"""The OCR engine is loaded once per process and thread, and reads the same after reuse."""

from __future__ import annotations

import threading
from pathlib import Path

from pipeline import extract_document
from pipeline.ocr import OcrSettings
from pipeline.ocr.engine import open_engine

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
