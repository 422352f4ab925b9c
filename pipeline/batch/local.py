"""Documents across local worker processes, each document isolated in its worker.

A worker reads one document at a time, and while the batch has more documents than workers
it holds the next one too, so it never waits for the parent between two documents (on a
busy machine the parent is not always scheduled at once). A document that outlives the
wall-time limit has its worker killed; a worker that dies (a crash in a C library, the memory
limit) fails the document it was reading. Either way that document is recorded failed with
the limit it hit, the one it held next goes back to the queue, and a fresh worker takes over;
the others are not touched. Workers are forked with the stages already imported and the
registry loaded, so a replacement starts in a fraction of a second.

Documents are handed out largest file first: the batch ends when its last document does, and a
large one started last keeps one worker busy while the others have nothing left to read.
Results still come out in input order (``run_batch`` orders them).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.batch.discover import Job
from pipeline.batch.process import over_time, worker_died
from pipeline.batch.settings import BatchSettings
from pipeline.batch.worker import READY, serve_bound
from pipeline.models import DocumentResult

Indexed = tuple[int, Job]
Outcome = tuple[int, DocumentResult, str | None]  # index, result, its JSON when encoded
HELD = 2  # documents a worker holds while more wait than there are workers: one read, one next


@dataclass
class _Slot:
    """One worker process and the documents it holds (mutable: the pool's bookkeeping)."""

    process: Any
    conn: Connection
    ready: bool = False
    jobs: deque[Indexed] = field(default_factory=deque)  # sent, in order; the first is read
    started: float = 0.0  # when the first of ``jobs`` started


def run_local(
    jobs: list[Indexed], settings: BatchSettings, workers: int, journalled: bool = True
) -> Iterator[Outcome]:
    """Yield ``(index, result, JSON when journalled)`` for every job as workers finish them."""
    context = _context()
    if context.get_start_method() == "fork":
        _warm(settings, jobs)
    queue = deque(largest_first(jobs))
    start = functools.partial(_start, context, settings, journalled)
    slots = [start() for _ in range(min(workers, len(queue)))]
    try:
        while queue or any(slot.jobs for slot in slots):
            for slot in slots:
                _feed(slot, queue, len(slots))
            ready = set(wait(_waitables(slots), _timeout(slots, settings)))
            alive = []
            for slot in slots:
                outcome = _outcome(slot, ready, settings)
                if outcome is not None:
                    yield outcome
                if not slot.process.is_alive() and not slot.ready:  # its next job: to another
                    queue.extendleft(reversed(slot.jobs))
                    slot.jobs.clear()
                if slot.process.is_alive() or slot.jobs:
                    alive.append(slot)
                elif queue:  # died or killed: a fresh worker takes its place
                    alive.append(start())
            slots = alive
    finally:
        _stop(slots)


def largest_first(jobs: list[Indexed]) -> list[Indexed]:
    """The jobs by the size of their files, largest first (ties in input order).

    Bytes stand for work: a PDF's pages, a scan's pixels. With the small ones last, the
    workers run out of documents at nearly the same time instead of one finishing a large
    document alone; the order changes nothing else (every document is read the same way).
    """
    return sorted(jobs, key=lambda item: -_size(item[1]))


def _size(job: Job) -> int:
    total = 0
    for path in job.parts or (job.path,):
        with contextlib.suppress(OSError):  # gone or unreadable: the worker says so
            total += path.stat().st_size
    return total


def _context() -> Any:
    """Fork when this process runs one thread (instant, the stages already imported), else a
    fork server that has imported them (forking a threaded process can deadlock the child)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.batch.worker"])
    return context


def _warm(settings: BatchSettings, jobs: list[Indexed]) -> None:
    """Load here what each forked worker would otherwise load for itself: the registry (its
    cached loader hands the inherited one to every worker) and, when the batch names a PDF,
    the text-PDF reader's modules. Paid once per batch instead of once per worker, and shared
    copy-on-write. A batch without PDFs does not wait for pypdfium2 (60-70 ms before the first
    worker starts); a PDF not named ``.pdf`` still reads, its worker importing the reader."""
    with contextlib.suppress(Exception):  # a bad overlay: each worker reports it, as before
        settings.load_registry()
    if any(_names_pdf(job) for _index, job in jobs):
        import pipeline.ingest.pdf  # noqa: F401 - pypdfium2 and the layout, for every PDF


def _names_pdf(job: Job) -> bool:
    return job.path.suffix.lower() == ".pdf"


def _start(context: Any, settings: BatchSettings, journalled: bool) -> _Slot:
    parent, child = context.Pipe()
    process = context.Process(target=serve_bound, args=(child, settings, journalled), daemon=True)
    gc.freeze()  # the child's collector leaves the inherited objects (and their pages) alone
    try:
        process.start()
    finally:
        gc.unfreeze()
    child.close()
    return _Slot(process, parent)


def _feed(slot: _Slot, queue: deque[Indexed], workers: int) -> None:
    """Send a ready worker its next documents: two while more wait than there are workers (so
    it starts the next one as soon as it sends a result), one near the end (so the last
    documents go to whichever worker is free)."""
    held = HELD if len(queue) > workers else 1
    while slot.ready and len(slot.jobs) < held and queue:
        if not slot.jobs:
            slot.started = time.monotonic()
        slot.jobs.append(queue.popleft())
        slot.conn.send(slot.jobs[-1])


def _waitables(slots: list[_Slot]) -> list[Any]:
    return [slot.conn for slot in slots] + [slot.process.sentinel for slot in slots]


def _timeout(slots: list[_Slot], settings: BatchSettings) -> float | None:
    deadlines = [slot.started + settings.limits.time_s for slot in slots if slot.jobs]
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
        slot.jobs.popleft()
        slot.started = time.monotonic()  # the worker went on to the next one it holds
        return message
    if slot.process.sentinel in ready:
        return _died(slot, settings)
    if slot.jobs and time.monotonic() - slot.started > settings.limits.time_s:
        index, job = slot.jobs.popleft()
        slot.process.kill()
        slot.process.join()
        slot.ready = False
        return index, over_time(job, settings.limits.time_s), None
    return None


def _died(slot: _Slot, settings: BatchSettings) -> Outcome | None:
    slot.process.join()
    slot.ready = False
    if not slot.jobs:
        return None
    index, job = slot.jobs.popleft()
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
