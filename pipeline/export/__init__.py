"""``decisions export``: the store as CSV, Parquet and one XLSX workbook, with datapackage.json.

Everything is written in a temporary folder beside ``--to`` and moved into place file by file,
so an interrupted export leaves the previous files whole.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import duckdb

from pipeline.errors import OutputError
from pipeline.export.files import ORDER, resources, write_csv, write_parquet
from pipeline.export.workbook import sheets, write_workbook
from pipeline.messages import DEFAULT_LANGUAGE

WORKBOOK = "decisions.xlsx"
__all__ = ["WORKBOOK", "export"]


def _descriptor(con: duckdb.DuckDBPyConnection, bom: bool) -> dict[str, object]:
    workbook = {"name": "workbook", "path": WORKBOOK, "type": "file", "format": "xlsx",
                "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "description": "The panel by index and level (agencies down, years across), "
                "each decision's tables as printed with flagged cells, and the flags"}  # fmt: skip
    return {
        "profile": "data-package",  # the workbook is not one table
        "name": "decision-tables-dataset",
        "title": "Rankings published in Vietnamese provincial decisions: the dataset",
        "resources": [*resources(con, list(ORDER), bom), workbook],
    }


def export(
    con: duckdb.DuckDBPyConnection, to: Path, excel: bool = False, lang: str = DEFAULT_LANGUAGE
) -> list[Path]:
    """Write every export into ``to``; ``excel`` puts the BOM Excel needs in the CSVs."""
    try:
        to.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".decisions-export-", dir=to))
    except OSError as err:
        raise OutputError(f"cannot write to {to}: {err.strerror}") from err
    try:
        for name in ORDER:
            write_csv(con, name, staging / f"{name}.csv", bom=excel)
            write_parquet(con, name, staging / f"{name}.parquet")
        write_workbook(staging / WORKBOOK, sheets(con, lang))
        text = json.dumps(_descriptor(con, excel), ensure_ascii=False, indent=2) + "\n"
        (staging / "datapackage.json").write_text(text, encoding="utf-8")
        written = []
        for staged in sorted(staging.iterdir()):
            staged.replace(to / staged.name)
            written.append(to / staged.name)
        return written
    except OSError as err:
        raise OutputError(f"cannot write to {to}: {err.strerror}") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
