"""Where unruled tables may lie: runs of lines of many segments, and the tests of a line
that say whether it prints a row of numbers, a speck, or a cell's text wrapped on.

``pipeline.geometry.stream`` finds the columns and rows of each run; a run here is only a
range of lines, with a later start to try when its first lines are no table's.
"""

from __future__ import annotations

from collections import Counter

from pipeline.geometry.text import TextLine


def candidate_blocks(
    segments: list[list[TextLine]],
    min_rows: int,
    min_cols: int,
    max_skip: int = 2,
    wraps: bool = False,
) -> list[tuple[int, int]]:
    """Index ranges of runs of many-segment lines, allowing a few short lines between.

    ``wraps`` (OCR): segments of specks only do not count, and a line of one segment under
    one cell of the last row of numbers is its cell's text wrapped on (a name set word by
    word in a narrow column), not a line between two rows."""
    counted = [[part for part in parts if inked(part.text)] if wraps else parts
               for parts in segments]  # fmt: skip
    wide = [index for index, parts in enumerate(counted) if len(parts) >= min_cols]
    blocks: list[list[int]] = []
    run: list[int] = []
    for index in wide:
        between = range(run[-1] + 1, index) if run else range(0)
        row = wraps and numbered(counted[run[-1]]) if run else False  # a row, not a header
        skipped = [i for i in between if not (row and _wrap(counted[i], counted[run[-1]]))]
        if run and len(skipped) > max_skip:
            blocks.append(run)
            run = []
        run.append(index)
    blocks.append(run)
    return [(run[0], run[-1]) for run in blocks if len(run) >= min_rows]


def later_start(
    segments: list[list[TextLine]], first: int, last: int, min_rows: int, min_cols: int
) -> int | None:
    """The block's next line of as many segments as most of its rows of numbers print, when
    enough many-segment lines follow it to make a table (prose lines above a table, their
    words set far apart, have other counts)."""
    counts = [_inked_count(parts) for parts in segments[first : last + 1]]
    rows = Counter(n for n, parts in zip(counts, segments[first : last + 1], strict=True)
                   if n >= min_cols and numbered(parts))  # fmt: skip
    if not rows:
        return None
    shape = max(rows, key=lambda n: (rows[n], n))
    later = next((first + k for k in range(1, len(counts)) if counts[k] == shape), None)
    if later is None or sum(n >= min_cols for n in counts[later - first :]) < min_rows:
        return None
    return later


def _inked_count(parts: list[TextLine]) -> int:
    return sum(inked(part.text) for part in parts)


def _wrap(parts: list[TextLine], wide: list[TextLine]) -> bool:
    """One segment, under one segment of a many-segment line above: a cell's next line."""
    return len(parts) == 1 and sum(p.x0 < parts[0].x1 and p.x1 > parts[0].x0 for p in wide) == 1


def numbered(parts: list[TextLine]) -> bool:
    """A row of numbers: two segments or more print a digit (OCR may garble the rest)."""
    return digit_segments(parts) >= 2


def digit_segments(parts: list[TextLine]) -> int:
    """How many segments print a digit outside brackets (a header prints its maxima "(40)")."""
    return sum(
        any(char.isdigit() for char in part.text) and not any(char in "()" for char in part.text)
        for part in parts
    )


def inked(text: str) -> bool:
    """A word with a letter or a digit: more than a speck."""
    return any(char.isalnum() for char in text)
