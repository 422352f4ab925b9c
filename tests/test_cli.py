"""The `decisions` command: exit codes, bad input, the batch going on."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from conftest import ROOT, SEEDS, read_csv, run_cli


def test_extract_summary_and_exit_0(tmp_path: Path) -> None:
    code, out, _err = run_cli("extract", "samples/000_d536206099149b63.txt", "--out", str(tmp_path))
    assert code == 0
    assert "documents: 1 (1 ok, 0 failed)" in out
    assert "entries:   31" in out


def test_bad_files_fail_alone_with_one_line_each(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS[0], inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (inputs / "prose.txt").write_text("Không có bảng nào ở đây.\n", encoding="utf-8")
    (inputs / "latin1.txt").write_bytes("Sơ Tài chính".encode("cp1258"))  # Windows-1258
    code, _out, err = run_cli("extract", str(inputs), "--out", str(tmp_path / "out"))
    assert code == 3
    documents = {
        Path(row["source_file"]).name: row for row in read_csv(tmp_path / "out/documents.csv")
    }
    assert documents["good.txt"]["status"] == "ok"
    for name in ("empty.txt", "broken.pdf"):
        assert documents[name]["status"] == "failed"
        assert documents[name]["error"] and "\n" not in documents[name]["error"]
        assert f"{name}: failed:" in err
    for name in ("prose.txt", "latin1.txt"):  # read whole, no ranking table: catalogued
        assert (documents[name]["status"], documents[name]["error"]) == ("no_table", "")
        assert name not in err
    assert len(read_csv(tmp_path / "out/entries.csv")) == 31


def test_missing_input_is_a_usage_error() -> None:
    code, _out, err = run_cli("extract", "no/such/file.txt")
    assert code == 2
    assert "does not exist" in err


def test_check_exits_1_on_error_flags_and_0_when_clean() -> None:
    code, out, _err = run_cli("check", "tests/injected/000_d536206099149b63__sum_mismatch.txt")
    assert code == 1
    assert "sum_mismatch (error)" in out
    assert "table 1 STT 5" in out
    code, out, _err = run_cli("check", "--errors-only", *[str(p.relative_to(ROOT)) for p in SEEDS])
    assert code == 0
    assert out == ""


def test_every_command_teaches_by_example() -> None:
    code, out, _err = run_cli("--help")
    assert code == 0
    commands = [line.split()[0] for line in out.split("Commands:")[1].strip().splitlines()]
    for command in commands:
        code, out, _err = run_cli(command, "--help")
        assert code == 0
        assert "Example:" in out and f"decisions {command}" in out


def test_match_prints_the_decision_and_ranked_candidates() -> None:
    code, out, _err = run_cli("match", "Sở KH-CN", "--province", "Lào Cai", "--year", "2016")
    assert code == 0
    first, best = out.splitlines()[:2]
    assert "alias" in first and "p10.so-khoa-hoc-va-cong-nghe" in first
    assert best.startswith("1.") and "Sở Khoa học và Công nghệ" in best


def test_review_loop_remembers_a_reviewers_choice(tmp_path: Path) -> None:
    """review.csv lists the undecided name; filled in and passed back, it resolves."""
    seed = "samples/000_d536206099149b63.txt"
    code, _out, err = run_cli("extract", seed, "--out", str(tmp_path / "first"))
    assert code == 0, err
    (review,) = read_csv(tmp_path / "first/review.csv")
    assert review["agency_raw"] == "Vườn Quốc gia Hoàng Liên"
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(
        "id,name,level,province_id,aliases,valid_from,valid_to\n"
        "p10.vqg-hoang-lien,Vườn quốc gia Hoàng Liên,province_agency,p10,,,\n",
        encoding="utf-8",
    )
    review["chosen_id"] = "p10.vqg-hoang-lien"
    aliases = tmp_path / "reviewed.csv"
    with aliases.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(review))
        writer.writeheader()
        writer.writerow(review)
    second = tmp_path / "second"
    options = ["--overlay", str(overlay), "--aliases", str(aliases)]
    code, _out, err = run_cli("extract", seed, "--out", str(second), *options)
    assert code == 0, err
    row = next(r for r in read_csv(second / "entries.csv") if r["row_number"] == "22")
    assert (row["agency_id"], row["match_status"]) == ("p10.vqg-hoang-lien", "alias")
    assert read_csv(second / "review.csv") == []


def test_a_bad_alias_file_is_a_usage_error(tmp_path: Path) -> None:
    aliases = tmp_path / "bad.csv"
    aliases.write_text("agency_raw,chosen_id\nSở X,no.such.id\n", encoding="utf-8")
    code, _out, err = run_cli(
        "extract", str(SEEDS[0]), "--out", str(tmp_path), "--aliases", str(aliases)
    )
    assert code == 2
    assert err.count("\n") == 1, err


def test_format_is_detected_by_content_not_extension(tmp_path: Path) -> None:
    shutil.copy(ROOT / "samples/generated/hue_2019_cqdt.docx", tmp_path / "mislabelled.txt")
    shutil.copy(ROOT / "samples/generated/hue_2019_cqdt.html", tmp_path / "page.doc")
    named = [str(tmp_path / "mislabelled.txt"), str(tmp_path / "page.doc")]
    code, _out, err = run_cli("extract", *named, "--out", str(tmp_path / "out"))
    assert code == 0, err
    rows = read_csv(tmp_path / "out/documents.csv")
    assert [(row["format"], row["status"]) for row in rows] == [("docx", "ok"), ("html", "ok")]


def test_a_scanned_page_among_text_pages_is_read_by_ocr(tmp_path: Path) -> None:
    """A real PDF: the Lào Cai decision's three pages and a blank scan, joined by pypdfium2."""
    import pypdfium2

    joined = pypdfium2.PdfDocument.new()
    for source in ("samples/generated/laocai_2016_cntt.pdf", "tests/fixtures/pdf/scanned.pdf"):
        with pypdfium2.PdfDocument(ROOT / source) as part:
            joined.import_pages(part)
    joined.save(tmp_path / "mixed.pdf")
    code, _out, err = run_cli(
        "extract", str(tmp_path / "mixed.pdf"), "--out", str(tmp_path / "out")
    )
    assert code == 0, err
    assert read_csv(tmp_path / "out/flags.csv") == []  # the blank scan holds nothing to flag
    (document,) = read_csv(tmp_path / "out/documents.csv")
    assert (document["method"], document["pages"]) == ("mixed", "4")
    assert len(read_csv(tmp_path / "out/entries.csv")) == 31


def test_batch_exit_code_is_the_gravest_documents() -> None:
    from pipeline.cli.reading import _exit_code
    from pipeline.errors import ExitCode
    from pipeline.models import DocumentResult

    def result(code: int) -> DocumentResult:
        return DocumentResult("d", "f", "", None, exit_code=code)

    assert _exit_code([result(0), result(0)]) == ExitCode.ok
    assert _exit_code([result(0), result(3)]) == ExitCode.some_failed
    assert _exit_code([result(3), result(70), result(0)]) == ExitCode.internal
