"""One document's stages, in order: ingest → tables → metadata → match → reconcile.

``process_document`` is a pure function of a job, settings and the registry, so it can run in
a worker process; a failure becomes a failed DocumentResult with a one-line reason and never
stops the batch. A document read whole without a ranking table is catalogued (``no_table``).
"""

from __future__ import annotations

import signal
import traceback
from pathlib import Path
from typing import Any

from pipeline.batch.discover import Job
from pipeline.batch.settings import BatchSettings
from pipeline.collector import collector_paused
from pipeline.errors import DocumentError, ExitCode, MissingDependencyError
from pipeline.identify import identify_tables, review_for
from pipeline.ingest import read_document, read_page_images
from pipeline.ingest.legacy import UNSURE
from pipeline.metadata import read_metadata
from pipeline.models import Document, DocumentResult, Flag, Line, Metadata, Provenance
from pipeline.ocr.beside import print_beside
from pipeline.ocr.correct import settle_tables
from pipeline.ocr.maxima import temper_maxima
from pipeline.ocr.spaces import restore_spaces
from pipeline.ocr.trust import crop_witness, temper
from pipeline.reconcile import (
    check_passed_over,
    check_scores_in_prose,
    check_unread_pages,
    reconcile,
)
from pipeline.registry import Registry
from pipeline.tables import scan_tables

NO_TABLE = "no_table"  # status of a document read whole that holds no ranking table
PAGE_DAMAGED = "page_damaged"  # severity error: rows of that page may be missing
LEGACY_ENCODING_UNSURE = "legacy_encoding_unsure"  # warning: the text may be garbage


def process_document(job: Job, settings: BatchSettings, registry: Registry) -> DocumentResult:
    """Every stage for one file; a failure is returned, never raised."""
    if job.skip:
        return failed(job, job.skip, ExitCode.some_failed)
    try:
        with collector_paused():
            return _stages(job, settings, registry)
    except (DocumentError, MissingDependencyError) as err:
        return failed(job, f"{type(err).__name__}: {err}", err.exit_code)
    except MemoryError:
        limit = settings.limits.memory_mb
        reason = f"DocumentTooLarge: ran out of memory (the limit is {limit} MB per worker)"
        return failed(job, reason, ExitCode.some_failed)
    except Exception as err:  # a bug: keep the batch going, say so loudly
        where = traceback.extract_tb(err.__traceback__)[-1]
        reason = f"internal error (please report): {type(err).__name__}: {err}"
        location = f"{Path(where.filename).name}:{where.lineno}"
        return failed(job, f"{reason} at {location}", ExitCode.internal)


def _stages(job: Job, settings: BatchSettings, registry: Registry) -> DocumentResult:
    if job.parts:
        document = read_page_images(
            job.parts, job.doc_id, job.sha256, settings.ingest, settings.ocr
        )
    else:
        document = read_document(
            job.path, job.source_file, job.doc_id, settings.ingest, settings.ocr
        )
    scan = scan_tables(document, settings.tables)
    metadata = read_metadata(document)
    page_flags = (
        check_unread_pages(job.doc_id, document)
        + check_damaged_pages(job.doc_id, document)
        + check_encoding(job.doc_id, document)
    )
    if not scan.tables:
        return catalogued(job, document, metadata, scan.passed_over, page_flags)
    tables = scan.tables
    if any(page.method == "ocr" for page in document.pages):  # its word lists: 0.4 s a process
        tables = restore_spaces(tables, registry)  # "SởYtế" read from a scan: "Sở Y tế"
    tables = identify_tables(tables, metadata, registry, settings.match)
    ocr_flags: tuple[Flag, ...] = ()
    if "correct" not in settings.ocr.skip:
        witness = None if "second" in settings.ocr.skip else crop_witness(document)
        tables, ocr_flags = settle_tables(
            job.doc_id, tables, settings.ocr.low_confidence, settings.reconcile, witness
        )
    flags = reconcile(job.doc_id, metadata, tables, settings.reconcile, scan.passed_over)
    lost = () if scan.passed_over else tuple(check_scores_in_prose(job.doc_id, document, tables))
    lost += tuple(print_beside(job.doc_id, document, tables))  # a scanned column left outside
    flags = temper_maxima(temper(flags + ocr_flags), tables) + lost + page_flags
    review = review_for(job.doc_id, tables, metadata, registry)
    return _read(job, document, metadata, tables=tables, flags=flags, review=review)


def _read(job: Job, document: Document, metadata: Metadata, **found: Any) -> DocumentResult:
    """What one document yielded, with what every result says of its file."""
    return DocumentResult(
        doc_id=job.doc_id,
        source_file=job.source_file,
        sha256=document.sha256,
        format=document.format,
        method=document.method,
        pages=len(document.pages),
        metadata=metadata,
        parts=tuple(part.as_posix() for part in job.parts),
        encoding=document.encoding,
        **found,
    )


def check_encoding(doc_id: str, document: Document) -> tuple[Flag, ...]:
    """legacy_encoding_unsure: text that looks typed in an old Vietnamese font (TCVN3, VNI …)
    which no chart read with confidence; its names and words may be garbage."""
    if document.encoding != UNSURE:
        return ()
    return (
        Flag(
            LEGACY_ENCODING_UNSURE,
            "warning",
            doc_id,
            "Văn bản có vẻ được gõ bằng phông chữ cũ (TCVN3, VNI …) nhưng không xác định được "
            "bảng mã: tên đơn vị và chữ trong văn bản có thể bị sai; hãy chuyển mã sang Unicode "
            "(ví dụ bằng Unikey Toolkit) rồi đọc lại.",
            expected="Unicode, TCVN3, VNI or VIQR text",
            actual="text no chart reads with confidence",
            at=Provenance(document.source_file, 1, method=document.format),
        ),
    )


def catalogued(
    job: Job,
    document: Document,
    metadata: Metadata,
    passed_over: tuple[Line, ...],
    page_flags: tuple[Flag, ...],
) -> DocumentResult:
    """A document read whole but holding no ranking table: ``no_table``, its metadata kept.

    Not a failure (an archive holds letters, plans and reports beside its rankings): it is
    listed with what it says of itself. A grid of numbers that could not be read as a ranking,
    or scores left in its prose by a table whose grid was lost (``table_not_read``), and pages
    not read or damaged (``page_not_read``, ``page_damaged``) keep their flags, so a ranking
    that was there and missed never passes unnoticed.
    """
    lost = check_passed_over(job.doc_id, passed_over) or check_scores_in_prose(job.doc_id, document)
    return _read(job, document, metadata, flags=tuple(lost) + page_flags, status=NO_TABLE)


def check_damaged_pages(doc_id: str, document: Document) -> tuple[Flag, ...]:
    """page_damaged: a page whose content could not be decoded; what it held may be missing."""
    return tuple(
        Flag(
            PAGE_DAMAGED,
            "error",
            doc_id,
            f"Trang {page.number} bị hỏng ({page.damage}); bảng hoặc số liệu trên trang này "
            "có thể bị thiếu trong kết quả: hãy lấy lại bản gốc của tệp.",
            expected="a readable page",
            actual=page.damage,
            at=Provenance(document.source_file, page.number, method=document.format),
        )
        for page in document.pages
        if page.damage
    )


def over_time(job: Job, limit: float) -> DocumentResult:
    """The failed result of a document whose worker was stopped at the time limit."""
    reason = (
        f"DocumentTooLarge: still running after the time limit of {limit:g} s per document"
        " (--time-limit); its worker was stopped and replaced"
    )
    return failed(job, reason, ExitCode.some_failed)


def worker_died(job: Job, exit_code: int | None, memory_mb: int) -> DocumentResult:
    """The failed result of a document whose worker process died while reading it."""
    code = exit_code or 0
    how = signal.Signals(-code).name if code < 0 else f"exit status {code}"
    reason = (
        f"DocumentTooLarge: the worker reading it died ({how}), most likely at the memory limit"
        f" of {memory_mb} MB per worker (--memory-limit); it was replaced"
    )
    return failed(job, reason, ExitCode.some_failed)


def failed(job: Job, error: str, exit_code: ExitCode) -> DocumentResult:
    """A failed result for ``job``: one line saying why."""
    return DocumentResult(
        job.doc_id,
        job.source_file,
        job.sha256,
        None,
        status="failed",
        error=" ".join(error.split()),
        exit_code=exit_code,
        parts=tuple(part.as_posix() for part in job.parts),
    )
