"""How a table's totals follow from its components: a plain sum, stated weights, or fitted ones.

A DTI-like index is a weighted sum (0,4·A + 0,3·B + 0,3·C), a PAR-like index may be an average
or the sum scaled to 100. Where the decision states the weights they are used; otherwise the
rule most rows satisfy is found with exact rational arithmetic (``fractions.Fraction``), a total
being allowed to be rounded to the places it is printed with (half-up or half-even): the mean,
the sum scaled to the total's maximum, simple weights (each component's share of the total's
maximum a multiple of 5 %) tried one by one, then weights fitted by least squares. The sum
stays the rule unless another one explains clearly more rows, so a planted error in one row is
still an error of that row; a table no rule explains has ``kind == "none"``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from pipeline.models import Entry, Table
from pipeline.reconcile.weights import Row, fitted, grid_weights, places, ratio, snapped

SIMPLE_DENOMINATOR = 12  # simple weights: two decimals (0,15) or a fraction up to twelfths


@dataclass(frozen=True, slots=True)
class TotalRule:
    """total = Σ weightᵢ · componentᵢ; ``kind`` names the rule for tables.csv."""

    kind: str  # sum | weighted | mean | scaled | none
    weights: tuple[Fraction, ...] = ()
    stated: bool = False  # the decision prints the formula
    # the weights over their least common denominator: (numerators, denominator), for ``hits``
    integral: tuple[tuple[int, ...], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        below = math.lcm(1, *(weight.denominator for weight in self.weights))
        above = tuple(weight.numerator * (below // weight.denominator) for weight in self.weights)
        object.__setattr__(self, "integral", (above, below))

    def compute(self, parts: Sequence[Decimal | Fraction]) -> Fraction:
        return sum((w * Fraction(p) for w, p in zip(self.weights, parts, strict=True)), Fraction())

    def describe(self) -> str:
        """ "sum", "mean", "scaled:1.25", "weighted:0.4,0.3,0.3", "none"."""
        if self.kind in ("sum", "mean", "none"):
            return self.kind
        if self.kind == "scaled":
            return f"scaled:{fraction_text(self.weights[0])}"
        return "weighted:" + ",".join(fraction_text(w) for w in self.weights)


def fraction_text(value: Fraction) -> str:
    """A weight as a decimal when it terminates ("0.4"), else as a fraction ("1/3")."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=1 << 12)
def _scaled(printed: str) -> tuple[int, int]:
    """(10 ** places, the total times that: a whole number) of a printed total, kept per text:
    a table's few totals are checked thousands of times each."""
    total = Decimal(printed)
    scale = 10 ** places(total)
    numerator, denominator = total.as_integer_ratio()
    return scale, numerator * scale // denominator


def agrees(computed: Fraction, total: Decimal) -> bool:
    """The printed total is the computed one, exactly or rounded to its printed places
    (half-even or half-up). In integers: the checks of a table call this some 15,000 times."""
    return agrees_scaled(computed.numerator, computed.denominator, scaled_total(total))


def agrees_ratio(above: int, below: int, total: Decimal) -> bool:
    """``agrees(Fraction(above, below), total)`` without building the Fraction (below != 0)."""
    if below < 0:
        above, below = -above, -below
    return agrees_scaled(above, below, scaled_total(total))


def scaled_total(total: Decimal) -> tuple[int, int]:
    """(10 ** places, the total times that) of a printed total, for ``agrees_scaled``."""
    return _scaled(str(total))  # str keeps the printed places; equal Decimals may not


def agrees_scaled(above: int, below: int, scaled: tuple[int, int]) -> bool:
    """``agrees_ratio`` of a total read once by ``scaled_total``, for a caller that checks it
    against many ratios (below > 0)."""
    scale, target = scaled
    floor, remainder = divmod(above * scale, below)
    half_up = floor + (2 * remainder >= below)
    half_even = floor + (2 * remainder > below or (2 * remainder == below and floor % 2 == 1))
    return target in (half_even, half_up)


def rounded(computed: Fraction, total: Decimal) -> Decimal:
    """The computed total as printed with the total's places (half-up)."""
    exact = Decimal(computed.numerator) / Decimal(computed.denominator)
    return exact.quantize(Decimal(1).scaleb(-places(total)), rounding=ROUND_HALF_UP)


def usable_rows(table: Table) -> list[Row]:
    """Rows with every component and the total printed and readable."""
    rows = []
    for entry in table.entries:
        parts = _parts(entry)
        if parts is not None and entry.total is not None and entry.total.number is not None:
            rows.append((tuple(Fraction(p) for p in parts), entry.total.number))
    return rows


def _parts(entry: Entry) -> list[Decimal] | None:
    if not entry.components or any(v is None or v.number is None for v in entry.components):
        return None
    return [v.number for v in entry.components if v is not None and v.number is not None]


def _agreeing(rule: TotalRule, rows: list[Row], whole: Whole | None = None) -> list[Row]:
    """The rows whose totals follow the rule; ``whole``: the same rows as ``whole_rows``
    gives them, when the caller tries many rules on them."""
    return [
        row for row, hit in zip(rows, hits(rule, whole or whole_rows(rows)), strict=True) if hit
    ]


@dataclass(frozen=True, slots=True)
class Whole:
    """Rows in integers: each component times ``scale`` (the least common denominator of every
    component of every row), each printed total read once (``scaled_total``)."""

    scale: int
    rows: tuple[tuple[tuple[int, ...], tuple[int, int]], ...]


def whole_rows(rows: list[Row]) -> Whole:
    scale = math.lcm(1, *(part.denominator for parts, _ in rows for part in parts))
    return Whole(scale, tuple(
        (tuple(part.numerator * (scale // part.denominator) for part in parts), scaled_total(total))
        for parts, total in rows
    ))  # fmt: skip


def hits(rule: TotalRule, whole: Whole) -> Iterator[bool]:
    """For each row, ``agrees(rule.compute(parts), total)``, computed in integers over one
    common denominator (the weights' times the rows'): a scanned table whose totals do not
    add up tries ~1,000 weightings on its rows each time it is reconciled, and the OCR
    correction reconciles it again for every candidate reading (``ocr/correct.py``); in
    Fractions that took a minute of a drawn page."""
    weights, below = rule.integral
    below *= whole.scale
    for parts, total in whole.rows:
        above = sum(w * p for w, p in zip(weights, parts, strict=True))
        yield agrees_scaled(above, below, total)


def total_rule(table: Table) -> TotalRule:
    """The rule the table's totals follow (see the module docstring)."""
    return _rule_of(_Same(table))


@dataclass(frozen=True, eq=False)
class _Same:
    """A table known by its identity: hashing and comparing a whole table (its entries, each
    value's provenance) for the cache cost 2.5% of a text PDF's time, more than the rule."""

    table: Table

    def __hash__(self) -> int:
        return id(self.table)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.table is self.table


@lru_cache(maxsize=64)  # a pure function of a frozen table, asked by several checks
def _rule_of(same: _Same) -> TotalRule:
    """``total_rule`` computed."""
    table = same.table
    k = len(table.components())
    if not k or not table.has_role("total"):
        return TotalRule("none")
    plain = TotalRule("sum", (Fraction(1),) * k)
    rows = usable_rows(table)
    n = len(rows)
    if table.stated_weights is not None and len(table.stated_weights) == k:
        stated = TotalRule("weighted", tuple(Fraction(w) for w in table.stated_weights), True)
        if n < 3 or 2 * len(_agreeing(stated, rows)) >= n:
            return stated
    if n < 3 or 2 * _exact_sums(table) >= n:  # the usual case, in Decimal: no fractions
        return plain
    summed = len(_agreeing(plain, rows))
    if 2 * summed >= n:
        return plain
    return _best_fitted(table, rows, summed)


def _best_fitted(table: Table, rows: list[Row], summed: int) -> TotalRule:
    """The candidate weighting most rows follow, if it convinces and beats the plain sum."""
    n = len(rows)
    whole = whole_rows(rows)
    best: tuple[tuple[int, int], TotalRule] | None = None
    simplest: tuple[tuple[int, int], TotalRule] | None = None
    for rule, free in _candidates(table, rows):
        if _misses_too_many(rule, whole, n // 2 if free == 0 else n // 3):
            continue  # cheap test first: most candidate weightings fail on the first rows
        agreeing = _agreeing(rule, rows, whole)
        if not _convincing(agreeing, free, n) or len(agreeing) <= summed:
            continue
        # more rows, then simpler weights: of two weightings as many rows follow, the one of
        # simple shares (0,15) is the index's, not the one of 45/868 its rounding lets pass
        score = (len(agreeing), -_denominator(rule))
        if best is None or score > best[0]:
            best = (score, rule)
        if _simple(rule) and (simplest is None or score > simplest[0]):
            simplest = (score, rule)
        if len(agreeing) == n and _simple(rule):
            break  # every row follows simple weights: no later, more contrived rule can do better
    if simplest and best and simplest[0][0] >= best[0][0] - 1:
        # weights like 13/92 that take in one row more than the mean (1/7) are fitted to that
        # row's error: an index weighs by simple shares, and the row is the one to flag
        return simplest[1]
    return best[1] if best else TotalRule("none")


def _denominator(rule: TotalRule) -> int:
    return max((weight.denominator for weight in rule.weights), default=1)


def _simple(rule: TotalRule) -> bool:
    """Weights an index states: shares to two decimals (0,15) or small fractions (1/7)."""
    return all(
        100 % weight.denominator == 0 or weight.denominator <= SIMPLE_DENOMINATOR
        for weight in rule.weights
    )


def _exact_sums(table: Table) -> int:
    """Rows whose components add up to their printed total exactly."""
    count = 0
    for entry in table.entries:
        parts = _parts(entry)
        if parts is not None and entry.total is not None and entry.total.number is not None:
            count += sum(parts, Decimal(0)) == entry.total.number
    return count


def _misses_too_many(rule: TotalRule, whole: Whole, allowed: int) -> bool:
    """More than ``allowed`` rows disagree with the rule (stops counting there)."""
    misses = 0
    for hit in hits(rule, whole):
        if not hit:
            misses += 1
            if misses > allowed:
                return True
    return False


def _convincing(agreeing: list[Row], free: int, n: int) -> bool:
    """Enough distinct rows beyond the fitted parameters, and most of the table."""
    distinct = {parts for parts, _ in agreeing if any(parts)}
    share = 2 * len(agreeing) >= n if free == 0 else 3 * len(agreeing) >= 2 * n
    return len(distinct) >= free + 2 and share


def _candidates(table: Table, rows: list[Row]) -> Iterator[tuple[TotalRule, int]]:
    """(rule, parameters fitted) in order of preference."""
    k = len(table.components())
    yield _named((Fraction(1, k),) * k), 0
    maxima = [column.max_points for column in table.components()]
    if table.total_max is not None and all(m is not None for m in maxima):
        top = sum((Fraction(m) for m in maxima if m is not None), Fraction())
        if top:
            yield _named((Fraction(table.total_max) / top,) * k), 0
    for factor in snapped([ratio(rows)]):
        yield _named((factor,) * k), 1
    scales = _scales(table)
    if scales is not None:
        screened, needed = grid_weights(scales, rows)
        for weights in screened:  # as convincing as a fit of needed - 2 parameters
            yield _named(weights), max(0, needed - 2)
    for weights in fitted(rows, k):
        yield _named(weights), k


def _scales(table: Table) -> tuple[Fraction, ...] | None:
    """Each component's scale against the total's: the total's maximum over the component's,
    or one for each when no maximum is printed (components scored as the total is)."""
    maxima = [column.max_points for column in table.components()]
    if not any(m is not None for m in maxima):
        return (Fraction(1),) * len(maxima)
    if table.total_max is None or any(m is None or m <= 0 for m in maxima):
        return None
    return tuple(Fraction(table.total_max) / Fraction(m) for m in maxima if m is not None)


def _named(weights: tuple[Fraction, ...]) -> TotalRule:
    k = len(weights)
    if len(set(weights)) == 1:
        if weights[0] == 1:
            return TotalRule("sum", weights)
        return TotalRule("mean" if weights[0] == Fraction(1, k) else "scaled", weights)
    return TotalRule("weighted", weights)


def lent_rules(tables: Sequence[Table]) -> dict[int, TotalRule]:
    """Rules lent to tables too short to show their own (index → rule): a group of five rows
    cannot fit seven weights, but the document's other table of the same components (the
    next group, the other year) shows them. Lent only where every row of the short table but
    at most one follows it, so that one row is flagged, not a table scored another way."""
    lent: dict[int, TotalRule] = {}
    for table in tables:
        if total_rule(table).kind != "none":  # cached: most tables show their own rule
            continue
        rows = usable_rows(table)
        if len(rows) < 3:
            continue
        for other in tables:
            rule = total_rule(other) if _same_components(table, other) else TotalRule("none")
            if (
                rule.kind in ("weighted", "mean", "scaled")
                and len(_agreeing(rule, rows)) >= len(rows) - 1
            ):
                lent[table.index] = rule
                break
    return lent


def _same_components(table: Table, other: Table) -> bool:
    """Other table, its components labelled as this one's (or neither's labelled, as the
    groups of one table printed without a header) and with the same maxima."""
    mine = [(" ".join(c.label.lower().split()), c.max_points) for c in table.components()]
    theirs = [(" ".join(c.label.lower().split()), c.max_points) for c in other.components()]
    labelled = all(label for label, _ in mine) or not any(label for label, _ in mine)
    return other is not table and labelled and mine == theirs
