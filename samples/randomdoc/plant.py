"""One planted wrong figure per decision now and then, and the check that must catch it.

Each plant breaks exactly one rule in one row and leaves every other check of the table true:
a component moved so the total no longer follows (sum_mismatch); a component raised over its
printed maximum with another lowered to keep the total (over_max); a rank its score
contradicts (rank_mismatch); a band against the stated thresholds, or, where none are stated,
a band lower than a row it scores above (band_mismatch).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from .model import Decision, Plant, Row, Table
from .numbers import BANDS, apply, quantum

BAND_NAMES = [band for _, band in BANDS]
Planter = Callable[[Table, int, random.Random], tuple[Row, str] | None]


def plant_sum(table: Table, i: int, rng: random.Random) -> tuple[Row, str] | None:
    row, rule = table.rows[i], table.rule
    parts = [p for p in row.components if p is not None]
    fitted = rule is not None and (rule.kind in ("mean", "scaled") or (
        rule.kind == "weighted" and not rule.stated))  # fmt: skip
    # a rule the reader must fit from the rows: one unknown (the scale), or one weight per
    # component when none is printed; too few rows leave it unknown and the moved figure
    # undetectable by anyone (12 unstated weights over 9 rows: seed 57)
    unknowns = len(parts) if rule is not None and rule.kind == "weighted" else 1
    if rule is None or not parts or (fitted and len(table.rows) < max(8, unknowns + 3)):
        return None
    maxima = [c.maximum for c in sorted(table.columns, key=lambda c: c.index)
              if c.role == "component"]  # fmt: skip
    for _ in range(20):
        j = rng.randrange(len(parts))
        delta = quantum(table.places) * rng.choice((-1, 1)) * rng.randint(1, 40)
        value = parts[j] + delta
        if not 0 <= value <= (maxima[j] or Decimal(0)):
            continue
        changed = [*parts[:j], value, *parts[j + 1 :]]
        if abs(apply(rule, changed, table.places) - (row.total or 0)) >= quantum(table.places):
            return replace(row, components=tuple(changed)), f"component {j + 1}"
    return None


def plant_over(table: Table, i: int, rng: random.Random) -> tuple[Row, str] | None:
    row, rule = table.rows[i], table.rule
    if rule is None or rule.kind == "weighted" or table.maxima == "none" or not row.components:
        return None
    parts = [p or Decimal(0) for p in row.components]
    maxima = [c.maximum or Decimal(0) for c in sorted(table.columns, key=lambda c: c.index)
              if c.role == "component"]  # fmt: skip
    j, k = rng.sample(range(len(parts)), 2)
    over = maxima[j] + quantum(table.places) * rng.randint(1, 30) - parts[j]
    if parts[k] - over < 0:
        return None
    parts[j], parts[k] = parts[j] + over, parts[k] - over
    return replace(row, components=tuple(parts)), f"component {j + 1}"


def plant_rank(table: Table, i: int, rng: random.Random) -> tuple[Row, str] | None:
    row = table.rows[i]
    if row.rank is None or row.total is None:
        return None
    wrong = row.rank + rng.choice((1, 2, 3)) if row.rank < 3 else row.rank + rng.choice((-2, 2))
    return replace(row, rank=wrong), "rank"


def plant_band(table: Table, i: int, rng: random.Random) -> tuple[Row, str] | None:
    """Against the stated thresholds: a neighbouring band. Without them: the next lower band
    for a row that scores above another row of its own band, which now ranks above it."""
    row = table.rows[i]
    if row.band is None or row.total is None:
        return None
    at = BAND_NAMES.index(row.band)
    if table.stated_bands:
        other = [k for k in (at - 1, at + 1) if 0 <= k < len(BAND_NAMES)]
        return replace(row, band=BAND_NAMES[rng.choice(other)]), "band"
    below = [r for r in table.rows if r.band == row.band and r.total is not None
             and r.total < row.total]  # fmt: skip
    if not below or at + 1 >= len(BAND_NAMES):
        return None
    return replace(row, band=BAND_NAMES[at + 1]), "band"


PLANTERS: dict[str, Planter] = {
    "sum_mismatch": plant_sum,
    "over_max": plant_over,
    "rank_mismatch": plant_rank,
    "band_mismatch": plant_band,
}


def plant_one(decision: Decision, rng: random.Random) -> Decision:
    """With some probability, one wrong figure in one row of one table."""
    if rng.random() >= 0.35:
        return decision
    t = rng.randrange(len(decision.tables))
    table = decision.tables[t]
    checks = list(PLANTERS)
    rng.shuffle(checks)
    rows = [i for i, row in enumerate(table.rows) if not row.empty]
    ranked = table.has("rank") or table.has("rank_total")  # "01 (0,727)" holds a rank too
    if ranked and table.rows[-1].number is None and decision.doc_type == "THÔNG BÁO":
        rows = rows[:-1]  # not the publisher's own row under a top ten
    if not rows:
        return decision
    i = rng.choice(rows)
    for check in checks:
        done = PLANTERS[check](table, i, rng)
        if done is not None:
            row, cell = done
            rows_ = list(table.rows)
            rows_[i] = row
            tables = list(decision.tables)
            tables[t] = replace(table, rows=tuple(rows_))
            return replace(decision, tables=tuple(tables), planted=(Plant(t, i, check, cell),))
    return decision
