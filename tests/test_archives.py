"""Archives as they are: every fixture of samples/archives/ (LibreOffice-saved .doc, .odt,
.rtf, annex workbooks .xlsx/.xls/.ods, documents typed in TCVN3 and VNI fonts) gives the same
dataset as its .docx twin in samples/generated/, cell for cell.

An annex workbook prints the decision's number, date, issuer and the tables, not its subject,
signer or type: its signer and type are blank and flagged missing_metadata, its title is the
annex's own heading (left out of the comparison), and the index read from that heading must be
the twin's. Everything else must be equal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, extract_one

from pipeline.emit import rows_by_table
from pipeline.errors import ConversionError
from pipeline.ingest import sniff_format
from pipeline.ingest.office import converted
from pipeline.models import DocumentResult

ARCHIVES = ROOT / "samples/archives"
GENERATED = ROOT / "samples/generated"
# Columns that name the file or where a value sits in it: the only ones allowed to differ.
IDENTITY = {"doc_id", "source_file", "sha256", "format", "method", "pages", "grids"}
IDENTITY |= {"page", "line", "bbox", "encoding"}
NOT_IN_ANNEX = ("signer", "signer_title", "doc_type")
FIXTURES = sorted(path.name for path in ARCHIVES.iterdir() if not path.name.endswith(".md"))
SHEETS = (".xlsx", ".xls", ".ods")
ENCODINGS = {"_tcvn3": "tcvn3", "_vni": "vni"}

_results: dict[str, DocumentResult] = {}


def result_of(path: Path) -> DocumentResult:
    key = path.as_posix()
    if key not in _results:
        os.chdir(ROOT)
        _results[key] = extract_one(path.relative_to(ROOT))
    return _results[key]


def twin_of(name: str) -> Path:
    slug = name.split(".")[0]
    for suffix in ENCODINGS:
        slug = slug.removesuffix(suffix)
    return GENERATED / f"{slug}.docx"


def comparable(result: DocumentResult, annex: bool) -> dict[str, list[dict[str, object]]]:
    tables = rows_by_table([result])
    rows = {
        name: [{k: v for k, v in row.items() if k not in IDENTITY} for row in found]
        for name, found in tables.items()
    }
    if annex:
        for row in rows["documents"]:
            row.pop("title")  # the annex's heading, not the decision's subject
        rows["flags"] = [flag for flag in rows["flags"] if flag["check"] != "missing_metadata"]
        for row in rows["documents"]:
            row.pop("warnings")
    return rows


def expected_annex(twin: DocumentResult) -> dict[str, list[dict[str, object]]]:
    rows = comparable(twin, annex=True)
    for row in rows["documents"]:
        row.update(dict.fromkeys(NOT_IN_ANNEX))
    return rows


def test_there_is_a_fixture_of_every_format() -> None:
    suffixes = {Path(name).suffix for name in FIXTURES}
    assert suffixes >= {".doc", ".odt", ".rtf", ".xlsx", ".xls", ".ods", ".html", ".txt"}


@pytest.mark.parametrize("name", FIXTURES)
def test_the_same_dataset_as_the_docx_twin(name: str) -> None:
    result = result_of(ARCHIVES / name)
    assert result.status == "ok", result.error
    twin = result_of(twin_of(name))
    annex = name.endswith(SHEETS)
    expected = expected_annex(twin) if annex else comparable(twin, annex=False)
    got = comparable(result, annex)
    for table, rows in expected.items():
        assert got[table] == rows, f"{name}: {table}.csv differs from {twin_of(name).name}"


@pytest.mark.parametrize("name", FIXTURES)
def test_format_and_encoding_are_told(name: str) -> None:
    result = result_of(ARCHIVES / name)
    stem, suffix = name.split(".")
    assert result.format == suffix
    legacy = next((value for key, value in ENCODINGS.items() if stem.endswith(key)), "unicode")
    assert result.encoding == legacy
    assert all(
        entry.at.source_file == f"samples/archives/{name}"
        for t in result.tables
        for entry in t.entries
    )


def test_annex_numbers_keep_their_printed_places() -> None:
    """A numeric cell formatted "0.00" prints two places, as the decision does ("85,40")."""
    result = result_of(ARCHIVES / "quangninh_2022_dti.xls")
    totals = [entry.total.printed for entry in result.tables[0].entries if entry.total]
    assert totals and all(len(total.split(",")[1]) == 2 for total in totals)


def test_sniffing_by_content() -> None:
    for name in FIXTURES:
        data = (ARCHIVES / name).read_bytes()
        assert sniff_format(data) == Path(name).suffix.lstrip(".")


def test_a_conversion_over_its_time_limit_fails_and_the_next_one_works(tmp_path: Path) -> None:
    source = ARCHIVES / "hue_2019_cqdt.doc"
    with (
        pytest.raises(ConversionError, match="did not convert the file within"),
        converted(source, ".docx", timeout_s=0.001),
    ):
        pass
    with converted(source, ".docx", timeout_s=120) as docx_path:
        assert docx_path.stat().st_size > 0


def test_a_damaged_doc_fails_with_a_reason(tmp_path: Path) -> None:
    data = (ARCHIVES / "hue_2019_cqdt.doc").read_bytes()
    (tmp_path / "cut.doc").write_bytes(data[:4096])
    result = extract_one(tmp_path / "cut.doc")
    assert result.status == "failed"
    assert result.exit_code == 3
    assert result.error and "cut short" in result.error


def test_garbled_text_is_flagged_never_read_silently(tmp_path: Path) -> None:
    """UTF-8 read as Windows-1252 and saved again: legacy-looking, no chart reads it."""
    text = (GENERATED / "laocai_2016_cntt.txt").read_text(encoding="utf-8")
    garbled = text.encode("utf-8").decode("cp1252", errors="replace")
    (tmp_path / "garbled.txt").write_text(garbled, encoding="utf-8")
    result = extract_one(tmp_path / "garbled.txt")
    assert result.encoding == "unsure"
    assert "legacy_encoding_unsure" in {flag.check for flag in result.flags}
    clean = extract_one(GENERATED / "laocai_2016_cntt.txt")
    assert "legacy_encoding_unsure" not in {flag.check for flag in clean.flags}


def test_missing_libreoffice_stops_the_run_with_exit_code_4(tmp_path: Path) -> None:
    """No soffice on PATH: the run stops at start, before reading anything."""
    empty = tmp_path / "bin"
    empty.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(ARCHIVES / "hue_2019_cqdt.doc"),
         "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PATH": str(empty)},
    )  # fmt: skip
    assert done.returncode == 4, done.stderr
    assert "LibreOffice" in done.stderr
    assert not (tmp_path / "out" / "documents.csv").exists()
