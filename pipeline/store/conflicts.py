"""Flags the dataset adds: sources of one decision that differ, decisions that disagree.

``source_conflict``: a source of a decision prints a figure its primary source prints otherwise
(one flag per row, on the differing source, naming every cell that differs). Rows are paired by
unit (registry id, else the name without accents and spaces, else STT), components by key or
position:
a header printed or read differently is not a conflict, a different value is.
``conflicting_decisions``: two decisions rank one agency for the same index, year and level with
different figures; the panel takes the later one, and the flag (on the row the panel uses)
names both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


# The cells every row prints besides its components: (key, label in the messages).
_TAIL = (("total", "Tổng điểm"), ("rank", "Xếp hạng"), ("band", "Xếp loại"))


@dataclass(frozen=True, slots=True)
class SourceRows:
    """A source's entries per table, and its component columns per table."""

    entries: dict[int, list[Row]]  # table → entries, each with "parts": {component_index: value}
    columns: dict[int, dict[int, tuple[str | None, str | None]]]  # table → index → (key, label)


def _squashed(entry: Row) -> str | None:
    """The unit's name without accents or spaces: a PDF reader may split a word another format
    prints whole ("Sở Tài chí nh")."""
    return "".join(fold(entry["agency_raw"] or "").split()) or None


_PAIRING = (lambda e: e["agency_id"], _squashed, lambda e: e["row_number"])


def pair_rows(primary: list[Row], other: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """The rows of one table in two sources paired by unit: by registry id, then by name, then by
    STT, each key used only where it names one row on each side; the rest stay unpaired."""
    pairs: list[tuple[Row | None, Row | None]] = []
    left, right = list(primary), list(other)
    for key in _PAIRING:
        ones_a = _unique(left, key)
        ones_b = _unique(right, key)
        for value in ones_a.keys() & ones_b.keys():
            pairs.append((ones_a[value], ones_b[value]))
        paired = {id(row) for pair in pairs for row in pair}
        left = [row for row in left if id(row) not in paired]
        right = [row for row in right if id(row) not in paired]
    pairs += [(row, None) for row in left] + [(None, row) for row in right]
    return sorted(pairs, key=lambda pair: _order(pair[0] or pair[1]))


def _unique(found: list[Row], key: Any) -> dict[Any, Row]:
    counts: dict[Any, list[Row]] = {}
    for row in found:
        if (value := key(row)) is not None:
            counts.setdefault(value, []).append(row)
    return {value: rows[0] for value, rows in counts.items() if len(rows) == 1}


def _order(row: Row | None) -> tuple[int, int]:
    return (row["row_number"] or 0, row["entry_index"] or 0) if row else (0, 0)


def _entries(con: duckdb.DuckDBPyConnection, doc_id: str) -> SourceRows:
    """A source's rows with their component values by column position."""
    found: dict[int, list[Row]] = {}
    by_entry: dict[tuple[int, int], Row] = {}
    for entry in _rows(con, f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE doc_id = ?", doc_id):
        entry["parts"] = {}
        found.setdefault(entry["table_index"], []).append(entry)
        by_entry[(entry["table_index"], entry["entry_index"])] = entry
    columns: dict[int, dict[int, tuple[str | None, str | None]]] = {}
    sql = (
        "SELECT table_index, entry_index, component_index, component_key, component_label, value "
        "FROM components WHERE doc_id = ? ORDER BY component_index"
    )
    for part in _rows(con, sql, doc_id):
        table = columns.setdefault(part["table_index"], {})
        table.setdefault(part["component_index"], (part["component_key"], part["component_label"]))
        owner = by_entry.get((part["table_index"], part["entry_index"]))
        if owner is not None:
            owner["parts"][part["component_index"]] = part["value"]
    return SourceRows(found, columns)


def align(
    primary: dict[int, tuple[str | None, str | None]],
    other: dict[int, tuple[str | None, str | None]],
) -> list[tuple[str, int | None, int | None]]:
    """Components of one table in two sources: (label, primary's index, other's index).

    By component key when both sources key every column, each key once, and name the same
    keys (a source may print the columns in another order); else by position. Labels are only
    shown, never compared: the same header may be printed or read differently.
    """
    keys_a = [key for key, _label in primary.values()]
    keys_b = [key for key, _label in other.values()]
    keyed = None not in keys_a and None not in keys_b and len(set(keys_a)) == len(keys_a)
    if keyed and len(set(keys_b)) == len(keys_b) and set(keys_a) == set(keys_b):
        where = {key: index for index, (key, _label) in other.items()}
        return [(str(label), index, where[key]) for index, (key, label) in primary.items()]
    positions = sorted(set(primary) | set(other))
    return [
        (str((primary.get(i) or other[i])[1] or f"#{i}"), i if i in primary else None,
         i if i in other else None)
        for i in positions
    ]  # fmt: skip


def _differences(
    primary: Row | None, other: Row | None, columns: list[tuple[str, int | None, int | None]]
) -> list[tuple[str, Any, Any]]:
    """(cell, primary's value, other's value) of every cell the two rows print differently."""
    if primary is None or other is None:  # a row printed by one source only
        return [("dòng", "có" if primary else "không có", "có" if other else "không có")]
    cells = [
        (
            label,
            primary["parts"].get(a) if a is not None else None,
            other["parts"].get(b) if b is not None else None,
        )
        for label, a, b in columns
    ]
    cells += [(label, primary[key], other[key]) for key, label in _TAIL]
    return [(label, a, b) for label, a, b in cells if not _same(a, b)]


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
    con: duckdb.DuckDBPyConnection, primary: SourceRows, other_doc: str
) -> Iterator[Row]:
    other = _entries(con, other_doc)
    source_file = con.execute(
        "SELECT source_file FROM documents WHERE doc_id = ?", [other_doc]
    ).fetchone()
    for table in sorted(set(primary.entries) | set(other.entries)):
        columns = align(primary.columns.get(table, {}), other.columns.get(table, {}))
        pairs = pair_rows(primary.entries.get(table, []), other.entries.get(table, []))
        for ours, theirs in pairs:
            found = _differences(ours, theirs, columns)
            if found:
                yield _flag(ours, theirs, found, other_doc, source_file[0] if source_file else None)


def _flag(
    ours: Row | None,
    theirs: Row | None,
    found: list[tuple[str, Any, Any]],
    other_doc: str,
    source_file: str | None,
) -> Row:
    row = theirs or ours
    assert row is not None
    flag: Row = {
        "doc_id": other_doc,
        "source_file": source_file,
        "table_index": row["table_index"],
        "row_number": row["row_number"],
        "check": "source_conflict",
        "severity": "error",
        "expected": _cells_text(found, 0),
        "actual": _cells_text(found, 1),
        "agency_raw": row["agency_raw"],
    }
    if theirs is not None:  # its row in the differing source (entry_index: flags.csv's, where
        # the schema has it; a row that source leaves out has none there)
        keys = ("page", "line", "bbox", "method", "confidence", "entry_index")
        flag.update({k: theirs[k] for k in keys})
    flag["message"] = vi_message(flag)
    return flag


_RIVALS = """
SELECT kept.doc_id, doc.source_file, kept.table_index, kept.row_number, kept.entry_index,
       kept.agency_raw,
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
            **{k: row[k] for k in ("page", "line", "bbox", "method", "confidence", "entry_index")},
        }
        flag["message"] = vi_message(flag)
        yield flag
