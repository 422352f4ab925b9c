"""Weight vectors a table's totals may follow, for ``rules`` to test row by row.

Three sources, from the most to the least constrained: shares of the total's scale in
twentieths (5 %, 10 % …: the weights an index states), every such weighting screened at once
in floating point and kept as chance would not explain its rows; a common factor (the mean,
a scaling);
weights fitted by exact least squares and by exact solves over k rows, snapped to simple
fractions. Only candidates come from here: whether the rows follow them is decided exactly,
in rationals, by ``rules.hits``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from itertools import chain, combinations

import numpy as np

Row = tuple[tuple[Fraction, ...], Decimal]  # (components, printed total)

SNAP_DENOMINATORS = (4, 20, 100, 1000)  # fitted weights are simple fractions: 2/5, 3/10, 1/3
GRID_STEPS = (20, 100)  # … or multiples of 5 % or 1 %: each weight of a fit rounded to one
MAX_SUBSETS = 12  # exact solves over k rows each, besides the least-squares fit of all rows
GRID_DENOMINATOR = 20  # shares of the total's maximum: 5 %, 10 % …
GRID_MAX_COMPONENTS = 12  # up to 92,378 share vectors (C(19, 9)), screened together in floats
GRID_KEPT = 24  # the screened vectors most rows follow, handed on to the exact test
CHANCE = 0.01  # a weighting screened is kept when chance would explain its rows this rarely
MIN_ROWS = 3  # … and never on fewer rows than this


def grid_weights(
    scales: tuple[Fraction, ...], rows: Sequence[Row]
) -> tuple[list[tuple[Fraction, ...]], int]:
    """The weightings by shares of the total's scale in twentieths that enough rows follow,
    most followed first, and how many rows "enough" is: share sᵢ = n/20 (n ≥ 1, Σ sᵢ = 1),
    weight wᵢ = sᵢ · scaleᵢ (the total's maximum over the component's). When the components
    vary together across the rows a least-squares fit cannot tell such weights apart from
    others, but trying each in turn can. Too many to try one by one in rationals (50,388 for
    eight components), they are screened at once in floating point, with a margin that lets
    every exact agreement through.

    "Enough" comes from the screen itself: the share of rows a weighting follows on average
    is how often a row agrees by chance (its rounding against the spread of the totals), and
    a weighting is kept only when so many rows follow it that, by chance, not one of the
    vectors tried would (``CHANCE``). Eight components over eleven rows printed to two
    decimals need four rows, not the ten a fit of eight weights would."""
    k = len(scales)
    if not 2 <= k <= GRID_MAX_COMPONENTS or not rows:
        return [], len(rows) + 1
    shares = _share_matrix(k)  # (vectors, k) in twentieths
    weights = shares * np.array([float(f) for f in scales]) / GRID_DENOMINATOR
    followed = np.zeros(len(shares), dtype=np.int32)
    off = np.empty(len(shares))  # each row's distance from its total, in buffers made once:
    near = np.empty(len(shares), dtype=bool)  # a temporary per step cost more than the steps
    for parts, total in rows:
        np.matmul(weights, np.array([float(p) for p in parts]), out=off)
        np.abs(np.subtract(off, float(total), out=off), out=off)
        slack = 0.5 * 10.0 ** -places(total) + 1e-9 * (1 + abs(float(total)))
        followed += np.less_equal(off, slack, out=near)
    needed = max(
        _beyond_chance(float(followed.mean()) / len(rows), len(shares)), -(-2 * len(rows) // 3)
    )
    chosen = np.flatnonzero(followed >= needed)
    chosen = chosen[np.argsort(-followed[chosen], kind="stable")][:GRID_KEPT]
    found = [
        tuple(Fraction(int(n), GRID_DENOMINATOR) * f for n, f in zip(row, scales, strict=True))
        for row in shares[chosen]
    ]
    return found, needed


def _beyond_chance(rate: float, tried: int) -> int:
    """The fewest rows that ``tried`` weightings, each followed by a row with probability
    ``rate``, would all together explain by chance with probability under ``CHANCE``."""
    if rate <= 0:
        return MIN_ROWS
    if rate >= 1:
        return 1 << 30  # every weighting fits every row: the rounding hides the weights
    return max(MIN_ROWS, math.ceil(math.log(CHANCE / tried) / math.log(rate)))


@lru_cache(maxsize=GRID_MAX_COMPONENTS)  # int8: 1 MB for the largest
def _share_matrix(parts: int) -> np.ndarray:
    """Every way of writing GRID_DENOMINATOR as ``parts`` positive integers n₁ … n_parts, in
    lexicographic order, one a row: the bars between them laid out by ``combinations``
    straight into an array and differenced there. Built as tuples one by one they took
    0.1-0.4 s for seven to twelve components, most of a worker's first document with a table
    of weighted components (each worker builds its own: a batch of 30 paid it per worker)."""
    count = math.comb(GRID_DENOMINATOR - 1, parts - 1)
    bars = np.fromiter(
        chain.from_iterable(combinations(range(1, GRID_DENOMINATOR), parts - 1)),
        dtype=np.int8,
        count=count * (parts - 1),
    ).reshape(count, parts - 1)
    edges = np.zeros((count, parts + 1), dtype=np.int8)
    edges[:, 1:parts] = bars
    edges[:, parts] = GRID_DENOMINATOR
    return np.diff(edges, axis=1)


def places(total: Decimal) -> int:
    """The decimal places a number is printed with ("64,74": 2)."""
    exponent = total.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def ratio(rows: list[Row]) -> Fraction | None:
    ratios = sorted(Fraction(total) / sum(parts) for parts, total in rows if sum(parts))
    return ratios[len(ratios) // 2] if ratios else None


def snapped(values: list[Fraction | None]) -> Iterator[Fraction]:
    for value in values:
        if value is None or value <= 0:
            continue
        yield from dict.fromkeys(value.limit_denominator(d) for d in SNAP_DENOMINATORS)


def fitted(rows: list[Row], k: int) -> Iterator[tuple[Fraction, ...]]:
    """Positive weight vectors, snapped, from least squares and from exact k-row solves."""
    solutions = [solve(*_normal_equations(rows, k))]
    step = max(1, len(rows) // MAX_SUBSETS)
    for start in range(0, len(rows), step):
        subset = [rows[(start + i) % len(rows)] for i in range(k)]
        solutions.append(solve([list(p) for p, _ in subset], [Fraction(t) for _, t in subset]))
    seen: set[tuple[Fraction, ...]] = set()
    for solution in solutions:
        if solution is None or any(w <= 0 for w in solution):
            continue
        grids = (tuple(Fraction(round(w * d), d) for w in solution) for d in GRID_STEPS)
        snaps = (tuple(w.limit_denominator(d) for w in solution) for d in SNAP_DENOMINATORS)
        for weights in (*grids, *snaps):
            if weights not in seen and all(w > 0 for w in weights):
                seen.add(weights)
                yield weights


def _normal_equations(rows: list[Row], k: int) -> tuple[list[list[Fraction]], list[Fraction]]:
    """AᵀA and Aᵀb of the rows, exactly: summed as integers over one common denominator."""
    table = [[*parts, Fraction(total)] for parts, total in rows]
    scale = math.lcm(1, *(value.denominator for row in table for value in row))
    ints = [[value.numerator * (scale // value.denominator) for value in row] for row in table]
    square = scale * scale
    matrix = [
        [Fraction(sum(row[i] * row[j] for row in ints), square) for j in range(k)] for i in range(k)
    ]
    vector = [Fraction(sum(row[i] * row[k] for row in ints), square) for i in range(k)]
    return matrix, vector


def solve(matrix: list[list[Fraction]], vector: list[Fraction]) -> tuple[Fraction, ...] | None:
    """Exact Gaussian elimination; None when the system is singular.

    Fraction-free (Bareiss): each row is scaled to integers, and every entry stays an integer
    (a minor of that matrix), so dividing by the previous pivot is exact. The solution is the
    one rational arithmetic gives, at a third of the time: a scanned table's search for its
    rule solved some 200 systems of Fractions.
    """
    k = len(vector)
    if len(matrix) != k:
        return None
    rows = [_integers([*row, value]) for row, value in zip(matrix, vector, strict=True)]
    previous = 1
    for col in range(k):
        pivot = next((r for r in range(col, k) if rows[r][col] != 0), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col]
        for r in range(k):
            if r != col:
                row, factor = rows[r], rows[r][col]
                rows[r] = [
                    (head[col] * a - factor * b) // previous for a, b in zip(row, head, strict=True)
                ]
        previous = head[col]
    return tuple(Fraction(rows[i][k], rows[i][i]) for i in range(k))


def _integers(values: list[Fraction]) -> list[int]:
    """The values times the least common multiple of their denominators."""
    scale = math.lcm(*(value.denominator for value in values))
    return [value.numerator * (scale // value.denominator) for value in values]
