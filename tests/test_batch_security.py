"""Hostile text stays data: an agency printed as markup or a formula, in the CSVs and journal.

The convention (README "Output"): a CSV keeps the exact text the decision printed, quoted by
the csv module, so a reader gets back the very characters; the journal is JSON, read as data
and never as code. Escaping for a spreadsheet or a web page is the job of the exports made
for those programs.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
from conftest import ROOT, read_csv, run_cli

SCRIPT = "<script>alert('xss')</script>"
FORMULA = '=HYPERLINK("http://example.com/?q=1","Sở Tài chính")'
PRINTED = ("Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư")


def _hostile_decision(path: Path) -> None:
    """The Huế decision with two agency names replaced, saved by python-docx."""
    document = docx.Document(str(ROOT / "samples/generated/hue_2019_cqdt.docx"))
    replacements = dict(zip(PRINTED, (SCRIPT, FORMULA), strict=True))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text in replacements:
                    cell.text = replacements[cell.text]
    document.save(str(path))


def test_markup_and_formulas_stay_inert_text_in_csv_and_journal(tmp_path: Path) -> None:
    source = tmp_path / "hostile.docx"
    _hostile_decision(source)
    out = tmp_path / "out"
    code, _stdout, stderr = run_cli("extract", str(source), "--out", str(out))
    assert code == 0, stderr
    names = [row["agency_raw"] for row in read_csv(out / "entries.csv")]
    assert SCRIPT in names and FORMULA in names
    raw = (out / "entries.csv").read_text(encoding="utf-8")
    assert '"=HYPERLINK(""http://example.com/?q=1"",""Sở Tài chính"")"' in raw  # quoted
    (entry,) = (out / ".journal").glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    agencies = [
        item["agency_raw"] for table in stored["result"]["tables"] for item in table["entries"]
    ]
    assert SCRIPT in agencies and FORMULA in agencies
    code, _stdout, stderr = run_cli("extract", str(source), "--out", str(out))
    assert "1 unchanged documents taken from the journal" in stderr
    assert [row["agency_raw"] for row in read_csv(out / "entries.csv")] == names
    assert sorted(path.name for path in tmp_path.iterdir()) == ["hostile.docx", "out"]
