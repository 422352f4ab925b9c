"""One document at a time in a child process that can be stopped: the limits of a Dask task.

A Dask worker runs tasks in threads, and a thread cannot be stopped; its process is a daemon,
which ``multiprocessing`` may not give children. So each worker thread keeps one child started
with ``subprocess`` (``python -m pipeline.batch.isolated``), which loads the registry once and
serves documents with ``worker.serve``, the loop of the local workers, under the same memory
limit. A document still running at the time limit has its child killed, and fails with the
same reason as on a local worker; the next document starts a fresh child. Parent and child are
this package on both ends of a private pipe, so results travel as pickles.
"""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from pipeline.batch.discover import Job
from pipeline.batch.process import over_time, worker_died
from pipeline.batch.settings import BatchSettings
from pipeline.batch.worker import READY, serve
from pipeline.models import DocumentResult

START_TIMEOUT_S = 300.0  # loading the registry in a fresh child


class Pipe:
    """``send``/``recv`` of pickles over two byte streams (what ``worker.serve`` talks to)."""

    def __init__(self, reader: IO[bytes], writer: IO[bytes]) -> None:
        self.reader, self.writer = reader, writer

    def send(self, message: Any) -> None:
        pickle.dump(message, self.writer, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.flush()

    def send_bytes(self, pickled: bytes) -> None:
        """A message pickled already (``wire.dumps``, as a worker sends its results)."""
        self.writer.write(pickled)
        self.writer.flush()

    def recv(self) -> Any:
        return pickle.load(self.reader)  # EOFError when the other end is gone

    def ready(self, timeout: float) -> bool:
        """Whether a message is there to read (or the other end closed) within ``timeout``."""
        return bool(select.select([self.reader], [], [], max(0.0, timeout))[0])


class IsolatedReader:
    """A child process reading one document at a time under the batch's limits."""

    def __init__(self, settings: BatchSettings, files: dict[str, bytes]) -> None:
        self.settings, self.files = settings, files
        self.child: subprocess.Popen[bytes] | None = None
        self.pipe: Pipe | None = None

    def read(self, job: Job) -> tuple[DocumentResult, str | None]:
        """The document's result and its journal JSON; a failed result past a limit."""
        pipe = self._started()
        try:
            pipe.send((0, job))
        except OSError:  # the child ended since the last document: a fresh one takes it
            self.close()
            pipe = self._started()
            pipe.send((0, job))
        deadline = time.monotonic() + self.settings.limits.time_s
        if not pipe.ready(deadline - time.monotonic()):
            self.close()
            return over_time(job, self.settings.limits.time_s), None
        try:
            _index, result, text = pipe.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            code = self.child.wait() if self.child else None
            self.close()
            return worker_died(job, code, self.settings.limits.memory_mb), None
        return result, text

    def _started(self) -> Pipe:
        if self.child is None or self.pipe is None or self.child.poll() is not None:
            self.close()
            self.child = subprocess.Popen(
                [sys.executable, "-m", "pipeline.batch.isolated"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True,
            )  # fmt: skip
            assert self.child.stdin is not None and self.child.stdout is not None
            self.pipe = Pipe(self.child.stdout, self.child.stdin)
            self.pipe.send((self.settings, self.files))
            if not self.pipe.ready(START_TIMEOUT_S):
                raise RuntimeError("the document reader did not start")
            message = self.pipe.recv()
            if message != READY:  # ("error", the overlay's error): the batch's error
                self.close()
                raise message[1]
        return self.pipe

    def close(self) -> None:
        """Stop the child (killed: it may be in the middle of a document)."""
        if self.child is not None:
            if self.child.poll() is None:
                self.child.kill()
            self.child.wait()
            for stream in (self.child.stdin, self.child.stdout):
                if stream is not None:
                    stream.close()
        self.child, self.pipe = None, None


def settings_with_files(settings: BatchSettings) -> dict[str, bytes]:
    """The overlay and aliases as bytes, to rebuild them where the paths are not seen."""
    return {
        name: path.read_bytes()
        for name, path in (("overlay", settings.overlay), ("aliases", settings.aliases))
        if path is not None
    }


def main() -> None:
    """The child: settings and user files first, then documents until the parent closes."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the pipe
    pipe = Pipe(sys.stdin.buffer, out)
    settings, files = pipe.recv()
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, data in files.items():
            paths[name] = Path(folder) / f"{name}.csv"
            paths[name].write_bytes(data)
        local = replace(settings, overlay=paths.get("overlay"), aliases=paths.get("aliases"))
        serve(pipe, local, journalled=True)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
