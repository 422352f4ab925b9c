"""One batch of every kind of bad input beside good documents, through the real CLI.

Every file is listed in documents.csv (read, failed with its reason, or skipped), every
failure is named on stderr, and every good document's rows equal its golden outputs cell by
cell, whatever its name or code page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import bad_inputs
import pytest
from conftest import read_csv, run_cli
from golden_inputs import golden_dir

from pipeline import extract_document as extract

IDENTITY = ("doc_id", "source_file", "sha256")  # differ between copies of one decision

REASONS = {  # file → what its documents.csv error must say
    "empty.txt": "the file is empty",
    "truncated.pdf": "not a readable PDF",
    "encrypted.pdf": "password-protected",
    "bomb.pdf": "decompression bomb, refused unread",
    "huge.png": "image of 10000 × 10000 pixels, over the limit",
    "archive.docx": "a ZIP file but not a Word document",
    "noise.docx": "binary file of an unknown kind",
    "loop": "symbolic link to a folder, not followed",
    "scores.numbers": "skipped: not a decision format (.numbers)",
}
CATALOGUED = ("note_latin1.txt", "no_table.txt", "minutes.md")  # read, no ranking table
SEED_COPIES = (*bad_inputs.AWKWARD_NAMES, "legacy_1258.txt")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str, Path]:
    """The folder of good and bad files, extracted once with two workers."""
    root = tmp_path_factory.mktemp("bad_batch")
    folder = root / "archive"
    folder.mkdir()
    for make in bad_inputs.BAD.values():
        make(folder)
    for name in bad_inputs.AWKWARD_NAMES:
        shutil.copy(bad_inputs.SEED, folder / name)
    bad_inputs.windows_1258_seed(folder)
    bad_inputs.html_named_pdf(folder)
    bad_inputs.damaged_page_pdf(folder)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not listed
    out = root / "out"
    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(out), "--workers", "2")
    return out, code, stderr, root


def documents(out: Path) -> dict[str, dict[str, str]]:
    return {Path(row["source_file"]).name: row for row in read_csv(out / "documents.csv")}


def test_every_file_is_listed_and_every_bad_one_says_why(batch: tuple) -> None:
    out, code, stderr, _root = batch
    assert code == 3, stderr
    listed = documents(out)
    expected = {*REASONS, *CATALOGUED, *SEED_COPIES, "page_from_website.pdf", "damaged_page.pdf"}
    assert set(listed) == expected
    for name, reason in REASONS.items():
        row = listed[name]
        assert row["status"] == "failed", name
        assert reason in row["error"] and "\n" not in row["error"], (name, row["error"])
        if not row["error"].startswith("skipped:"):
            assert f"{name}: failed: {row['error']}" in stderr


def test_documents_without_a_ranking_table_are_catalogued_not_failed(batch: tuple) -> None:
    out, _code, stderr, _root = batch
    listed = documents(out)
    for name in CATALOGUED:
        row = listed[name]
        assert (row["status"], row["error"], row["tables"], row["entries"]) == (
            "no_table", "", "0", "0"
        ), name  # fmt: skip
        assert name not in stderr
    golden = {row["doc_id"]: row for row in read_csv(golden_dir("samples/" + bad_inputs.SEED.name)
                                                       / "documents.csv")}  # fmt: skip
    (seed,) = golden.values()
    fields = ("decision_number", "decision_date", "issuer", "province", "signer", "title")
    assert {f: listed["no_table.txt"][f] for f in fields} == {f: seed[f] for f in fields}
    assert "no_table" not in {row["check"] for row in read_csv(out / "flags.csv")}


def test_every_good_document_gives_its_golden_rows(batch: tuple) -> None:
    out, _code, _stderr, _root = batch
    listed = documents(out)
    golden = golden_dir("samples/" + bad_inputs.SEED.name)
    for table in ("documents", "tables", "entries", "components", "flags", "review"):
        expected = [_without_identity(row) for row in read_csv(golden / f"{table}.csv")]
        rows = read_csv(out / f"{table}.csv")
        for name in SEED_COPIES:
            doc_id = listed[name]["doc_id"]
            got = [_without_identity(row) for row in rows if row["doc_id"] == doc_id]
            assert got == expected, (table, name)


def test_a_mislabelled_page_is_read_like_its_original(batch: tuple, tmp_path: Path) -> None:
    out, _code, _stderr, _root = batch
    listed = documents(out)
    row = listed["page_from_website.pdf"]
    assert (row["status"], row["format"]) == ("ok", "html")
    original = extract(bad_inputs.HTML)
    assert row["entries"] == str(sum(len(table.entries) for table in original.tables))


def test_a_damaged_page_is_flagged_and_the_other_pages_rows_kept(batch: tuple) -> None:
    out, _code, _stderr, _root = batch
    doc_id = documents(out)["damaged_page.pdf"]["doc_id"]
    flags = [row for row in read_csv(out / "flags.csv") if row["doc_id"] == doc_id]
    assert [(f["check"], f["severity"], f["page"]) for f in flags] == [
        ("page_damaged", "error", "2")
    ]
    clean = extract(bad_inputs.PDF)
    kept = {
        (entry.agency_raw, str(entry.total.number if entry.total else ""))
        for table in clean.tables
        for entry in table.entries
        if entry.at.page != 2
    }
    rows = [row for row in read_csv(out / "entries.csv") if row["doc_id"] == doc_id]
    assert kept and kept <= {(row["agency_raw"], row["total"]) for row in rows}


def test_file_names_stay_data_and_nothing_is_written_outside_out(batch: tuple) -> None:
    out, _code, _stderr, root = batch
    outside = {path for path in root.rglob("*") if not path.is_relative_to(out)}
    assert outside == {root / "archive", *(root / "archive").iterdir()}
    assert not list(Path.cwd().glob("pwned")) and not list(root.rglob("pwned"))


def _without_identity(row: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in row.items() if key not in IDENTITY}
