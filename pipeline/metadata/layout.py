"""The reading order of a decision's text: two-column blocks (letterhead, signature beside
"Nơi nhận") read column by column, and the cells of layout grids as lines of their own."""

from __future__ import annotations

from pipeline.blocks import opens_block
from pipeline.models import Line


def text_lines(lines: list[Line]) -> tuple[list[str], set[int]]:
    """Prose lines, and the cells of grids (a letterhead or signature laid out as a table);
    and the positions of the lines that open a paragraph (see ``blocks``)."""
    texts: list[str] = []
    starts: set[int] = set()
    previous: Line | None = None
    for line in _reading_order(lines):
        if line.cells:
            texts.extend(cell.text for cell in line.cells if cell.text)
        elif line.text:
            if opens_block(previous, line):
                starts.add(len(texts))
            texts.append(line.text)
        previous = line
    return texts, starts


def _beside(a: Line, b: Line) -> bool:
    """Two prose lines side by side on one page: overlapping heights, disjoint widths."""
    if a.cells or b.cells or not a.at.bbox or not b.at.bbox or a.at.page != b.at.page:
        return False
    (ax0, atop, ax1, abottom), (bx0, btop, bx1, bbottom) = a.at.bbox, b.at.bbox
    return atop < bbottom and btop < abottom and (ax1 <= bx0 or bx1 <= ax0)


def _reading_order(lines: list[Line]) -> list[Line]:
    """Read two-column blocks (letterhead, signature beside "Nơi nhận") column by column.

    A block starts at two lines side by side and takes each following line that fits in its
    left column (ends before the right column starts) or its right column (starts after the
    left column ends); the first line that fits neither ends it.
    """
    ordered: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and _beside(line, lines[index + 1]):
            left, right, index = _two_columns(lines, index)
            ordered.extend(left + right)
        else:
            ordered.append(line)
            index += 1
    return ordered


def _two_columns(lines: list[Line], start: int) -> tuple[list[Line], list[Line], int]:
    first, second = sorted(lines[start : start + 2], key=lambda line: line.at.bbox[0])  # type: ignore[index]
    left, right = [first], [second]
    left_edge, right_edge = first.at.bbox[2], second.at.bbox[0]  # type: ignore[index]
    index = start + 2
    for line in lines[start + 2 :]:
        box = line.at.bbox
        if line.cells or box is None or line.at.page != first.at.page:
            break
        if box[2] <= right_edge:
            left.append(line)
            left_edge = max(left_edge, box[2])
        elif box[0] >= left_edge:
            right.append(line)
            right_edge = min(right_edge, box[0])
        else:
            break
        index += 1
    return left, right, index
