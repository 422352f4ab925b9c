"""A score printed with its rank in parentheses after it ("84,2 (2)", or "84,2" | "(2)"): the
reverse of a rank with its score in parentheses ("01 (0,727)", ``header.split_rank_scores``).

The whole numbers in parentheses are taken for ranks only when the numbers say so: each one is
the place of the score before it among the column's scores (equal scores may share a place or
take the places they cover, as rounded scores do: "70,0 (4)" twice, "64,3 (7)" and
"64,3 (6)"). Then the pair becomes two plain cells, score and rank, whose roles the table
stage infers from their values like any other column's. A code, a count or last year's place
in parentheses ranks nothing before it and is left as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipeline.models import BLANK_MARKS, Cell, Line
from pipeline.parse import parse_number
from pipeline.tables.header.columns import is_data_row

_JOINED = re.compile(r"^(\S+)\s*\(\s*(\d{1,3})\s*\)$")  # "84,2 (2)", "84,2(2)"
_APART = re.compile(r"^\(\s*(\d{1,3})\s*\)$")  # "(1)" in a cell of its own
MIN_RANKED = 4  # rows both printed: fewer rank anything by chance


def scores_with_ranks(rows: list[Line]) -> list[Line]:
    """The rows with each "score (rank)" column read as a score column and a rank column."""
    if not any(")" in cell.text for row in rows for cell in row.cells):
        return rows  # most grids print no parenthesis: no regex over every cell of them
    width = len(rows[0].cells) if rows else 0
    data = [row for row in rows if is_data_row(_scores_only(row))]
    joined = [c for c in range(width) if _ranked(_joined_pairs(data, c))]
    apart = [c for c in range(1, width) if _ranked(_apart_pairs(data, c))]
    if not joined and not apart:
        return rows
    return [_rewritten(row, joined, apart, any(row is d for d in data)) for row in rows]


def _scores_only(row: Line) -> Line:
    """The row with each "score (rank)" cell cut to its score: a row of names and such cells
    alone is a data row too."""
    cut = [(m.group(1) if (m := _JOINED.match(cell.text)) else cell.text) for cell in row.cells]
    return replace(
        row, cells=tuple(replace(c, text=t) for c, t in zip(row.cells, cut, strict=True))
    )


def _texts(data: list[Line], column: int) -> list[str]:
    return [row.cells[column].text.strip() if column < len(row.cells) else "" for row in data]


def _joined_pairs(data: list[Line], column: int) -> list[tuple[str, str] | None]:
    """Each filled cell's score and rank, None where the cell prints no such pair."""
    texts = [text for text in _texts(data, column) if text not in BLANK_MARKS]
    found = [_JOINED.match(text) for text in texts]
    return [(m.group(1), m.group(2)) if m else None for m in found]


def _apart_pairs(data: list[Line], column: int) -> list[tuple[str, str] | None]:
    """Each filled cell's rank with the score in the cell before it, None where the cell
    holds no whole number in parentheses."""
    texts = zip(_texts(data, column - 1), _texts(data, column), strict=True)
    found = [(score, _APART.match(rank)) for score, rank in texts if rank not in BLANK_MARKS]
    return [(score, m.group(1)) if m else None for score, m in found]


def _ranked(pairs: list[tuple[str, str] | None]) -> bool:
    """Most filled cells print the pair, every one of them a number and a place among the
    column's numbers, on four rows or more with two different scores or more."""
    printed = [(parse_number(pair[0]), Decimal(pair[1])) for pair in pairs if pair is not None]
    paired = [(score, rank) for score, rank in printed if score is not None]
    if len(paired) < MIN_RANKED or len(paired) < len(printed) or 2 * len(paired) <= len(pairs):
        return False
    if len({score for score, _ in paired}) < 2:
        return False
    return all(_placed(rank, score, paired) for score, rank in paired)


def _placed(rank: Decimal, score: Decimal, pairs: list[tuple[Decimal, Decimal]]) -> bool:
    """The rank is a place the score holds: after every higher score, within the equal ones."""
    above = sum(s > score for s, _ in pairs)
    equal = sum(s == score for s, _ in pairs)
    return above + 1 <= rank <= above + equal


def _rewritten(row: Line, joined: list[int], apart: list[int], data: bool) -> Line:
    cells: list[Cell] = []
    for position, cell in enumerate(row.cells):
        if position in apart and data:
            found = _APART.match(cell.text)
            cells.append(replace(cell, text=found.group(1)) if found else cell)
        elif position in joined and data:
            found = _JOINED.match(cell.text)
            texts = (found.group(1), found.group(2)) if found else (cell.text, "")
            cells += [replace(cell, text=text) for text in texts]
        elif position in joined:  # a header row: its label over the score, the rank unlabelled
            cells += [cell, replace(cell, text="")]
        else:
            cells.append(cell)
    return replace(row, cells=tuple(cells))
