"""Documents as tasks on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

A ``WorkerPlugin`` carries the settings, and the overlay and aliases as bytes, to each worker
once; the worker loads the registry when the plugin is set up, and every task reads it from
there, so no registry travels with a task. Input files are read by the workers at the paths
the client gives, so they must be on a file system every worker sees. A task that kills its
worker (memory) fails that document, as Dask reports it; the cluster's own memory limits and
nannies replace the worker.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from distributed import Client, WorkerPlugin, as_completed, get_worker

from pipeline.batch.codec import encode_json
from pipeline.batch.discover import Job
from pipeline.batch.process import failed, process_document
from pipeline.batch.settings import BatchSettings
from pipeline.errors import ExitCode
from pipeline.models import DocumentResult

PLUGIN_NAME = "decisions-registry"


class RegistryPlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the registry once per worker, from settings and user files sent once."""

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = settings
        self.files = {
            name: path.read_bytes()
            for name, path in (("overlay", settings.overlay), ("aliases", settings.aliases))
            if path is not None
        }
        self.registry: Any = None

    def setup(self, worker: Any) -> None:
        with tempfile.TemporaryDirectory() as folder:
            paths = {}
            for name, data in self.files.items():
                paths[name] = Path(folder) / f"{name}.csv"
                paths[name].write_bytes(data)
            self.settings = replace(
                self.settings, overlay=paths.get("overlay"), aliases=paths.get("aliases")
            )
            self.registry = self.settings.load_registry()


def _run_task(job: Job) -> tuple[DocumentResult, str]:
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    result = process_document(job, plugin.settings, plugin.registry)
    return result, encode_json(result)


def run_dask(
    jobs: list[tuple[int, Job]], settings: BatchSettings, address: str
) -> Iterator[tuple[int, DocumentResult, str | None]]:
    """Yield ``(index, result, JSON)`` for every job as the cluster finishes them."""
    run = uuid.uuid4().hex[:8]
    with Client(address, set_as_default=False, timeout="30s") as client:
        client.register_plugin(RegistryPlugin(settings), name=PLUGIN_NAME)
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
