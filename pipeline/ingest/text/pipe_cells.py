"""Pipe tables one cell per line, as some page-to-text tools write an HTML table:

    | Thứ hạng |          |
    Tên |                 Thứ tự xếp hạng |
    Dân số (người) |      Tên đơn vị |
    | #1 |          or    |
    Hồ Chí Minh |         1 |
    14,002,598 |          Sở Y tế |

A line opening with a rule ("|", with or without the row's first cell after it) starts a row;
every line closed by a rule is one cell of it. The rules, not any word, give the structure: the
rows are as wide as most of them are, the first row is the header when it holds no number, and
a text that ends inside a row keeps the cells it prints. A rank printed "#1" is the number 1.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.ingest.text.rows import Block, RawRow
from pipeline.parse import parse_number

_OPENING = re.compile(r"^\|\s*(?:(?P<cell>[^|]*?)\s*\|)?$")
_CELL = re.compile(r"^(?P<cell>[^|]+?)\s*\|$")
_HASH_RANK = re.compile(r"^#(?P<number>\d{1,4})$")
_MIN_ROWS = 3  # the header and two rows, or three rows


def find_pipe_cells(lines: list[str]) -> list[tuple[int, Block]]:
    """Every pipe table printed one cell per line on a page: (first line index, block)."""
    found = []
    index = 0
    while index < len(lines):
        if _OPENING.match(lines[index].strip()) is None:
            index += 1
            continue
        rows, end = _rows_from(lines, index)
        block = _block(rows, end)
        if block is None:
            index = max(index + 1, end)  # these rows are no table, nor are any of them
            continue
        found.append((index, block))
        index = end
    return found


def _rows_from(lines: list[str], start: int) -> tuple[list[tuple[int, list[str]]], int]:
    """(1-based line, cells) of each row from ``start``, and the index after the last cell."""
    rows: list[tuple[int, list[str]]] = []
    index = end = start
    while index < len(lines):
        text = lines[index].strip()
        index += 1
        if not text:
            continue
        opening, cell = _OPENING.match(text), _CELL.match(text)
        if opening is not None:
            first = opening.group("cell")
            rows.append((index, [_cell_text(first)] if first else []))
        elif cell is not None and rows:
            rows[-1][1].append(_cell_text(cell.group("cell")))
        else:
            break
        end = index
    return rows, end


def _cell_text(text: str) -> str:
    text = " ".join(text.split())
    hashed = _HASH_RANK.match(text)
    return hashed.group("number") if hashed else text


def _block(rows: list[tuple[int, list[str]]], end: int) -> Block | None:
    """The rows as a table when most of them have one width of two cells or more."""
    if len(rows) < _MIN_ROWS:
        return None
    width, count = Counter(len(cells) for _, cells in rows).most_common(1)[0]
    odd = [at for at, (_, cells) in enumerate(rows) if len(cells) != width]
    if width < 2 or 2 * count < len(rows) or any(at != len(rows) - 1 for at in odd):
        return None  # only the last row may differ: the text ends inside it
    numbered = [any(parse_number(c) is not None for c in cells) for _, cells in rows]
    if sum(numbered) < 2:
        return None
    out = []
    for line, cells in rows:
        cut = len(cells) < width
        out.append(RawRow(line, tuple(cells + [""] * (width - len(cells))), cut=cut))
    return Block(tuple(out), end)
