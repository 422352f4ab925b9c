"""Figures and the rules they follow: components within maxima, totals by a rule, ranks, bands.

Every figure is a ``Decimal`` with a fixed number of places; ``printed`` writes it with a
decimal comma or point. A total follows one rule of its components: their sum, stated or
unstated weights (multiples of 0,05), their mean, or their sum scaled to the total's maximum;
rounded half-up to the printed places.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

BANDS = ((Decimal("0.9"), "Xuất sắc"), (Decimal("0.8"), "Tốt"), (Decimal("0.65"), "Khá"),
         (Decimal("0.5"), "Trung bình"), (Decimal(0), "Yếu"))  # fmt: skip
SCALED_SUMS = (Decimal(50), Decimal(80), Decimal(40), Decimal(200))  # component maxima → 100


@dataclass(frozen=True)
class Rule:
    """How a total follows its components: sum | weighted | mean | scaled."""

    kind: str
    weights: tuple[Decimal, ...] = ()
    factor: Decimal = Decimal(1)
    stated: bool = False  # weights written in the decision's prose

    @property
    def name(self) -> str:
        """As tables.csv's total_rule names it."""
        if self.kind == "weighted":
            return "weighted:" + ",".join(format(w.normalize(), "f") for w in self.weights)
        if self.kind == "scaled":
            return f"scaled:{format(self.factor.normalize(), 'f')}"
        return self.kind


def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(quantum(places), rounding=ROUND_HALF_UP)


def printed(value: Decimal, places: int, comma: bool) -> str:
    text = format(rounded(value, places), "f")
    return text.replace(".", ",") if comma else text


def apply(rule: Rule, parts: Sequence[Decimal], places: int) -> Decimal:
    """The total the rule gives these components, rounded to the printed places."""
    if rule.kind == "weighted":
        exact = sum((w * p for w, p in zip(rule.weights, parts, strict=True)), Decimal(0))
    elif rule.kind == "mean":
        exact = sum(parts, Decimal(0)) / len(parts)
    else:
        exact = sum(parts, Decimal(0)) * rule.factor
    return rounded(exact, places)


def split_evenly(whole: Decimal, count: int, rng: random.Random, step: Decimal) -> list[Decimal]:
    """count positive multiples of step adding up to whole, each near an equal share."""
    units = int(whole / step)
    share = units / count
    while True:
        parts = [max(1, round(share * rng.uniform(0.5, 1.5))) for _ in range(count - 1)]
        rest = units - sum(parts)
        if rest >= max(1, share * 0.5):
            return [part * step for part in [*parts, rest]]


def draw_weights(count: int, rng: random.Random) -> tuple[Decimal, ...]:
    """Weights, multiples of 0,05 adding up to 1, not all equal."""
    while True:
        weights = split_evenly(Decimal(1), count, rng, Decimal("0.05"))
        if len(set(weights)) > 1 or count == 1:
            return tuple(weights)


def component_maxima(
    count: int, top: Decimal, rule: Rule, places: int, rng: random.Random
) -> list[Decimal]:
    """Each component's maximum: a share of the total's maximum (sum, scaled), or the maximum
    itself (weighted, mean); printable at the table's places, so no score rounds above it."""
    if rule.kind in ("weighted", "mean"):
        return [top] * count
    whole = top / rule.factor
    step = Decimal(1) if whole >= 10 * count else quantum(2)
    if top < 10:
        step = Decimal("0.05") if whole >= Decimal("0.05") * count * 2 else quantum(2)
    return split_evenly(whole, count, rng, max(step, quantum(places)))


def component_values(
    maxima: Sequence[Decimal], quality: float, places: int, rng: random.Random
) -> list[Decimal]:
    """A row's components: near quality × maximum, within [0, maximum], at the printed places."""
    parts = []
    for top in maxima:
        share = min(max(quality + rng.uniform(-0.15, 0.15), 0.05), 1.0)
        parts.append(min(rounded(top * Decimal(str(round(share, 6))), places), top))
    return parts


def competition_ranks(scores: Sequence[Decimal]) -> list[int]:
    """Standard competition ranking ("1224")."""
    return [1 + sum(other > score for other in scores) for score in scores]


def band_of(score: Decimal, top: Decimal) -> str:
    return next(band for floor, band in BANDS if score >= floor * top)


def thresholds_prose(top: Decimal, comma: bool) -> str:
    """The band thresholds as a decision states them: "từ 90 điểm trở lên: Xuất sắc; …"."""
    floors = [(floor * top, band) for floor, band in BANDS]

    def show(value: Decimal) -> str:
        text = format(value.normalize(), "f")
        return text.replace(".", ",") if comma else text

    parts = [f"từ {show(floors[0][0])} điểm trở lên: {floors[0][1]}"]
    for (high, _), (low, band) in zip(floors, floors[1:-1], strict=False):
        parts.append(f"từ {show(low)} đến dưới {show(high)} điểm: {band}")
    parts.append(f"dưới {show(floors[-2][0])} điểm: {floors[-1][1]}")
    return "; ".join(parts)
