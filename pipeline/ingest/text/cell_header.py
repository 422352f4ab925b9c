"""A header printed one cell per line, joined back into one label per column.

Wrapped cells are joined first (a maximum "(60)" or a lower-case line continues the cell
above). A header of two levels prints its top row, then the sub-labels under the group cell
that spans them ("Nội dung đánh giá" over six components): read that way when the top row and
the sub-labels make the table's width. A reading is kept only where the maxima it prints
hold over the numbers of their columns; otherwise the table is read without labels, its roles
from its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from pipeline.ingest.text.rows import is_value
from pipeline.parse import parse_number, split_max

_MIN_VALUES = 3  # values in a column before its maximum is judged


def header_cells(parts: list[str], width: int, rows: Sequence[Sequence[str]]) -> list[str] | None:
    """The labels of ``width`` columns whose maxima hold over ``rows``: read in one level, or
    else the two-level reading that does with the fewest values over their maxima (labels
    shifted by a column put maxima over scores they were not printed for, or over a rank).
    Readings that hold as well give only what they agree on; None when no reading holds."""
    plain = join_header(parts, width)
    if plain is not None and maxima_hold(plain, rows):
        return plain
    readings = {
        tuple(cells)
        for cells, group in _two_levels(parts, width)
        if any(split_max(c)[1] is not None for c in cells)
        and all(_numeric(rows, column) for column in group)
        and maxima_hold(cells, rows)
    }
    ranked = sorted((_misfits(cells, rows), cells) for cells in readings)
    if not ranked:
        return None
    best = [cells for misfits, cells in ranked if misfits == ranked[0][0]]
    return list(best[0]) if len(best) == 1 else _agreed(best)


def _agreed(readings: Sequence[Sequence[str]]) -> list[str] | None:
    """What readings that fit the numbers equally well agree on: a column's label where every
    reading puts the same one over it, else its maximum alone ("(1)") where they agree on that;
    None when some column's maximum is in doubt (a maximum must not move to another column)."""
    cells = []
    for labels in zip(*readings, strict=True):
        maxima = {split_max(label)[1] for label in labels}
        if len(maxima) > 1:
            return None
        maximum = maxima.pop()
        if len(set(labels)) == 1:
            cells.append(labels[0])
        else:
            cells.append("" if maximum is None else f"({maximum})")
    return cells


def _misfits(labels: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[int, int]:
    """How many values pass the maximum printed over their column; then how many columns of
    whole numbers only (a rank, a row number) stand under a maximum."""
    over = whole = 0
    for column, label in enumerate(labels):
        maximum = split_max(label)[1]
        if maximum is None:
            continue
        values = _numbers(rows, column)
        over += sum(value > maximum for value in values)
        whole += bool(values) and all(value == value.to_integral_value() for value in values)
    return over, whole


def maxima_hold(labels: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """Whether each printed maximum stands over a column of numbers that a third of them or
    more do not exceed (one score over its maximum is a finding; most is a misplaced label),
    and that does not count 1, 2, 3 … down the rows (a row number or a rank has no maximum)."""
    for column, label in enumerate(labels):
        maximum = split_max(label)[1]
        if maximum is None:
            continue
        values = _numbers(rows, column)
        if len(values) < _MIN_VALUES or 3 * sum(v > maximum for v in values) >= len(values):
            return False
        if _counts([row[column] for row in rows if column < len(row)]):
            return False
    return True


def maxima_cells(
    maxima: list[str], rows: Sequence[Sequence[str]], width: int
) -> tuple[str, ...] | None:
    """A maxima row as a row of cells: its label in the name column, its values over as many
    columns of numbers side by side, where the fewest of the rows' values pass them (a rank or
    a band after the scores has no maximum; a misprinted score may pass its own)."""
    label, values = maxima[0], maxima[1:]
    filled = [row for row in rows if any(row)]
    columns = [[c[k] for c in filled if k < len(c)] for k in range(width)]
    figures = [k for k in range(width) if 2 * sum(map(is_value, columns[k])) > len(filled)]
    if len(values) > len(figures):
        return None
    names = [k for k in range(width) if k not in figures]
    scored = [k for k in figures if not _counts(columns[k])]  # no STT's maximum, no rank's
    figures = scored if len(scored) >= len(values) else figures
    cells = [""] * width
    cells[names[0] if names else 0] = label
    offsets = range(len(figures) - len(values), -1, -1)  # the last columns first, on a tie
    best = min(offsets, key=lambda o: _passed(values, [columns[k] for k in figures[o:]]))
    for column, value in zip(figures[best:], values, strict=False):
        cells[column] = value
    return tuple(cells)


def _counts(column: Sequence[str]) -> bool:
    """Whether a column's numbers count 1, 2, 3 … down the rows (again from 1 under a group
    heading, whose mark "II" is no number): row numbers, or ranks in the rows' order, which
    have no maximum."""
    numbers = [n for text in column if (n := parse_number(text)) is not None]
    if len(numbers) < 3 or any(n != n.to_integral_value() for n in numbers):
        return False
    before = [Decimal(0), *numbers]
    return all(n in (1, previous + 1) for previous, n in zip(before, numbers, strict=False))


def _passed(maxima: list[str], columns: Sequence[Sequence[str]]) -> int:
    """How many of the columns' values are greater than the maximum over them."""
    count = 0
    for maximum, column in zip(maxima, columns, strict=False):
        top = parse_number(maximum)
        numbers = [n for text in column if (n := parse_number(text)) is not None]
        count += sum(1 for n in numbers if n > top) if top is not None else 0
    return count


def _numbers(rows: Sequence[Sequence[str]], column: int) -> list[Decimal]:
    return [
        number
        for row in rows
        if column < len(row) and (number := parse_number(row[column])) is not None
    ]


def _numeric(rows: Sequence[Sequence[str]], column: int) -> bool:
    """Whether most rows print a number in the column (a group spans columns of scores)."""
    return 2 * len(_numbers(rows, column)) > len(rows)


def _two_levels(parts: list[str], width: int) -> Iterator[tuple[list[str], range]]:
    """Readings as a top row, then the sub-labels of one of its cells (not the first): the
    labels, and the columns under the group cell."""
    for split in range(2, len(parts) - 1):
        for subs in range(2, width - 1):
            top = join_header(parts[:split], width - subs + 1)
            below = join_header(parts[split:], subs)
            if top is None or below is None:
                continue
            for group in range(1, len(top)):
                if split_max(top[group])[1] is None:
                    cells = [*top[:group], *below, *top[group + 1 :]]
                    yield cells, range(group, group + subs)


def join_header(parts: list[str], width: int, from_left: bool = False) -> list[str] | None:
    """Header lines joined into ``width`` cells: a maximum "(60)" or a lower-case line, or a
    line after one ending in ",", "và" or "-", continues the cell above. Pieces are joined
    from the last on (``from_left``: from the first on, where both ends could join: "Số" /
    "TT" … "Tổng điểm (100)" / "XH")."""
    cells = list(parts)
    joined = -1
    while len(cells) > width and joined != len(cells):  # "(giá" "trị)" joined, then to the cell
        joined = len(cells)
        for strength in (_is_maximum, _is_lower, _label_number, after_open, _is_acronym):
            _join_pass(cells, width, strength, from_left)
    return cells if len(cells) == width else None


def _join_pass(
    cells: list[str], width: int, strength: Callable[[str, str], bool], from_left: bool
) -> None:
    """One pass of ``join_header`` over the cells, in place: each piece that ``strength``
    says goes on the cell before it is joined to it, from the last piece or the first."""
    index = 1 if from_left else len(cells) - 1
    while len(cells) > width and 0 < index < len(cells):
        joins = strength(cells[index - 1], cells[index])
        if joins:
            cells[index - 1 : index + 1] = [f"{cells[index - 1]} {cells[index]}"]
        index += (0 if joins else 1) if from_left else -1


def _is_maximum(_: str, line: str) -> bool:
    """A maximum "(60)", or any other line in parentheses ("(Chỉ số DTI)", "(%)")."""
    return line.startswith("(") and line.endswith(")")


def _is_lower(_: str, line: str) -> bool:
    return line[:1].islower()


def _label_number(above: str, line: str) -> bool:
    """A label's number wrapped onto the next line, with its maximum or alone ("Lĩnh vực" /
    "2 (100)"): a cell does not open with a number."""
    return opens_with_number(line) and above[-1:].isalpha()


def opens_with_number(text: str) -> bool:
    """Whether a header line opens with a label's number ("2 (100)", "7"), not a word."""
    return bool(re.match(r"\d{1,2}(?:\s|$)", text))


def _is_acronym(above: str, line: str) -> bool:
    """A capital abbreviation alone on a line ("CNTT" under "Hạ tầng"), or with the cell's
    maximum after it ("QLVB (100)" under "Hệ thống"), ends the cell above."""
    word = line.split(" (")[0] if line.endswith(")") else line
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and not above.isupper()


def after_open(above: str, _: str) -> bool:
    return above.rstrip().endswith((",", " và", "-", "–", "/"))
