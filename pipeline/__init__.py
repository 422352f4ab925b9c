"""decision-tables: Vietnamese ranking decisions (Quyết định) → clean, checked datasets.

>>> from pipeline import extract
>>> result = extract("samples/000_d536206099149b63.txt")
>>> result.metadata.decision_number
'512/QĐ-UBND'
>>> result.entries[["agency_raw", "total"]].iloc[0].tolist()
['Sở Thông tin và Truyền thông', Decimal('97')]
"""

from __future__ import annotations

import os

# One document per worker process, one process per core: numpy's BLAS needs no thread pool of
# its own, and each pool thread reserves address space the per-worker memory limit counts
# (125 MB on import). Set here, before the package imports numpy, so the library's batches
# (``run_batch``, ``extract_document``) run as the CLI's do; a user's own setting wins, as does
# a numpy imported before this package. With the pool, the screen of a table's weightings
# (``reconcile.weights.grid_weights``: 75,582-92,378 vectors for 9-11 components) spun both
# cores for each row and took six times the CPU (0.3 s against 0.05 s for 40 rows), and the
# two workers of a batch spun against each other.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402 - after the thread setting above
from typing import TYPE_CHECKING  # noqa: E402

from pipeline.models import DocumentResult  # noqa: E402
from pipeline.registry import Registry  # noqa: E402

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
