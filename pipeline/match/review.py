"""The review loop: rows of review.csv for the names the matcher could not decide."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.match.decide import Candidate, candidates
from pipeline.models import Match
from pipeline.registry import Registry

REVIEW_CANDIDATES = 3
REVIEW_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "table_index",
    "row_number",
    "agency_raw",
    "province",
    "level",
    "year",
    "status",
    "score",
    *(
        f"candidate_{i}_{part}"
        for i in range(1, REVIEW_CANDIDATES + 1)
        for part in ("id", "name", "score")
    ),
    "chosen_id",
)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One table row whose match needs a person: where it is and what the matcher said."""

    doc_id: str
    table_index: int | None
    row_number: int | None
    agency_raw: str
    match: Match


def review_rows(
    items: Iterable[ReviewItem],
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
    district: str | None = None,
) -> list[dict[str, str]]:
    """Rows of review.csv for the review and unmatched items; the reviewer fills ``chosen_id``.

    Passing the filled file back as ``load_registry(aliases=…)`` makes each name resolve to its
    chosen id (status "alias"); chosen_id "-" marks a name that is no registry unit.
    """
    rows = []
    for item in items:
        if item.match.status not in ("review", "unmatched"):
            continue
        if item.match.status == "unmatched" and item.match.score is None:
            continue  # nothing to choose from, or a reviewer already said "-"
        found = candidates(
            item.agency_raw,
            registry,
            province=province,
            level=level,
            year=year,
            limit=REVIEW_CANDIDATES,
            district=district,
        )
        rows.append(review_row(item, found, province, level, year))
    return rows


def review_row(
    item: ReviewItem,
    found: list[Candidate],
    province: str | None,
    level: str | None,
    year: int | None,
) -> dict[str, str]:
    """One review.csv row."""
    row = {
        "doc_id": item.doc_id,
        "table_index": text_of(item.table_index),
        "row_number": text_of(item.row_number),
        "agency_raw": item.agency_raw,
        "province": province or "",
        "level": level or "",
        "year": text_of(year),
        "status": item.match.status,
        "score": text_of(item.match.score),
        "chosen_id": "",
    }
    for i in range(REVIEW_CANDIDATES):
        hit = found[i] if i < len(found) else None
        row[f"candidate_{i + 1}_id"] = hit.agency_id if hit else ""
        row[f"candidate_{i + 1}_name"] = hit.name if hit else ""
        row[f"candidate_{i + 1}_score"] = text_of(hit.score) if hit else ""
    return row


def text_of(value: object) -> str:
    """CSV text of an optional value."""
    return "" if value is None else str(value)
