"""The stages, called in order, one document at a time and in isolation.

``process_document`` is a pure function of a path and settings, so it can run in a worker
process; a failure becomes a failed DocumentResult with a one-line reason and never stops the
batch. The stages: ingest → tables → metadata → match → reconcile.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import DocumentError, ExitCode, MissingDependencyError, NoRankingTable
from pipeline.identify import identify_tables, review_for
from pipeline.ingest import read_document
from pipeline.match import MatchSettings
from pipeline.metadata import read_metadata
from pipeline.models import DocumentResult
from pipeline.ocr.correct import settle_tables
from pipeline.ocr.settings import OcrSettings
from pipeline.reconcile import OCR_NEEDED, check_unread_pages, reconcile
from pipeline.registry import Registry, load_registry
from pipeline.settings import ReconcileSettings, TableSettings
from pipeline.tables import scan_tables

# Extensions picked up when a folder is given; a file named on the command line is always read.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".xhtml"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Everything the stages need, passed explicitly (no globals)."""

    tables: TableSettings = field(default_factory=TableSettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    overlay: Path | None = None  # the user's own units (a national park, a radio-TV station)
    aliases: Path | None = None  # a filled-in review.csv: reviewed names and their chosen ids

    def load_registry(self) -> Registry:
        """The shipped registry with this batch's overlay and aliases."""
        return load_registry(self.overlay, self.aliases)


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and the id it gets in this batch."""

    path: Path
    source_file: str
    doc_id: str
    sha256: str


def discover(inputs: Iterable[Path]) -> list[Path]:
    """Input files: named files as given, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file()
                    and child.suffix.lower() in DOCUMENT_SUFFIXES | IMAGE_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def plan(paths: list[Path]) -> list[Job]:
    """Give every file a doc_id: its SHA-256 prefix, suffixed when two inputs share content."""
    jobs = []
    used: dict[str, int] = {}
    for path in paths:
        digest = _sha256(path)
        base = digest[:16] if digest else hashlib.sha256(str(path).encode()).hexdigest()[:16]
        used[base] = used.get(base, 0) + 1
        doc_id = base if used[base] == 1 else f"{base}-{used[base]}"
        jobs.append(Job(path, path.as_posix(), doc_id, digest))
    return jobs


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""  # unreadable: process_document reports why
    return digest.hexdigest()


def process_document(job: Job, settings: BatchSettings, registry: Registry) -> DocumentResult:
    """Every stage for one file; a failure is returned, never raised."""
    try:
        document = read_document(job.path, job.source_file, job.doc_id, settings.ocr)
        scan = scan_tables(document, settings.tables)
        tables = scan.tables
        metadata = read_metadata(document)
        if not tables:
            scanned = sum(page.method == OCR_NEEDED for page in document.pages)
            unread = f"; {scanned} scanned page(s) without a text layer were not read"
            raise NoRankingTable(
                "no ranking table found (a grid with STT/unit names and scores, ranks or bands)"
                + (unread if scanned else "")
            )
        tables = identify_tables(tables, metadata, registry, settings.match)
        tables, ocr_flags = settle_tables(
            job.doc_id, tables, settings.ocr.low_confidence, settings.reconcile
        )
        flags = reconcile(job.doc_id, metadata, tables, settings.reconcile, scan.passed_over)
        flags += ocr_flags
        flags += check_unread_pages(job.doc_id, document)
        return DocumentResult(
            doc_id=job.doc_id,
            source_file=job.source_file,
            sha256=document.sha256,
            format=document.format,
            method=document.method,
            pages=len(document.pages),
            metadata=metadata,
            tables=tables,
            flags=flags,
            review=review_for(job.doc_id, tables, metadata, registry),
        )
    except (DocumentError, MissingDependencyError) as err:
        return _failed(job, f"{type(err).__name__}: {err}", err.exit_code)
    except Exception as err:  # a bug: keep the batch going, say so loudly
        where = traceback.extract_tb(err.__traceback__)[-1]
        reason = f"internal error (please report): {type(err).__name__}: {err}"
        location = f"{Path(where.filename).name}:{where.lineno}"
        return _failed(job, f"{reason} at {location}", ExitCode.internal)


def _failed(job: Job, error: str, exit_code: ExitCode) -> DocumentResult:
    return DocumentResult(
        job.doc_id,
        job.source_file,
        job.sha256,
        None,
        status="failed",
        error=error,
        exit_code=exit_code,
    )


def run_batch(
    jobs: list[Job], settings: BatchSettings, registry: Registry | None = None
) -> Iterator[DocumentResult]:
    """Process every job in order; the registry is loaded once for the batch."""
    registry = registry or settings.load_registry()
    for job in jobs:
        yield process_document(job, settings, registry)
