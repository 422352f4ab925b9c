"""Scans as users hand them over: one file per page, and a machine without Tesseract's data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from pipeline.batch import plan, walk

PHOTOS = [ROOT / "samples/scanned" / f"hue_2019_cqdt__photo-{n}.jpg" for n in (1, 2)]


def test_page_images_of_one_decision_are_one_job(tmp_path: Path) -> None:
    for number, photo in enumerate(PHOTOS, start=1):
        shutil.copy(photo, tmp_path / f"QĐ 645 trang {number}.jpg")
    shutil.copy(PHOTOS[0], tmp_path / "QĐ 700-2.jpg")  # no page 1: a file of its own
    shutil.copy(PHOTOS[0], tmp_path / "QĐ 645 trang 3.png")  # another kind: not page 3
    jobs = plan(walk([tmp_path]))
    parts = {job.path.name: [part.name for part in job.parts] for job in jobs}
    assert parts == {
        "QĐ 645 trang 1.jpg": ["QĐ 645 trang 1.jpg", "QĐ 645 trang 2.jpg"],
        "QĐ 645 trang 3.png": [],
        "QĐ 700-2.jpg": [],
    }
    assert len({job.doc_id for job in jobs}) == 3


def test_missing_language_data_stops_at_start_with_exit_code_4(tmp_path: Path) -> None:
    environment = {**os.environ, "TESSDATA_PREFIX": str(tmp_path / "nowhere")}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(PHOTOS[0]), "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env=environment, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 4, done.stderr
    assert "vie" in done.stderr and "tesseract-ocr-vie" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "documents.csv").exists()
