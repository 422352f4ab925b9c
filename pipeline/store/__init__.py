"""The growing dataset: an embedded DuckDB file that ``decisions build`` adds decisions to.

Tables ``documents``, ``tables``, ``entries``, ``components``, ``flags``, ``review`` hold the CSV
columns (pipeline/schema.py); ``sources``, ``decisions``, ``decision_sources`` and
``identities`` are the store's own; views ``panel``, ``panel_components`` and ``flag_rows``
line agencies up across years (see ddl.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipeline.batch import BatchSettings
from pipeline.errors import OutputError
from pipeline.store.build import BuildReport, build_into

DEFAULT_DB = Path("out/decisions.duckdb")
__all__ = ["DEFAULT_DB", "BuildReport", "build", "connect"]


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


def build(
    inputs: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    settings: BatchSettings | None = None,
    reread: bool = False,
) -> BuildReport:
    """Add every decision file under ``inputs`` to the store at ``db``.

    ``reread``: read every file again, also those already stored (after a new --aliases or
    --overlay, or a new version of the pipeline).
    """
    con = connect(Path(db))
    try:
        return build_into(con, [Path(p) for p in inputs], settings or BatchSettings(), reread)
    finally:
        con.close()
