"""Word 97 .doc against .docx: pages per second through the whole pipeline, with LibreOffice
kept warm (one process for every file, as each batch worker does) and cold (one started per
file), in one run, so the ratios compare like with like.

The documents are the .doc fixtures of samples/archives/ and their .docx twins; a page is a
page of the twin's PDF (samples/generated/), the same for both. Each set is read ``--rounds``
times in this process; the warm LibreOffice is started before the clock runs (its start is
printed on its own).

Run: make bench (or python scripts/bench_office.py [--rounds N])
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import BatchSettings, plan, walk  # noqa: E402
from pipeline.batch.process import process_document  # noqa: E402
from pipeline.ingest.office import converted  # noqa: E402

ARCHIVES = ROOT / "samples" / "archives"
GENERATED = ROOT / "samples" / "generated"


def pages_of(doc: Path) -> int:
    return len(pdfium.PdfDocument(GENERATED / f"{doc.stem}.pdf"))


def seconds(paths: list[Path], settings: BatchSettings, rounds: int) -> float:
    registry = settings.load_registry()
    jobs = plan(walk(paths))
    start = time.perf_counter()
    for _round in range(rounds):
        for job in jobs:
            result = process_document(job, settings, registry)
            if result.status != "ok":
                raise SystemExit(f"{job.source_file}: {result.error}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    docs = sorted(ARCHIVES.glob("*.doc"))
    docs = [doc for doc in docs if (GENERATED / f"{doc.stem}.docx").exists()]
    twins = [GENERATED / f"{doc.stem}.docx" for doc in docs]
    pages = sum(map(pages_of, docs)) * rounds
    warm = BatchSettings()
    cold = replace(warm, ingest=replace(warm.ingest, keep_office_warm=False))
    start = time.perf_counter()
    with converted(docs[0], ".docx", 120):  # start this process's warm LibreOffice
        pass
    started = time.perf_counter() - start
    figures = {
        "docx": pages / seconds(twins, warm, rounds),
        "doc_warm": pages / seconds(docs, warm, rounds),
        "doc_cold": pages / seconds(docs, cold, rounds),
    }
    print(f".doc vs .docx ({len(docs)} decisions, {pages // rounds} pages, {rounds} rounds):")
    print(f"  LibreOffice warm start:        {started:10.2f} s (once per worker)")
    for name, rate in figures.items():
        print(f"  {name:<10} pages/s:          {rate:10.2f}")
    print(f"  .doc warm / .docx speed:       {figures['doc_warm'] / figures['docx']:10.4f}x")
    print(f"  .doc cold / .docx speed:       {figures['doc_cold'] / figures['docx']:10.4f}x")
    print(f"  .doc warm / .doc cold speed:   {figures['doc_warm'] / figures['doc_cold']:10.2f}x")
    print(json.dumps({"office": figures, "warm_start_s": started}))


if __name__ == "__main__":
    main()
