"""Crash safety: a run killed with SIGKILL and started again finishes the job exactly.

The real CLI is killed (its whole process group: the parent, its workers and their fork
server, as a power cut or the OOM killer would) after some documents are journalled; the
second run reads only the rest and writes the same bytes as a run never interrupted. A third
run over unchanged files reads none of them.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

from conftest import SEEDS, run_cli, start_cli

COPIES = 30  # per seed: 60 documents, a few seconds with one worker


def _archive(folder: Path) -> Path:
    folder.mkdir()
    for seed in SEEDS:
        for copy in range(COPIES):
            shutil.copy(seed, folder / f"{seed.stem}_{copy:02d}.txt")
    return folder


def _kill_when_journalled(folder: Path, out: Path, at_least: int) -> int:
    """Start ``decisions extract``, SIGKILL it once ``at_least`` documents are journalled."""
    process = start_cli("extract", str(folder), "--out", str(out))
    journal = out / ".journal"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if len(list(journal.glob("*.json"))) >= at_least:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    time.sleep(0.2)  # let the killed group's last file handles close
    return len(list(journal.glob("*.json")))


def _outputs(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def test_killed_run_resumes_without_losing_or_repeating_a_row(tmp_path: Path) -> None:
    folder = _archive(tmp_path / "archive")
    total = 2 * COPIES
    out = tmp_path / "out"
    done = _kill_when_journalled(folder, out, at_least=5)
    assert 5 <= done < total
    assert not (out / "entries.csv").exists()  # killed before any output was written

    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(out), "--workers", "2")
    assert code == 0, stderr
    left = total - done
    assert f"read {left}/{left} documents" in stderr
    assert f"{done} unchanged documents taken from the journal" in stderr

    clean = tmp_path / "clean"
    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(clean), "--workers", "2")
    assert code == 0, stderr
    assert _outputs(out) == _outputs(clean)

    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(out))
    assert code == 0, stderr
    assert "read 0/0 documents" in stderr
    assert f"{total} unchanged documents taken from the journal" in stderr
    assert _outputs(out) == _outputs(clean)


def test_a_changed_file_or_setting_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    shutil.copy(SEEDS[1], folder / "b.txt")
    out = tmp_path / "out"
    assert run_cli("extract", str(folder), "--out", str(out))[0] == 0
    (folder / "b.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    code, _stdout, stderr = run_cli("extract", str(folder), "--out", str(out))
    assert code == 0, stderr
    assert "read 1/1 documents" in stderr and "1 unchanged" in stderr
    overlay = tmp_path / "overlay.csv"
    overlay.write_text("id,name,level,province_id\np10.x,Đài PT-TH,province_agency,p10\n")
    code, _stdout, stderr = run_cli(
        "extract", str(folder), "--out", str(out), "--overlay", str(overlay)
    )
    assert code == 0, stderr
    assert "read 2/2 documents" in stderr
    assert len(list((out / ".journal").glob("*.json"))) == 2  # the stale entries are pruned
