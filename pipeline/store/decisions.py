"""Files → decisions: the same decision read from several files is one decision, all listed.

Two files are one decision when they share issuer, number and date (a decision without a number:
issuer, evaluation year, indices and the shape of its tables). The dataset reads a decision from
its best-read source (a Word file before HTML, a text-layer PDF, plain text, a scan). A document
without a ranking table (``no_table``) is a decision of the catalogue too, known by its number, or
else by its issuer, title and date.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pipeline.vocabulary import fold

_SOURCE_ORDER = {"docx": 0, "html": 1, "pdf": 2, "txt": 3, "text": 3, "mixed": 4, "ocr": 5}


@dataclass(frozen=True, slots=True)
class Source:
    """One read document, as the decision grouping sees it."""

    doc_id: str
    source_file: str
    format: str | None
    method: str | None
    issuer: str | None
    province: str | None
    decision_number: str | None
    decision_date: date | None
    evaluation_year: int | None
    title: str | None
    errors: int
    tables: tuple[tuple[str | None, str | None, int], ...]  # (level, index, entries) per table
    signer: str | None = None
    status: str = "ok"  # ok | no_table (read whole, no ranking table: catalogued)

    @property
    def indices(self) -> str:
        return " ".join(sorted({index or "other" for _level, index, _n in self.tables}))

    def identity_key(self) -> str:
        """What two files of one decision share."""
        issuer = fold(self.issuer or self.province or "")
        number = re.sub(r"\s+", "", fold(self.decision_number or ""))
        if number:
            when = self.decision_date.isoformat() if self.decision_date else self.evaluation_year
            return f"{issuer}|{number}|{when}"
        if not self.tables:  # no number, no table: its title and date, else the file alone
            title = " ".join(fold(self.title or "").split())
            when = self.decision_date.isoformat() if self.decision_date else self.evaluation_year
            return f"{issuer}|{title}|{when}" if title else f"file|{self.doc_id}"
        shape = ";".join(f"{level}:{n}" for level, _index, n in self.tables)
        return f"{issuer}|{self.evaluation_year}|{self.indices}|{shape}"

    def preference(self) -> tuple[bool, int, int, str]:
        """Lower is better: the source a decision is read from (one with its tables first)."""
        order = _SOURCE_ORDER.get(self.method or "", _SOURCE_ORDER.get(self.format or "", 9))
        return (self.status != "ok", order, self.errors, self.doc_id)


@dataclass(frozen=True, slots=True)
class Decision:
    decision_id: str
    identity_key: str
    sources: tuple[Source, ...]  # the primary first

    @property
    def primary(self) -> Source:
        return self.sources[0]

    def row(self, conflict: bool) -> dict[str, object]:
        first = self.primary
        return {
            "decision_id": self.decision_id,
            "issuer": first.issuer,
            "province": first.province,
            "decision_number": first.decision_number,
            "decision_date": first.decision_date,
            "evaluation_year": first.evaluation_year,
            "indices": first.indices,
            "title": first.title,
            "doc_id": first.doc_id,
            "sources": len(self.sources),
            "source_files": " | ".join(s.source_file for s in self.sources),
            "source_conflict": conflict,
            "identity_key": self.identity_key,
            "signer": first.signer,
            "status": first.status,
        }

    def source_rows(self) -> list[dict[str, object]]:
        return [
            {
                "decision_id": self.decision_id,
                "doc_id": s.doc_id,
                "source_file": s.source_file,
                "format": s.format,
                "method": s.method,
                "is_primary": s is self.primary,
            }
            for s in self.sources
        ]


def group(sources: Iterable[Source]) -> list[Decision]:
    """Decisions in a stable order (by id), each with its sources best first."""
    by_key: dict[str, list[Source]] = {}
    for source in sources:
        by_key.setdefault(source.identity_key(), []).append(source)
    decisions = [
        Decision(
            hashlib.sha256(key.encode()).hexdigest()[:16],
            key,
            tuple(sorted(members, key=Source.preference)),
        )
        for key, members in by_key.items()
    ]
    return sorted(decisions, key=lambda d: d.decision_id)
