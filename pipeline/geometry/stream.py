"""Unruled (stream) tables: runs of text lines whose segments line up in columns.

Columns come from the x-extents of the segments of the most common row shape (the data rows);
where OCR garbles some rows (two numbers read as one word, a stray mark read beside a
number) those no longer line up, and the columns are where most rows print text instead
(``by_coverage``); a segment wider than its column spans the columns it covers; a line that
only adds text to cells already filled in the row above (a wrapped name, "122.7" over "5")
continues that row.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from pipeline.geometry.runs import candidate_blocks, digit_segments, inked, later_start, numbered
from pipeline.geometry.text import TextLine, join_wrapped, line_of, split_segments

Interval = tuple[float, float]
COVERAGE_SHARE = 3  # by_coverage: a column is printed in at least one row in this many
SPECK_SPACING = 1.5  # a speck this many word spaces from both neighbours parts them
DECIMAL = re.compile(r"\d[.,]\d")
TAIL_DIGITS = re.compile(r"\d{1,2}")  # the last digits of a number broken in its narrow column
WHOLE_NUMBER = re.compile(r"\d+[.,]\d+|\d{3,}")  # a number no narrow column broke


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
    lines: list[TextLine], gap: float, min_rows: int, min_cols: int, by_coverage: bool = False
) -> tuple[list[StreamTable], list[TextLine]]:
    """Unruled tables among the lines, and the lines that belong to none; ``by_coverage``
    (OCR): a block whose most common row shape does not line up gets the columns most rows
    cover, and a wrapped line joins the nearer of the rows above and below."""
    segments = [split_segments(line, gap) for line in lines]
    if by_coverage:
        segments = [
            [_without_edge_specks(piece) for part in parts for piece in _cut_at_specks(part, gap)]
            for parts in segments
        ]
    tables: list[StreamTable] = []
    used: set[int] = set()
    blocks = candidate_blocks(segments, min_rows, min_cols, wraps=by_coverage)
    while blocks:
        first, last = start, _ = blocks.pop(0)
        columns = find_columns(segments[first : last + 1], min_cols)
        if by_coverage:
            columns = _more_columns(columns, _numbers_columns(segments[first : last + 1], min_cols))
            columns = _more_columns(columns, covered_by_most(segments[first : last + 1], min_cols))
        if columns is None:
            if by_coverage and (later := later_start(segments, first, last, min_rows, min_cols)):
                blocks.insert(0, (later, last))  # prose lines above a table, their words far
            continue  # apart (justified text in a wide font), are no rows of it
        while (  # OCR: the first row's name begun on the line above its numbers
            by_coverage
            and first - 1 not in used
            and first > 0
            and _wrapped_words(above := place_line(segments[first - 1], columns))
            and _opens(above, place_line(segments[first], columns))
        ):
            first -= 1
        rows = build_rows(segments[first : last + 1], columns, by_coverage)
        while last + 1 < len(segments) and (
            continues(place_line(segments[last + 1], columns), rows[-1])
            or by_coverage
            and _wrapped_words(place_line(segments[last + 1], columns))
            and segments[last + 1][0].top - rows[-1].bottom < rows[-1].bottom - rows[-1].top
        ):
            last += 1
            rows = build_rows(segments[first : last + 1], columns, by_coverage)
        if blocks and blocks[0][0] <= last:  # it ran on into the next block: one table, not
            blocks[0] = (start, max(blocks[0][1], last))  # two that share rows
            continue
        tables.append(StreamTable(columns, rows))
        used.update(range(first, last + 1))
    rest = [line for index, line in enumerate(lines) if index not in used]
    return tables, rest


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


def _numbers_columns(block: list[list[TextLine]], min_cols: int) -> list[Interval] | None:
    """OCR: the columns of the most common shape among the rows that print whole numbers
    (two segments or more holding a number with its decimal mark, or of three digits), when
    two rows or more share it. Where a header's lines wrap word by word in narrow columns, or
    numbers broken in them leave lines of lone digits, those lines outnumber the rows and
    their shape is not the table's: it has fewer columns than the rows of numbers print
    (taken when it has more, by ``_more_columns``)."""
    rows = [parts for parts in block if len(parts) >= min_cols and _whole_numbers(parts) >= 2]
    counts = Counter(len(parts) for parts in rows)
    if not counts or max(counts.values()) < 2:
        return None
    shape = max(counts, key=lambda count: (counts[count], count))
    return find_columns([parts for parts in rows if len(parts) == shape], min_cols)


def _whole_numbers(parts: list[TextLine]) -> int:
    return sum(WHOLE_NUMBER.fullmatch(part.text) is not None for part in parts)


def _more_columns(
    shaped: list[Interval] | None, covered: list[Interval] | None
) -> list[Interval] | None:
    """The row shape's columns, unless the columns most rows cover split one of them: a word
    OCR ran across a gap in rows of that shape made two columns one (a column few rows fill,
    remarks, stays a column of the shape's)."""
    if shaped is None or covered is not None and len(covered) > len(shaped):
        return covered
    return shaped


def covered_by_most(block: list[list[TextLine]], min_cols: int) -> list[Interval] | None:
    """Column intervals where at least a third of the block's rows of numbers print text;
    None when fewer than ``min_cols``, or when most of its wide rows print no numbers (a
    header's lines, digits read in its marks). A word OCR ran across the gap between two
    columns bridges it in its own row only; a name column stays one where its names are
    wrapped off their row's line of numbers (the lines of words below the first row of
    numbers count for it); a header's words, wrapped line after line in narrow columns,
    make no column."""
    wide = [parts for parts in block if len(parts) >= min_cols]
    rows = [parts for parts in wide if numbered(parts)]
    if len(rows) * 2 < len(wide):  # mostly words: a header's lines, digits read in its marks
        return None
    need = max(2, -(-len(rows) // COVERAGE_SHARE))
    first = next(index for index, parts in enumerate(block) if parts in rows) if rows else 0
    wrapped = [parts for parts in block[first:] if not digit_segments(parts)]  # names' other lines
    edges = sorted((x, step) for parts in rows + wrapped for part in parts
                   for x, step in ((part.x0, 1), (part.x1, -1)))  # fmt: skip
    columns: list[Interval] = []
    depth, start = 0, 0.0
    for x, step in edges:  # ends sort before starts at one x: touching words do not join
        if step > 0 and depth + step == need:
            start = x
        elif step < 0 and depth == need:
            columns.append((start, x))
        depth += step
    if len(columns) < min_cols:
        return None
    return _widened(columns, [part for parts in rows for part in parts])


def _widened(cores: list[Interval], parts: list[TextLine]) -> list[Interval]:
    """Each column widened to the segments that fall in it alone (its numbers' full width),
    never past the middle of the gap to the next one."""
    spans = [list(core) for core in cores]
    for part in parts:
        hits = [i for i, (x0, x1) in enumerate(cores) if part.x0 < x1 and part.x1 > x0]
        if len(hits) == 1:
            span = spans[hits[0]]
            span[0], span[1] = min(span[0], part.x0), max(span[1], part.x1)
    for left, right, (_, end), (start, _) in zip(spans, spans[1:], cores, cores[1:], strict=False):
        middle = (end + start) / 2
        left[1], right[0] = min(left[1], middle), max(right[0], middle)
    return [(x0, x1) for x0, x1 in spans]


def _without_edge_specks(part: TextLine) -> TextLine:
    """A scanned segment without the specks at its ends (a word with no letter or digit: "_"
    left of "Cục Thuế tỉnh" set the name's left edge under the row number's column, so the
    name was placed there); a segment of specks only stays as read."""
    words = part.words
    first = next((i for i, word in enumerate(words) if inked(word.text)), None)
    if first is None:
        return part
    last = max(i for i, word in enumerate(words) if inked(word.text))
    return part if (first, last) == (0, len(words) - 1) else line_of(words[first : last + 1])


def _cut_at_specks(part: TextLine, gap: float) -> list[TextLine]:
    """A scanned segment cut at a speck inside it that stands further from both its
    neighbours than the segment's words stand apart from each other (``SPECK_SPACING`` times
    their middle spacing), where the neighbours without it are more than ``gap`` apart: "3 _
    UBND" is an STT and a name that a speck bridged, so the name went to the STT's column.
    A dash in a name ("Lao động - Thương binh") stands one word space from each word."""
    words = part.words
    spaces = sorted(b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)
                    if inked(a.text) and inked(b.text))  # fmt: skip
    if len(words) < 3 or not spaces:
        return [part]
    spacing = spaces[len(spaces) // 2]
    cuts = [
        i for i in range(1, len(words) - 1)
        if not inked(words[i].text) and words[i + 1].x0 - words[i - 1].x1 > gap
        and min(words[i].x0 - words[i - 1].x1, words[i + 1].x0 - words[i].x1)
        > SPECK_SPACING * spacing
    ]  # fmt: skip
    if not cuts:
        return [part]
    bounds = [0, *cuts, len(words)]
    return [line_of(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


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


def build_rows(
    block: list[list[TextLine]], columns: list[Interval], to_nearest: bool = False
) -> list[StreamRow]:
    """Rows of an unruled table, wrapped lines folded into the row they continue: the row
    above, or with ``to_nearest`` the row below when its own line is nearer and leaves those
    cells empty (a name wrapped on two lines around its row's numbers, set in the middle)."""
    placed = [place_line(parts, columns) for parts in block]
    groups: list[list[int]] = []
    numbers_seen = False  # below the first row of numbers, a line of words only is a wrap
    for index, row in enumerate(placed):
        if to_nearest and numbers_seen:  # a line of numbers is a row, of words a wrap
            joins = (
                _wrapped_words(row)
                and not numbered(block[index])
                or _number_tails(row, _joined([placed[i] for i in groups[-1]]))
            )
        else:  # a header's lines, a text PDF's rows
            joins = bool(groups) and continues(row, _joined([placed[i] for i in groups[-1]]))
        if groups and joins:
            groups[-1].append(index)
        else:
            groups.append([index])
        numbers_seen = numbers_seen or numbered(block[index])
    if to_nearest:
        own = [placed[group[0]] for group in groups]  # each row's own line, before moves
        for at, (above, below) in enumerate(zip(groups, groups[1:], strict=False)):
            # a wrap is weighed against the row's own line, not against a wrap moved down
            # before it (a name's second line set a hair above its row's numbers)
            while len(above) > 1 and _nearer_below(placed[above[-1]], own[at], own[at + 1]):
                below.insert(0, above.pop())
            if all(_wrapped_words(placed[i]) for i in above) and _opens(
                _joined([placed[i] for i in above]), placed[below[0]]
            ):  # a name's first lines, above the first row's numbers
                below[:0], above[:] = above, []
    return [_joined([placed[i] for i in group]) for group in groups if group]


def _number_tails(row: StreamRow, above: StreamRow) -> bool:
    """A line whose numbers are only the last digits of numbers broken in narrow columns
    ("11.6" over "5"): each is one or two digits under a cell of the row above whose last
    line is a number (maybe garbled), one of them at least with its decimal mark (a column
    of whole scores fits them), its other cells words (the name's next line), its first
    column empty, and it stands nearer the row above than its own height (a line's leading,
    not a row's padding). A row of its own prints its STT, or a whole number."""
    tails = [index for index, parts in enumerate(row.texts)
             if any(char.isdigit() for text in parts for char in text)]  # fmt: skip
    return (
        bool(tails)
        and not row.texts[0]
        and not any(row.spanned)
        and row.top - above.bottom < row.bottom - row.top
        and all(_tail_under(row.texts[index], above.texts[index]) for index in tails)
        and any(DECIMAL.search(above.texts[index][-1]) for index in tails)
    )


def _tail_under(parts: list[str], above: list[str]) -> bool:
    return (
        len(parts) == 1
        and TAIL_DIGITS.fullmatch(parts[0]) is not None
        and bool(above)
        and _number_like(above[-1])
    )


def _number_like(text: str) -> bool:
    """A number, maybe garbled ("13/7", "1//7/"): digits, and no letter."""
    return any(char.isdigit() for char in text) and not any(char.isalpha() for char in text)


def _joined(rows: list[StreamRow]) -> StreamRow:
    """Lines of one row as the row: each cell's lines in order, the first line's spans."""
    texts = [
        [text for row in rows for text in row.texts[index]] for index in range(len(rows[0].texts))
    ]
    return StreamRow(texts, rows[0].spanned, min(row.top for row in rows),
                     max(row.bottom for row in rows))  # fmt: skip


def _wrapped_words(row: StreamRow) -> bool:
    """A line of words only: a wrapped name, no row of its own (every row of a ranking table
    prints numbers)."""
    filled = [text for parts in row.texts for text in parts]
    return (
        bool(filled)
        and not any(row.spanned)
        and not any(char.isdigit() for text in filled for char in text)
    )


def _opens(words: StreamRow, row: StreamRow) -> bool:
    """Lines of words just above a row's line, in cells that line leaves empty: its first."""
    return row.top - words.bottom < words.bottom - words.top and not any(
        words.texts[index] and row.texts[index] for index in range(len(row.texts))
    )


def _nearer_below(line: StreamRow, above: StreamRow, below: StreamRow) -> bool:
    """A wrapped line belongs to the row below: nearer its first line, and in cells that
    line leaves empty."""
    if any(line.texts[index] and below.texts[index] for index in range(len(line.texts))):
        return False
    middle = (line.top + line.bottom) / 2
    return abs((below.top + below.bottom) / 2 - middle) < abs(
        (above.top + above.bottom) / 2 - middle
    )
