"""One writer at a time: a second run on the same --out or --db waits, never interleaves.

Two real processes each time: a process holding the lock (as a run in progress holds it) and
the real `decisions` command, which must say it waits, touch nothing while it waits, and finish
once the lock is free; and two real builds of one dataset started together.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
from conftest import ROOT, SEEDS
from dataset_inputs import GENERATED, LAOCAI

from pipeline.store import lock_path

HOLD = """
import sys
from pathlib import Path
from pipeline.lock import hold
with hold(Path(sys.argv[1]), "test"):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


def _holder(lock: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], cwd=ROOT, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


def _decisions(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def _waits_then_runs(lock: Path, args: tuple[str, ...], untouched: Path, what: str) -> str:
    """Run ``decisions ARGS`` while another process holds ``lock``; returns its stderr."""
    holder = _holder(lock)
    run = _decisions(*args)
    assert run.stderr is not None
    first = run.stderr.readline()  # blocks until the run has said something
    assert first.startswith(f"waiting: another decisions run (pid {holder.pid}) is using {what}")
    assert run.poll() is None and not untouched.exists()  # it waits, and writes nothing
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    _out, rest = run.communicate(timeout=300)
    assert run.returncode == 0, rest
    assert untouched.exists()
    return first + rest


def test_a_second_extract_into_one_out_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock = out / ".journal" / "run.lock"
    args = ("extract", str(SEEDS[0]), "--out", str(out), "--workers", "1")
    _waits_then_runs(lock, args, out / "documents.csv", f"{out}/")


def test_a_second_build_of_one_db_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    _waits_then_runs(lock_path(db), ("build", str(LAOCAI), "--db", str(db)), db, str(db))


def test_an_export_waits_for_a_build_to_finish(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    done = _decisions("build", str(LAOCAI), "--db", str(db))
    assert done.wait(timeout=300) == 0
    to = tmp_path / "exported"
    _waits_then_runs(lock_path(db), ("export", "--db", str(db), "--to", str(to)), to, str(db))


def test_two_builds_started_together_both_finish_and_add_each_file_once(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    folders = [GENERATED / "laocai_2016_cntt.docx", GENERATED / "hue_2019_cqdt.docx"]
    runs = [_decisions("build", str(folder), str(LAOCAI), "--db", str(db)) for folder in folders]
    for run in runs:
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err  # without the lock: DuckDB's "Could not set lock"
    con = duckdb.connect(str(db), read_only=True)
    try:
        documents = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents")
        assert documents.fetchone() == (3, 3)
        assert con.execute("SELECT count(*) FROM decisions").fetchone() == (2,)
    finally:
        con.close()
