"""Speed of `decisions build`: a first build, and a re-run with nothing new, beside baselines.

Inputs: every sample (text, PDF, DOCX, HTML) copied COPIES times with one changed byte, so each
copy has its own SHA-256 (a trailing newline for text and HTML, bytes after %%EOF for a PDF, a
ZIP comment for a DOCX). Baselines, run in the same command: `decisions extract` of the same
files into CSVs (the build should cost little more), and hashing every file (all a re-run with
nothing new should do). Also: writing the XLSX workbook with xlsxwriter (used) and with
openpyxl, the same sheets (the seeds with planted errors are added once, for flagged cells).
Each measurement runs in a fresh process. Run: make bench
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIES = 10

TIMED = """
import resource, sys, time
from pathlib import Path
start = time.perf_counter()
{body}
print({{"seconds": time.perf_counter() - start,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}})
"""
EXTRACT = """
from pipeline.batch import BatchSettings, discover, plan, run_batch
from pipeline.emit import write_outputs
write_outputs(list(run_batch(plan(discover([Path(sys.argv[1])])), BatchSettings())),
              Path(sys.argv[2]))
"""
BUILD = """
from pipeline.store import build
report = build([Path(sys.argv[1])], Path(sys.argv[2]))
assert not report.failed, report.failed
"""
HASH = """
from pipeline.batch import discover, plan
plan(discover([Path(sys.argv[1])]))
"""
WORKBOOK = """
import time
from decimal import Decimal
import duckdb
import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from pipeline.export.workbook import sheets, write_workbook

def with_openpyxl(built, path):
    fill = PatternFill("solid", fgColor="FFC7CE")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in built:
        ws = book.create_sheet(sheet.name)
        for r, values in enumerate(sheet.rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is None:
                    continue
                number = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
                cell = ws.cell(r, c, float(value) if number else str(value))
                if not number:
                    cell.data_type = "s"  # text, never a formula
                note = sheet.notes.get((r - 1, c - 1))
                if note:
                    cell.fill = fill
                    cell.comment = Comment(note, "decisions")
    book.save(path)

con = duckdb.connect(sys.argv[1], read_only=True)
built = sheets(con, "vi")
cells = sum(len(row) for sheet in built for row in sheet.rows)
figures = {"sheets": time.perf_counter() - start, "cells": cells,
           "comments": sum(len(sheet.notes) for sheet in built)}
for name, write in (("xlsxwriter", write_workbook), ("openpyxl", with_openpyxl)):
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        write(built, Path(sys.argv[2])) if name == "openpyxl" else write(Path(sys.argv[2]), built)
        runs.append(time.perf_counter() - began)
    figures[name] = min(runs)
print(figures)
"""


def measure(body: str, *args: str) -> dict[str, float]:
    code = TIMED.format(body=body)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"a measurement failed:\n{done.stderr}")
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            figures.update(eval(line))  # noqa: S307 - our own child's dicts
    return figures


def changed_copy(source: Path, target: Path, copy: int) -> None:
    """A copy of ``source`` whose bytes differ by a harmless change."""
    shutil.copy(source, target)
    if source.suffix == ".docx":
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"copy {copy}".encode()
    else:
        with target.open("ab") as handle:
            handle.write(b"\n" * (copy + 1))


def make_inputs(folder: Path) -> int:
    sources = sorted((ROOT / "samples").glob("0*.txt"))
    sources += sorted(p for p in (ROOT / "samples/generated").iterdir() if p.suffix != ".json")
    sources = [p for p in sources if p.suffix in (".txt", ".pdf", ".docx", ".html")]
    for copy in range(COPIES):
        for source in sources:
            changed_copy(source, folder / f"{source.stem}_{copy:02d}{source.suffix}", copy)
    injected = sorted((ROOT / "tests/injected").glob("*.txt"))
    for source in injected:
        shutil.copy(source, folder / source.name)
    return len(sources) * COPIES + len(injected)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inputs, db = Path(tmp) / "in", Path(tmp) / "decisions.duckdb"
        inputs.mkdir()
        documents = make_inputs(inputs)
        extract = measure(EXTRACT, str(inputs), str(Path(tmp) / "csv"))
        first = measure(BUILD, str(inputs), str(db))
        hashing = measure(HASH, str(inputs))
        rerun = measure(BUILD, str(inputs), str(db))
        workbook = measure(WORKBOOK, str(db), str(Path(tmp) / "w.xlsx"))
    per_doc = first["seconds"] / documents * 1000
    print(f"decisions build: {documents} documents (samples x{COPIES} + planted errors, "
          "each with its own SHA-256)")  # fmt: skip
    print(f"  baseline extract to CSV:   {extract['seconds']:7.2f} s")
    print(
        f"  first build:               {first['seconds']:7.2f} s  {per_doc:6.1f} ms/document"
        f"  peak {first['peak_mb']:.0f} MB  ({first['seconds'] / extract['seconds']:.2f}x extract)"
    )
    print(f"  baseline hash every file:  {hashing['seconds']:7.2f} s")
    print(
        f"  re-run, nothing new:       {rerun['seconds']:7.2f} s"
        f"  ({rerun['seconds'] / first['seconds']:.3f}x the first build,"
        f" {rerun['seconds'] / hashing['seconds']:.1f}x hashing)"
    )
    print(
        f"workbook of that dataset: {int(workbook['cells'])} cells, "
        f"{int(workbook['comments'])} comments, in one process (best of 3 writes):"
    )
    print(f"  baseline: build the sheets {workbook['sheets']:7.2f} s")
    print(f"  + write with xlsxwriter:   {workbook['xlsxwriter']:7.2f} s  (used)")
    print(f"  + write with openpyxl:     {workbook['openpyxl']:7.2f} s"
          f"  ({workbook['openpyxl'] / workbook['xlsxwriter']:.2f}x xlsxwriter)")  # fmt: skip


if __name__ == "__main__":
    main()
