"""Per-document limits in the worker processes: a slow or greedy document fails alone.

Real inputs, real limits: a 1,000-row table of names no registry knows takes the matcher tens
of seconds (past a 2 s limit), and a 40 MB prose file needs far more than 256 MB of address
space once split into lines. One worker reads them all, in order, so the good decision after
them can only be read by the worker that replaced the one that was stopped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS, read_csv, run_cli

TABLE_HEAD = "QUYẾT ĐỊNH\n\nSTT\tTên đơn vị\tTổng điểm\n"


def test_time_and_memory_limits_fail_that_document_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = (
        f"Dòng {i} của một biên bản rất dài, không có bảng nào. " * 8 + "\n" for i in range(100_000)
    )
    (folder / "a_greedy.txt").write_text("".join(lines), encoding="utf-8")
    rows = (f"{i}\tĐơn vị chưa có tên số {i}\t{i % 100}\n" for i in range(1, 1001))
    (folder / "b_slow.txt").write_text(TABLE_HEAD + "".join(rows), encoding="utf-8")
    shutil.copy(SEEDS[0], folder / "c_good.txt")
    out = tmp_path / "out"
    limits = ["--workers", "1", "--time-limit", "2", "--memory-limit", "256"]
    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(out), *limits)
    assert code == 3, stderr
    documents = {Path(row["source_file"]).name: row for row in read_csv(out / "documents.csv")}
    greedy, slow, good = (documents[name] for name in ("a_greedy.txt", "b_slow.txt", "c_good.txt"))
    assert greedy["status"] == "failed" and "memory" in greedy["error"]
    assert "256 MB" in greedy["error"]
    assert slow["status"] == "failed" and "time limit of 2 s" in slow["error"]
    assert "replaced" in slow["error"]
    assert (good["status"], good["entries"]) == ("ok", "31")
    assert "b_slow.txt: failed: DocumentTooLarge: still running after" in stderr
