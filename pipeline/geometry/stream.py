"""Unruled (stream) tables: runs of text lines whose segments line up in columns.

Columns come from the x-extents of the segments of the most common row shape (the data rows);
a segment wider than its column spans the columns it covers; a line that only adds text to
cells already filled in the row above (a wrapped name, "122.7" over "5") continues that row.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from pipeline.geometry.text import TextLine, join_wrapped, split_segments

Interval = tuple[float, float]


class StreamRow(NamedTuple):
    """One row of an unruled table: text per column, which columns a wide segment covers."""

    texts: list[list[str]]  # per column, the wrapped lines of the cell
    spanned: list[bool]
    top: float
    bottom: float


class StreamTable(NamedTuple):
    """An unruled table: its column intervals and rows."""

    columns: list[Interval]
    rows: list[StreamRow]

    @property
    def top(self) -> float:
        return self.rows[0].top


def cell_texts(row: StreamRow) -> list[str]:
    """The joined text of each cell of a row."""
    return [join_wrapped(parts) for parts in row.texts]


def find_stream_tables(
    lines: list[TextLine], gap: float, min_rows: int, min_cols: int
) -> tuple[list[StreamTable], list[TextLine]]:
    """Unruled tables among the lines, and the lines that belong to none."""
    segments = [split_segments(line, gap) for line in lines]
    tables: list[StreamTable] = []
    used: set[int] = set()
    for first, last in candidate_blocks(segments, min_rows, min_cols):
        columns = find_columns(segments[first : last + 1], min_cols)
        if columns is None:
            continue
        rows = build_rows(segments[first : last + 1], columns)
        while last + 1 < len(segments) and continues(
            place_line(segments[last + 1], columns), rows[-1]
        ):
            last += 1
            rows = build_rows(segments[first : last + 1], columns)
        tables.append(StreamTable(columns, rows))
        used.update(range(first, last + 1))
    rest = [line for index, line in enumerate(lines) if index not in used]
    return tables, rest


def candidate_blocks(
    segments: list[list[TextLine]], min_rows: int, min_cols: int, max_skip: int = 2
) -> list[tuple[int, int]]:
    """Index ranges of runs of many-segment lines, allowing a few short lines between."""
    wide = [index for index, parts in enumerate(segments) if len(parts) >= min_cols]
    blocks: list[list[int]] = []
    run: list[int] = []
    for index in wide:
        if run and index - run[-1] > max_skip + 1:
            blocks.append(run)
            run = []
        run.append(index)
    blocks.append(run)
    return [(run[0], run[-1]) for run in blocks if len(run) >= min_rows]


def find_columns(block: list[list[TextLine]], min_cols: int) -> list[Interval] | None:
    """Column intervals from the most common row shape; None when its segments do not align."""
    counts = Counter(len(parts) for parts in block if len(parts) >= min_cols)
    shape = max(counts, key=lambda count: (counts[count], count))
    spans = sorted((part.x0, part.x1) for parts in block if len(parts) == shape for part in parts)
    merged: list[Interval] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged if len(merged) == shape else None


def covered_columns(part: TextLine, columns: list[Interval]) -> list[int]:
    """Columns a segment overlaps, or the nearest one when it falls in a gap."""
    hits = [i for i, (x0, x1) in enumerate(columns) if part.x0 < x1 and part.x1 > x0]
    if hits:
        return hits
    middle = (part.x0 + part.x1) / 2
    return [min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - middle))]


def place_line(parts: list[TextLine], columns: list[Interval]) -> StreamRow:
    """One text line as a row: each segment in its first covered column."""
    texts: list[list[str]] = [[] for _ in columns]
    spanned = [False] * len(columns)
    for part in parts:
        first, *rest = covered_columns(part, columns)
        if texts[first]:
            texts[first][-1] += " " + part.text
        else:
            texts[first].append(part.text)
        for index in rest:
            spanned[index] = True
    top = min(part.top for part in parts)
    bottom = max(part.bottom for part in parts)
    return StreamRow(texts, spanned, top, bottom)


def continues(row: StreamRow, previous: StreamRow) -> bool:
    """Whether a line only adds text to cells already filled in the row above."""
    filled = [index for index, parts in enumerate(row.texts) if parts]
    return (
        bool(filled)
        and not row.texts[0]
        and not any(row.spanned)
        and all(previous.texts[index] for index in filled)
    )


def build_rows(block: list[list[TextLine]], columns: list[Interval]) -> list[StreamRow]:
    """Rows of an unruled table, wrapped lines folded into the row they continue."""
    rows: list[StreamRow] = []
    for parts in block:
        row = place_line(parts, columns)
        if rows and continues(row, rows[-1]):
            last = rows[-1]
            texts = [old + new for old, new in zip(last.texts, row.texts, strict=True)]
            rows[-1] = StreamRow(texts, last.spanned, last.top, row.bottom)
        else:
            rows.append(row)
    return rows
