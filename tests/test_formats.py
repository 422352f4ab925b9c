"""The same decision as text, PDF, DOCX and HTML gives the same dataset, cell for cell.

The fixtures in samples/generated/ come from one description each (samples/make_samples.py);
manifest.json states their metadata and table shapes, which every format must reproduce.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal

import pytest
from conftest import ROOT, extract_one

from pipeline.emit import rows_by_table
from pipeline.models import DocumentResult
from pipeline.parse import format_decimal

GENERATED = ROOT / "samples/generated"
MANIFEST = json.loads((GENERATED / "manifest.json").read_text(encoding="utf-8"))
FORMATS = ("txt", "pdf", "docx", "html")
# Columns that name the file or where a value sits in it: the only ones allowed to differ.
IDENTITY = {"doc_id", "source_file", "sha256", "format", "method", "pages", "grids"}
IDENTITY |= {"page", "line", "bbox"}
PRINTED_MAX = re.compile(r"^(.*?)\s*\(([\d.,]+)\)$")


def printed_component(header: str) -> tuple[str, Decimal | None]:
    """The manifest's header "Hạ tầng (8,5)" as (label, maximum), read without our parser."""
    found = PRINTED_MAX.match(header)
    if not found:
        return header, None
    digits = found.group(2)
    is_thousands = re.fullmatch(r"\d{1,3}(\.\d{3})+", digits)
    maximum = digits.replace(".", "") if is_thousands else digits.replace(",", ".")
    return found.group(1), Decimal(maximum)


_results: dict[str, DocumentResult] = {}


def result_of(slug: str, fmt: str) -> DocumentResult:
    key = f"{slug}.{fmt}"
    if key not in _results:
        os.chdir(ROOT)
        _results[key] = extract_one(f"samples/generated/{key}")
    return _results[key]


def comparable(result: DocumentResult) -> dict[str, list[dict[str, object]]]:
    tables = rows_by_table([result])
    return {
        name: [{k: v for k, v in row.items() if k not in IDENTITY} for row in rows]
        for name, rows in tables.items()
    }


CASES = [(d["slug"], fmt) for d in MANIFEST for fmt in FORMATS]


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_metadata_as_the_manifest_states(slug: str, fmt: str) -> None:
    expected = next(d for d in MANIFEST if d["slug"] == slug)["metadata"]
    result = result_of(slug, fmt)
    assert result.status == "ok", result.error
    meta = result.metadata
    got = {name: getattr(meta, name) for name in expected}
    got["decision_date"] = meta.decision_date.isoformat() if meta.decision_date else None
    assert got == expected


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_tables_as_the_manifest_states(slug: str, fmt: str) -> None:
    expected = next(d for d in MANIFEST if d["slug"] == slug)["tables"]
    tables = result_of(slug, fmt).tables
    got = [(t.level, len(t.entries)) for t in tables]
    assert got == [(e["level"], e["rows"]) for e in expected]
    for table, want in zip(tables, expected, strict=True):
        components = [(c.label, c.max_points) for c in table.components()]
        assert components == [printed_component(header) for header in want["components"]]
        assert (table.total_max is None) == ("(" not in (want["total"] or ""))
        assert table.has_role("rank") == (want["rank"] is not None)
        assert any(e.band for e in table.entries) == (want["band"] is not None)


@pytest.mark.parametrize("slug", [d["slug"] for d in MANIFEST])
def test_every_format_gives_the_same_dataset(slug: str) -> None:
    reference = comparable(result_of(slug, "txt"))
    for fmt in FORMATS[1:]:
        other = comparable(result_of(slug, fmt))
        for name, rows in reference.items():
            assert other[name] == rows, f"{slug}.{fmt} {name}.csv differs from {slug}.txt"


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_clean_fixtures_raise_no_error_flag(slug: str, fmt: str) -> None:
    errors = [f.message for f in result_of(slug, fmt).flags if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_every_entry_as_the_generator_printed_it(slug: str, fmt: str) -> None:
    """Every entry reads back as the generator printed it: number, agency, values, rank, band."""

    expected = next(d for d in MANIFEST if d["slug"] == slug)["tables"]
    tables = result_of(slug, fmt).tables
    assert len(tables) == len(expected)
    for table, want in zip(tables, expected, strict=True):
        got = [
            {
                "row_number": entry.number,
                "agency": entry.agency_raw,
                "components": [
                    format_decimal(v.number) if v and v.number is not None else ""
                    for v in entry.components
                ],
                "total": (
                    format_decimal(entry.total.number)
                    if entry.total and entry.total.number is not None
                    else None
                ),
                "rank": (
                    int(entry.rank.number) if entry.rank and entry.rank.number is not None else None
                ),
                "band": entry.band,
            }
            for entry in table.entries
        ]
        assert got == want["entries"], f"{slug}.{fmt} table {table.index}"
