"""The notebook API's results: DocumentResults and the dataset as pandas DataFrames.

Numbers stay exact: a number column holds ``decimal.Decimal`` (``df.total.astype(float)`` for
arithmetic in floats); integer columns are nullable ``Int64``; empty cells are missing values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline.emit import rows_by_table
from pipeline.export.files import plain
from pipeline.models import DocumentResult, Metadata
from pipeline.schema import TABLES
from pipeline.store.rows import arrow_table


def _pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow → pandas: nullable integers and booleans, exact decimals without padding zeros."""
    frame = table.to_pandas(
        types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get
    )
    for name, kind in zip(table.column_names, table.schema.types, strict=True):
        if pa.types.is_decimal(kind):
            frame[name] = frame[name].map(lambda d: None if d is None else Decimal(plain(d)))
    return frame


def frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of one CSV table as a DataFrame with its columns; numbers as Decimal."""
    data = _pandas(arrow_table(name, rows))
    for column, kind, _ in TABLES[name]:
        if kind == "number":
            data[column] = data[column].map(lambda t: None if t is None else Decimal(t))
    return data


@dataclass(frozen=True)
class Extraction:
    """What ``pipeline.extract`` read: the DocumentResults and their rows as DataFrames."""

    results: tuple[DocumentResult, ...]

    def _frame(self, name: str) -> pd.DataFrame:
        return frame(name, rows_by_table(self.results)[name])

    @property
    def documents(self) -> pd.DataFrame:
        return self._frame("documents")

    @property
    def tables(self) -> pd.DataFrame:
        return self._frame("tables")

    @property
    def entries(self) -> pd.DataFrame:
        return self._frame("entries")

    @property
    def components(self) -> pd.DataFrame:
        return self._frame("components")

    @property
    def flags(self) -> pd.DataFrame:
        return self._frame("flags")

    @property
    def review(self) -> pd.DataFrame:
        return self._frame("review")

    @property
    def result(self) -> DocumentResult:
        """The one document read (ValueError when the path held several)."""
        if len(self.results) != 1:
            raise ValueError(f"{len(self.results)} documents were read: use .results")
        return self.results[0]

    @property
    def metadata(self) -> Metadata:
        """The metadata of the one document read."""
        return self.result.metadata


def read_view(db: Path, view: str = "panel") -> pd.DataFrame:
    """A view or table of the store as a DataFrame, in the order exports use."""
    from pipeline.export.files import ORDER, select
    from pipeline.store import opened

    with opened(db, read_only=True) as con:
        if view not in _names(con):
            raise ValueError(f"no table or view {view!r} in {db}")
        sql = select(view) if view in ORDER else f'SELECT * FROM "{view}"'
        return _pandas(con.sql(sql).to_arrow_table())


def _names(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {name for (name,) in found}
