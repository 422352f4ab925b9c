"""What a batch runs with: the stages' settings and each document's limits, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.match import MatchSettings
from pipeline.ocr.settings import OcrSettings
from pipeline.registry import Registry, load_registry
from pipeline.settings import IngestLimits, ReconcileSettings, TableSettings

DEFAULT_TIME_LIMIT_S = 600.0
DEFAULT_MEMORY_LIMIT_MB = 2048


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """How long and how much memory one document may take in its worker process."""

    time_s: float = DEFAULT_TIME_LIMIT_S
    """Wall time per document; past it the worker is killed and replaced (OCR runs about 1 s
    a page, so 600 s covers a few hundred scanned pages)."""

    memory_mb: int = DEFAULT_MEMORY_LIMIT_MB
    """Address space of a worker process (RLIMIT_AS), so a blow-up fails that document with
    MemoryError instead of swapping the machine; a worker reading a text-layer PDF uses
    about 100 MB of address space."""


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Everything the stages need, passed explicitly (no globals)."""

    tables: TableSettings = field(default_factory=TableSettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    overlay: Path | None = None  # the user's own units (a national park, a radio-TV station)
    aliases: Path | None = None  # a filled-in review.csv: reviewed names and their chosen ids
    ingest: IngestLimits = field(default_factory=IngestLimits)
    limits: DocumentLimits = field(default_factory=DocumentLimits)
    ocr: OcrSettings = field(default_factory=OcrSettings)

    def load_registry(self) -> Registry:
        """The shipped registry with this batch's overlay and aliases."""
        return load_registry(self.overlay, self.aliases)
