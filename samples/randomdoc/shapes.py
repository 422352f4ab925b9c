"""A table's shape: which columns it prints in which order, how they are worded, the scale,
the places, the rule of its total and how its header and maxima are printed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from . import wording
from .model import Column
from .numbers import SCALED_SUMS, Rule, component_maxima, draw_weights

RANKED_COMBOS = ("rank_only", "score_rank", "score_rank", "score_rank_band", "rank_total",
                 "score_band", "score_only")  # fmt: skip
UNRANKED_COMBOS = ("score_only", "score_band")


@dataclass(frozen=True)
class Shape:
    combo: str
    columns: tuple[Column, ...]
    rule: Rule | None
    top: Decimal
    places: int
    comma: bool
    header: str
    group_label: wording.Label
    maxima: str
    pad_rank: bool
    ranked: bool
    row_max: str  # "" | constant | varied
    stated_bands: bool

    @property
    def maxima_values(self) -> list[Decimal]:
        parts = [c for c in self.columns if c.role == "component"]
        return [c.maximum or Decimal(0) for c in sorted(parts, key=lambda c: c.index)]


def draw_rule(count: int, top: Decimal, rows: int, rng: random.Random) -> Rule:
    """How the total follows ``count`` components over ``rows`` rows. A rule the reader must
    fit from the rows needs rows to spare: one unknown (mean, scale) from six rows, unstated
    weights from two rows more than weights and one row left blank or cut (else no reader,
    nor a person, can tell the total from a component: seed 9890002, nine weights over eight
    rows), so with fewer rows the decision states its weights."""
    kinds = ["sum", "sum", "sum", "stated"]
    kinds += ["weighted", "mean", "scaled"] if rows >= 6 else []
    kind = rng.choice(kinds)
    if kind == "weighted" and rows < count + 3:
        kind = "stated"
    if kind == "stated" or kind == "weighted":
        return Rule("weighted", draw_weights(count, rng), stated=kind == "stated")
    if kind == "mean":
        return Rule("mean")
    if kind == "scaled" and top == 100:
        whole = rng.choice([s for s in SCALED_SUMS if s >= 5 * count])
        return Rule("scaled", factor=top / whole)
    return Rule("sum")


def draw_combo(ranked: bool, stacked: bool, rng: random.Random) -> str:
    if stacked:
        return "rank_total"
    return rng.choice(RANKED_COMBOS if ranked else UNRANKED_COMBOS)


def draw_scale(combo: str, rng: random.Random) -> tuple[Decimal, int]:
    if rng.random() < (0.6 if combo == "rank_total" else 0.25):
        return Decimal(1), rng.choice((3, 4, 4))
    return Decimal(100), rng.choice((2, 2, 2, 1, 3))


@dataclass(frozen=True)
class Wish:
    """What the decision asks of a table's shape."""

    level: str
    index: str
    rows: int
    stacked: bool = False  # the "1" then "(0,9291)" layout: a rank and a score in one cell
    ranked: bool | None = None  # None: drawn
    numbered: bool | None = None  # STT column; None: drawn


def draw_shape(wish: Wish, rng: random.Random) -> Shape:
    ranked = wish.ranked if wish.ranked is not None else rng.random() < 0.85
    ranked = ranked or wish.stacked  # a rank over its score: a ranking
    combo = draw_combo(ranked, wish.stacked, rng)
    top, places = draw_scale(combo, rng)
    scored = combo not in ("rank_only", "rank_total")
    count = 0 if not scored or rng.random() < 0.3 else rng.randint(2, 12)
    rule = draw_rule(count, top, wish.rows, rng) if count else None
    maxima = component_maxima(count, top, rule, places, rng) if rule else []
    row_max = ""
    if scored and ranked and combo in ("score_rank", "score_only") and rng.random() < 0.15:
        if count == 0 and top == 100:
            row_max = "varied"
        elif rule is not None and rule.kind == "sum":
            row_max = "constant"
    numbered = wish.numbered if wish.numbered is not None else rng.random() < 0.8
    columns = draw_columns(combo, maxima, top, row_max, numbered, wish, rng)
    header = "none" if rng.random() < 0.1 else ("group" if count >= 2 and rng.random() < 0.4
                                                   else "one")  # fmt: skip
    has_maxima = any(c.maximum is not None for c in columns)
    printed_maxima = rng.choice(("label", "label", "row", "none"))
    printed_maxima = printed_maxima if has_maxima and header != "none" else "none"
    return Shape(
        combo=combo,
        columns=columns,
        rule=rule,
        top=top,
        places=places,
        comma=rng.random() < 0.7,
        header=header,
        group_label=wording.pick(wording.GROUP, rng),
        maxima=printed_maxima,
        pad_rank=rng.random() < 0.4,
        ranked=ranked,
        row_max=row_max,
        stated_bands="band" in combo and top == 100 and not row_max and rng.random() < 0.4,
    )


def draw_columns(
    combo: str,
    maxima: list[Decimal],
    top: Decimal,
    row_max: str,
    numbered: bool,
    wish: Wish,
    rng: random.Random,
) -> tuple[Column, ...]:
    """The columns in printed order, each with its label."""
    labels = wording.component_labels(wish.index, len(maxima), rng)
    parts = [
        Column("component", wording.wrapped(label, rng), top_, i)
        for i, (label, top_) in enumerate(zip(labels, maxima, strict=True))
    ]
    blocks: list[list[Column]] = [parts] if parts else []
    if combo not in ("rank_only", "rank_total"):
        total = Column("total", wording.total_label(wish.index, rng), None if row_max else top)
        blocks.insert(0 if rng.random() < 0.3 else len(blocks), [total])
    if row_max:
        blocks += [[Column("row_max", wording.pick(wording.ROW_MAX, rng))],
                   [Column("percent", wording.pick(wording.PERCENT, rng))]]  # fmt: skip
    if combo == "rank_total":
        blocks.append([Column("rank_total", wording.pick(wording.RANK_TOTAL, rng))])
    ranks = combo in ("rank_only", "score_rank", "score_rank_band")
    rank = [Column("rank", wording.pick(wording.RANK, rng))] if ranks else []
    if rank:
        blocks.append(rank)
    if "band" in combo:
        blocks.append([Column("band", wording.pick(wording.BAND, rng))])
    if rng.random() < 0.2:
        rng.shuffle(blocks)
    front = [Column("row_number", wording.pick(wording.ROW_NUMBER, rng))] if numbered else []
    name = Column("agency", wording.pick(wording.AGENCY[wish.level], rng))
    if rank and not numbered and rng.random() < 0.3:
        blocks.remove(rank)
        front = rank
    return tuple([*front, name, *(column for block in blocks for column in block)])
