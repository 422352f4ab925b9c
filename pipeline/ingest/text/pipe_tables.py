"""Markdown pipe tables that a header and its rule open, and pipe rows parted by blank lines:

    Player | Comp 1 | Total |        | STT | Tên đơn vị | Điểm |
    ---|---|---|                    |---|---|---|
                                    | 1 | Sở Y tế | 80,5 |
    A | 100 | 100 |
                                    | 2 | Sở Tư pháp | 75 |
    B | 67 | 67 |

A line printing cells between rules followed by a rule line ("---|---|") is a table's header:
with it, lines that print as many cells are its rows even without the outer rules (a row's
leading rule is optional in markdown). Some page-to-text tools write a blank line after every
row: a blank line between two rows of the same width does not end the table, unless the row
after it is another table's header (a rule line follows it). The rules, not any word, decide;
a line opening and closing with a rule is a row on its own too (``markup.split_cells``), so a
table's rows are claimed before the layouts read from aligned words see them.
"""

from __future__ import annotations

from pipeline.ingest.text.markup import PIPE_SEPARATOR, bare_cells, split_cells
from pipeline.ingest.text.rows import Block, RawRow
from pipeline.parse import parse_number


def find_pipe_tables(lines: list[str], ends_text: bool = False) -> list[tuple[int, Block]]:
    """Every pipe table a header and its rule open on a page: (header line index, block);
    ``ends_text``: the page is the text's last, whose last line may end inside a row."""
    found: list[tuple[int, Block]] = []
    index = 0
    while index < len(lines) - 1:
        header = _header_cells(lines, index)
        if header is None:
            index += 1
            continue
        block = _table_from(lines, index, header, ends_text)
        found.append((index, block))
        index = block.end
    return found


def gap_ends_grid(lines: list[str], blank: int, width: int, bare: bool = False) -> bool:
    """Whether the blank line(s) from ``blank`` on end a pipe grid whose last row is ``width``
    cells wide: not when the next line is a row as wide that opens no table of its own
    (``bare``: a table a header and rule opened, whose rows need no outer rules)."""
    after = _next_printed(lines, blank)
    if after is None:
        return True
    cells = _row_cells(lines[after], width) if bare else _ruled_cells(lines[after])
    if cells is None or len(cells) != width:
        return True
    return _header_cells(lines, after) is not None


def _header_cells(lines: list[str], index: int) -> list[str] | None:
    """The header's cells when the line at ``index`` prints cells and a rule line follows (as
    many cells wide when the header has no outer rules)."""
    if index + 1 >= len(lines) or "|" not in lines[index + 1]:
        return None
    if not PIPE_SEPARATOR.match(lines[index + 1]):
        return None
    ruled = _ruled_cells(lines[index])
    if ruled is not None:
        return ruled
    cells = bare_cells(lines[index]) if "\t" not in lines[index] else None
    if cells is None or len(cells) < 2 or len(bare_cells(lines[index + 1]) or ()) != len(cells):
        return None
    return cells


def _table_from(lines: list[str], start: int, header: list[str], ends_text: bool) -> Block:
    """The header and the rows under its rule, blank lines between rows of one width skipped."""
    rows = [RawRow(start + 1, tuple(header))]
    width, index = len(header), start + 2
    closed = lines[start].rstrip().endswith("|")  # every row so far closed by a rule
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            if gap_ends_grid(lines, index, len(rows[-1].cells), bare=True):
                break
            index += 1
            continue
        if PIPE_SEPARATOR.match(line):  # a rule under every row, or a repeated header's
            index += 1
            continue
        if len(rows) > 1 and _repeats_header(lines, index, header):
            break  # the header again with its rule: a grid of its own (the table stage joins
            # it to this one when its numbering goes on, and starts a table when it restarts)
        cut = closed and ends_text and _next_printed(lines, index + 1) is None
        cells = _cut_cells(line, rows) if cut else _row_cells(line, width)
        if cells is None:
            break
        rows.append(RawRow(index + 1, cells, cut=cut and not line.rstrip().endswith("|")))
        closed = closed and line.rstrip().endswith("|")
        index += 1
    return Block(tuple(rows), index)


def _repeats_header(lines: list[str], index: int, header: list[str]) -> bool:
    """The line at ``index`` prints the table's header cells again, a rule line under it."""
    return _header_cells(lines, index) == header


def _cut_cells(line: str, rows: list[RawRow]) -> tuple[str, ...] | None:
    """The text's last line under rows each closed by a rule: when it is not closed, the text
    ends inside its last cell; a figure there printing fewer decimals than the column's other
    figures is cut ("7" of "7.50" under "8.70") and left blank, a whole one kept ("2.7" under
    "4.2"); the words of a cut name are kept, as far as they go."""
    cells = bare_cells(line)
    if cells is None or len(cells) < 2:
        return None
    if line.rstrip().endswith("|") or parse_number(cells[-1]) is None:
        return tuple(cells)
    above = [row.cells[len(cells) - 1] for row in rows[1:] if len(row.cells) >= len(cells)]
    printed = {_decimals(text) for text in above if parse_number(text) is not None}
    if not printed or _decimals(cells[-1]) in printed:
        return tuple(cells)
    return (*cells[:-1], "")


def _decimals(figure: str) -> int:
    """How many digits a figure prints after its last mark ("8.70": 2, "7": 0)."""
    digits = figure.strip()
    mark = max(digits.rfind("."), digits.rfind(","))
    return len(digits) - mark - 1 if mark >= 0 else 0


def _row_cells(line: str, width: int) -> tuple[str, ...] | None:
    """A row's cells: any line between outer rules, or a line parted by rules into no more
    cells than the header's (a row may leave its last cells out, as markdown allows)."""
    ruled = _ruled_cells(line)
    if ruled is not None:
        return tuple(ruled)
    cells = bare_cells(line) if "\t" not in line else None
    while cells and len(cells) > width and not cells[-1]:
        cells = cells[:-1]  # an empty cell after the last rule
    return tuple(cells) if cells is not None and 2 <= len(cells) <= width else None


def _ruled_cells(line: str) -> list[str] | None:
    """The cells of a line opening and closing with a rule (a tab-separated line is none)."""
    return None if "\t" in line else split_cells(line)


def _next_printed(lines: list[str], index: int) -> int | None:
    """The index of the first line from ``index`` on that prints something."""
    return next((i for i in range(index, len(lines)) if lines[i].strip()), None)
