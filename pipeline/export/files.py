"""Every table and view of the store as CSV and Parquet, and the datapackage.json that says so."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from pipeline.parse import format_decimal
from pipeline.schema import TABLES, table_schema
from pipeline.store import ddl

# What is exported, in order: the CSV tables, the store's own tables, the views.
ORDER = {
    **{name: "doc_id" for name in ddl.CSV_TABLES},
    "decisions": "decision_id",
    "decision_sources": "decision_id, doc_id",
    "identities": "agency_id",
    "panel": '"index", level, agency_id, evaluation_year',
    "panel_components": '"index", level, agency_id, evaluation_year, component_key',
    "flag_rows": 'doc_id, table_index NULLS FIRST, row_number NULLS FIRST, "check"',
}
_CSV_ORDER = {  # the CSV tables keep the order extract writes them in
    "tables": "doc_id, table_index",
    "entries": "doc_id, table_index, entry_index",
    "components": "doc_id, table_index, entry_index, component_index",
}
_KINDS = {"VARCHAR": "string", "BIGINT": "integer", "INTEGER": "integer", "BOOLEAN": "boolean",
          "DATE": "date", "DOUBLE": "number"}  # fmt: skip
VIEW_DESCRIPTIONS = {
    "panel": "One row per agency_id, index, evaluation_year and level: the later decision's row",
    "panel_components": "The panel's rows × component_key, with value and max_points",
    "flag_rows": "Every flag with the decision, index, level and unit its row belongs to",
}


def plain(value: Any) -> str:
    """One exported cell: canonical decimals without padding zeros, ISO dates, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format_decimal(value)
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def select(name: str, typed: bool = False) -> str:
    """The rows of one export; ``typed``: the CSV tables' numbers as DECIMAL (for Parquet)."""
    columns = "*"
    if typed and name in TABLES:
        columns = ", ".join(
            f'CAST("{col}" AS {ddl.NUMBER}) AS "{col}"' if kind == "number" else f'"{col}"'
            for col, kind, _ in TABLES[name]
        )
    return f'SELECT {columns} FROM "{name}" ORDER BY {_CSV_ORDER.get(name, ORDER[name])}'


def write_csv(con: duckdb.DuckDBPyConnection, name: str, path: Path, bom: bool) -> None:
    cursor = con.execute(select(name))
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([d[0] for d in cursor.description])
        while batch := cursor.fetchmany(5000):
            writer.writerows([plain(v) for v in row] for row in batch)


def write_parquet(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    target = path.as_posix().replace("'", "''")
    con.execute(f"COPY ({select(name, typed=True)}) TO '{target}' (FORMAT parquet)")


def _kind(sql_type: str) -> str:
    return "number" if sql_type.startswith("DECIMAL") else _KINDS.get(sql_type, "string")


def schema_of(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, Any]:
    """The Table Schema of an exported table: the CSV contract, or read from DuckDB."""
    if name in TABLES:
        return table_schema(name)
    described = {col: text for col, _type, text in ddl.STORE_TABLES.get(name, ())}
    cursor = con.execute(f'SELECT * FROM "{name}" LIMIT 0')
    fields = [
        {"name": col, "type": _kind(str(kind)), "description": described.get(col, "")}
        for col, kind, *_ in cursor.description
    ]
    return {"fields": fields, "missingValues": [""]}


def resources(con: duckdb.DuckDBPyConnection, names: list[str], bom: bool) -> list[dict[str, Any]]:
    """Data Package resources of every CSV and Parquet file and the workbook."""
    found = []
    for name in names:
        schema = schema_of(con, name)
        description = VIEW_DESCRIPTIONS.get(name, f"The store's {name} table")
        found.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                      "format": "csv", "mediatype": "text/csv",
                      "encoding": "utf-8-sig" if bom else "utf-8", "description": description,
                      "schema": schema})  # fmt: skip
        # Parquet carries its own types; frictionless reads nullable integers as floats, so
        # the file is described (not re-typed): the same columns as the CSV, typed.
        typed = f"{description}; the columns of {name}.csv, typed"
        found.append({"name": f"{name}-parquet", "path": f"{name}.parquet", "type": "file",
                      "format": "parquet", "mediatype": "application/vnd.apache.parquet",
                      "description": typed})  # fmt: skip
    return found
