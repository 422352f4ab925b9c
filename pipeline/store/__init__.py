"""The growing dataset: an embedded DuckDB file that ``decisions build`` adds decisions to.

Tables ``documents``, ``tables``, ``entries``, ``components``, ``flags``, ``review`` hold the CSV
columns (pipeline/schema.py); ``sources``, ``decisions``, ``decision_sources`` and
``identities`` are the store's own; views ``panel``, ``panel_components`` and ``flag_rows``
line agencies up across years (see ddl.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipeline.batch import BatchSettings
from pipeline.errors import OutputError
from pipeline.lock import Notify, hold
from pipeline.store.build import BuildReport, build_into

DEFAULT_DB = Path("out/decisions.duckdb")
__all__ = ["DEFAULT_DB", "BuildReport", "build", "connect", "lock_path", "opened"]


def connect(db: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store (created when missing, unless read_only)."""
    if read_only and not db.is_file():
        raise OutputError(f"no dataset at {db}: run `decisions build INPUT... --db {db}` first")
    try:
        if not read_only:
            db.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(db), read_only=read_only)
    except (OSError, duckdb.Error) as err:
        raise OutputError(f"cannot open {db}: {err}") from err


def lock_path(db: Path) -> Path:
    """The lock file of a dataset: beside it, ``decisions.duckdb.lock``."""
    return db.with_name(db.name + ".lock")


@contextmanager
def opened(
    db: Path, read_only: bool = False, notify: Notify | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store, open while this run holds its lock (shared to read, exclusive to write):
    a second build waits for the first, an export waits for a build to finish."""
    if read_only and not db.is_file():
        connect(db, read_only=True)  # says there is no dataset, before any lock file is made
    with hold(lock_path(db), str(db), shared=read_only, notify=notify):
        con = connect(db, read_only)
        try:
            yield con
        finally:
            con.close()


def build(
    inputs: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    settings: BatchSettings | None = None,
    reread: bool = False,
    notify: Notify | None = None,
) -> BuildReport:
    """Add every decision file under ``inputs`` to the store at ``db``.

    ``reread``: read every file again, also those already stored (after a new --aliases or
    --overlay, or a new version of the pipeline). Another build of the same ``db`` running
    already: this one waits for it (``notify`` is told so; default: a line on stderr).
    """
    with opened(Path(db), notify=notify) as con:
        return build_into(con, [Path(p) for p in inputs], settings or BatchSettings(), reread)
