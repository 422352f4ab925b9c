"""One DocumentResult → Arrow tables with exactly the CSV columns (emit's row builders)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa

from pipeline.emit import Row, cell, rows_by_table
from pipeline.models import DocumentResult
from pipeline.schema import TABLES

_ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.string(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind, _ in TABLES[table]])


def _typed(value: Any, kind: str) -> Any:
    """A row value as the store holds it: numbers as their canonical CSV text."""
    if value is None or value == "":
        return None
    if kind in ("string", "number"):
        return cell(value)
    if kind == "integer":
        number = Decimal(str(value))
        return int(number) if number == number.to_integral_value() else None
    if kind == "boolean":
        return value if isinstance(value, bool) else cell(value) == "true"
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def arrow_table(table: str, rows: Iterable[Row]) -> pa.Table:
    """Rows of one CSV table as an Arrow table of its schema."""
    fields = TABLES[table]
    data = [{name: _typed(row.get(name), kind) for name, kind, _ in fields} for row in rows]
    return pa.Table.from_pylist(data, schema=arrow_schema(table))


def document_tables(result: DocumentResult) -> dict[str, pa.Table]:
    """Every CSV table's rows of one document."""
    return {name: arrow_table(name, rows) for name, rows in rows_by_table([result]).items()}
