"""A batch killed outright (SIGKILL to its parent alone, as the out-of-memory killer or a CI
timeout does) leaves no worker reading on: the kernel stops the workers with it, at once, not
after the document they were reading."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

from conftest import ROOT, start_cli

SCAN = ROOT / "samples" / "scanned" / "laocai_2016_cntt__300dpi_stamped.pdf"  # pages of OCR


def _descendants(pid: int) -> set[int]:
    """The processes under ``pid`` (its workers, or a fork server and its workers)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        for child in map(int, children):
            found |= {child} | _descendants(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has stopped; only its exit status is left


def test_workers_die_with_their_batch(tmp_path: Path) -> None:
    process = start_cli("extract", str(SCAN), "--out", str(tmp_path))
    try:
        deadline = time.monotonic() + 60
        while not (workers := _descendants(process.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert workers, "no worker started"
        time.sleep(1.0)  # the worker is into the scan's pages
        assert process.poll() is None, "the batch ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 3  # the scan takes far longer than this to read
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), "a worker read on after its batch was killed"
    finally:
        with contextlib.suppress(ProcessLookupError):  # what is left of the group
            os.killpg(process.pid, signal.SIGKILL)
