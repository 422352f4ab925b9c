"""A batch: which files (discover, plan), each one's stages (process), and where they run.

``run_batch`` reads every job and yields the results in input order, whatever order the
documents finish in. Where they run: in this process (``workers=0``, the library default),
in isolated local worker processes with per-document limits (``workers=N``, what the CLI
does), or as tasks on a Dask cluster (``scheduler="tcp://HOST:PORT"``). With a ``Journal``
every document is recorded as it finishes and a document already recorded is not read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.batch.discover import (
    DOCUMENT_SUFFIXES,
    IMAGE_SUFFIXES,
    OFFICE_SUFFIXES,
    SHEET_SUFFIXES,
    Found,
    Job,
    discover,
    plan,
    walk,
)
from pipeline.batch.journal import Journal
from pipeline.batch.process import failed, process_document
from pipeline.batch.progress import Progress
from pipeline.batch.settings import BatchSettings, DocumentLimits
from pipeline.errors import ExitCode, MissingDependencyError
from pipeline.models import DocumentResult
from pipeline.registry import Registry

__all__ = [
    "DOCUMENT_SUFFIXES",
    "IMAGE_SUFFIXES",
    "OFFICE_SUFFIXES",
    "SHEET_SUFFIXES",
    "BatchSettings",
    "DocumentLimits",
    "Found",
    "Job",
    "Journal",
    "Progress",
    "discover",
    "plan",
    "process_document",
    "run_batch",
    "walk",
]

Indexed = tuple[int, Job]


def run_batch(
    jobs: list[Job],
    settings: BatchSettings,
    registry: Registry | None = None,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    journal: Journal | None = None,
    progress: Progress | None = None,
) -> Iterator[DocumentResult]:
    """Process every job; results come out in the order of ``jobs``.

    ``registry`` is used in this process only (``workers=0``); workers load their own, once.
    """
    results: dict[int, DocumentResult] = {}
    to_read: list[Indexed] = []
    for index, job in enumerate(jobs):
        if job.skip:
            results[index] = failed(job, job.skip, ExitCode.ok)
        elif earlier := journal.load(job) if journal else None:
            results[index] = earlier
        else:
            to_read.append((index, job))
    progress = progress or Progress(mode="none")
    progress.start(len(to_read), sum(1 for job in jobs if not job.skip) - len(to_read))
    next_index = 0
    try:
        run = _execute(to_read, settings, registry, workers, scheduler, bool(journal))
        for index, result, text in run:
            if journal:
                journal.record(jobs[index], result, text)
            progress.finished(result)
            results[index] = result
            while next_index in results:
                yield results.pop(next_index)
                next_index += 1
    finally:
        progress.close()
    progress.summary()
    while next_index in results:
        yield results.pop(next_index)
        next_index += 1


def _execute(
    jobs: list[Indexed],
    settings: BatchSettings,
    registry: Registry | None,
    workers: int,
    scheduler: str | None,
    journalled: bool,
) -> Iterable[tuple[int, DocumentResult, str | None]]:
    if not jobs:
        return ()
    if scheduler:
        try:
            from pipeline.batch.cluster import run_dask
        except ImportError as err:
            raise MissingDependencyError(
                "--scheduler needs Dask distributed: pip install 'decision-tables[dask]'"
            ) from err
        return run_dask(jobs, settings, scheduler)
    if workers > 0:
        from pipeline.batch.local import run_local

        return run_local(jobs, settings, workers, journalled)
    return _in_process(jobs, settings, registry or settings.load_registry())


def _in_process(
    jobs: list[Indexed], settings: BatchSettings, registry: Registry
) -> Iterator[tuple[int, DocumentResult, str | None]]:
    for index, job in jobs:
        yield index, process_document(job, settings, registry), None
