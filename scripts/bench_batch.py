"""The batch at scale: 1 and 2 workers side by side, baselines on the same inputs, a re-run.

Prints, in one run:
  * text decisions/s with 1 and 2 workers (the seeds copied to 400 files);
  * text-layer PDF pages/s with 1 and 2 workers, beside pdfplumber ``extract_tables()`` alone
    on the same files in one process;
  * the peak memory (RSS) of a worker in each run;
  * the time of ``decisions extract`` over 1,000 unchanged text decisions, first run and re-run.

OCR pages/s with 1 and 2 workers beside Tesseract alone: scripts/bench_ocr.py.

Each pipeline measurement runs in a fresh process (``python -c``) that reports its own wall
time and the peak RSS of its worker processes. Run: make bench (or python scripts/bench_batch.py)
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RERUN_DOCUMENTS = 1000

RUN = """
import resource, sys, time
from pathlib import Path
from pipeline.batch import BatchSettings, plan, run_batch, walk
jobs = plan(walk([Path(p) for p in sys.argv[2:]]))
start = time.perf_counter()
results = list(run_batch(jobs, BatchSettings(), workers=int(sys.argv[1])))
print({"seconds": time.perf_counter() - start, "documents": len(results),
       "pages": sum(r.pages or 0 for r in results),
       "failed": sum(r.status == "failed" for r in results),
       "errors": sorted({r.error for r in results if r.error})[:1],
       "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024})
"""

PDFPLUMBER = """
import resource, sys, time
import pdfplumber
start = time.perf_counter()
pages = 0
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            pages += 1
print({"seconds": time.perf_counter() - start, "pages": pages,
       "worker_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
"""


def measure(code: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def copies(sources: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` files in ``folder``, cycling through ``sources``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        made.append(folder / f"{source.stem}_{number:04d}{source.suffix}")
        shutil.copy(source, made[-1])
    return made


def line(label: str, figures: dict, unit: str) -> float:
    rate = figures[unit] / figures["seconds"] if figures[unit] else float("nan")
    failed = f", {figures['failed']} failed {figures['errors']}" if figures.get("failed") else ""
    peak = f"peak {figures['worker_mb']:5.0f} MB per worker" if figures["worker_mb"] else ""
    print(
        f"  {label:<34} {rate:8.1f} {unit}/s  {peak:<26}"
        f"  ({figures[unit]} {unit} in {figures['seconds']:.1f} s{failed})"
    )
    return rate


def bench_workers(title: str, files: list[Path], unit: str) -> tuple[float, float]:
    """The pipeline over ``files`` with 1 and 2 workers; returns both rates."""
    print(title)
    names = [str(path) for path in files]
    one = line("decisions, 1 worker", measure(RUN, "1", *names), unit)
    two = line("decisions, 2 workers", measure(RUN, "2", *names), unit)
    if one == one and two == two:  # not NaN: something was read
        print(f"  {'2 workers / 1 worker':<34} {two / one:8.2f}x")
    return one, two


def bench_text(tmp: Path) -> None:
    seeds = sorted((ROOT / "samples").glob("0*.txt"))
    bench_workers(
        "text decisions (seeds copied to 400 files)", copies(seeds, tmp / "text", 400), "documents"
    )


def bench_pdf(tmp: Path) -> None:
    pdfs = sorted((ROOT / "samples/generated").glob("*.pdf"))
    files = copies(pdfs, tmp / "pdf", 4 * len(pdfs))
    _one, two = bench_workers(
        f"text-layer PDFs (samples/generated x4, {len(files)} files)", files, "pages"
    )
    base = line("pdfplumber extract_tables() alone", measure(PDFPLUMBER, *map(str, files)), "pages")
    print(f"  {'decisions 2 workers / pdfplumber':<34} {two / base:8.2f}x")


def bench_rerun(tmp: Path) -> None:
    """``decisions extract`` over 1,000 text decisions, then again with nothing changed."""
    seeds = sorted((ROOT / "samples").glob("0*.txt"))
    folder, out = tmp / "archive", tmp / "out"
    copies(seeds, folder, RERUN_DOCUMENTS)
    command = [
        str(Path(sys.executable).parent / "decisions"),
        "extract",
        str(folder),
        "--out",
        str(out),
        "--progress",
        "none",
    ]
    print(
        f"re-run of {RERUN_DOCUMENTS} unchanged text decisions (decisions extract, default workers)"
    )
    for label in ("first run", "re-run, nothing new"):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        print(f"  {label:<34} {time.perf_counter() - start:8.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bench_text(tmp)
        bench_pdf(tmp)
        bench_rerun(tmp)


if __name__ == "__main__":
    main()
