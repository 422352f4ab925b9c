"""Records whose figures a converter printed in a block of their own after the names, as the
text of a PDF comes column block by column block: "RANK", "STATE", "1", "Washington", "2", …,
then the other columns' labels, then every row's figures one after another (25 × 8 ranks).

The block belongs to the records when its count is a whole number of figures per record (or,
on a page the text ends in, fewer than the last block's number per record): each record takes
its share in reading order, row by row, unless the columns read down the block (one column's
figures after another) are the ones whose figures each column holds once, as ranks do.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.tables.records.find import MAX_VALUES
from pipeline.tables.records.rows import Shape, Stretch
from pipeline.tables.records.tokens import Group, Token

_LABEL_GROUPS = 3  # the block's labels: a few runs of words between the names and the figures


@dataclass(frozen=True, slots=True)
class ValuesBlock:
    """The records with the block's figures after each name, their shape, the block's end."""

    rows: list[list[Token | None]]
    shape: Shape
    end: int  # index of the group after the block
    per_row: int


def values_after(
    groups: list[Group], stretch: Stretch, rows: list[list[Token | None]], per_row: int
) -> ValuesBlock | None:
    """The figures printed after a run of (number, name) records, or None. ``per_row``: the
    previous block's figures per record (0: none), for a page cut inside its block."""
    if stretch.shape != Shape(1, 1) or not rows:
        return None
    rows, at = _last_run_in(groups, stretch.end, list(rows))
    start = at
    while at < len(groups) and not groups[at].value and at - start < _LABEL_GROUPS:
        at += 1  # the labels
    if at == start or at >= len(groups) or not groups[at].value:
        return None  # no labels between the names and the figures: not a block of columns
    figures = list(groups[at].tokens)
    width = _per_row(len(figures), len(rows), per_row)
    if width is None:
        return None
    shares = _shares(figures, len(rows), width)
    out = [
        [*row, *share, *([None] * (width - len(share)))]
        for row, share in zip(rows, shares, strict=True)
    ]
    return ValuesBlock(out, Shape(1 + width, 1), at + 1, width)


def _last_run_in(
    groups: list[Group], end: int, rows: list[list[Token | None]]
) -> tuple[list[list[Token | None]], int]:
    """The last record's name run into the labels after it ("New York" / "HEALTH CARE" …,
    its number before it) taken as a record: (rows, the labels' group). The run may have
    ended before that name, or taken it, labels and all, with the block for its figures."""
    if groups[end - 1].value and len(groups[end - 1].tokens) > 1 and end >= 2:
        name = _first_line(groups[end - 2])
        if name is not None and rows[-1][0] is not None:
            return [*rows[:-1], [rows[-1][0], name]], end - 2  # the block taken as its figures
    if end >= len(groups) or groups[end].value or not groups[end - 1].value:
        return rows, end
    name = _first_line(groups[end])
    if name is None:
        return rows, end
    return [*rows, [groups[end - 1].tokens[-1], name]], end


def _first_line(group: Group) -> Token | None:
    """A group's first line as one name, when words on later lines follow it (labels)."""
    tokens = group.tokens
    first = [t for t in tokens if t.line == tokens[0].line]
    if group.value or len(first) == len(tokens) or not first[0].starts_line:
        return None
    return Token(" ".join(t.text for t in first), False, first[0].line, True)


def _per_row(count: int, records: int, known: int) -> int | None:
    if count % records == 0 and 2 <= count // records <= MAX_VALUES:
        return count // records
    if known and count < records * known:
        return known  # the text ends inside the block: the records it reaches
    return None


def _shares(figures: list[Token], records: int, width: int) -> list[list[Token]]:
    """Each record's figures: row by row, or column by column when the block is whole and
    its columns so read hold more distinct figures (ranks, each place once)."""
    by_row = [figures[k * width : (k + 1) * width] for k in range(records)]
    if len(figures) != records * width:
        return by_row
    by_column = [figures[k::records] for k in range(records)]
    if _distinct(by_column, width) > _distinct(by_row, width):
        return by_column
    return by_row


def _distinct(rows: list[list[Token]], width: int) -> int:
    columns = [{row[j].text for row in rows if j < len(row)} for j in range(width)]
    return sum(len(column) for column in columns)
