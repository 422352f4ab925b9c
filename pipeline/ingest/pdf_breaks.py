"""A table row cut by a page break, put back together.

A word processor lets a row break across pages: the name "Xã Nghĩa" ends page 1 beside the
row's numbers, its last word "Lạc" opens page 2 in a row of its own with every other cell
empty. Read page by page, that is two rows, the second a unit without values. The geometry
says otherwise, and is checked before the words are joined: the row closes its page and the
piece opens the next (nothing but page numbers around them, a repeated header skipped), both
grids have the same columns, and the piece only adds words to word cells the row has filled,
in no merged cell (a group heading is merged across the table or numbered).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.geometry.text import NUMBER_HEAD, NUMBER_TAIL, join_wrapped
from pipeline.models import Cell, Line, Page

COLUMN_TOLERANCE = 2.0  # points: the same ruling line drawn on two pages
HEADER_ROWS = 4  # a repeated header is one of the grid's first rows


def join_rows_cut_by_page_breaks(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """The pages with each row a page break cut whole again on the first page."""
    joined = list(pages)
    for k in range(len(joined) - 1):
        head, tail = joined[k], joined[k + 1]
        last, first = _last_row(head), _first_row(tail, head)
        if last is None or first is None:
            continue
        row, piece = head.lines[last], tail.lines[first]
        if not _continues(row, piece):
            continue
        whole = _joined(row, piece)
        joined[k] = replace(head, lines=(*head.lines[:last], whole, *head.lines[last + 1 :]))
        joined[k + 1] = replace(tail, lines=tail.lines[:first] + tail.lines[first + 1 :])
    return tuple(joined)


def _furniture(line: Line) -> bool:
    """A page number or rule between the table and the page's edge: no letters."""
    return not line.is_row and not any(char.isalpha() for char in line.text)


def _last_row(page: Page) -> int | None:
    """The index of the row that closes the page, when only page furniture follows it."""
    for index in range(len(page.lines) - 1, -1, -1):
        line = page.lines[index]
        if line.is_row:
            return index
        if not _furniture(line):
            return None
    return None


def _first_row(page: Page, before: Page) -> int | None:
    """The index of the first row that opens the page after furniture and a header repeated
    from the grid the page before ends in."""
    last = _last_row(before)
    grid = before.lines[last].grid if last is not None else None
    rows = [line for line in before.lines if line.is_row and line.grid == grid]
    header = {_texts(line) for line in rows[:HEADER_ROWS]}
    for index, line in enumerate(page.lines):
        if line.is_row and _texts(line) not in header:
            return index
        if not (line.is_row or _furniture(line)):
            return None
    return None


def _texts(line: Line) -> tuple[str, ...]:
    return tuple(cell.text for cell in line.cells)


def _same_columns(row: Line, piece: Line) -> bool:
    if len(row.cells) != len(piece.cells):
        return False
    for above, below in zip(row.cells, piece.cells, strict=True):
        a, b = above.at.bbox, below.at.bbox
        if a is None or b is None:
            return False
        if abs(a[0] - b[0]) > COLUMN_TOLERANCE or abs(a[2] - b[2]) > COLUMN_TOLERANCE:
            return False
    return True


def _continues(row: Line, piece: Line) -> bool:
    """Whether ``piece`` only adds words to word cells ``row`` filled, leaving others alone."""
    if not _same_columns(row, piece) or any(cell.spanned for cell in (*row.cells, *piece.cells)):
        return False
    added = [k for k, cell in enumerate(piece.cells) if cell.text]
    left = [k for k, cell in enumerate(row.cells) if cell.text and k not in added]
    return (
        bool(added)
        and bool(left)
        and all(_goes_on(row.cells[k].text, piece.cells[k].text) for k in added)
        and any(_words(piece.cells[k].text) for k in added)
    )


def _goes_on(above: str, below: str) -> bool:
    """Whether a cell's piece on the next page goes on with its text there: words after
    words, or the digits a line break cut off a number ("64,74" / "7", beside the name)."""
    digits = NUMBER_HEAD.search(above) is not None and NUMBER_TAIL.fullmatch(below) is not None
    return (_words(above) and _words(below)) or digits


def _words(text: str) -> bool:
    """Text of letters, not a number or a mark: the part of a name a cell wraps."""
    return any(char.isalpha() for char in text) and not any(char.isdigit() for char in text)


def _joined(row: Line, piece: Line) -> Line:
    cells = tuple(
        Cell(join_wrapped([above.text, below.text]), above.at, above.spanned)
        if below.text
        else above
        for above, below in zip(row.cells, piece.cells, strict=True)
    )
    return replace(row, cells=cells, text=" | ".join(cell.text for cell in cells))
