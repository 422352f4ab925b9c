"""decision-tables: Vietnamese ranking decisions (Quyết định) → clean, checked datasets.

>>> from pipeline import extract
>>> result = extract("samples/000_d536206099149b63.txt")
>>> result.metadata.decision_number
'512/QĐ-UBND'
>>> result.entries[["agency_raw", "total"]].iloc[0].tolist()
['Sở Thông tin và Truyền thông', Decimal('97')]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.models import DocumentResult
from pipeline.registry import Registry

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.api import Extraction

__version__ = "0.1.0"
__all__ = ["DocumentResult", "__version__", "extract", "extract_document", "open_dataset"]


def extract_document(path: str | Path, registry: Registry | None = None) -> DocumentResult:
    """Read one decision and return its tables, metadata and flags (never raises for bad input).

    Pass a ``registry`` (``pipeline.registry.load_registry()``) when extracting many files.
    """
    from pipeline.batch import BatchSettings, plan, process_document

    settings = BatchSettings()
    (job,) = plan([Path(path)])
    return process_document(job, settings, registry or settings.load_registry())


def extract(path: str | Path, registry: Registry | None = None) -> Extraction:
    """Read a decision (or every decision under a folder) into pandas DataFrames.

    The result has ``documents``, ``tables``, ``entries``, ``components``, ``flags`` and
    ``review`` DataFrames (the CSV columns), the ``results`` (DocumentResults) and, for one
    file, its ``metadata``.
    """
    from pipeline.api import Extraction
    from pipeline.batch import BatchSettings, discover, plan, run_batch

    settings = BatchSettings()
    jobs = plan(discover([Path(path)]))
    return Extraction(tuple(run_batch(jobs, settings, registry or settings.load_registry())))


def open_dataset(db: str | Path, view: str = "panel") -> pd.DataFrame:
    """The dataset built by ``decisions build``: the panel (or another view) as a DataFrame."""
    from pipeline.api import read_view

    return read_view(Path(db), view)
