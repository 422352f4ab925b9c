"""Flags the dataset adds: sources of one decision that differ, decisions that disagree.

``source_conflict``: a source of a decision prints a figure its primary source prints otherwise
(one flag per row, on the differing source, naming every cell that differs).
``conflicting_decisions``: two decisions rank one agency for the same index, year and level with
different figures; the panel takes the later one, and the flag (on the row the panel uses)
names both.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import duckdb

from pipeline.messages import vi_message
from pipeline.vocabulary import fold

Row = dict[str, Any]
DERIVED_CHECKS = ("source_conflict", "conflicting_decisions")
_ENTRY_COLUMNS = (
    "doc_id, source_file, table_index, row_number, entry_index, agency_raw, agency_id, "
    "total, rank, band, page, line, bbox, method, confidence"
)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[Row]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _same(a: Any, b: Any) -> bool:
    """Equal as printed numbers (85.40 = 85.4) or as text."""
    if a is None or b is None:
        return a is b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return str(a) == str(b)


def _entries(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[tuple[int, str], Row]:
    """A source's entries keyed by (table, unit), each with its component values."""
    found: dict[tuple[int, str], Row] = {}
    for entry in _rows(con, f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE doc_id = ?", doc_id):
        entry["cells"] = {"Tổng điểm": entry["total"], "Xếp hạng": entry["rank"],
                          "Xếp loại": entry["band"]}  # fmt: skip
        key = (entry["table_index"], entry["agency_id"] or fold(entry["agency_raw"] or ""))
        found.setdefault(key, entry)
    by_entry = {(e["table_index"], e["entry_index"]): e for e in found.values()}
    sql = (
        "SELECT table_index, entry_index, component_label, value FROM components "
        "WHERE doc_id = ? ORDER BY component_index"
    )
    for part in _rows(con, sql, doc_id):
        owner = by_entry.get((part["table_index"], part["entry_index"]))
        if owner is not None:
            owner["cells"][part["component_label"]] = part["value"]
    return found


def _differences(primary: Row | None, other: Row | None) -> list[tuple[str, Any, Any]]:
    """(cell, primary's value, other's value) of every cell the two rows print differently."""
    if primary is None or other is None:  # a row printed by one source only
        return [("dòng", "có" if primary else "không có", "có" if other else "không có")]
    labels = list(dict.fromkeys([*primary["cells"], *other["cells"]]))
    return [
        (label, primary["cells"].get(label), other["cells"].get(label))
        for label in labels
        if not _same(primary["cells"].get(label), other["cells"].get(label))
    ]


def _cells_text(differences: list[tuple[str, Any, Any]], side: int) -> str:
    return "; ".join(f"{label} = {values[side] if values[side] is not None else '(trống)'}"
                     for label, *values in differences)  # fmt: skip


def source_conflicts(
    con: duckdb.DuckDBPyConnection, primary_doc: str, others: list[str]
) -> Iterator[Row]:
    """source_conflict flag rows of a decision's other sources against its primary."""
    primary = _entries(con, primary_doc)
    for other_doc in others:
        yield from _conflicts(con, primary, other_doc)


def _conflicts(
    con: duckdb.DuckDBPyConnection, primary: dict[tuple[int, str], Row], other_doc: str
) -> Iterator[Row]:
    other = _entries(con, other_doc)
    source_file = con.execute(
        "SELECT source_file FROM documents WHERE doc_id = ?", [other_doc]
    ).fetchone()
    for key in sorted(set(primary) | set(other), key=lambda k: (k[0], str(k[1]))):
        differences = _differences(primary.get(key), other.get(key))
        if not differences:
            continue
        row = other.get(key) or primary[key]
        flag: Row = {
            "doc_id": other_doc,
            "source_file": source_file[0] if source_file else None,
            "table_index": row["table_index"],
            "row_number": row["row_number"],
            "check": "source_conflict",
            "severity": "error",
            "expected": _cells_text(differences, 0),
            "actual": _cells_text(differences, 1),
            "agency_raw": row["agency_raw"],
        }
        if key in other:
            flag.update({k: row[k] for k in ("page", "line", "bbox", "method", "confidence")})
        flag["message"] = vi_message(flag)
        yield flag


_RIVALS = """
SELECT kept.doc_id, doc.source_file, kept.table_index, kept.row_number, kept.agency_raw,
       kept.decision_number AS kept_number, kept.decision_date AS kept_date,
       kept.total AS kept_total, kept.rank AS kept_rank, kept.band AS kept_band,
       other.decision_number AS other_number, other.decision_date AS other_date,
       other.total AS other_total, other.rank AS other_rank, other.band AS other_band,
       e.page, e.line, e.bbox, e.method, e.confidence
FROM panel_rows kept
JOIN panel_rows other
  ON other.agency_id = kept.agency_id AND other."index" = kept."index"
 AND other.evaluation_year IS NOT DISTINCT FROM kept.evaluation_year
 AND other.level IS NOT DISTINCT FROM kept.level
 AND other.decision_id <> kept.decision_id
JOIN documents doc ON doc.doc_id = kept.doc_id
JOIN entries e ON e.doc_id = kept.doc_id AND e.table_index = kept.table_index
 AND e.entry_index = kept.entry_index
WHERE kept.pick = 1
  AND (kept.total IS DISTINCT FROM other.total OR kept.rank IS DISTINCT FROM other.rank
       OR kept.band IS DISTINCT FROM other.band)
ORDER BY kept.doc_id, kept.table_index, kept.entry_index, other.decision_date, other.doc_id
"""


def _figures(row: Row, side: str) -> str:
    number = row[f"{side}_number"] or "(không số)"
    day = row[f"{side}_date"].isoformat() if row[f"{side}_date"] else "(không ngày)"
    parts = [
        f"{label} = {row[f'{side}_{name}']}"
        for name, label in (("total", "Tổng điểm"), ("rank", "Xếp hạng"), ("band", "Xếp loại"))
        if row[f"{side}_{name}"] is not None
    ]
    return f"{number} ngày {day}: " + ", ".join(parts)


def decision_conflicts(con: duckdb.DuckDBPyConnection) -> Iterator[Row]:
    """conflicting_decisions flag rows, on the panel's rows that another decision contradicts."""
    for row in _rows(con, _RIVALS):
        flag: Row = {
            "doc_id": row["doc_id"],
            "source_file": row["source_file"],
            "table_index": row["table_index"],
            "row_number": row["row_number"],
            "check": "conflicting_decisions",
            "severity": "warning",
            "expected": _figures(row, "kept"),
            "actual": _figures(row, "other"),
            "agency_raw": row["agency_raw"],
            **{k: row[k] for k in ("page", "line", "bbox", "method", "confidence")},
        }
        flag["message"] = vi_message(flag)
        yield flag
