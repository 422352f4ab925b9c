"""Text decisions → pages of lines, whatever layout their tables come in.

A form feed starts a new page. Tables are read in every layout text archives give them:
tab-separated rows and markdown pipe rows (``markup``), one cell per line as HTML-to-text tools
write them (``cellwise``) and space-aligned columns as ``pdftotext -layout`` writes them
(``aligned``), pipe tables one cell per line (``pipe_cells``), records over labelled lines as
news pages list a top ten (``labelled``), comma-separated rows pasted from a CSV file
(``delimited``) and JSON records one field per line (``json_records``).
Each becomes a grid of rows with cells; everything else is prose, where a line
holding two blocks far apart (letterhead and motto side by side) is read left block first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from pipeline.ingest.text.aligned import find_aligned
from pipeline.ingest.text.cellwise import find_cellwise
from pipeline.ingest.text.delimited import find_delimited
from pipeline.ingest.text.json_records import find_json_records
from pipeline.ingest.text.labelled import find_labelled
from pipeline.ingest.text.markup import PIPE_SEPARATOR, clean_text, cut_row, split_cells
from pipeline.ingest.text.pipe_cells import find_pipe_cells
from pipeline.ingest.text.pipe_tables import find_pipe_tables, gap_ends_grid
from pipeline.ingest.text.rows import Block, is_value
from pipeline.ingest.text.unrolled import unrolled
from pipeline.models import Cell, Line, Page, Provenance

__all__ = ["clean_text", "read_text", "split_cells"]

_WIDE_GAP = re.compile(r"\S(\s{6,})\S")


def read_text(text: str, source_file: str) -> tuple[Page, ...]:
    """Split decoded text into pages of prose lines and grid rows."""
    pages: list[Page] = []
    grid_ids = itertools.count(1)
    first_line = 1
    page_texts = text.split("\f")
    last_page = max((i for i, p in enumerate(page_texts) if p.strip()), default=0)
    for page_number, page_text in enumerate(page_texts, start=1):
        raw = page_text.split("\n")
        ends = page_number - 1 == last_page
        lines = list(_page_lines(raw, page_number, first_line, source_file, grid_ids, ends))
        lines = unrolled(lines)  # records run together on one grid row, split back
        pages.append(
            Page(page_number, _pad_grids(lines, page_number - 1 == last_page), method="text")
        )
        first_line += len(raw)
    return tuple(pages)


def _blocks(raw: list[str], tables: dict[int, Block]) -> dict[int, Block]:
    """Tables laid out as labelled records, aligned columns or one cell per line, by their
    first line; the most particular layout claims its lines first (a record's opening line
    printed twice would otherwise be two aligned rows), a pipe table's header and rule first
    of all (its rows opening with a number would otherwise be aligned rows)."""
    found: dict[int, Block] = {}
    taken = {line for start, table in tables.items() for line in range(start, table.end)}
    finders = (
        find_labelled,
        find_json_records,
        find_pipe_cells,
        find_delimited,
        find_aligned,
        find_cellwise,
    )
    for finder in finders:
        for start, block in finder(raw):
            if not taken & set(range(start, block.end)):
                found[start] = block
                taken |= set(range(start, block.end))
    return found


def _page_lines(
    raw: list[str],
    page: int,
    first_line: int,
    source_file: str,
    grid_ids: Iterator[int],
    ends_text: bool = False,
) -> Iterator[Line]:
    """Grid rows and prose lines in reading order (two-column blocks column by column)."""
    prose: list[tuple[str, Provenance]] = []
    for item in _page_items(raw, page, first_line, source_file, grid_ids, ends_text):
        if isinstance(item, Line):
            yield from _in_reading_order(prose)
            prose = []
            yield item
        else:
            prose.append(item)
    yield from _in_reading_order(prose)


def _page_items(
    raw: list[str],
    page: int,
    first_line: int,
    source_file: str,
    grid_ids: Iterator[int],
    ends_text: bool,
) -> Iterator[Line | tuple[str, Provenance]]:
    tables = dict(find_pipe_tables(raw, ends_text))
    blocks = _blocks(raw, tables)
    grid: int | None = None
    width = 0  # the cells of the last pipe row of the grid, 0 after any other line
    index = 0
    while index < len(raw):
        at = Provenance(source_file, page, line=first_line + index, method="text")
        if index in blocks or index in tables:
            block, grid = tables.get(index) or blocks[index], next(grid_ids)
            yield from _block_lines(block, index, first_line, source_file, page, grid)
            if index not in tables:
                grid, width = None, 0
            else:  # a row the text ends inside, after the table's rows, joins them
                width = len(block.rows[-1].cells)
            index = block.end
            continue
        line = raw[index]
        index += 1
        if PIPE_SEPARATOR.match(line) and grid is not None:
            continue
        if not line.strip() and width and not gap_ends_grid(raw, index, width):
            continue  # a blank line after every pipe row
        cells_text = split_cells(line)
        if (
            cells_text is None
            and grid is not None
            and ends_text
            and not "".join(raw[index:]).strip()
        ):
            cells_text = cut_row(line)  # the text ends inside the grid's last row
        if cells_text is None:
            grid, width = None, 0
            yield line, at
            continue
        grid = grid if grid is not None else next(grid_ids)
        width = 0 if "\t" in line else len(cells_text)
        cells = tuple(Cell(cell, at) for cell in cells_text)
        yield Line(" | ".join(cells_text), at, cells=cells, grid=grid)


def _block_lines(
    block: Block, start: int, first_line: int, source_file: str, page: int, grid: int
) -> Iterator[Line]:
    """A block's rows as grid lines, each with the line it starts on."""
    for row in block.rows:
        where = Provenance(source_file, page, line=first_line + (row.line or start + 1) - 1)
        cells = tuple(Cell(clean_text(c), where) for c in row.cells)
        yield Line(" | ".join(c.text for c in cells), where, cells, grid, cut=row.cut)


def _in_reading_order(prose: list[tuple[str, Provenance]]) -> Iterator[Line]:
    """Prose lines; a run of lines printing two blocks side by side (letterhead | motto,
    "Nơi nhận" | signature) is read left block first, then right block."""
    index = 0
    while index < len(prose):
        split = _split_column(prose[index][0])
        if split is None:
            if _empty_cell(prose, index):
                yield Line("", prose[index][1])
            yield from _clean(prose[index][0], prose[index][1])
            index += 1
            continue
        left: list[Line] = []
        right: list[Line] = []
        while index < len(prose) and prose[index][0].strip():
            text, at = prose[index]
            column = _split_column(text)
            if column is not None:
                left += _clean(text[:column], at)
                right += _clean(text[column:], at)
            elif len(text) - len(text.lstrip()) >= split - 8:
                right += _clean(text, at)
            elif len(text.rstrip()) <= split:
                left += _clean(text, at)
            else:
                break
            index += 1
        yield from left + right


def _empty_cell(prose: list[tuple[str, Provenance]], index: int) -> bool:
    """Whether a line holding only spaces is an empty cell of one-cell-per-line text: an
    HTML-to-text tool writes an empty cell ("<td>&nbsp;</td>") as a line of one space, where
    it writes the gap between blocks as an empty line. Kept (as a line with no text) only
    after a line holding one number, inside a row's values; elsewhere (page furniture, a
    header's stray cell) it says nothing about the table."""
    text = prose[index][0]
    if not text or text.strip():
        return False
    above = next((t for t, _ in reversed(prose[:index]) if t.strip()), "")
    return is_value(clean_text(above)) and " " not in clean_text(above)


def _split_column(text: str) -> int | None:
    """Where the right block of a line starts, when a wide gap parts it in two."""
    found = _WIDE_GAP.search(text)
    return found.end(1) if found else None


def _clean(text: str, at: Provenance) -> list[Line]:
    cleaned = clean_text(text)
    return [Line(cleaned, at)] if cleaned else []


def _pad_grids(lines: list[Line], last_page: bool) -> tuple[Line, ...]:
    """Give every row of a grid the grid's full width (trailing empty cells may be missing).

    The last row of the text, when shorter than its grid, is where a cut-off file ends.
    """
    widths: dict[int, int] = {}
    for line in lines:
        if line.grid is not None:
            widths[line.grid] = max(widths.get(line.grid, 0), len(line.cells))
    padded = []
    for position, line in enumerate(lines):
        if line.grid is not None and len(line.cells) < widths[line.grid]:
            extra = tuple(Cell("", line.at) for _ in range(widths[line.grid] - len(line.cells)))
            cut = line.cut or (last_page and position == len(lines) - 1)
            line = Line(line.text, line.at, line.cells + extra, line.grid, line.words, cut)
        padded.append(line)
    return tuple(padded)
