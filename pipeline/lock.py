"""One writer at a time: an advisory lock file per output (``--out``, ``--db``).

A run that writes takes the lock exclusively; a run that only reads a dataset (export, report,
``open_dataset``) takes it shared, so it reads a dataset no build is halfway through. A second
run waits for the lock, saying once on stderr whom it waits for, then goes on: runs on one
output follow each other, they never interleave. The lock is ``flock(2)``: the kernel releases
it when its holder ends, however it ends (a crash, SIGKILL), so a lock is never left stale and
the file is never deleted (deleting a lock file lets two runs hold two different files).
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import OutputError

Notify = Callable[[str], None]


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextmanager
def hold(
    path: Path, what: str, shared: bool = False, notify: Notify | None = None
) -> Iterator[None]:
    """Hold the lock file ``path`` for ``what`` (waiting for it when another run has it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise OutputError(f"cannot write to {what}: {err.strerror} (its lock file {path})") from err
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            (notify or _stderr)(_waiting(handle, what))
            fcntl.flock(handle, mode)
        if not shared:  # who holds it, for the message of the next run that waits
            os.ftruncate(handle, 0)
            os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield
        if not shared:
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)  # releases the lock


def _waiting(handle: int, what: str) -> str:
    holder = os.pread(handle, 32, 0).decode(errors="replace").strip()
    pid = f" (pid {holder})" if holder.isdigit() else ""
    return f"waiting: another decisions run{pid} is using {what}; this run goes on when it ends"
