"""Figures whose scale word changes from row to row: "1,4 tỷ người" above "330 triệu người".

A column printed this way holds numbers that cannot be compared as printed (1,4 is more than
330 here). For inferring roles its values are taken at their scale (1 400 000 000 and
330 000 000), so that a rank or a row order is judged against what the page means; the table
says that its figures are in mixed units, since the values kept are the printed ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import Line
from pipeline.tables.roles.ranks import Values

# the scale words of Vietnamese and English number names, as the first word after a figure
_SCALES = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "thousand": 10**3,
    "triệu": 10**6,
    "million": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "billion": 10**9,
}


def mixed_scales(
    values: dict[int, Values], rows: Sequence[Line], texts: set[int]
) -> dict[int, tuple[str, ...]]:
    """Number columns followed by a text column whose first word is a scale word on most rows,
    with at least two different scales: each such column's values are rescaled in place, and
    its scale words returned by column."""
    mixed: dict[int, tuple[str, ...]] = {}
    for index in [i for i in values if i + 1 in texts]:
        words = [_scale_word(row, index + 1) for row in rows]
        scales = {word: _SCALES[word] for word in words if word is not None}
        if 2 * sum(w is not None for w in words) < len(rows) or len(set(scales.values())) < 2:
            continue
        values[index] = [
            None if v is None or w is None else v * Decimal(_SCALES[w])
            for v, w in zip(values[index], words, strict=True)
        ]
        mixed[index] = tuple(sorted(scales, key=scales.__getitem__, reverse=True))
    return mixed


def _scale_word(row: Line, index: int) -> str | None:
    cell = row.cells[index - 1].text if index <= len(row.cells) else ""
    words = vocab.fold(cell).split()
    return words[0] if words and words[0] in _SCALES else None
