"""The DuckDB layout: the CSV tables column for column, the store's own tables, the views.

Numbers of the CSV tables are stored as their canonical text ("85.40", trailing zeros as
printed), so an export of a table is the CSV ``decisions extract`` writes, byte for byte; the
views cast them to DECIMAL for analysis.
"""

from __future__ import annotations

import duckdb

from pipeline.schema import TABLES

CSV_TABLES = tuple(TABLES)  # documents, tables, entries, components, flags, review
_SQL_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "VARCHAR",  # canonical decimal text; see the module docstring
    "boolean": "BOOLEAN",
    "date": "DATE",
}
NUMBER = "DECIMAL(38, 10)"  # what the views cast a stored number to

# The store's own tables: (name, columns with SQL types, description).
STORE_TABLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sources": (
        ("source_file", "VARCHAR PRIMARY KEY", "Path of an input file as given to build"),
        ("sha256", "VARCHAR", "SHA-256 of its bytes when last built"),
        ("doc_id", "VARCHAR", "The documents row its bytes produced"),
    ),
    "decisions": (
        ("decision_id", "VARCHAR PRIMARY KEY", "Id of the decision: hash of its identity key"),
        ("issuer", "VARCHAR", "Issuing body"),
        ("province", "VARCHAR", "Province whose units are ranked"),
        ("decision_number", "VARCHAR", "Số, as printed"),
        ("decision_date", "DATE", "Date signed"),
        ("evaluation_year", "BIGINT", "Year evaluated"),
        ("indices", "VARCHAR", "Indices of its tables, space-separated"),
        ("title", "VARCHAR", "Trích yếu"),
        ("doc_id", "VARCHAR", "The source the dataset reads it from (the best-read one)"),
        ("sources", "BIGINT", "How many input files carry this decision"),
        ("source_files", "VARCHAR", "Every source file, ' | '-separated"),
        ("source_conflict", "BOOLEAN", "Whether two sources print different figures"),
        ("identity_key", "VARCHAR", "What makes two files one decision"),
        ("signer", "VARCHAR", "Name of the person who signed"),
        ("status", "VARCHAR", "ok | no_table (no ranking table in any source: catalogued)"),
    ),
    "decision_sources": (
        ("decision_id", "VARCHAR", "The decision"),
        ("doc_id", "VARCHAR", "One source of it"),
        ("source_file", "VARCHAR", "Its path"),
        ("format", "VARCHAR", "txt | pdf | docx | html"),
        ("method", "VARCHAR", "How its text was read"),
        ("is_primary", "BOOLEAN", "Whether the dataset reads the decision from this source"),
    ),
    "identities": (
        ("agency_id", "VARCHAR PRIMARY KEY", "Registry id an entry matched"),
        ("panel_id", "VARCHAR", "The identity it continues as (its successor after a merger)"),
        ("panel_name", "VARCHAR", "Latest official name of that identity"),
        ("panel_admin_code", "VARCHAR", "GSO code of that identity"),
        ("province", "VARCHAR", "The identity's own province (a province: itself)"),
    ),
}


def _create_csv_table(name: str) -> str:
    columns = ", ".join(f'"{col}" {_SQL_TYPES[kind]}' for col, kind, _ in TABLES[name])
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({columns})'


def _create_store_table(name: str) -> str:
    columns = ", ".join(f'"{col}" {kind}' for col, kind, _ in STORE_TABLES[name])
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({columns})'


PANEL_ROWS = f"""
CREATE OR REPLACE VIEW panel_rows AS
SELECT i.panel_id AS agency_id, t."index", d.evaluation_year, e.level,
       i.panel_name AS agency_canonical, i.panel_admin_code AS admin_code, i.province,
       CAST(e.total AS {NUMBER}) AS total, CAST(t.total_max AS {NUMBER}) AS total_max,
       e.rank, e.band, d.decision_number, d.decision_date, e.doc_id,
       d.decision_id, e.table_index, e.entry_index, e.row_number, e.agency_raw,
       e.agency_id AS source_agency_id,
       row_number() OVER (
         PARTITION BY i.panel_id, t."index", d.evaluation_year, e.level
         ORDER BY d.decision_date DESC NULLS LAST, d.decision_number DESC NULLS LAST,
                  e.doc_id, e.table_index, e.entry_index) AS pick
FROM entries e
JOIN decisions d ON d.doc_id = e.doc_id
JOIN "tables" t ON t.doc_id = e.doc_id AND t.table_index = e.table_index
JOIN identities i ON i.agency_id = e.agency_id
"""
PANEL = """
CREATE OR REPLACE VIEW panel AS
SELECT agency_id, "index", evaluation_year, level, agency_canonical, admin_code, province,
       total, total_max, rank, band, decision_number, decision_date, doc_id,
       decision_id, table_index, entry_index, row_number, agency_raw, source_agency_id
FROM panel_rows WHERE pick = 1
"""
PANEL_COMPONENTS = f"""
CREATE OR REPLACE VIEW panel_components AS
SELECT p.agency_id, p."index", p.evaluation_year, p.level,
       coalesce(c.component_key, c.component_label) AS component_key,
       CAST(c.value AS {NUMBER}) AS value, CAST(c.max_points AS {NUMBER}) AS max_points,
       c.component_label, p.doc_id, p.table_index, p.entry_index
FROM panel p
JOIN components c
  ON c.doc_id = p.doc_id AND c.table_index = p.table_index AND c.entry_index = p.entry_index
"""
# flags is the CSV table; its view with the rows it is about is flag_rows. A flag names its row
# by entry_index (a row whose number was not read has one too); flags of stores written before
# that column by row_number, the first entry of that number.
FLAG_ROWS = """
CREATE OR REPLACE VIEW flag_rows AS
SELECT f.* EXCLUDE (entry_index), ds.decision_id, d.evaluation_year,
       doc.province AS document_province, doc.issuer, t."index", t.level, e.agency_raw,
       e.agency_id, i.panel_id, e.entry_index
FROM flags f
LEFT JOIN documents doc ON doc.doc_id = f.doc_id
LEFT JOIN decision_sources ds ON ds.doc_id = f.doc_id
LEFT JOIN decisions d ON d.decision_id = ds.decision_id
LEFT JOIN "tables" t ON t.doc_id = f.doc_id AND t.table_index = f.table_index
LEFT JOIN (
  SELECT *, row_number() OVER (
    PARTITION BY doc_id, table_index, row_number ORDER BY entry_index) AS first_of_number
  FROM entries
) e ON e.doc_id = f.doc_id AND e.table_index = f.table_index AND (
  e.entry_index = f.entry_index
  OR (f.entry_index IS NULL AND e.row_number = f.row_number AND e.first_of_number = 1))
LEFT JOIN identities i ON i.agency_id = e.agency_id
"""
VIEWS = (PANEL_ROWS, PANEL, PANEL_COMPONENTS, FLAG_ROWS)


def _add_new_columns(
    con: duckdb.DuckDBPyConnection, name: str, wanted: list[tuple[str, str]]
) -> None:
    """A store built before columns were appended to a table gets them (empty)."""
    have = con.execute(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ?",
        [name],
    ).fetchall()[0][0]
    for col, sql_type in wanted[have:]:
        con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{col}" {sql_type}')


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Every table and view; a store from an earlier version gains the columns added since."""
    for name in CSV_TABLES:
        con.execute(_create_csv_table(name))
        _add_new_columns(con, name, [(col, _SQL_TYPES[kind]) for col, kind, _ in TABLES[name]])
    for name in STORE_TABLES:
        con.execute(_create_store_table(name))
        _add_new_columns(con, name, [(col, kind) for col, kind, _ in STORE_TABLES[name]])
    for view in VIEWS:
        con.execute(view)
