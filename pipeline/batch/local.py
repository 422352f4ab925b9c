"""Documents across local worker processes, each document isolated in its worker.

A worker gets one document at a time. A document that outlives the wall-time limit has its
worker killed; a worker that dies (a crash in a C library, the memory limit) fails the
document it held. Either way that document is recorded failed with the limit it hit and a
fresh worker takes the next one; the others are not touched. Workers are forked with the
stages already imported and the registry loaded, so a replacement starts in a fraction of a
second.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.batch.discover import Job
from pipeline.batch.process import over_time, worker_died
from pipeline.batch.settings import BatchSettings
from pipeline.batch.worker import READY, serve
from pipeline.models import DocumentResult

Indexed = tuple[int, Job]
Outcome = tuple[int, DocumentResult, str | None]  # index, result, its JSON when encoded


@dataclass
class _Slot:
    """One worker process and the document it holds (mutable: the pool's bookkeeping)."""

    process: Any
    conn: Connection
    ready: bool = False
    job: Indexed | None = None
    started: float = 0.0


def run_local(
    jobs: list[Indexed], settings: BatchSettings, workers: int, journalled: bool = True
) -> Iterator[Outcome]:
    """Yield ``(index, result, JSON when journalled)`` for every job as workers finish them."""
    context = _context()
    if context.get_start_method() == "fork":
        _warm(settings)
    queue = deque(jobs)
    start = functools.partial(_start, context, settings, journalled)
    slots = [start() for _ in range(min(workers, len(queue)))]
    try:
        while queue or any(slot.job for slot in slots):
            for slot in slots:
                if slot.ready and slot.job is None and queue:
                    slot.job, slot.started = queue.popleft(), time.monotonic()
                    slot.conn.send(slot.job)
            ready = set(wait(_waitables(slots), _timeout(slots, settings)))
            alive = []
            for slot in slots:
                outcome = _outcome(slot, ready, settings)
                if outcome is not None:
                    yield outcome
                if slot.process.is_alive() or slot.job:
                    alive.append(slot)
                elif queue:  # died or killed: a fresh worker takes its place
                    alive.append(start())
            slots = alive
    finally:
        _stop(slots)


def _context() -> Any:
    """Fork when this process runs one thread (instant, the stages already imported), else a
    fork server that has imported them (forking a threaded process can deadlock the child)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.batch.worker"])
    return context


def _warm(settings: BatchSettings) -> None:
    """Load here what each forked worker would otherwise load for itself: the registry (its
    cached loader hands the inherited one to every worker) and the text-PDF reader's modules.
    Paid once per batch instead of once per worker, and shared copy-on-write."""
    with contextlib.suppress(Exception):  # a bad overlay: each worker reports it, as before
        settings.load_registry()
    import pipeline.ingest.pdf  # noqa: F401 - pypdfium2 and the layout, for every PDF


def _start(context: Any, settings: BatchSettings, journalled: bool) -> _Slot:
    parent, child = context.Pipe()
    process = context.Process(target=serve, args=(child, settings, journalled), daemon=True)
    process.start()
    child.close()
    return _Slot(process, parent)


def _waitables(slots: list[_Slot]) -> list[Any]:
    return [slot.conn for slot in slots] + [slot.process.sentinel for slot in slots]


def _timeout(slots: list[_Slot], settings: BatchSettings) -> float | None:
    deadlines = [slot.started + settings.limits.time_s for slot in slots if slot.job]
    return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None


def _outcome(slot: _Slot, ready: set[Any], settings: BatchSettings) -> Outcome | None:
    """What one worker has to say now: a result, a document it failed, or nothing."""
    if slot.conn in ready:
        try:
            message = slot.conn.recv()
        except (EOFError, OSError):
            return _died(slot, settings)
        if message == READY:
            slot.ready = True
            return None
        if message[0] == "error":
            raise message[1]
        slot.job = None
        return message
    if slot.process.sentinel in ready:
        return _died(slot, settings)
    if slot.job and time.monotonic() - slot.started > settings.limits.time_s:
        index, job = slot.job
        slot.process.kill()
        slot.process.join()
        slot.job = None
        return index, over_time(job, settings.limits.time_s), None
    return None


def _died(slot: _Slot, settings: BatchSettings) -> Outcome | None:
    slot.process.join()
    slot.ready = False
    if slot.job is None:
        return None
    index, job = slot.job
    slot.job = None
    return index, worker_died(job, slot.process.exitcode, settings.limits.memory_mb), None


def _stop(slots: list[_Slot]) -> None:
    for slot in slots:
        with contextlib.suppress(OSError, ValueError):  # a worker already gone
            slot.conn.send(None)
    deadline = time.monotonic() + 2
    for slot in slots:
        slot.process.join(max(0.0, deadline - time.monotonic()))
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join()
        slot.conn.close()
