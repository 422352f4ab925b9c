"""Tables as converters give them (issue 11): every entry of every layout fixture, cell by cell.

samples/layouts/ holds the sheet decisions of samples/fixtures/sheets.py one cell per line,
as pipe tables and as real ``pdftotext -layout`` output, and the eight generated PDFs run
through pdftotext; manifest.json states what each must read back as (``make samples``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, extract_one, tables_of
from test_formats import printed_component

from pipeline.models import DocumentResult, Entry, Table
from pipeline.parse import format_decimal

sys.path.insert(0, str(ROOT / "samples"))
from fixtures.build_layouts import write_layout_fixtures  # noqa: E402

LAYOUTS = ROOT / "samples/layouts"
MANIFEST: list[dict[str, Any]] = json.loads((LAYOUTS / "manifest.json").read_text("utf-8"))
FILES = [item["file"] for item in MANIFEST]

_results: dict[str, DocumentResult] = {}


def result_of(name: str) -> DocumentResult:
    if name not in _results:
        os.chdir(ROOT)
        _results[name] = extract_one(f"samples/layouts/{name}")
    return _results[name]


def facts_of(name: str) -> dict[str, Any]:
    return next(item for item in MANIFEST if item["file"] == name)


def number_text(value: Any) -> str:
    return format_decimal(value.number) if value and value.number is not None else ""


def entry_facts(entry: Entry) -> dict[str, object]:
    """An entry in the manifest's terms: canonical numbers, "" for a blank component."""
    return {
        "row_number": entry.number,
        "agency": entry.agency_raw,
        "components": [number_text(value) for value in entry.components],
        "total": number_text(entry.total) or None,
        "rank": int(entry.rank.number) if entry.rank and entry.rank.number is not None else None,
        "band": entry.band,
    }


def shape(table: Table) -> dict[str, object]:
    total = next((c for c in table.columns if c.role == "total"), None)
    return {
        "level": table.level,
        "rows": len(table.entries),
        "components": [(c.label, c.max_points) for c in table.components()],
        "rank": table.has_role("rank"),
        "band": any(entry.band for entry in table.entries),
        "total_max": total.max_points if total else None,
    }


def expected_shape(want: dict[str, Any]) -> dict[str, object]:
    total_max = printed_component(want["total"])[1] if want["total"] else None
    return {
        "level": want["level"],
        "rows": want["rows"],
        "components": [printed_component(header) for header in want["components"]],
        "rank": bool(want["rank"]),
        "band": bool(want["band"]),
        "total_max": total_max,
    }


@pytest.mark.parametrize("name", FILES)
def test_every_entry_as_the_figures_say(name: str) -> None:
    result = result_of(name)
    assert result.status == "ok", result.error
    want = facts_of(name)["tables"]
    assert len(result.tables) == len(want), [len(t.entries) for t in result.tables]
    for table, expected in zip(result.tables, want, strict=True):
        got = [entry_facts(entry) for entry in table.entries]
        assert got == expected["entries"], f"{name} table {table.index}"


@pytest.mark.parametrize("name", FILES)
def test_table_shape_as_the_figures_say(name: str) -> None:
    tables = result_of(name).tables
    want = facts_of(name)["tables"]
    assert [shape(t) for t in tables] == [expected_shape(w) for w in want]


@pytest.mark.parametrize("name", FILES)
def test_clean_layouts_raise_no_error_flag(name: str) -> None:
    errors = [(f.check, f.message) for f in result_of(name).flags if f.severity == "error"]
    assert errors == []


def test_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    """The committed text layouts and manifest are the generator's output (no hand edits);
    the pdftotext files need LibreOffice and poppler, so ``make samples`` rewrites those."""
    write_layout_fixtures(tmp_path, ROOT / "samples/generated", with_pdf=False)
    written = sorted(path.name for path in tmp_path.iterdir())
    for name in written:
        assert (tmp_path / name).read_bytes() == (LAYOUTS / name).read_bytes(), name
    assert {item["file"] for item in MANIFEST} <= {p.name for p in LAYOUTS.glob("*.txt")}


# One printed figure changed in each sheet decision, in every layout: (was, now), and the one
# error flag it must raise: (check, row number, value it reports as printed).
PLANTED = {
    # Sở Nội vụ: 55,20 + 36,45 ≠ 91,95
    "par_2023": (("91,65", "91,95"), ("sum_mismatch", 1, "91.95")),
    # Bộ Kế hoạch và Đầu tư, 0,7420: fourth, not third
    "dti_bo_2022": (("04 (0,7420)", "03 (0,7420)"), ("rank_mismatch", 4, "3")),
    # UBND thành phố Hà Tĩnh; the rank is the only numbering, so no row number
    "cchc_huyen_2021": (("88,50", "88,75"), ("sum_mismatch", None, "88.75")),
    # Sở Kế hoạch và Đầu tư: nine sub-indices add up to 78,45
    "ddci_2022": (("78,45", "78,65"), ("sum_mismatch", 1, "78.65")),
}
PLANTED_FILES = [item["file"] for item in MANIFEST if item["decision"] in PLANTED]


@pytest.mark.parametrize("name", PLANTED_FILES)
def test_a_planted_error_raises_exactly_its_flag(name: str, tmp_path: Path) -> None:
    (was, now), expected = PLANTED[facts_of(name)["decision"]]
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    assert was in text
    planted = tmp_path / name
    planted.write_text(text.replace(was, now, 1), encoding="utf-8")
    flags = [f for f in extract_one(planted).flags if f.severity == "error"]
    assert [(f.check, f.row_number, (f.actual or "").replace(",", ".")) for f in flags] == [
        expected
    ]


GENERATED_MANIFEST = json.loads((ROOT / "samples/generated/manifest.json").read_text("utf-8"))


@pytest.mark.parametrize("slug", [item["slug"] for item in GENERATED_MANIFEST])
def test_pdftotext_of_a_generated_pdf_gives_its_metadata(slug: str) -> None:
    expected = next(d for d in GENERATED_MANIFEST if d["slug"] == slug)["metadata"]
    meta = result_of(f"{slug}.pdftotext.txt").metadata
    got = {name: getattr(meta, name) for name in expected}
    got["decision_date"] = meta.decision_date.isoformat() if meta.decision_date else None
    assert got == expected


def test_a_maxima_line_over_spaced_rows_under_labels_no_reading_holds() -> None:
    text = (
        "Mục Đơn vị Điểm từng phần Điểm ĐTXHH Nhóm\n"
        "Chữ ký số Nhân lực Họp trực tuyến Dịch vụ công Thanh toán trực tuyến Hạ tầng "
        "Hệ thống QLVB Cổng thông tin\n"
        "Điểm tối đa 100 100 100 100 100 100 100 100 100\n"
        "1 Bộ Khoa học và Công nghệ 95.6 97.2 86.4 75.7 93.5 77.0 87.0 97.5 88.7 Tốt\n"
        "2 Bộ Quốc phòng 74.7 63.0 78.5 64.7 71.9 66.4 79.7 82.3 72.7 Khá\n"
        "3 Bộ Y tế 75.3 70.0 76.6 76.1 56.8 57.4 60.5 78.4 68.9 Khá\n"
        "4 Văn phòng Chính phủ 75.3 70.0 76.6 76.1 56.8 57.4 60.5 78.4 68.9 Khá\n"
        "5 Bộ Giao thông vận tải 64.9 53.2 13.5 66.9 65.9 74.6 100.3 78.9 64.8 Trung bình\n"
    )
    (table,) = tables_of(text)
    assert [c.max_points for c in table.columns][2:11] == [100] * 9
