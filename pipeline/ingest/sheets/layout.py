"""A sheet's cells → lines: title rows as prose, each block of rows with several cells a grid.

A block is a run of rows with something in them; its rows from the first one holding two or
more cells to the last such one are a grid (a band row merged across the table stays inside
it), the single-cell rows above and below it are prose: "Kèm theo Quyết định số … ngày … của
…", notes. A merged range keeps its text in its top-left cell; the positions it covers are
spanned cells, as the DOCX reader gives them. Provenance: the sheet is the page, the sheet's
row number the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from pipeline.ingest.normalize import fold
from pipeline.ingest.sheets.cells import Sheet
from pipeline.models import Cell, Line, Provenance

Grid = list[list[tuple[str, bool]]]  # (text, spanned) by row and column


def sheet_lines(sheet: Sheet, at: Provenance, grids: Iterator[int]) -> Iterator[Line]:
    """Prose lines and grid rows of one sheet, top to bottom."""
    matrix = spread(sheet)
    for block in blocks(matrix):
        many = [row for row in block if _count(matrix[row]) >= 2]
        if not many:
            yield from (_prose(matrix[row], _row_at(at, row)) for row in block)
            continue
        first, last = many[0], many[-1]
        yield from (_prose(matrix[row], _row_at(at, row)) for row in block if row < first)
        rows = range(first, last + 1)
        yield from grid_lines([matrix[row] for row in rows], [_row_at(at, row) for row in rows],
                              next(grids))  # fmt: skip
        yield from (_prose(matrix[row], _row_at(at, row)) for row in block if row > last)


def spread(sheet: Sheet) -> Grid:
    """Every row as wide as the sheet, merged ranges resolved to their top-left cell."""
    width = max((len(row) for row in sheet.rows), default=0)
    matrix: Grid = [
        [(fold(text), False) for text in row] + [("", False)] * (width - len(row))
        for row in sheet.rows
    ]
    for top, left, bottom, right in sheet.merges:
        for row in range(top, min(bottom, len(matrix) - 1) + 1):
            for column in range(left, min(right, width - 1) + 1):
                if (row, column) != (top, left):
                    matrix[row][column] = ("", True)
    return matrix


def blocks(matrix: Grid) -> Iterator[list[int]]:
    """Runs of consecutive rows that hold some text."""
    block: list[int] = []
    for index, row in enumerate(matrix):
        if _count(row):
            block.append(index)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _count(row: list[tuple[str, bool]]) -> int:
    return sum(bool(text) for text, _spanned in row)


def _prose(row: list[tuple[str, bool]], at: Provenance) -> Line:
    return Line(text=" ".join(text for text, _spanned in row if text), at=at)


def _row_at(at: Provenance, row: int) -> Provenance:
    """Where a sheet row is: the sheet (page) and the row number a spreadsheet shows (line)."""
    return replace(at, line=row + 1)


def grid_lines(rows: Grid, places: list[Provenance], grid: int) -> Iterator[Line]:
    """One Line per row, trimmed to the columns the grid uses."""
    used = [c for c in range(len(rows[0])) if any(row[c][0] for row in rows)]
    left, right = used[0], used[-1]
    for row, at in zip(rows, places, strict=True):
        cells = tuple(
            Cell(text=text, at=at, spanned=spanned) for text, spanned in row[left : right + 1]
        )
        yield Line(text=" | ".join(c.text for c in cells), at=at, cells=cells, grid=grid)
