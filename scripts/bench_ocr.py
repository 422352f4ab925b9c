"""OCR speed and memory: the pipeline beside bare Tesseract on the same scanned pages.

The pages are every scanned page of samples/scanned/ (300 dpi, 200 dpi, phone photos; a mixed
PDF's text pages are not OCR work), written once as PNG at the resolution they were scanned at.
In one run it prints:
  * bare ``tesseract PAGE.png - -l vie`` on every page, one after the other, as the command
    runs by default (OpenMP threads on every core) and with ``OMP_THREAD_LIMIT=1`` (one core,
    as a batch worker runs it), and with 2 processes at a time;
  * ``decisions`` over the same pages with 1 and with 2 workers (a fresh process each, which
    reports its wall time and its workers' peak RSS: the memory one page takes);
  * the ratios: pipeline / Tesseract alone, 2 workers / 1 worker; and the 1-worker ratio by
    CPU time as well (the ``tesseract`` processes' against the ``decisions`` process's and its
    worker's, start-up included): on a machine shared with other jobs the wall clock measures
    their load too, and it changes between the ``tesseract`` runs and the ``decisions`` runs;
  * the share of the pipeline's time spent inside Tesseract (cProfile over one in-process run:
    the time of pipeline/ocr/engine.py's own calls, the only module that runs Tesseract,
    against the whole reading of the documents);
  * a batch of 30 one-page scans with 1 and 2 workers (the worker ratio on a batch as small
    as issue 18 asks), beside how parallel the machine is at that moment;
  * each figure of issue 18 beside its goal (lines starting GOAL).

Run: make bench (or python scripts/bench_ocr.py [--pages N])
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from bench_batch import RUN, cpu_report, critical_cpu, measure  # as the other batch figures
from benchlib import autogroup, goal, machine_parallelism
from PIL import Image, ImageSequence

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"
SCAN_BATCH = 30  # one-page documents in the worker-ratio batch
TIMEOUT = 300  # seconds per page: a hung Tesseract fails the benchmark, it is not a figure

PROFILE = """
import cProfile, pstats, sys, time
from pathlib import Path
from pipeline.batch import BatchSettings, plan, walk
from pipeline.batch.process import process_document
settings = BatchSettings()
registry = settings.load_registry()
jobs = plan(walk([Path(p) for p in sys.argv[1:]]))
profile = cProfile.Profile()
start = time.perf_counter()
profile.enable()
for job in jobs:
    process_document(job, settings, registry)
profile.disable()
seconds = time.perf_counter() - start
stats = pstats.Stats(profile).stats
inside = sum(row[2] for key, row in stats.items() if key[0].endswith("pipeline/ocr/engine.py"))
print({"seconds": seconds, "tesseract_seconds": inside})
"""


def _pdf_pages(path: Path, pages: list[int], dpi: int) -> Iterator[Image.Image]:
    document = pdfium.PdfDocument(path)
    try:
        for number in pages:
            yield document[number - 1].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def _images(scan: dict[str, Any]) -> Iterator[Image.Image]:
    """The scanned page images of one fixture, as Tesseract would be given them."""
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


def page_images(folder: Path, limit: int | None = None) -> list[Path]:
    """Every scanned page of the fixtures as a PNG at the fixture's dpi, a folder per decision
    (``{fixture}/{fixture}-{n}.png``, read as one document); the first ``limit`` pages."""
    scans = json.loads((SCANNED / "manifest.json").read_text(encoding="utf-8"))["scans"]
    paths = []
    for scan in scans:
        (folder / scan["name"]).mkdir()
        for number, image in enumerate(_images(scan), start=1):
            path = folder / scan["name"] / f"{scan['name']}-{number}.png"
            image.save(path, dpi=(scan.get("dpi") or 300,) * 2)
            paths.append(path)
    return paths[:limit]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tesseract_alone(pages: list[Path], processes: int, one_thread: bool) -> dict[str, float]:
    """``tesseract PAGE - -l vie`` on every page, ``processes`` at a time; wall and CPU time."""
    cpu = _children_cpu()
    environment = {**os.environ, **({"OMP_THREAD_LIMIT": "1"} if one_thread else {})}
    if not one_thread:
        environment.pop("OMP_THREAD_LIMIT", None)
    start = time.perf_counter()
    pending, running = list(pages), []
    while pending or running:
        while pending and len(running) < processes:
            command = ["tesseract", str(pending.pop(0)), "-", "-l", "vie"]
            quiet = subprocess.DEVNULL
            running.append(subprocess.Popen(command, stdout=quiet, stderr=quiet, env=environment))
        running.pop(0).wait(timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": len(pages), "cpu": _children_cpu() - cpu}


def pipeline_cpu(figures: dict[str, Any]) -> float:
    """The CPU time of a ``decisions`` run: its parent's and its workers'."""
    return float(figures["parent_cpu"] + figures["workers_cpu"])


def show(label: str, figures: dict[str, float]) -> float:
    rate = figures["pages"] / figures["seconds"]
    peak = f"  peak {figures['worker_mb']:.0f} MB per worker" if "worker_mb" in figures else ""
    failed = f", {figures['failed']:.0f} FAILED" if figures.get("failed") else ""
    print(f"  {label:<44} {rate:6.3f} pages/s ({figures['pages']:.0f} pages in "
          f"{figures['seconds']:.1f} s{failed}){peak}")  # fmt: skip
    return rate


def bench(pages: list[Path]) -> None:
    names = [str(page) for page in pages]
    print(f"OCR: {len(pages)} scanned pages of samples/scanned/ (300 dpi, 200 dpi, photos)")
    bare = show("tesseract alone, 1 process (default threads)", tesseract_alone(pages, 1, False))
    alone = tesseract_alone(pages, 1, True)
    bare_one = show("tesseract alone, 1 process, 1 thread", alone)
    bare_two = show("tesseract alone, 2 processes, 1 thread", tesseract_alone(pages, 2, True))
    single = measure(RUN, "1", *names)
    one = show("decisions, 1 worker", single)
    two = show("decisions, 2 workers", measure(RUN, "2", *names))
    profile = measure(PROFILE, *names)
    print(f"  {'decisions 1 worker / tesseract (default)':<44} {one / bare:6.2f}x")
    print(f"  {'decisions 1 worker / tesseract (1 thread)':<44} {one / bare_one:6.2f}x")
    by_cpu = alone["cpu"] / pipeline_cpu(single)
    print(
        f"  {'the same by CPU time':<44} {by_cpu:6.2f}x (tesseract {alone['cpu']:.1f} s, "
        f"decisions {pipeline_cpu(single):.1f} s; load {os.getloadavg()[0]:.1f})"
    )
    print(f"  {'decisions 2 workers / tesseract 2 processes':<44} {two / bare_two:6.2f}x")
    print(f"  {'decisions 2 workers / 1 worker':<44} {two / one:6.2f}x")
    print(f"  {'tesseract 2 processes / 1 process':<44} {bare_two / bare_one:6.2f}x")
    share = 100 * profile["tesseract_seconds"] / profile["seconds"]
    print(f"  {'time inside Tesseract (cProfile, 1 process)':<44} {share:5.1f}%")
    goal("OCR: pipeline 1 worker / tesseract 1 thread", one / bare_one, ">=", 1.0)
    goal("OCR: the same by CPU time", by_cpu, ">=", 1.0)
    goal("OCR: peak memory of a worker (300 dpi pages)", single["worker_mb"], "<=", 500, " MB")


def bench_scan_batch(pages: list[Path], folder: Path) -> None:
    """``SCAN_BATCH`` one-page scans (the pages cycled) with 1 and 2 workers.

    Each file's name ends in a letter: "scan-001.png", "scan-002.png" … would be read as the
    pages of one decision (``pipeline.batch.discover.page_runs``), one document for one worker.
    """
    folder.mkdir()
    files = []
    for number in range(SCAN_BATCH):
        page = pages[number % len(pages)]
        files.append(folder / f"{number:03d}-scan{page.suffix}")
        shutil.copy(page, files[-1])
    names = [str(path) for path in files]
    print(f"scans: a batch of {SCAN_BATCH} one-page documents")
    single = measure(RUN, "1", *names)
    if single["documents"] != SCAN_BATCH:
        raise SystemExit(f"the batch was read as {single['documents']} documents, not {SCAN_BATCH}")
    one = show("decisions, 1 worker", single)
    double = measure(RUN, "2", *names)
    two = show("decisions, 2 workers", double)
    goal("scans: 2 workers / 1 worker", two / one, ">=", 1.8)
    machine = machine_parallelism()
    print(f"     (this machine now: 2 busy processes / 1 = {machine:.2f}x; {autogroup()})")
    cpu_report(single | {"critical_cpu": critical_cpu(single)},
               double | {"critical_cpu": critical_cpu(double)})  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages")
    limit = parser.parse_args(argv).pages
    if shutil.which("tesseract") is None:
        print("OCR: tesseract is not installed (make setup installs it)")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as scratch:
        pages = page_images(Path(scratch), limit)
        bench(pages)
        bench_scan_batch(pages, Path(scratch) / "batch")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
