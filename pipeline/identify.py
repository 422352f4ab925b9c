"""The match stage: give every entry its registry identity and every component its key.

Names are blocked by the document's province, the table's level and the evaluation year (see
match.py); what the matcher cannot decide becomes a row of review.csv with its best candidates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.match import MatchSettings, ReviewItem, component_key, match_names, review_rows
from pipeline.models import Metadata, Table
from pipeline.registry import Registry

ReviewRow = dict[str, str]
_DISTRICT_ISSUER = re.compile(r"^Ủy ban nhân dân ((?:huyện|quận|thị xã|thành phố) .+)$")


def issuing_district(metadata: Metadata) -> str | None:
    """ "huyện Thọ Xuân" when a district's People's Committee issued the decision."""
    found = _DISTRICT_ISSUER.match(metadata.issuer or "")
    return found.group(1) if found else None


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
            district=issuing_district(metadata),
            as_of=metadata.decision_date,
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
            district=issuing_district(metadata),
        )
    return tuple(rows)
