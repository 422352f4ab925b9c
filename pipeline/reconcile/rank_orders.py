"""Orders a table's stated ranks may follow other than highest total first: lowest first (a
penalty, a time), by distance from parity (a ratio ranked by how near it is to 1), or places
going on from rows printed elsewhere. ``rows.check_rank`` reads the ranks by them."""

from __future__ import annotations

from decimal import Decimal

from pipeline.models import Entry


def places_before(ranks: list[Decimal]) -> int:
    """How many places a list of ranks alone leaves to rows printed elsewhere: its first rank
    less one, when it starts past 1 and its rows stand in rank order, three or more ("4 –
    Distrito Federal", "5 – …" after the first three named in prose; a list's second page
    "11." … "20."); else 0. Its ranks are then checked as places after those."""
    ordered = all(a <= b for a, b in zip(ranks, ranks[1:], strict=False))
    return int(ranks[0]) - 1 if len(ranks) >= 3 and ranks[0] > 1 and ordered else 0


def lowest_first(
    scored: list[tuple[Entry, Decimal, Decimal]],
) -> list[tuple[Entry, Decimal, Decimal]]:
    """The rows with their totals negated when the ranks place lower totals first (a
    penalty, a time, a count of offences): of the pairs of rows the ranks tell apart, more
    than twice as many put the lower total ahead as the higher one, over six rows or more
    (fewer fall in either order by chance too often: two rows ranked the wrong way round are
    two wrong ranks), or over four rows or more where every such pair does (the foot of a
    ranking, "163 … 160", printed apart from its head). The check then reads them the same
    way; else they are as they are."""
    if len(scored) < _ALL_PAIRS_PROOF:
        return scored
    higher = lower = 0
    for _, rank, total in scored:
        for _, other_rank, other in scored:
            if rank < other_rank:
                higher += total > other
                lower += total < other
    if len(scored) < _ORDER_PROOF and higher:
        return scored
    if lower <= 2 * higher:
        return scored
    return [(entry, rank, -total) for entry, rank, total in scored]


def ranked_by_distance(pairs: list[tuple[Decimal, Decimal]]) -> bool:
    """Whether (rank, score) pairs, four or more, rank the scores not by their size but by how
    near each is to parity inside their span (a ratio ranked by its distance from 1: 0.997
    ranked 5th, 1.004 6th, 0.995 7th; the same in per cent from 100, a change from 0). Every
    two ranks bound where that point may lie (nearer the better-ranked score); the ranks hold
    when those bounds leave room for it between the lowest and the highest score and the
    room holds parity (any other point would fit two top rows printed in each other's place
    as well: a misprint, not a target)."""
    if len(pairs) < 4 or _by_size(pairs):
        return False
    low, high = min(s for _, s in pairs), max(s for _, s in pairs)
    floor, ceiling = low, high
    for rank, score in pairs:
        for other_rank, other in pairs:
            middle = (score + other) / 2
            if rank < other_rank and score < other:
                ceiling = min(ceiling, middle)  # the point lies nearer ``score``
            elif rank < other_rank and score > other:
                floor = max(floor, middle)
    parity = any(floor <= point <= ceiling for point in _PARITY)
    return parity and low < floor <= ceiling < high


_ORDER_PROOF = 6  # rows in one order that chance does not give (as the table stage counts)
_ALL_PAIRS_PROOF = 4  # rows whose every pair of ranks puts the lower total ahead
_PARITY = (Decimal(0), Decimal(1), Decimal(100))  # a change's, a ratio's, a ratio in per cent


def _by_size(pairs: list[tuple[Decimal, Decimal]]) -> bool:
    """Whether the ranks follow the scores, higher or lower first."""
    ordered = [rank for rank, _ in sorted(pairs, key=lambda pair: pair[1])]
    return ordered == sorted(ordered) or ordered == sorted(ordered, reverse=True)
