"""Documents as tasks on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

A ``WorkerPlugin`` carries the settings, and the overlay and aliases as bytes, to each worker
once; each worker thread reads its documents in a child process of its own (isolated.py) that
loads the registry once, so no registry travels with a task. The per-document limits hold as
on local workers: a document past the time limit has its child killed and fails with the same
reason, and the memory limit bounds the child. Input files are read by the workers at the
paths the client gives, so they must be on a file system every worker sees.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

from distributed import Client, WorkerPlugin, as_completed, get_worker

from pipeline.batch.discover import Job
from pipeline.batch.isolated import IsolatedReader, settings_with_files
from pipeline.batch.process import failed
from pipeline.batch.settings import BatchSettings
from pipeline.errors import ExitCode
from pipeline.models import DocumentResult

PLUGIN_NAME = "decisions-registry"


class ReaderPlugin(WorkerPlugin):  # type: ignore[misc]
    """Per worker thread, one child process reading documents under the batch's limits.

    The settings and the overlay/aliases bytes reach each worker once, with the plugin; each
    child loads the registry once and reads document after document.
    """

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = settings
        self.files = settings_with_files(settings)
        self.readers: dict[int, IsolatedReader] = {}

    def reader(self) -> IsolatedReader:
        """This thread's reader (a worker may run several tasks at once, one per thread)."""
        thread = threading.get_ident()
        if thread not in self.readers:
            self.readers[thread] = IsolatedReader(self.settings, self.files)
        return self.readers[thread]

    def teardown(self, worker: Any) -> None:
        for reader in self.readers.values():
            reader.close()


def _run_task(job: Job) -> tuple[DocumentResult, str | None]:
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    reader: IsolatedReader = plugin.reader()
    return reader.read(job)


def run_dask(
    jobs: list[tuple[int, Job]], settings: BatchSettings, address: str
) -> Iterator[tuple[int, DocumentResult, str | None]]:
    """Yield ``(index, result, JSON)`` for every job as the cluster finishes them."""
    run = uuid.uuid4().hex[:8]
    with Client(address, set_as_default=False, timeout="30s") as client:
        client.register_plugin(ReaderPlugin(settings), name=PLUGIN_NAME)
        submitted = {}
        for index, job in jobs:
            future = client.submit(_run_task, job, key=f"decisions-{run}-{index}", pure=False)
            submitted[future.key] = (future, index, job)
        futures = [future for future, _, _ in submitted.values()]
        for future in as_completed(futures, loop=client.loop):
            _, index, job = submitted.pop(future.key)
            if future.status == "finished":
                yield index, *future.result()
            else:
                error = future.exception()
                reason = f"the Dask task failed: {type(error).__name__}: {error}"
                yield index, failed(job, reason, ExitCode.some_failed), None
            future.release()
