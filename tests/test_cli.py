"""The `decisions` command: exit codes, bad input, the batch going on."""

from __future__ import annotations

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
    for name in ("empty.txt", "broken.pdf", "prose.txt", "latin1.txt"):
        assert documents[name]["status"] == "failed"
        assert documents[name]["error"] and "\n" not in documents[name]["error"]
        assert f"{name}: failed:" in err
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
