"""The rule search's integer arithmetic against the same arithmetic in Fractions (issue 18):
the fraction-free solve, the normal equations, and ``agrees`` (a total as printed)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from itertools import combinations
from random import Random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reconcile.rules import (
    TotalRule,
    agrees,
    agrees_ratio,
    hits,
    places,
    whole_rows,
)
from pipeline.reconcile.weights import (
    GRID_DENOMINATOR,
    _normal_equations,
    _share_matrix,
    grid_weights,
    solve,
)


def reference(matrix: list[list[Fraction]], vector: list[Fraction]) -> tuple[Fraction, ...] | None:
    """Gauss-Jordan elimination in Fractions, first non-zero pivot (the rule search's before)."""
    k = len(vector)
    rows = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(k):
        pivot = next((r for r in range(col, k) if rows[r][col] != 0), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(k):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return tuple(rows[i][k] / rows[i][i] for i in range(k))


# Scores as tables print them: whole, one or two decimals, often zero, sometimes repeated rows.
values = st.builds(Fraction, st.integers(-2000, 2000) | st.just(0), st.sampled_from([1, 10, 100]))


@st.composite
def systems(draw: st.DrawFn) -> tuple[list[list[Fraction]], list[Fraction]]:
    k = draw(st.integers(1, 6))
    matrix = [draw(st.lists(values, min_size=k, max_size=k)) for _ in range(k)]
    if k > 1 and draw(st.booleans()):
        matrix[-1] = list(matrix[0])  # a singular system
    return matrix, draw(st.lists(values, min_size=k, max_size=k))


@settings(max_examples=400, deadline=None)
@given(systems())
def test_the_solve_is_exact_elimination(
    system: tuple[list[list[Fraction]], list[Fraction]],
) -> None:
    matrix, vector = system
    assert solve([list(row) for row in matrix], list(vector)) == reference(matrix, vector)


def test_a_known_system() -> None:
    # 0,4·A + 0,6·B: rows (5, 10) → 8 and (10, 5) → 7
    assert solve([[Fraction(5), Fraction(10)], [Fraction(10), Fraction(5)]],
                  [Fraction(8), Fraction(7)]) == (Fraction(2, 5), Fraction(3, 5))  # fmt: skip
    assert solve([[Fraction(1), Fraction(2)], [Fraction(2), Fraction(4)]],
                  [Fraction(1), Fraction(2)]) is None  # fmt: skip


def reference_normal(rows: list, k: int) -> tuple[list[list[Fraction]], list[Fraction]]:
    matrix = [[sum((p[i] * p[j] for p, _ in rows), Fraction()) for j in range(k)] for i in range(k)]
    vector = [sum((p[i] * Fraction(t) for p, t in rows), Fraction()) for i in range(k)]
    return matrix, vector


@st.composite
def tables(draw: st.DrawFn) -> tuple[list, int]:
    k = draw(st.integers(1, 6))
    totals = st.builds(lambda n, places: Decimal(n).scaleb(-places), st.integers(0, 99999),
                       st.integers(0, 2))  # fmt: skip
    rows = draw(st.lists(st.tuples(st.lists(values, min_size=k, max_size=k).map(tuple), totals),
                         max_size=25))  # fmt: skip
    return rows, k


@settings(max_examples=300, deadline=None)
@given(tables())
def test_the_normal_equations_are_exact(table: tuple[list, int]) -> None:
    rows, k = table
    assert _normal_equations(rows, k) == reference_normal(rows, k)


def reference_agrees(computed: Fraction, total: Decimal) -> bool:
    scale = 10 ** places(total)
    scaled = computed * scale
    return Fraction(total) * scale in (round(scaled), math.floor(scaled + Fraction(1, 2)))


printed = st.builds(lambda n, places: Decimal(n).scaleb(-places), st.integers(-99999, 99999),
                    st.integers(-1, 3))  # fmt: skip
offsets = st.builds(Fraction, st.integers(-60, 60), st.sampled_from([1, 2, 3, 7, 20, 200, 2000]))


@settings(max_examples=2000, deadline=None)
@given(printed, offsets)
def test_agrees_is_rounding_in_fractions(total: Decimal, offset: Fraction) -> None:
    computed = Fraction(total) + offset
    assert agrees(computed, total) == reference_agrees(computed, total)


def test_agrees_on_ties() -> None:
    assert agrees(Fraction(125, 100), Decimal("1.2"))  # half-even
    assert agrees(Fraction(125, 100), Decimal("1.3"))  # half-up
    assert not agrees(Fraction(125, 100), Decimal("1.4"))
    assert (
        agrees(Fraction(-5, 2), Decimal("-2")) and agrees(Fraction(-5, 2), Decimal("-3")) is False
    )


@settings(max_examples=1000, deadline=None)
@given(printed, st.integers(-(10**7), 10**7), st.integers(-5000, 5000).filter(bool))
def test_agrees_ratio_is_agrees_of_the_fraction(total: Decimal, above: int, below: int) -> None:
    assert agrees_ratio(above, below, total) == reference_agrees(Fraction(above, below), total)


weights = st.builds(Fraction, st.integers(-50, 400), st.sampled_from([1, 3, 7, 20, 100, 868]))


@st.composite
def ruled_rows(draw: st.DrawFn) -> tuple[TotalRule, list]:
    """A weighting and rows whose totals are its own, rounded to 0-2 places, or one unit off."""
    k = draw(st.integers(1, 6))
    rule = TotalRule("weighted", tuple(draw(st.lists(weights, min_size=k, max_size=k))))
    rows = []
    for parts in draw(st.lists(st.lists(values, min_size=k, max_size=k), max_size=20)):
        unit = Decimal(1).scaleb(-draw(st.integers(0, 2)))
        exact = rule.compute(parts)
        total = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(unit)
        rows.append((tuple(parts), total + unit * draw(st.sampled_from([0, 0, 1, -1]))))
    return rule, rows


@settings(max_examples=1000, deadline=None)
@given(ruled_rows())
def test_hits_in_integers_are_agrees_of_the_fractions(case: tuple[TotalRule, list]) -> None:
    rule, rows = case
    expected = [agrees(rule.compute(parts), total) for parts, total in rows]
    assert list(hits(rule, whole_rows(rows))) == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 9), st.integers(0, 1 << 32))
def test_the_share_screen_lets_the_weights_every_row_follows_through(k: int, seed: int) -> None:
    """Shares in twentieths screened in floats: the weighting every row follows exactly (its
    totals printed to two decimals) is among those handed on to the exact test."""
    rng = Random(seed)  # scores spread as printed ones are, not shrunk to zeros
    bars = sorted(rng.sample(range(1, GRID_DENOMINATOR), k - 1))
    edges = [0, *bars, GRID_DENOMINATOR]
    weights = tuple(
        Fraction(b - a, GRID_DENOMINATOR) for a, b in zip(edges, edges[1:], strict=False)
    )
    rows = []
    for _ in range(10):
        parts = tuple(Fraction(rng.randint(0, 10_000), 100) for _ in range(k))
        exact = sum((w * p for w, p in zip(weights, parts, strict=True)), Fraction())
        total = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"))
        rows.append((parts, total))
    found, needed = grid_weights((Fraction(1),) * k, rows)
    assert needed <= len(rows)
    assert weights in found


@pytest.mark.parametrize("k", range(1, 13))
def test_the_share_matrix_holds_every_split_of_the_twentieths_in_order(k: int) -> None:
    """Each row n₁ … n_k positive and adding up to 20, every such row once, in lexicographic
    order (the screen keeps the first of equally followed weightings: the order is part of
    the result)."""
    splits = [
        tuple(b - a for a, b in zip((0, *bars), (*bars, GRID_DENOMINATOR), strict=True))
        for bars in combinations(range(1, GRID_DENOMINATOR), k - 1)
    ]
    matrix = _share_matrix(k)
    assert matrix.dtype == np.int8
    assert [tuple(int(n) for n in row) for row in matrix] == splits
