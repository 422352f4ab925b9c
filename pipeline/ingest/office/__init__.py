"""Word 97 .doc, OpenDocument and RTF (and spreadsheets LibreOffice must open) converted by
LibreOffice headless, so the DOCX and XLSX readers read them with their structure.

One LibreOffice is kept warm per process (worker) and reused; without a Python that has
LibreOffice's ``uno`` module, each file is converted by a LibreOffice started for it (cold).
Either way each conversion has a time limit. ``check_office`` says at start, with exit code 4,
when LibreOffice is missing.
"""

from __future__ import annotations

import atexit
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.ingest.office.soffice import Office, convert_cold, find_office
from pipeline.ingest.office.warm import WarmOffice

__all__ = ["FILTERS", "check_office", "converted", "convert_cold", "find_office", "WarmOffice"]

# LibreOffice's export filter for each target format.
FILTERS = {".docx": "MS Word 2007 XML", ".xlsx": "Calc MS Excel 2007 XML"}
_WARM: dict[int, WarmOffice] = {}  # this process's LibreOffice, by pid (a fork gets its own)


def check_office() -> Office:
    """Fail early, with exit code 4, when LibreOffice is not installed."""
    return find_office()


def _warm_office(office: Office) -> WarmOffice | None:
    if office.uno_python is None:
        return None
    pid = os.getpid()
    if pid not in _WARM:
        _WARM[pid] = WarmOffice(office)
        atexit.register(_WARM[pid].close)
    return _WARM[pid]


@contextmanager
def converted(source: Path, suffix: str, timeout_s: float, warm: bool = True) -> Iterator[Path]:
    """``source`` converted to ``suffix`` (".docx", ".xlsx") in a temporary file."""
    office = find_office()
    with tempfile.TemporaryDirectory(prefix="decisions-converted-") as folder:
        target = Path(folder) / f"converted{suffix}"
        runner = _warm_office(office) if warm else None
        if runner is not None:
            runner.convert(source, target, FILTERS[suffix], timeout_s)
        else:
            convert_cold(office, source, target, FILTERS[suffix], timeout_s)
        yield target
