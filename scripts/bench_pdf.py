"""Pages per second of ``read_pdf`` against pdfplumber's ``extract_tables()``, same pages, same run.

Example: .venv/bin/python scripts/bench_pdf.py samples/generated tests/fixtures/pdf --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.batch import BatchSettings, plan, process_document  # noqa: E402
from pipeline.errors import DocumentError  # noqa: E402
from pipeline.ingest.pdf import PdfSettings, read_pdf  # noqa: E402
from pipeline.registry import Registry, load_registry  # noqa: E402


def pdf_files(folders: list[Path]) -> list[Path]:
    """Every readable PDF under the given folders (or the files themselves)."""
    found = []
    for folder in folders:
        candidates = [folder] if folder.is_file() else sorted(folder.rglob("*.pdf"))
        for path in candidates:
            try:
                read_pdf(path, path.name)
            except DocumentError:
                continue
            found.append(path)
    return found


def baseline(path: Path) -> int:
    """pdfplumber's own table extraction on every page; returns the page count."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


def ours(settings: PdfSettings) -> Callable[[Path], int]:
    """Our reader with the given settings; returns the page count."""
    return lambda path: len(read_pdf(path, path.name, settings))


def whole_pipeline(settings: BatchSettings, registry: Registry) -> Callable[[Path], int]:
    """Every stage, ingest to flags, as `decisions extract` runs it; returns the page count.

    The registry is loaded once per batch, as `decisions extract` does, outside the timing.
    """

    def run(path: Path) -> int:
        (job,) = plan([path])
        result = process_document(job, settings, registry)
        if result.status != "ok":
            raise SystemExit(f"{path}: {result.error}")
        return result.pages or 0

    return run


def pages_per_second(run: Callable[[Path], int], files: list[Path], repeat: int) -> float:
    """Best of ``repeat`` passes over all files."""
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        pages = sum(run(path) for path in files)
        best = min(best, time.perf_counter() - start)
    return pages / best


def peak_mib(run: Callable[[Path], int], files: list[Path]) -> float:
    """Peak Python heap (tracemalloc) over one pass, in MiB."""
    tracemalloc.start()
    for path in files:
        run(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    """Print one line per reader and the ratio to the pdfplumber baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("samples/generated")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = pdf_files(args.folders)
    pages = sum(len(read_pdf(path, path.name)) for path in files)
    print(f"{len(files)} files, {pages} pages, best of {args.repeat}")
    runs = {
        "pdfplumber extract_tables (baseline)": baseline,
        "whole pipeline, ingest to flags": whole_pipeline(BatchSettings(), load_registry()),
        "read_pdf engine=pdfium": ours(PdfSettings()),
        "read_pdf engine=pdfplumber": ours(PdfSettings(engine="pdfplumber")),
    }
    base = None
    for name, run in runs.items():
        rate = pages_per_second(run, files, args.repeat)
        base = base or rate
        peak = peak_mib(run, files)
        print(f"{name:38} {rate:8.1f} pages/s  {rate / base:5.2f}x  peak heap {peak:6.1f} MiB")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS {max_rss:.0f} MiB (all runs)")


if __name__ == "__main__":
    main()
