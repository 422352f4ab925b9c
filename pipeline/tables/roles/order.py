"""What the order of the rows says of a grid's columns, when no rule ties them together.

A table is printed in the order of the figure it ranks by (a top ten by population), and its
bands follow its total (no "Tốt" under a "Khá"). A column the rows fall along, or the bands
follow, is the total no rule was found for; a column the header calls the band that follows no
figure is a column of words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from pipeline import vocabulary as vocab
from pipeline.models import Column, Line
from pipeline.tables.roles.ranks import Segments, Values, numbers_in, varies

# rows in order of a column by chance: 1 in 6! for six rows (three rows, 1 in 6, is no proof)
ORDER_PROOF = 6


def ordered_by(values: dict[int, Values], scores: list[int], parts: Segments) -> list[int]:
    """The score columns the rows are printed in order of, highest first, within each group:
    with no rule and no rank, the figure a table is ranked by ("Dân số" down a top ten,
    beside its area and density in no order)."""
    found = []
    for index in scores:
        column = values[index]
        runs = [
            [value for i in part if (value := column[i]) is not None]
            for part in parts or (range(len(column)),)
        ]
        present = [v for run in runs for v in run]
        falling = all(b <= a for run in runs for a, b in zip(run, run[1:], strict=False))
        if falling and len(present) >= ORDER_PROOF and varies(list[Decimal | None](present)):
            found.append(index)
    return found


def banded_by(
    values: dict[int, Values], scores: list[int], bands: Sequence[str | None]
) -> list[int]:
    """The score columns the printed bands follow: taken from the highest, every row's band is
    no better than the band of a row above it ("Tốt" never under "Khá"), over five rows and
    at least two bands. A total no rule gives shows itself this way."""
    levels = [vocab.BAND_ORDER.get(vocab.band_of(b) or "") if b else None for b in bands]
    found = []
    for index in scores if len({lv for lv in levels if lv}) >= 2 else []:
        pairs = sorted(
            ((v, lv) for v, lv in zip(values[index], levels, strict=False) if v is not None and lv),
            key=lambda pair: pair[0],
            reverse=True,
        )
        steps = zip(pairs, pairs[1:], strict=False)
        if len(pairs) >= 5 and all(b[1] <= a[1] or b[0] == a[0] for a, b in steps):
            found.append(index)
    return found


def grades(words: Sequence[str | None], scores: Values) -> bool:
    """Whether a column of words could grade the rows by ``scores`` as a band does: in score
    order each word holds one unbroken run ("Tốt, Tốt, Khá, Khá"); words that come and go
    ("Thành phố, Thành phố, Tỉnh, Thành phố") sort the units by something else."""
    ordered = sorted(
        ((s, w) for s, w in zip(scores, words, strict=True) if s is not None and w),
        key=lambda pair: pair[0],
        reverse=True,
    )
    runs = [w for k, (_, w) in enumerate(ordered) if k == 0 or w != ordered[k - 1][1]]
    return len(runs) == len(set(runs))


def bands_checked(
    columns: tuple[Column, ...],
    rows: Sequence[Line],
    values: dict[int, Values],
    roles: dict[int, str],
) -> tuple[Column, ...]:
    """A column the header calls the band ("Loại") that names no band known and does not
    grade the rows by their total is a column of words ("Tỉnh", "Thành phố"), not a band."""
    total = next((i for i in values if roles[i] == "total"), None)
    if total is None:
        return columns
    checked = []
    for column in columns:
        words = [_text(row, column.index) for row in rows] if column.role == "band" else []
        unknown = not any(vocab.band_of(word) for word in words if word)
        if words and unknown and not grades(words, values[total]):
            column = replace(column, role="other")
        checked.append(column)
    return tuple(checked)


def _text(row: Line, index: int) -> str | None:
    return row.cells[index - 1].text.strip() or None if index <= len(row.cells) else None


def central(candidates: list[int], values: dict[int, Values], scores: list[int]) -> int:
    """Of columns that could each be the total, the one nearest the mean of the other scores
    row by row: what a total no rule was found for (weights not printed) mostly is."""

    def distance(index: int) -> Fraction:
        gaps = Fraction(0)
        for row, value in enumerate(values[index]):
            others = [v[row] for i, v in values.items() if i in scores and i != index]
            present = [Fraction(o) for o in others if o is not None]
            if value is not None and present:
                gaps += abs(Fraction(value) - sum(present, Fraction(0)) / len(present))
        return gaps

    return min(candidates, key=distance)


def band_words(columns: tuple[Column, ...], body: Sequence[Line]) -> list[str | None]:
    """The band each data row prints, where a column of the grid holds bands."""
    band = next((c.index for c in columns if c.role == "band"), None)
    rows = [row for row in body if numbers_in(row) >= 1]
    if band is None:
        return []
    return [row.cells[band - 1].text if band <= len(row.cells) else None for row in rows]


def steps(values: Values) -> bool:
    """Whole numbers going up by one down every row ("4, 5, 6": the rest of a count whose
    start the text lost): an ordinal, not a score. Over ten rows or more one place may be
    skipped (24, then 26: a unit whose rank the text lost, its row read without values);
    no column of scores runs up so."""
    present = [v for v in values if v is not None]
    jumps = [
        int(b - a) if b - a in (1, 2) else 0 for a, b in zip(present, present[1:], strict=False)
    ]
    skipped = jumps.count(2) if len(present) >= _SKIP_PROOF else 0
    return len(present) >= 3 and skipped <= 1 and jumps.count(1) + skipped == len(jumps)


_SKIP_PROOF = 10
