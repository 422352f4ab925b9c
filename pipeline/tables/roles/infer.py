"""Each number column's role, inferred from what it holds and checked against the others.

Header words are evidence, not the decision: a grid whose header is garbled, unknown or absent
still has roles, because the numbers say them:

- integers counting 1, 2, …, n down the rows (starting again at 1 under a group heading) are the
  row number;
- integers that are the competition ranking ("1224") of a score column are its rank;
- a column at least every other score of its row, with a column equal to score ÷ it, is a
  per-row maximum, and that column the percentage the rows are ranked by;
- a column that a rule of the others gives (their sum, mean, a scaling, stated or fitted
  weights: ``reconcile.rules``) is the total, and the others are its components (``total``);
- a count 1 … n beside figures that are all places in part rankings, the names in no
  alphabetical order, is the overall place (read as the rank, with a doubt).

A role the header names is kept unless the numbers clearly say otherwise. When two columns are
the total equally well, the table carries a doubt naming both (flag ``ambiguous_roles``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.models import Column, Line
from pipeline.parse import parse_number
from pipeline.tables.roles.counting import (
    CountFigures,
    count_doubt,
    hint_words,
    read_count,
)
from pipeline.tables.roles.fits import rule_fits
from pipeline.tables.roles.order import (
    ORDER_PROOF,
    band_words,
    bands_checked,
)
from pipeline.tables.roles.ranks import (
    Segments,
    Values,
    both_ways,
    counts_on,
    counts_rows,
    headings_before,
    integers,
    mostly_distinct,
    numbers_in,
    rank_agreement,
    rank_like,
    ranks_alone,
    segments,
    ties_in_order,
    varies,
)
from pipeline.tables.roles.shares import settle_maximum
from pipeline.tables.roles.total import column_label, column_name, settle_total
from pipeline.tables.roles.units import mixed_scales

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_RANKS = 0.6  # rank_agreement of ranks taken from a longer list, in the scores' order
SCORE_ROLES = frozenset({"row_number", "rank", "total", "component", "number", "row_max"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Columns with their roles settled, and a doubt when two readings fit equally well."""

    columns: tuple[Column, ...]
    doubt: str | None = None
    # (score, rank) column indices when the grid prints several rankings side by side (one per
    # year, "01 (0,727)" under each): each pair is a table of its own
    series: tuple[tuple[int, int | None], ...] = ()


def infer_roles(columns: tuple[Column, ...], body: Sequence[Line]) -> Roles:
    """Settle the role of every number column of a grid from its data rows."""
    rows = [row for row in body if numbers_in(row) >= 1]
    values = {c.index: _column_values(rows, c.index) for c in columns if c.role in SCORE_ROLES}
    strays = [i for i, figures in values.items() if _stray(column_label(columns, i), figures)]
    columns = tuple(replace(c, role="other") if c.index in strays else c for c in columns)
    values = {i: figures for i, figures in values.items() if i not in strays}
    if not values or not rows:
        return Roles(columns)
    for column in columns:  # a figure the header names otherwise ("Tỷ lệ đạt"): the index?
        figures = _column_values(rows, column.index) if column.role == "other" else []
        if 2 * sum(v is not None for v in figures) > len(rows):
            values[column.index] = figures
    texts = {c.index for c in columns if c.role == "other"} - set(values)
    mixed = mixed_scales(values, rows, texts)
    roles = {index: _hint(columns, index) for index in values}
    name = next((c.index for c in columns if c.role == "agency"), len(columns) + 1)
    _settle_row_number(roles, values, name)
    _countdown(roles, values, name)
    parts = segments(values, roles, headings_before(body))
    undecided = settle_maximum(roles, values)
    _settle_ranks(roles, values, parts)
    _count_beside_rank(roles, values, name)
    series, doubt = _series(roles, values, columns, parts)
    bands = band_words(columns, body)
    doubt = doubt if series else settle_total(roles, values, columns, parts, bands)
    # a count in the total's order is the rank or the STT whichever column is the total
    ranked = _number_or_rank(roles, values, columns, parts)
    places = _count_beside_places(roles, values, columns, _names(rows, name))
    doubt = "; ".join(filter(None, [doubt, ranked, places])) or _count_alone(roles, values, columns)
    if undecided and not doubt:
        percent, top = (column_name(columns, i) for i in undecided)
        doubt = f"{percent} là tỷ lệ và {top} là điểm tối đa của dòng, hoặc ngược lại"
    doubt = "; ".join(filter(None, [doubt, *(_mixed(columns, i, mixed[i]) for i in mixed)]))
    settled = tuple(
        replace(c, role=roles[c.index], scales=mixed.get(c.index, ())) if c.index in roles else c
        for c in columns
    )
    return Roles(bands_checked(settled, rows, values, roles), doubt or None, series)


def _stray(label: str, figures: Values) -> bool:
    """A column no header names that prints a number on at most one row in four: no score
    column, but a rule or a seal's ring a scan's grid took for a column's edge (its few
    figures are specks or a piece of the next cell); as a score it left no row printing
    every score, so no rule of the parts could be checked."""
    present = sum(v is not None for v in figures)
    return (
        not any(ch.isalpha() for ch in label) and len(figures) >= 4 and present * 4 <= len(figures)
    )


def total_by_rule(columns: tuple[Column, ...], body: Sequence[Line]) -> bool:
    """Whether a rule of the other scores (sum, mean, weights) gives the column the roles
    call the total, over most of the rows that print every score."""
    rows = [row for row in body if numbers_in(row) >= 1]
    scores = [c.index for c in columns if c.role in ("total", "component")]
    total = next((c.index for c in columns if c.role == "total"), None)
    if total is None or len(scores) < 2:
        return False
    values = {index: _column_values(rows, index) for index in scores}
    return total in rule_fits([total], scores, values)


def _mixed(columns: tuple[Column, ...], index: int, scales: tuple[str, ...]) -> str:
    return f"{column_name(columns, index)} ghi số theo nhiều đơn vị ({', '.join(scales)})"


def _column_values(rows: Sequence[Line], index: int) -> Values:
    return [parse_number(r.cells[index - 1].text) if index <= len(r.cells) else None for r in rows]


def _hint(columns: tuple[Column, ...], index: int) -> str:
    return next(c.role for c in columns if c.index == index)


def _settle_row_number(roles: dict[int, str], values: dict[int, Values], name: int) -> None:
    """The leftmost counting column left of the names is the STT, unless the header calls it
    the rank: 1, 2, … or, on a page a table goes on to, 9, 10, … (its own header not
    repeated, nothing names it)."""
    if "row_number" in roles.values():
        return
    for index in sorted(i for i in values if i < name):
        others = len(values) > 1  # a count going on beside no other figure may be the rank
        counting = counts_rows(values[index]) or (others and counts_on(values[index]))
        if roles[index] in ("number", "component", "total") and counting:
            roles[index] = "row_number"
            return


def _countdown(roles: dict[int, str], values: dict[int, Values], name: int) -> None:
    """A column left of the names counting down by one on every row ("163, 162, 161, 160":
    the foot of a ranking, or a countdown "10. …, 9. …"), beside another figure: places, the
    rank; no STT counts down and no score falls by exactly one on every row."""
    if len(values) < 2:
        return
    for index in sorted(i for i in values if i < name):
        present = [v for v in values[index] if v is not None]
        falling = all(a - b == 1 for a, b in zip(present, present[1:], strict=False))
        whole = all(v == v.to_integral_value() and v >= 1 for v in present)
        if roles[index] in ("number", "component") and len(present) >= 3 and falling and whole:
            roles[index] = "rank"
            return


def _count_beside_rank(roles: dict[int, str], values: dict[int, Values], name: int) -> None:
    """Two columns called the rank, one a count 1 … n left of the names and the other right
    of them: the count is the STT (a header's "Hạng" printed over the wrong column); so is a
    count n, n + 1, … on every row there (a table whose first rows were not read)."""
    ranks = sorted(i for i in values if roles[i] == "rank")
    if len(ranks) < 2 or ranks[0] > name or ranks[-1] < name or "row_number" in roles.values():
        return
    if counts_rows(values[ranks[0]]) or counts_on(values[ranks[0]]):
        roles[ranks[0]] = "row_number"


def _settle_ranks(roles: dict[int, str], values: dict[int, Values], parts: Segments) -> None:
    """Integer columns that rank a score column; a rank the header names stays one."""
    scores = [i for i in values if roles[i] in ("number", "component", "total")]
    for index in scores:
        column = values[index]
        present = [v for v in column if v is not None]
        if not integers(column) or any(v < 1 for v in present):
            continue
        ranked = [*scores, *(i for i in values if roles[i] == "percent")]
        others = [values[j] for j in ranked if j != index and not _ordinal(values[j], parts)]
        if mostly_distinct(column, parts) and varies(column):  # a constant column "ranks"
            if any(rank_agreement(column, other, parts) >= 0.6 for other in others):
                roles[index] = "rank"  # any other constant one
        elif any(_shared_places(column, other, parts) for other in others):
            roles[index] = "rank"


def _shared_places(ranks: Values, scores: Values, parts: Segments) -> bool:
    """Places most rows share ("1, 1, 1, 4": three players first, the fourth fourth): too few
    different values for ranks read in order, but exactly the competition ranking of a score
    whose equal values share those places, on four rows or more. A column of small whole
    numbers matches another column's ties and gaps that exactly only by being its ranking."""
    pairs = [(r, s) for r, s in zip(ranks, scores, strict=True) if r is not None and s is not None]
    return (
        len(pairs) >= ORDER_PROOF - 2
        and len({s for _, s in pairs}) > 1
        and rank_agreement(ranks, scores, parts) == 1.0
    )


def _ordinal(column: Values, parts: Segments) -> bool:
    """Ranks or a count themselves (a top ten ending with the province's own rank 14
    included): no score for another column to rank."""
    return rank_like(column) or ranks_alone(column, parts)


def _series(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...], parts: Segments
) -> tuple[tuple[tuple[int, int | None], ...], str | None]:
    """Rankings side by side, one table each: score columns that no rule ties together, each
    with a rank column of its own or a year of its own in its header ("Năm 2020", "2021");
    and the doubt of a count read as one score's rank."""
    scores = [i for i in sorted(values) if roles[i] in ("number", "component", "total")]
    if len(scores) < 2 or rule_fits(scores, scores, values):
        return (), None
    ranks = [i for i in values if roles[i] == "rank"]
    ranked: dict[int, int | None] = dict(_paired_ranks(ranks, scores, values, parts))
    years = {i: _year(columns, i) for i in scores}
    dated = len({y for y in years.values() if y}) == len(scores)
    if len(ranked) >= 2:  # scores no rank column ranks are another kind of figure
        unranked = [i for i in scores if i not in ranked]
        counted, doubt = _counted(roles, values, columns, unranked, parts)
        ranked |= counted
        return tuple((score, ranked[score]) for score in scores if score in ranked), doubt
    if dated:
        return tuple((score, ranked.get(score)) for score in scores), None
    return (), None


def _paired_ranks(
    ranks: list[int], scores: list[int], values: dict[int, Values], parts: Segments
) -> dict[int, int]:
    """Each score column with the rank column that ranks it, each used once: the pairs that
    agree best are taken first, the nearer column between equals. A rank column that ranks
    two scores (one exactly, one only in order, as a longer list's ranks do) goes to the one
    it ranks exactly, whichever stands nearer: a page's labels may pair them otherwise."""
    fits = [
        (agreement, abs(score - rank), score, rank)
        for rank in ranks
        for score in scores
        if (agreement := rank_agreement(values[rank], values[score], parts)) >= 0.6
    ]
    ranked: dict[int, int] = {}
    for _, _, score, rank in sorted(fits, key=lambda fit: (-fit[0], fit[1], fit[2])):
        if score not in ranked and rank not in ranked.values():
            ranked[score] = rank
    return ranked


def _counted(
    roles: dict[int, str],
    values: dict[int, Values],
    columns: tuple[Column, ...],
    scores: list[int],
    parts: Segments,
) -> tuple[dict[int, int | None], str | None]:
    """The one score column left unranked beside rankings that print their ranks, when the
    rows stand in its order (equal scores placed one after another): a list numbered by the
    first ranking's places ("1. Arrowby 88,4 84,2 (2) 61,0 (3)"). Whether the row count is
    its rank or the STT is ``read_count``'s to say, and its doubt the table's; read as the
    STT, the score is still a ranking of its own, printed without its ranks."""
    number = next((i for i in values if roles[i] == "row_number"), None)
    if number is None:
        return {}, None
    placed = [
        score
        for score in scores
        if rank_agreement(values[number], values[score], parts) == 1.0
        or ties_in_order(values[number], values[score], parts)
    ]
    reading = read_count(
        hint_words(_hint(columns, number)),
        CountFigures(sum(v is not None for v in values[number]), in_order=len(placed) == 1),
    )
    counted = {placed[0]: number if reading.role == "rank" else None} if len(placed) == 1 else {}
    return counted, count_doubt(column_name(columns, number), reading)


def _year(columns: tuple[Column, ...], index: int) -> str | None:
    column = next(c for c in columns if c.index == index)
    found = _YEAR.search(f"{column.group or ''} {column.label}")
    return found.group() if found else None


def _number_or_rank(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...], parts: Segments
) -> str | None:
    """A column counting 1 … n beside the total, no other column the rank of the rows (part
    ranks, each ranking one component, may stand beside it: see ``_part_ranks``): the table's
    STT, or its rank when it is also exactly the ranking of the total (highest first, or lowest
    first as a penalty or a time is ranked; equal totals placed one after another, as a
    publisher breaks ties by the figures before rounding), as ``read_count`` reads it. A count
    going on from an earlier page ("6. Makassar : 84,85" … "15.") is read as the places after
    the rows it follows on from."""
    number = next((i for i in values if roles[i] == "row_number"), None)
    total = next((i for i in values if roles[i] == "total"), None)
    if number is None or total is None:
        return None
    part_ranks = _part_ranks(roles, values, total, parts)
    if part_ranks is None:
        return None
    in_order = any(
        rank_agreement(places, scores, parts) == 1.0 or ties_in_order(places, scores, parts)
        for places in (values[number], _from_one(values[number]))
        for scores in both_ways(values[total])
    )
    if in_order:
        roles.update({i: "other" for i in part_ranks})  # no rank of the rows: left out
    rows = sum(v is not None for v in values[number])
    return _read(roles, columns, number, CountFigures(rows, in_order=in_order))


def _read(
    roles: dict[int, str], columns: tuple[Column, ...], index: int, figures: CountFigures
) -> str | None:
    """The count at ``index`` given the role ``read_count`` reads it in; its doubt, if any."""
    reading = read_count(hint_words(_hint(columns, index)), figures)
    roles[index] = reading.role or "row_number"
    return count_doubt(column_name(columns, index), reading)


def _part_ranks(
    roles: dict[int, str], values: dict[int, Values], total: int, parts: Segments
) -> list[int] | None:
    """The rank columns when each ranks one of the total's components and not the total
    ("Economic Dynamism | Rank 4 | Score 7.6955" beside the overall score): each part's place
    among all the units, no rank of the rows, so a count beside them may still be the rank;
    None when a rank column ranks the total (highest or lowest first) or no component."""
    ranks = [i for i in values if roles[i] == "rank"]
    components = [i for i in values if roles[i] == "component"]
    totals = both_ways(values[total])
    for rank in ranks:
        by_total = max(rank_agreement(values[rank], scores, parts) for scores in totals)
        by_part = [rank_agreement(values[rank], values[c], parts) for c in components]
        if by_total >= _RANKS or max(by_part, default=0) < _RANKS:
            return None
    return ranks


def _from_one(count: Values) -> Values:
    """A count that starts past 1 (6, 7, … 15, a list's second page) moved to start at 1: the
    places it gives if the rows before it were the ones it follows on from."""
    start = next((v for v in count if v is not None), None)
    if start is None or start <= 1 or not counts_on(count):
        return count
    return [None if v is None else v - start + 1 for v in count]


def _count_alone(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...]
) -> str | None:
    """A column counting 1 … n beside names and no score ("1. Bộ Tài chính", "2. Bộ Tư
    pháp", the list of a ranking's first places): a ranking with no scores printed, or a
    numbered list; nothing in the numbers tells which (``read_count``: read as the ranking,
    with a doubt, else the page's only table would hold no figure at all)."""
    if any(role != "row_number" for role in roles.values()):
        return None  # a score, a rank, a share: the table has figures of its own
    number = next((c.index for c in columns if roles.get(c.index) == "row_number"), None)
    if number is None:
        return None
    rows = sum(v is not None for v in values[number])
    return _read(roles, columns, number, CountFigures(rows, places_only=True))


def _count_beside_places(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...], names: list[str]
) -> str | None:
    """A column counting 1 … n beside names and figures that are all places themselves: whole
    numbers from 1, each column's mostly different from each other and none past four times
    the rows (each unit's place in a part ranking of a longer list: "Iowa | 3. | 5. | 17."),
    no total among them, the names in no alphabetical order. The count is the overall place
    as ``read_count`` reads a count beside no score; a list sorted by name keeps its STT
    (issue 15 §3)."""
    number = next((i for i in values if roles[i] == "row_number"), None)
    if number is None or "total" in roles.values():
        return None
    others = [i for i in values if i != number]
    if not others or any(roles[i] not in ("component", "number") for i in others):
        return None
    rows = len(values[number])
    for index in others:
        present = [v for v in values[index] if v is not None]
        if not integers(values[index]) or not present or min(present) < 1:
            return None
        if max(present) > 4 * rows or not mostly_distinct(values[index], ()):
            return None
    keys = [name.casefold() for name in names]
    places = len(keys) >= 3 and keys != sorted(keys)
    counted = sum(v is not None for v in values[number])
    return _read(roles, columns, number, CountFigures(counted, places_only=places))


def _names(rows: Sequence[Line], name: int) -> list[str]:
    return [r.cells[name - 1].text for r in rows if name <= len(r.cells)]
