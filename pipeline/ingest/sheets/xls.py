"""Excel 97-2003 .xls workbooks by xlrd: values, each cell's number format, merged ranges."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import CorruptFile
from pipeline.ingest.sheets.cells import Merge, RawCell


def read_xls(path: Path, source_file: str) -> list[tuple[str, list[list[RawCell]], list[Merge]]]:
    """Every visible sheet, as ``read_xlsx`` gives them."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except (xlrd.XLRDError, OSError, ValueError, AssertionError, IndexError) as err:
        raise CorruptFile(f"{source_file}: not a readable .xls workbook ({err})") from err
    sheets = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.visibility != 0:
            continue
        sheets.append(
            (
                sheet.name,
                [_row(book, sheet, r) for r in range(sheet.nrows)],
                [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells],
            )
        )
    return sheets


def _row(book: object, sheet: object, row: int) -> list[RawCell]:
    import xlrd

    info = sheet.rowinfo_map.get(row)  # type: ignore[attr-defined]
    if info is not None and info.hidden:
        return []
    cells = []
    for column in range(sheet.ncols):  # type: ignore[attr-defined]
        column_info = sheet.colinfo_map.get(column)  # type: ignore[attr-defined]
        cell = sheet.cell(row, column)  # type: ignore[attr-defined]
        if (column_info is not None and column_info.hidden) or cell.ctype in (
            xlrd.XL_CELL_EMPTY,
            xlrd.XL_CELL_BLANK,
            xlrd.XL_CELL_ERROR,
        ):
            cells.append(RawCell(None))
            continue
        xf = book.xf_list[cell.xf_index]  # type: ignore[attr-defined]
        fmt = book.format_map[xf.format_key].format_str  # type: ignore[attr-defined]
        value = cell.value
        if cell.ctype == xlrd.XL_CELL_DATE:
            value = xlrd.xldate.xldate_as_datetime(value, book.datemode)  # type: ignore[attr-defined]
        elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
            value = bool(value)
        font = book.font_list[xf.font_index].name  # type: ignore[attr-defined]
        cells.append(RawCell(value, fmt, font))
    return cells
