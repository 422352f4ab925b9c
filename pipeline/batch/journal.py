"""A journal of finished documents in ``--out``, so a killed run resumes where it stopped.

One JSON file per document under ``out/.journal/``, named by a hash of the file's content, its
path and doc_id, and the run's fingerprint (package version, code, shipped registry data,
settings, overlay and aliases). Each file is written whole (a temporary file, then
``os.replace``), so a run killed at any instant leaves every entry complete or absent. A
failed document is reused only under the same per-document limits: raise --time-limit and it
is tried again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pipeline
from pipeline.batch.codec import decode_result, encode_json
from pipeline.batch.discover import Job
from pipeline.batch.settings import BatchSettings
from pipeline.errors import OutputError
from pipeline.models import DocumentResult

JOURNAL_FOLDER = ".journal"
_PACKAGE = Path(pipeline.__file__).parent


def fingerprint(settings: BatchSettings) -> str:
    """What a result depends on besides its file: code, registry data, settings, user files."""
    digest = hashlib.sha256(pipeline.__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".csv", ".json"} and path.is_file():
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + path.read_bytes())
    ocr = replace(settings.ocr, skip=frozenset())  # a set's repr has no stable order
    stages = (settings.tables, settings.reconcile, settings.match, settings.ingest, ocr)
    digest.update(repr((stages, sorted(settings.ocr.skip))).encode())
    for user_file in (settings.overlay, settings.aliases):
        digest.update(user_file.read_bytes() if user_file else b"-")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Journal:
    """The finished documents of runs into one output folder."""

    folder: Path
    fingerprint: str
    limits: str  # repr of the per-document limits a failure was recorded under

    @classmethod
    def open(cls, out_dir: Path, settings: BatchSettings) -> Journal:
        folder = out_dir / JOURNAL_FOLDER
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for leftover in folder.glob(".tmp-*"):  # from a run killed mid-write
                leftover.unlink(missing_ok=True)
        except OSError as err:
            raise OutputError(f"cannot write to {out_dir}: {err.strerror}") from err
        return cls(folder, fingerprint(settings), repr(settings.limits))

    def key(self, job: Job) -> str:
        parts = (self.fingerprint, job.sha256, job.source_file, job.doc_id)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def load(self, job: Job) -> DocumentResult | None:
        """The journalled result of ``job``, or None when it must be read."""
        path = self.folder / f"{self.key(job)}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if entry.get("status") != "ok" and entry.get("limits") != self.limits:
            return None
        try:
            return decode_result(entry["result"])
        except (KeyError, TypeError, ValueError):
            return None  # written by another version: read the document again

    def record(self, job: Job, result: DocumentResult, encoded: str | None = None) -> None:
        """Write one finished document, whole or not at all (``encoded``: its JSON, if made)."""
        head = json.dumps({"status": result.status, "limits": self.limits})
        text = f'{head[:-1]},"result":{encoded or encode_json(result)}}}'
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(self.folder / f"{self.key(job)}.json")

    def prune(self, jobs: Iterable[Job]) -> None:
        """Forget documents that are not part of this run (the outputs no longer hold them)."""
        keep = {f"{self.key(job)}.json" for job in jobs}
        for path in self.folder.glob("*.json"):
            if path.name not in keep:
                path.unlink(missing_ok=True)
