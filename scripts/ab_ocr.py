"""OCR pace A/B: this tree and another commit's tree beside one-thread Tesseract, taking turns.

The pages are those of ``make bench`` (every scanned page of samples/scanned/ as a PNG). Each
round runs ``tesseract PAGE - -l vie`` with ``OMP_THREAD_LIMIT=1`` on every page, then
``decisions`` with 1 worker from the other tree, then from this one (a fresh process each, as
``bench_ocr.py`` runs it), and prints wall and CPU time of each (the CPU of the processes
themselves: on a shared machine wall time measures the other jobs too).

Run: git archive COMMIT | tar -x -C /tmp/base && python scripts/ab_ocr.py /tmp/base [--rounds N]
"""

from __future__ import annotations

import argparse
import ast
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_batch import RUN
from bench_ocr import page_images

ROOT = Path(__file__).resolve().parent.parent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def decisions(tree: Path, pages: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``decisions`` batch (1 worker) run from ``tree``."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, "1", *pages], cwd=tree, check=True,
                          capture_output=True, text=True)  # fmt: skip
    figures = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    if figures["pages"] != len(pages) or figures["failed"]:
        raise SystemExit(f"{tree}: {figures}")
    return time.perf_counter() - start, _children_cpu() - cpu


def tesseract(pages: list[str]) -> tuple[float, float]:
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cpu, start = _children_cpu(), time.perf_counter()
    for page in pages:
        subprocess.run(["tesseract", page, "-", "-l", "vie"], env=environment, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start, _children_cpu() - cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the other tree (git archive of a commit)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ab-ocr-") as scratch:
        pages = [str(path) for path in page_images(Path(scratch))]
        runs: list[tuple[str, Callable[[], tuple[float, float]]]] = [
            ("tesseract 1 thread", lambda: tesseract(pages)),
            ("decisions, base", lambda: decisions(args.base.resolve(), pages)),
            ("decisions, this tree", lambda: decisions(ROOT, pages)),
        ]
        for round_number in range(args.rounds):
            for label, run in runs:
                wall, cpu = run()
                print(f"round {round_number} {label:22} {len(pages)} pages: wall {wall:6.1f} s "
                      f"({len(pages) / wall:.3f} pages/s), CPU {cpu:6.1f} s "
                      f"({cpu / len(pages):.2f} s a page), load {os.getloadavg()[0]:.1f}",
                      flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
