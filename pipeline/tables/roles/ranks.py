"""What the numbers of a column say about ranking: counting rows, competition ranks, how well
one column ranks another, and the groups of rows a ranking starts again in.

``roles`` uses them to tell the STT, the rank and the score it ranks from each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pipeline.models import Line
from pipeline.parse import parse_number
from pipeline.tables.header.columns import section_of_row

Values = list[Decimal | None]
Segments = tuple[range, ...]


def numbers_in(row: Line) -> int:
    return sum(parse_number(cell.text) is not None for cell in row.cells if cell.text)


def integers(values: Values) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(v == v.to_integral_value() and v >= 0 for v in present)


def counts_rows(values: Values) -> bool:
    """1, 2, …, n down the rows, starting again at 1 where a group begins."""
    present = [v for v in values if v is not None]
    if len(present) < 2 or present[0] != 1 or not integers(values):
        return False
    return all(b == a + 1 or b == 1 for a, b in zip(present, present[1:], strict=False))


def counts_on(values: Values) -> bool:
    """n, n + 1, n + 2, … down every row (three or more), as a table's STT goes on over a page
    break."""
    present = [v for v in values if v is not None]
    if len(present) < 3 or len(present) < len(values) or not integers(values) or present[0] < 1:
        return False
    return all(b == a + 1 for a, b in zip(present, present[1:], strict=False))


def both_ways(scores: Values) -> tuple[Values, Values]:
    """The scores as printed and negated: a ranking may place them highest first, or lowest
    first as a penalty or a time is ranked."""
    return scores, [-v if v is not None else None for v in scores]


def competition_ranks(scores: Values) -> list[int | None]:
    """Rank 1 for the highest score, ties sharing a rank and leaving a gap ("1224")."""
    present = [s for s in scores if s is not None]
    return [None if s is None else 1 + sum(o > s for o in present) for s in scores]


def rank_agreement(ranks: Values, scores: Values, parts: Segments = ()) -> float:
    """How well ``ranks`` rank ``scores`` within each group of rows (numbering that starts
    again at 1 starts a group): the share of rows whose rank is the competition rank of its
    score, or 0.6 for ranks taken from a longer list (a top ten with national ranks) when
    higher scores have smaller ranks in nine pairs of rows in ten."""
    parts = parts or (range(len(ranks)),)
    hits = total = 0
    ordered = True
    for part in parts:
        mine, theirs = [ranks[i] for i in part], [scores[i] for i in part]
        paired = zip(mine, theirs, strict=True)
        expected = competition_ranks([s if r is not None else None for r, s in paired])
        expected = _places_kept(mine, theirs, expected)
        pairs = [(r, e) for r, e in zip(mine, expected, strict=True) if r is not None and e]
        hits += sum(r == e for r, e in pairs)
        total += len(pairs)
        ordered = ordered and _inversely_ordered(mine, theirs)
    if total < 2:
        return 0.0
    exact = hits / total
    return 0.6 if exact < 0.6 and ordered else exact


def ties_in_order(ranks: Values, scores: Values, parts: Segments = ()) -> bool:
    """Whether each rank is its row's place by the score within its group, rows of equal
    scores placed one after another (268.5 ranked 16 and 17): every rank lies between the
    competition rank of its score and that rank plus the other rows sharing the score, and
    no two rows share a place. The order a count 1 … n has down rows sorted by the score."""
    for part in parts or (range(len(ranks)),):
        pairs = [
            (r, s) for i in part if (r := ranks[i]) is not None and (s := scores[i]) is not None
        ]
        if len(pairs) < 2 or len({r for r, _ in pairs}) < len(pairs):
            return False
        for rank, score in pairs:
            above = sum(s > score for _, s in pairs)
            equal = sum(s == score for _, s in pairs)
            if not above + 1 <= rank <= above + equal:
                return False
    return True


def _places_kept(ranks: Values, scores: Values, expected: list[int | None]) -> list[int | None]:
    """Expected ranks where a row printing its rank and no score ("5 Mekong River Delta", a
    score left blank) keeps its place: each ranked row below it moves down one."""
    held = sorted(r for r, s in zip(ranks, scores, strict=True) if r is not None and s is None)
    if not held:
        return expected
    out: list[int | None] = []
    for place in expected:
        if place is not None:
            for taken in held:
                place += taken <= place  # the next free place
        out.append(place)
    return out


def mostly_distinct(column: Values, parts: Segments) -> bool:
    """Ranks are mostly different from each other within each group of rows, counted over
    all the groups together (a group of four may tie twice, "2, 2, 3, 3", beside a longer
    group ranked 1 … 9)."""
    distinct = present = 0
    for part in parts or (range(len(column)),):
        figures = [column[i] for i in part if column[i] is not None]
        distinct, present = distinct + len(set(figures)), present + len(figures)
    return 5 * distinct >= 3 * present


def headings_before(body: Sequence[Line]) -> set[int]:
    """Positions, among the rows holding numbers, of those printed under a row without any
    (a group heading: "II. Các địa phương cấp huyện")."""
    starts: set[int] = set()
    position, after_heading = 0, False
    for row in body:
        if numbers_in(row) >= 1:
            if after_heading and position:
                starts.add(position)
            position, after_heading = position + 1, False
        elif section_of_row(row):
            after_heading = True  # a band row ("MỨC KHÁ") does not restart the ranking
    return starts


def segments(values: dict[int, Values], roles: dict[int, str], headings: set[int]) -> Segments:
    """Groups of rows: under each group heading, and where the row number starts again at 1."""
    number = next((i for i in values if roles[i] == "row_number"), None)
    count = len(next(iter(values.values())))
    restarts = {i for i, v in enumerate(values[number]) if i and v == 1} if number else set()
    if not restarts and not headings:
        restarts = next(filter(None, map(_ranking_restarts, values.values())), set())
    starts = sorted({0} | headings | restarts)
    if len(starts) == 1:
        return ()
    ends = [*starts[1:], count]
    return tuple(range(a, b) for a, b in zip(starts, ends, strict=True))


def _ranking_restarts(column: Values) -> set[int]:
    """Where a column of ranks or counts starts again at 1 (1 … 12, then 1 … 15: two groups
    ranked apart, their headings not printed as rows of their own); none if it never does
    or is no such column (each value at most one past its place in its group, never down)."""
    if not column or column[0] != 1 or not integers(column):
        return set()
    restarts, since, previous = set(), 0, None
    for at, value in enumerate(column):
        if at and value == 1 and since >= 2 and previous is not None and previous > 1:
            restarts.add(at)  # a column of 1s (each row's maximum) restarts nothing
            since, previous = 0, None
        if value is None or value > since + 1 or (previous is not None and value < previous):
            return set()
        since, previous = since + 1, value
    return restarts


def _inversely_ordered(ranks: Values, scores: Values) -> bool:
    rows = [(r, s) for r, s in zip(ranks, scores, strict=True) if r is not None and s is not None]
    concordant = discordant = 0
    for i, (r1, s1) in enumerate(rows):
        for r2, s2 in rows[i + 1 :]:
            if r1 == r2 or s1 == s2:
                continue
            concordant += (r1 < r2) == (s1 > s2)
            discordant += (r1 < r2) != (s1 > s2)
    return len(rows) >= 5 and concordant >= 9 * discordant and concordant >= 10


def ranks_alone(column: Values, parts: Segments) -> bool:
    """Integers 1 … n with at most ties between them, in each group of rows: a competition
    ranking with no scores printed; a top list may end with a rank from the longer list
    (the province's own, 19 after a top ten), or with the longer list's last places in a
    row after a head of three or more (1 … 8, then 61, 62, 63)."""
    if not integers(column):
        return False
    for part in parts or (range(len(column)),):
        ordered = sorted(v for i in part if (v := column[i]) is not None)
        ranked = [
            value == position or (position > 1 and value == ordered[position - 2])
            for position, value in enumerate(ordered, start=1)
        ]
        head = ranked.index(False) if False in ranked else len(ranked)
        foot = ordered[head:]
        consecutive = all(b == a + 1 for a, b in zip(foot, foot[1:], strict=False))
        if head < 2 or (len(ranked) - head > 2 and not (head >= 3 and consecutive)):
            return False
    return True


def varies(values: Values) -> bool:
    """At least three different values (or as many as there are rows)."""
    present = [v for v in values if v is not None]
    return len(set(present)) >= min(3, len(present)) and len(set(present)) > 1


def rank_like(column: Values) -> bool:
    """Whole numbers from 1 to the number of rows: what a rank or a count holds (a column of
    whole-number scores, populations or points, goes beyond it)."""
    present = [v for v in column if v is not None]
    return integers(column) and all(1 <= v <= len(column) for v in present)
