"""decision-tables: Vietnamese ranking decisions (Quyết định) → clean, checked datasets.

>>> from pipeline import extract
>>> result = extract("samples/000_d536206099149b63.txt")
>>> result.metadata.decision_number
'512/QĐ-UBND'
"""

from __future__ import annotations

from pathlib import Path

from pipeline.models import DocumentResult
from pipeline.registry import Registry

__version__ = "0.1.0"
__all__ = ["DocumentResult", "__version__", "extract"]


def extract(path: str | Path, registry: Registry | None = None) -> DocumentResult:
    """Read one decision and return its tables, metadata and flags (never raises for bad input).

    Pass a ``registry`` (``pipeline.registry.load_registry()``) when extracting many files.
    """
    from pipeline.batch import BatchSettings, plan, process_document

    settings = BatchSettings()
    (job,) = plan([Path(path)])
    return process_document(job, settings, registry or settings.load_registry())
