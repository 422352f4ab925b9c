"""Units named by short capital ids ("A", "B", "AB"): a column of them is the unit column.

A name needs three letters (``tokens.is_name``, ``header._content``): that keeps letter grades,
a section's letter and "5/24/2011" out of names. A grid with no name column at all may still
name its units by one or two capital letters ("Player | Comp 1 | … | Rank |" / "A | 100 | …").
The data, not the letters, decide: every data row fills the column, no two rows print the same
id (grades and groups repeat), it stands left of every number column (a grade stands after the
scores it grades), it is no count printed in Roman numerals (I, II, III), and its rows are no
scale of bands ("A | 90 | 100", "B | 80 | 89": two figures bounding each row's band, each band
adjoining the next, a legend of letter grades, not units).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipeline.models import Column, Line
from pipeline.parse import parse_number

_NUMBER_ROLES = frozenset({"row_number", "rank", "total", "component", "number", "row_max"})
_ROMAN = re.compile(r"^[IVX]+$")
_MIN_ROWS = 2


def with_id_column(columns: tuple[Column, ...], body: list[Line]) -> tuple[Column, ...]:
    """The columns, the unit column found among short capital ids when no column holds names."""
    if any(column.role == "agency" for column in columns):
        return columns
    first_number = next((c.index for c in columns if c.role in _NUMBER_ROLES), None)
    if first_number is None:
        return columns
    numbers = [c.index for c in columns if c.role in _NUMBER_ROLES]
    if _band_scale(body, numbers):
        return columns
    for column in columns:
        if column.index < first_number and column.role == "other" and _ids(body, column.index):
            return tuple(replace(c, role="agency") if c is column else c for c in columns)
    return columns


def _band_scale(body: list[Line], numbers: list[int]) -> bool:
    """Whether two number columns bound a band on every row, each row's band adjoining the
    next row's (upper bound at most one under the lower bound above, or the other way up)."""
    for low in numbers:
        for high in numbers:
            pairs = [(_figure(row, low), _figure(row, high)) for row in body]
            bands = [(a, b) for a, b in pairs if a is not None and b is not None and a < b]
            if len(bands) == len(body) >= _MIN_ROWS and _adjoining(bands):
                return True
    return False


def _adjoining(bands: list[tuple[Decimal, Decimal]]) -> bool:
    steps = zip(bands, bands[1:], strict=False)
    down = all(0 <= above[0] - below[1] <= 1 for above, below in steps)
    steps = zip(bands, bands[1:], strict=False)
    return down or all(0 <= below[0] - above[1] <= 1 for above, below in steps)


def _figure(row: Line, index: int) -> Decimal | None:
    return parse_number(row.cells[index - 1].text) if index <= len(row.cells) else None


def _ids(body: list[Line], index: int) -> bool:
    """Whether every row prints a different id of one or two capital letters in the column."""
    texts = [row.cells[index - 1].text.strip() if index <= len(row.cells) else "" for row in body]
    if len(texts) < _MIN_ROWS or len(set(texts)) < len(texts):
        return False
    if all(_ROMAN.match(text) for text in texts):
        return False
    return all(len(text) <= 2 and text.isalpha() and text.isupper() for text in texts)
