"""Rows of values separated by commas or semicolons (a CSV file pasted into a page):

    - ,2011,2011,2011,2012,…
    - ,Diện tích(Km2),Dân số trung bình (Nghìn người),…
    - CẢ NƯỚC,330957.6,87860.4,265.5,330951.1,…

Three lines or more in a row that the same mark splits into one number of fields (three or
more), some of them numbers, are a table; a list bullet opening every line ("- ") is dropped,
and the last line may stop short where the text ends inside it (its last field, cut, is left
blank). A field never holds two
numbers apart: a line of words and decimal-comma figures ("Sở Y tế 85,40 90,10") splits into
"tế 85" / "40 90" / …, which no table prints, so it stays to the other readers.
"""

from __future__ import annotations

import re

from pipeline.ingest.text.rows import Block, RawRow, blocks_of
from pipeline.parse import parse_number

_MARKS = (",", ";")
_BULLET = re.compile(r"^[-*•]\s+")
_NUMBERS_APART = re.compile(r"\d[.,]?\s+[-+]?\d")  # "40 90": two figures in one field
_MIN_ROWS = 3
_MIN_FIELDS = 3


def find_delimited(lines: list[str]) -> list[tuple[int, Block]]:
    """Every run of comma- or semicolon-separated rows on a page: (first line index, block)."""
    return blocks_of(lines, _block_at)


def _block_at(lines: list[str], start: int) -> Block | None:
    for mark in _MARKS:
        width = _width(lines[start], mark)
        if width is None:
            continue
        rows: list[RawRow] = []
        index = start
        while index < len(lines) and (fields := _fields(lines[index], mark)) is not None:
            if len(fields) != width:
                if len(fields) < width and _text_ends(lines, index + 1) and rows:
                    # the text ends inside the last field: never printed whole, so left blank
                    padded = (*fields[:-1], *[""] * (width - len(fields) + 1))
                    rows.append(RawRow(index + 1, padded, cut=True))
                    index += 1
                break
            rows.append(RawRow(index + 1, fields))
            index += 1
        numbered = sum(any(parse_number(field) is not None for field in row.cells) for row in rows)
        if len(rows) >= _MIN_ROWS and numbered >= 2:
            return Block(tuple(rows), index)
    return None


def _width(line: str, mark: str) -> int | None:
    fields = _fields(line, mark)
    return len(fields) if fields is not None and len(fields) >= _MIN_FIELDS else None


def _fields(line: str, mark: str) -> tuple[str, ...] | None:
    """The line's fields split at ``mark``, or None when it is no such row."""
    text = _BULLET.sub("", line.strip())
    if text.count(mark) < _MIN_FIELDS - 1 or "|" in text or "\t" in text:
        return None
    fields = tuple(" ".join(field.split()) for field in text.split(mark))
    if any(_NUMBERS_APART.search(field) for field in fields):
        return None  # two figures in one field: words and decimal-comma numbers, no CSV
    return fields


def _text_ends(lines: list[str], index: int) -> bool:
    return not "".join(lines[index:]).strip()
