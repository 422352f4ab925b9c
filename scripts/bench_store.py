"""Speed of `decisions build`: a first build, and a re-run with nothing new, beside baselines.

Inputs: every sample (text, PDF, DOCX, HTML) copied COPIES times with one changed byte, so each
copy has its own SHA-256 (a trailing newline for text and HTML, bytes after %%EOF for a PDF, a
ZIP comment for a DOCX). Baselines, run in the same command: `decisions extract` of the same
files into CSVs (the build should cost little more), and hashing every file (all a re-run with
nothing new should do). Also: writing the XLSX workbook with xlsxwriter (used) and openpyxl.
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
SHEETS = """
import duckdb
from pipeline.export.workbook import sheets, write_workbook
con = duckdb.connect(sys.argv[1], read_only=True)
built = sheets(con, "vi")
"""
XLSXWRITER = SHEETS + "write_workbook(Path(sys.argv[2]), built)\n"
OPENPYXL = (
    SHEETS
    + """
from decimal import Decimal
import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
fill = PatternFill("solid", fgColor="FFC7CE")
book = openpyxl.Workbook(write_only=False)
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
book.save(sys.argv[2])
"""
)


def measure(body: str, *args: str) -> dict[str, float]:
    code = TIMED.format(body=body)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"a measurement failed:\n{done.stderr}")
    return eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's dict


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
    return len(sources) * COPIES


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inputs, db = Path(tmp) / "in", Path(tmp) / "decisions.duckdb"
        inputs.mkdir()
        documents = make_inputs(inputs)
        extract = measure(EXTRACT, str(inputs), str(Path(tmp) / "csv"))
        first = measure(BUILD, str(inputs), str(db))
        hashing = measure(HASH, str(inputs))
        rerun = measure(BUILD, str(inputs), str(db))
        sheets = measure(SHEETS, str(db))
        xlsxwriter = measure(XLSXWRITER, str(db), str(Path(tmp) / "a.xlsx"))
        openpyxl = measure(OPENPYXL, str(db), str(Path(tmp) / "b.xlsx"))
    per_doc = first["seconds"] / documents * 1000
    print(f"decisions build: {documents} documents (samples x{COPIES}, each with its own SHA-256)")
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
    write_x = xlsxwriter["seconds"] - sheets["seconds"]
    write_o = openpyxl["seconds"] - sheets["seconds"]
    print("workbook of that dataset (the same sheets, fills and comments):")
    built = sheets["seconds"]
    print(f"  baseline: build the sheets {built:7.2f} s  peak {sheets['peak_mb']:.0f} MB")
    print(f"  + write with xlsxwriter:   {write_x:7.2f} s  peak {xlsxwriter['peak_mb']:.0f} MB")
    print(f"  + write with openpyxl:     {write_o:7.2f} s  peak {openpyxl['peak_mb']:.0f} MB"
          f"  ({write_o / write_x:.2f}x xlsxwriter)")  # fmt: skip


if __name__ == "__main__":
    main()
