"""``decisions build``: add the decisions under some inputs to a growing DuckDB dataset.

A file is known by its SHA-256: a file already in the store is not read again, so a re-run with
nothing new changes nothing. A file whose bytes changed replaces the rows its old bytes gave, in
one transaction with its new rows (files are stored FILES_PER_TRANSACTION to a transaction); an
interrupted build keeps every group it committed and reads the rest on the next run. After the
files, decisions, panel identities and the flags between sources are worked out again from what
the store holds (one more transaction).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.batch import BatchSettings, Job, discover, plan, run_batch
from pipeline.models import DocumentResult
from pipeline.registry import Registry
from pipeline.store import ddl
from pipeline.store.refresh import refresh
from pipeline.store.rows import document_tables

# Files stored per transaction: each file's old rows go and its new rows come in the same
# transaction; grouping a few amortises DuckDB's cost per statement (see make bench).
FILES_PER_TRANSACTION = 16


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What one build did."""

    files: int  # input files found
    added: int  # files read and stored
    replaced: int  # files whose path held other bytes at the last build
    unchanged: int  # files not read: their bytes are in the store already
    failed: tuple[DocumentResult, ...]  # files read now that could not be read
    catalogued: int  # files read now that hold no ranking table (status no_table)
    decisions: int  # decisions in the store after the build
    documents: int  # documents in the store after the build

    @property
    def changed(self) -> bool:
        return self.added > 0 or self.replaced > 0


def _sources(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT source_file, doc_id FROM sources").fetchall())


def _known(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}


def _as_stored(job: Job) -> Job:
    """The store's doc_id: the SHA-256 prefix, shared by every path with the same bytes."""
    return dataclasses.replace(job, doc_id=job.doc_id.partition("-")[0])


def delete_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    for name in ddl.CSV_TABLES:
        con.execute(f'DELETE FROM "{name}" WHERE doc_id = ?', [doc_id])


def _link(con: duckdb.DuckDBPyConnection, job: Job, previous: str | None) -> None:
    """Point a path at its bytes' document; drop the old document when no path has it now."""
    con.execute(
        "INSERT OR REPLACE INTO sources VALUES (?, ?, ?)", [job.source_file, job.sha256, job.doc_id]
    )
    if previous and previous != job.doc_id:
        others = con.execute("SELECT count(*) FROM sources WHERE doc_id = ?", [previous])
        if others.fetchone() == (0,):
            delete_document(con, previous)


def store_documents(
    con: duckdb.DuckDBPyConnection,
    batch: list[tuple[Job, DocumentResult]],
    previous: dict[str, str],
    stored: set[str],
) -> None:
    """Some files' rows in, their old bytes' rows out: one transaction for all of them.

    ``stored``: documents already in the store (read again with ``reread``): their rows go.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        for job, _result in batch:
            if job.doc_id in stored:
                delete_document(con, job.doc_id)
        pieces = [document_tables(result) for _job, result in batch]
        for name in ddl.CSV_TABLES:
            con.register("incoming", pa.concat_tables([piece[name] for piece in pieces]))
            con.execute(f'INSERT INTO "{name}" SELECT * FROM incoming')
            con.unregister("incoming")
        for job, _result in batch:
            _link(con, job, previous.get(job.source_file))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _relink(con: duckdb.DuckDBPyConnection, job: Job, previous: str | None) -> None:
    con.execute("BEGIN TRANSACTION")
    _link(con, job, previous)
    con.execute("COMMIT")


def _split(
    jobs: list[Job], known: set[str], paths: dict[str, str], reread: bool
) -> tuple[dict[str, Job], list[Job]]:
    """Files to read (new bytes, or every file with ``reread``) and paths to point elsewhere."""
    todo: dict[str, Job] = {}
    relinks: list[Job] = []
    for job in jobs:
        if job.doc_id in todo or (job.doc_id in known and not reread):
            if paths.get(job.source_file) != job.doc_id:
                relinks.append(job)
        else:
            todo[job.doc_id] = job
    return todo, relinks


def build_into(
    con: duckdb.DuckDBPyConnection,
    inputs: Iterable[Path],
    settings: BatchSettings,
    reread: bool = False,
) -> BuildReport:
    """Add every decision file under ``inputs`` to the open store (``reread``: read all again)."""
    ddl.create(con)
    jobs = [_as_stored(job) for job in plan(discover(inputs))]
    known, paths = _known(con), _sources(con)
    todo, relinks = _split(jobs, known, paths, reread)
    registry: Registry | None = settings.load_registry() if todo else None
    failed = []
    catalogued = 0
    batch: list[tuple[Job, DocumentResult]] = []
    for result in run_batch(list(todo.values()), settings, registry):
        batch.append((todo[result.doc_id], result))
        if result.status == "failed":
            failed.append(result)
        catalogued += result.status == "no_table"
        if len(batch) == FILES_PER_TRANSACTION:
            store_documents(con, batch, paths, known)
            batch = []
    if batch:
        store_documents(con, batch, paths, known)
    for job in relinks:
        _relink(con, job, paths.get(job.source_file))
    moved = [job for job in [*todo.values(), *relinks] if paths.get(job.source_file, job.doc_id)
             != job.doc_id]  # fmt: skip
    if todo or relinks:
        refresh(con, registry or settings.load_registry())
    return BuildReport(
        files=len(jobs),
        added=len(todo),
        replaced=len(moved),
        unchanged=len(jobs) - len(todo),
        failed=tuple(failed),
        catalogued=catalogued,
        decisions=_count(con, "decisions"),
        documents=_count(con, "documents"),
    )


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    found = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(found[0]) if found else 0
