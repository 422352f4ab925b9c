"""Reading the store back: a decision's tables as printed, its flags, which cells they mark.

Shared by the workbook and the review page, so both show the same grid and the same marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import duckdb

Row = dict[str, Any]
FIXED = ("stt", "unit")  # the first columns of every printed grid; then components, then:
TAIL = ("total", "rank", "band")
_COLUMN_OF_CHECK = {
    "sum_mismatch": "total",
    "total_out_of_range": "total",
    "band_mismatch": "total",
    "band_boundary": "total",
    "conflicting_decisions": "total",
    "rank_mismatch": "rank",
    "unknown_band": "band",
    "row_number_gap": "stt",
}


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[Row]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


@dataclass(frozen=True)
class PrintedTable:
    """One ranking table as printed: header keys/labels and a row of cells per entry."""

    table_index: int
    section: str | None
    level: str | None
    index: str | None
    columns: tuple[tuple[str, str], ...]  # (key, label): stt, unit, component labels, tail
    entries: tuple[Row, ...]  # entries rows, each with "cells": {key: printed value}
    marks: dict[tuple[int, str], list[Row]] = field(default_factory=dict)  # (entry, key) → flags
    total_max: Decimal | None = None  # the table's printed maximum of the total


_DECISION_ORDER = "ORDER BY province NULLS LAST, evaluation_year, decision_date, decision_id"


def _has_status(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's decisions say their status (a store built before does not, and a
    report opens it read-only, so it is not upgraded: it holds decisions with tables only)."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = 'decisions' AND column_name = 'status'"
    ).fetchone()
    return bool(found and found[0])


def decisions(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Decisions with ranking tables."""
    where = "WHERE coalesce(status, 'ok') = 'ok'" if _has_status(con) else ""
    return rows(con, f"SELECT * FROM decisions {where} {_DECISION_ORDER}")


def catalogued(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Decisions without a ranking table in any source: listed with their metadata."""
    if not _has_status(con):
        return []
    return rows(con, f"SELECT * FROM decisions WHERE status = 'no_table' {_DECISION_ORDER}")


def sources(con: duckdb.DuckDBPyConnection, decision_id: str) -> list[Row]:
    return rows(
        con,
        "SELECT ds.*, d.pages, d.errors, d.warnings FROM decision_sources ds "
        "JOIN documents d USING (doc_id) WHERE decision_id = ? "
        "ORDER BY NOT is_primary, source_file",
        decision_id,
    )


def flags(con: duckdb.DuckDBPyConnection, decision_id: str) -> list[Row]:
    """A decision's flags from all its sources, a finding printed alike in several kept once
    (``source_files`` lists them, ``each`` holds every source's own flag row)."""
    found = rows(
        con,
        "SELECT * FROM flag_rows WHERE decision_id = ? "
        'ORDER BY table_index NULLS FIRST, row_number NULLS FIRST, "check", doc_id',
        decision_id,
    )
    unique: dict[tuple[Any, ...], Row] = {}
    for flag in found:
        key = (flag["check"], flag["table_index"], flag["row_number"], flag["expected"],
               flag["actual"], flag["message"])  # fmt: skip
        if key in unique:
            unique[key]["source_files"].append(flag["source_file"])
            unique[key]["each"].append(flag)
        else:
            unique[key] = {**flag, "source_files": [flag["source_file"]], "each": [flag]}
    return list(unique.values())


def printed_tables(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[PrintedTable]:
    """The tables of one document with every cell as printed."""
    tables = []
    for table in rows(con, 'SELECT * FROM "tables" WHERE doc_id = ? ORDER BY table_index', doc_id):
        entries = rows(
            con,
            "SELECT * FROM entries WHERE doc_id = ? AND table_index = ? ORDER BY entry_index",
            doc_id,
            table["table_index"],
        )
        parts = rows(
            con,
            "SELECT entry_index, component_index, component_label, max_points, value_printed, "
            "value "
            "FROM components WHERE doc_id = ? AND table_index = ? ORDER BY component_index",
            doc_id,
            table["table_index"],
        )
        tables.append(_printed(table, entries, parts))
    return tables


def _printed(table: Row, entries: list[Row], parts: list[Row]) -> PrintedTable:
    labels: dict[int, str] = {}
    for part in parts:
        most = f" ({part['max_points']})" if part["max_points"] else ""
        labels.setdefault(part["component_index"], f"{part['component_label']}{most}")
    columns = [("stt", "stt"), ("unit", "unit")]
    columns += [(f"c{i}", label) for i, label in sorted(labels.items())]
    columns += [(key, key) for key in TAIL]
    by_entry = {e["entry_index"]: e for e in entries}
    for entry in entries:
        entry["cells"] = {"stt": entry["row_number"], "unit": entry["agency_raw"],
                          "total": entry["total"], "rank": entry["rank"],
                          "band": entry["band_printed"] or entry["band"]}  # fmt: skip
        entry["numbers"] = {"total": _number(entry["total"]), "rank": entry["rank"]}
    for part in parts:
        owner = by_entry.get(part["entry_index"])
        if owner is not None:
            owner["cells"][f"c{part['component_index']}"] = part["value_printed"]
            owner["numbers"][f"c{part['component_index']}"] = _number(part["value"])
    return PrintedTable(table["table_index"], table["section"], table["level"], table["index"],
                        tuple(columns), tuple(entries),
                        total_max=_number(table["total_max"]))  # fmt: skip


def _number(text: Any) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(str(text).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def marked_columns(flag: Row, table: PrintedTable, entry: Row) -> list[str]:
    """Which cells of an entry's row a flag is about (the unit's name when no cell is named)."""
    check = flag["check"]
    if check in _COLUMN_OF_CHECK:
        return [_COLUMN_OF_CHECK[check]]
    labels = dict(table.columns)
    if check == "source_conflict":
        named = str(flag["expected"] or "") + ";" + str(flag["actual"] or "")
        hits = [key for key, text in labels.items() if text.split(" (")[0] + " =" in named]
        hits += [k for k, word in (("total", "Tổng điểm"), ("rank", "Xếp hạng"),
                                   ("band", "Xếp loại")) if f"{word} =" in named]  # fmt: skip
        return hits or ["unit"]
    if check in ("over_max", "unreadable_value", "missing_value"):
        wanted = _number(flag["actual"]) if check == "over_max" else flag["actual"] or None
        for key, _label in table.columns[2:]:
            value = entry["cells"].get(key)
            printed = _number(value) if check == "over_max" else (value or None)
            if printed == wanted and (value is not None or check == "missing_value"):
                return [key]
    return ["unit"]


def mark(table: PrintedTable, decision_flags: list[Row]) -> PrintedTable:
    """The table with its flagged cells: (entry_index, column key) → the flags on it."""
    by_row = {e["row_number"]: e for e in table.entries if e["row_number"] is not None}
    marks: dict[tuple[int, str], list[Row]] = {}
    for flag in decision_flags:
        if flag["table_index"] != table.table_index or flag["row_number"] not in by_row:
            continue
        entry = by_row[flag["row_number"]]
        for key in marked_columns(flag, table, entry):
            marks.setdefault((entry["entry_index"], key), []).append(flag)
    return PrintedTable(table.table_index, table.section, table.level, table.index,
                        table.columns, table.entries, marks, table.total_max)  # fmt: skip
