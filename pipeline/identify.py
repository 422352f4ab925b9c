"""The match stage: give every entry its registry identity and every component its key.

Names are blocked by the document's province, the table's level and the evaluation year (see
match.py); what the matcher cannot decide becomes a row of review.csv with its best candidates.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.match import MatchSettings, ReviewItem, component_key, match_names, review_rows
from pipeline.models import Metadata, Table
from pipeline.registry import Registry

ReviewRow = dict[str, str]


def identify_tables(
    tables: tuple[Table, ...],
    metadata: Metadata,
    registry: Registry,
    settings: MatchSettings,
) -> tuple[Table, ...]:
    """Tables whose entries carry a Match and whose component columns carry a key."""
    identified = []
    for table in tables:
        names = [entry.agency_raw for entry in table.entries]
        matches = match_names(
            names,
            registry,
            province=metadata.province,
            level=table.level,
            year=metadata.evaluation_year,
            settings=settings,
        )
        entries = tuple(
            replace(entry, match=match) for entry, match in zip(table.entries, matches, strict=True)
        )
        columns = tuple(
            replace(column, key=component_key(column.label, registry, settings))
            if column.role == "component"
            else column
            for column in table.columns
        )
        identified.append(replace(table, entries=entries, columns=columns))
    return tuple(identified)


def review_for(
    doc_id: str, tables: tuple[Table, ...], metadata: Metadata, registry: Registry
) -> tuple[ReviewRow, ...]:
    """Rows of review.csv: entries the matcher sent to review, with their best candidates."""
    rows: list[ReviewRow] = []
    for table in tables:
        items = [
            ReviewItem(doc_id, table.index, entry.number, entry.agency_raw, entry.match)
            for entry in table.entries
            if entry.match is not None
        ]
        rows += review_rows(
            items,
            registry,
            province=metadata.province,
            level=table.level,
            year=metadata.evaluation_year,
        )
    return tuple(rows)
