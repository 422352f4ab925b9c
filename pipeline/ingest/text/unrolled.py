"""Grid rows that hold several records one after another, as a page writes a table whose row
breaks were lost: "| Rank | Country | Score |" then ONE line "| 1 | A | 0.931 | 2 | B | 0.926 | …".

A row as many times wider than the grid's first row (two times or more) as it holds records is
split back into rows of that width, when every piece prints the first piece's kinds of cells
(a figure where it prints a figure, words where it prints words). The kinds, not any word,
decide: a row with more figures than its header has columns is not split unless it repeats.
"""

from __future__ import annotations

from pipeline.models import Line
from pipeline.parse import parse_number


def unrolled(lines: list[Line]) -> list[Line]:
    """The lines, each grid row that repeats its grid's first row's width split into rows."""
    firsts: dict[int, int] = {}
    out: list[Line] = []
    for line in lines:
        if line.grid is None:
            out.append(line)
            continue
        width = firsts.setdefault(line.grid, len(line.cells))
        out.extend(_pieces(line, width))
    return out


def _pieces(line: Line, width: int) -> list[Line]:
    cells = line.cells
    if width < 2 or len(cells) < 2 * width or len(cells) % width:
        return [line]
    chunks = [cells[at : at + width] for at in range(0, len(cells), width)]
    kinds = [tuple(parse_number(c.text) is not None for c in chunk) for chunk in chunks]
    if len(set(kinds)) != 1 or all(kinds[0]) or not any(kinds[0]):
        return [line]
    return [
        Line(" | ".join(c.text for c in chunk), line.at, chunk, line.grid, cut=line.cut)
        for chunk in chunks
    ]
