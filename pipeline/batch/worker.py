"""The loop of one worker process: load the registry once, then read documents as they come.

The parent sends ``(index, job)`` and gets ``(index, result, result as JSON)`` back (the
journal's text is encoded here, in parallel, not in the parent); ``None`` or a closed pipe
ends the loop. The memory limit is set after the registry is loaded, so it bounds what a
document takes, and Ctrl-C is left to the parent (which stops the workers itself).
"""

from __future__ import annotations

import resource
import signal
from multiprocessing.connection import Connection

from pipeline.batch.codec import encode_json
from pipeline.batch.process import process_document
from pipeline.batch.settings import BatchSettings
from pipeline.batch.wire import dumps

READY = "ready"


def set_memory_limit(memory_mb: int) -> None:
    """Bound this process's address space (RLIMIT_AS); never above the hard limit it has."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = memory_mb << 20
    limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


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
