"""Spreadsheet annexes (.xlsx, .xls, .ods): every visible sheet read from its cells into the
lines and grid rows the other readers give, so the one table stage reads them.

XLSX by openpyxl, .xls by xlrd (both give each cell's number format, which python-calamine
does not: README "Spreadsheets"), .ods converted to XLSX by LibreOffice. A sheet is a page.
Text cells in a legacy Vietnamese font are decoded by their font, or by their statistics.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from pipeline.ingest.legacy import encoding_of
from pipeline.ingest.legacy.runs import decode_runs
from pipeline.ingest.sheets.cells import RawCell, Sheet, decimal_mark, printed
from pipeline.ingest.sheets.layout import sheet_lines
from pipeline.models import Page, Provenance

SHEET_FORMATS = frozenset({"xlsx", "xls", "ods"})
RawSheet = tuple[str, list[list[RawCell]], list[tuple[int, int, int, int]]]


def read_workbook(path: Path, fmt: str, source_file: str) -> tuple[Page, ...]:
    """One page per visible sheet (``fmt``: xlsx | xls; .ods is converted first)."""
    if fmt == "xls":
        from pipeline.ingest.sheets.xls import read_xls

        raw = read_xls(path, source_file)
    else:
        from pipeline.ingest.sheets.xlsx import read_xlsx

        raw = read_xlsx(path, source_file)
    sheets, found = printed_sheets(raw)
    encoding = encoding_of(found)
    grids = itertools.count(1)
    pages = []
    for number, sheet in enumerate(sheets, start=1):
        at = Provenance(source_file, page=number, method="cells")
        lines = tuple(sheet_lines(sheet, at, grids))
        pages.append(Page(number=number, lines=lines, method="cells", encoding=encoding))
    return tuple(pages)


def printed_sheets(raw: list[RawSheet]) -> tuple[list[Sheet], set[str]]:
    """Sheets of printed text: legacy-font text decoded, numbers shown by their formats."""
    texts = [
        (cell.value, cell.font)
        for _name, rows, _merges in raw
        for row in rows
        for cell in row
        if isinstance(cell.value, str)
    ]
    decoded, found = decode_runs([(str(text), font) for text, font in texts])
    mark = decimal_mark(decoded)
    decoded_iter = iter(decoded)
    sheets = []
    for name, rows, merges in raw:
        printed_rows = tuple(
            tuple(
                next(decoded_iter) if isinstance(cell.value, str) else printed(cell, mark)
                for cell in row
            )
            for row in rows
        )
        sheets.append(Sheet(name, printed_rows, tuple(merges)))
    return sheets, found
