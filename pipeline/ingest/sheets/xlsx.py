"""XLSX workbooks by openpyxl: cached values of formulas, number formats, merged ranges."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import CorruptFile
from pipeline.ingest.sheets.cells import Merge, RawCell


def read_xlsx(path: Path, source_file: str) -> list[tuple[str, list[list[RawCell]], list[Merge]]]:
    """Every visible sheet: its name, its cells by row (hidden rows and columns left out as
    blank) and its merged ranges."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise CorruptFile(f"{source_file}: not a readable workbook ({err})") from err
    sheets = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden_rows = {i for i, d in sheet.row_dimensions.items() if d.hidden}
        hidden_columns = {
            column
            for letter, d in sheet.column_dimensions.items()
            if d.hidden
            for column in range(d.min or 0, (d.max or 0) + 1)
        }
        rows = [
            [
                RawCell(None)
                if cell.row in hidden_rows or cell.column in hidden_columns
                else RawCell(cell.value, cell.number_format or "General", _font(cell))
                for cell in row
            ]
            for row in sheet.iter_rows()
        ]
        merges = [
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in sheet.merged_cells.ranges
        ]
        sheets.append((sheet.title, rows, merges))
    return sheets


def _font(cell: object) -> str | None:
    font = getattr(cell, "font", None)
    return getattr(font, "name", None) if font is not None else None
