"""A per-row maximum and the percentage of it each row scores, told from the numbers.

A column at least every other score of its row, with a column equal to score ÷ it (× 100 or
× 1, as printed), is a per-row maximum, and that column the percentage the rows are ranked by.
The two fit each other both ways (p = s ÷ t, t = s ÷ p): the percentage is the one the rows are
ordered by. A count (1 … n, or going up by one from a page before) is neither a score nor a share.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from pipeline.reconcile.rules import agrees_scaled, scaled_total
from pipeline.tables.roles.ranks import Values, integers, mostly_distinct, rank_like, varies


def settle_maximum(roles: dict[int, str], values: dict[int, Values]) -> tuple[int, int] | None:
    """A per-row maximum: a column with a percentage column equal to score ÷ maximum. Returns
    (percentage, maximum) when the rows' order does not tell the two apart (a table sorted by
    name): the reading is kept, and the table carries the doubt."""
    scores = [i for i in values if roles[i] in ("number", "component", "total", "row_max")]
    shares = [*scores, *(i for i in values if roles[i] == "other")]  # "Tỷ lệ đạt": a figure
    shares = [i for i in shares if not _counts_or_ranks(values[i])]
    shares = [i for i in shares if varies(values[i])]  # once a column, not once a triple
    printed = {i: [None if v is None else scaled_total(v) for v in values[i]] for i in shares}
    found = []
    for top in scores:
        for score in shares:
            if score == top or not _below(values[score], values[top]):
                continue
            ratios = _ratios(values[score], values[top])
            found += [
                (top, score, percent)
                for percent in shares
                if percent not in (top, score) and _is_share(printed[percent], ratios)
            ]
    if not found:
        return None
    # p = s ÷ t and t = s ÷ p alike: the percentage is what the rows are ordered by; over a
    # maximum of 100 the score and its percentage are one figure: the header tells them apart
    top, score, percent = max(
        found, key=lambda f: (_ordered_share(values[f[2]]), roles[f[1]] == "total")
    )
    roles.update({top: "row_max", percent: "percent", score: "total"})
    swapped = (percent, score, top) in found
    ordered = _descending_steps(values[percent]) == len(_present(values[percent])) - 1
    told = ordered and _descending_steps(values[top]) < _descending_steps(values[percent])
    return (percent, top) if swapped and not told else None


def _counts_or_ranks(column: Values) -> bool:
    """Whole numbers within 1 … n, mostly different from each other (a rank, a count), or going
    up by one: neither a score nor a share of one. Small whole-number scores that repeat
    ("6, 5, 8, 5, 2 …" of thirty rows) can be the score a share is taken of."""
    return (rank_like(column) and mostly_distinct(column, ())) or _steps_by_one(column)


def _descending_steps(column: Values) -> int:
    present = _present(column)
    return sum(a >= b for a, b in zip(present, present[1:], strict=False))


def _ordered_share(column: Values) -> Fraction:
    """The share of a column's steps that go down (a row cut short prints one figure less)."""
    steps = len(_present(column)) - 1
    return Fraction(_descending_steps(column), steps) if steps > 0 else Fraction(0)


def _present(column: Values) -> list[Decimal]:
    return [v for v in column if v is not None]


def _below(scores: Values, tops: Values) -> bool:
    pairs = [(s, t) for s, t in zip(scores, tops, strict=True) if s is not None and t is not None]
    return len(pairs) >= 2 and all(s <= t for s, t in pairs) and any(s < t for s, t in pairs)


def _ratios(scores: Values, tops: Values) -> list[tuple[int, int] | None]:
    """Each row's score ÷ top as whole numbers (above, below > 0); None where either is not
    printed or the top is 0. Worked out once a pair of columns, not once a triple."""
    ratios: list[tuple[int, int] | None] = []
    for s, t in zip(scores, tops, strict=True):
        if s is None or not t:
            ratios.append(None)
            continue
        (sn, sd), (tn, td) = s.as_integer_ratio(), t.as_integer_ratio()
        above, below = sn * td, sd * tn
        ratios.append((-above, -below) if below < 0 else (above, below))
    return ratios


def _is_share(percent: list[tuple[int, int] | None], ratios: list[tuple[int, int] | None]) -> bool:
    """percent = score ÷ top × 100 (or × 1), as printed with its places, in most rows;
    ``percent`` as ``scaled_total`` reads each row's, ``ratios`` as ``_ratios`` gives them."""
    pairs = [(p, r) for p, r in zip(percent, ratios, strict=True) if p is not None and r]
    if len(pairs) < 2:
        return False
    for scale in (100, 1):  # no Fraction built: ~15,000 checks a table (speed)
        misses = 0  # four rows in five must agree: the sixth miss in thirty settles it
        for p, (above, below) in pairs:
            if not agrees_scaled(above * scale, below, p):
                misses += 1
                if misses * 5 > len(pairs):
                    break
        else:
            return True
    return False


def _steps_by_one(column: Values) -> bool:
    """Whole numbers going up by one from row to row (a count, continued from a page before):
    neither a score nor a share of one."""
    present = [v for v in column if v is not None]
    steps = zip(present, present[1:], strict=False)
    return len(present) >= 2 and integers(column) and all(b == a + 1 for a, b in steps)
