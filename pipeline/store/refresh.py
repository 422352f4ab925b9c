"""After files change: identities, decisions and the flags between sources, worked out again."""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from pipeline.registry import Registry
from pipeline.store import ddl
from pipeline.store.conflicts import DERIVED_CHECKS, decision_conflicts, source_conflicts
from pipeline.store.decisions import Decision, Source, group
from pipeline.store.identity import identity
from pipeline.store.rows import arrow_table

_SOURCES = """
SELECT d.doc_id, s.source_file, d.format, d.method, d.issuer, d.province, d.decision_number,
       d.decision_date, d.evaluation_year, d.title, coalesce(d.errors, 0), d.signer, d.status,
       list(struct_pack(level := t.level, idx := t."index", n := t.entries)
            ORDER BY t.table_index) FILTER (WHERE t.table_index IS NOT NULL)
FROM documents d
JOIN (SELECT doc_id, min(source_file) AS source_file FROM sources GROUP BY doc_id) s
  ON s.doc_id = d.doc_id
LEFT JOIN "tables" t ON t.doc_id = d.doc_id
WHERE d.status IN ('ok', 'no_table')
GROUP BY ALL
ORDER BY d.doc_id
"""


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    con.register("incoming", data)
    con.execute(f'INSERT INTO "{table}" SELECT * FROM incoming')
    con.unregister("incoming")


def _store_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    names = [name for name, _kind, _ in ddl.STORE_TABLES[table]]
    if rows:
        _insert(con, table, pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows]))


def read_sources(con: duckdb.DuckDBPyConnection) -> list[Source]:
    """Every document read (with tables, or catalogued without), as the grouping sees it."""
    return [_source(row) for row in con.execute(_SOURCES).fetchall()]


def _source(row: tuple[Any, ...]) -> Source:
    doc_id, source_file, fmt, method, issuer, province, number, day, year, title, errors = row[:11]
    signer, status = row[11:13]
    shape = tuple((t["level"], t["idx"], t["n"] or 0) for t in row[13] or ())
    return Source(doc_id, source_file, fmt, method, issuer, province, number, day, year, title,
                  errors, shape, signer, status)  # fmt: skip


def refresh_identities(con: duckdb.DuckDBPyConnection, registry: Registry) -> None:
    ids = con.execute(
        "SELECT DISTINCT agency_id FROM entries WHERE agency_id IS NOT NULL ORDER BY 1"
    ).fetchall()
    con.execute("DELETE FROM identities")
    rows = [vars_of(identity(agency_id, registry)) for (agency_id,) in ids]
    _store_rows(con, "identities", rows)


def vars_of(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


def refresh_decisions(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Decisions and their sources again; returns the source_conflict flags found."""
    decisions: list[Decision] = group(read_sources(con))
    flags: list[dict[str, Any]] = []
    rows = []
    for decision in decisions:
        others = [s.doc_id for s in decision.sources[1:] if s.status == "ok"]  # rows to compare
        found = list(source_conflicts(con, decision.primary.doc_id, others)) if others else []
        flags.extend(found)
        rows.append(decision.row(conflict=bool(found)))
    con.execute("DELETE FROM decisions")
    con.execute("DELETE FROM decision_sources")
    _store_rows(con, "decisions", rows)
    _store_rows(con, "decision_sources", [r for d in decisions for r in d.source_rows()])
    return flags


def refresh(con: duckdb.DuckDBPyConnection, registry: Registry) -> None:
    """One transaction: identities, decisions, then the flags between sources and decisions."""
    con.execute("BEGIN TRANSACTION")
    try:
        checks = ", ".join(f"'{check}'" for check in DERIVED_CHECKS)
        con.execute(f'DELETE FROM flags WHERE "check" IN ({checks})')
        refresh_identities(con, registry)
        flags = refresh_decisions(con)
        if flags:
            _insert(con, "flags", arrow_table("flags", flags))
        rivals = list(decision_conflicts(con))
        if rivals:
            _insert(con, "flags", arrow_table("flags", rivals))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
