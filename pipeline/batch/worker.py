"""The loop of one worker process: load the registry once, then read documents as they come.

The parent sends ``(index, job)`` and gets ``(index, result, result as JSON)`` back (the
journal's text is encoded here, in parallel, not in the parent); ``None`` or a closed pipe
ends the loop. The memory limit is set after the registry is loaded, so it bounds what a
document takes, and Ctrl-C is left to the parent (which stops the workers itself). A local
worker dies with the process that started it (``serve_bound``), so a batch killed outright
leaves no worker reading on for nobody.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
from multiprocessing.connection import Connection

from pipeline.batch.codec import encode_json
from pipeline.batch.process import process_document
from pipeline.batch.settings import BatchSettings
from pipeline.batch.wire import dumps

READY = "ready"
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent thread exits


def set_memory_limit(memory_mb: int) -> None:
    """Bound this process's address space (RLIMIT_AS); never above the hard limit it has."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = memory_mb << 20
    limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def serve_bound(conn: Connection, settings: BatchSettings, journalled: bool = True) -> None:
    """``serve``, in a process the kernel kills when its parent dies (Linux). Without it a
    worker whose batch was killed (SIGKILL, the out-of-memory killer, a CI timeout) reads its
    document to the end, however long, before the closed pipe stops it."""
    _die_with_parent()
    serve(conn, settings, journalled)


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the closed pipe still ends the loop
        return
    batch = multiprocessing.parent_process()  # the batch, even when a fork server forked us
    if batch is not None and not batch.is_alive():  # it died before the request was made
        os._exit(0)


def serve(conn: Connection, settings: BatchSettings, journalled: bool = True) -> None:
    """Worker process entry point."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        registry = settings.load_registry()
    except Exception as err:  # a bad overlay: the parent raises it for the whole batch
        conn.send(("error", err))
        return
    set_memory_limit(settings.limits.memory_mb)
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, job = message
        result = process_document(job, settings, registry)
        conn.send_bytes(dumps((index, result, encode_json(result) if journalled else None)))
