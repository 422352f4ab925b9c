"""A table's rows: each unit's figures drawn to follow the shape's rule, then ordered, ranked
and banded; groups numbered from 1 again, a unit with no values, a tie now and then."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from .model import Row
from .numbers import apply, band_of, competition_ranks, component_values, rounded
from .shapes import Shape

ROW_MAXIMA = (Decimal(100), Decimal(95), Decimal(90), Decimal(85), Decimal(80))


def scored_row(name: str, shape: Shape, rng: random.Random) -> Row:
    """One unit's figures, before order, rank and band."""
    quality = rng.uniform(0.3, 0.97)
    maxima = shape.maxima_values
    parts = component_values(maxima, quality, shape.places, rng) if maxima else []
    if shape.rule is not None:
        total = apply(shape.rule, parts, shape.places)
    else:
        total = rounded(shape.top * Decimal(str(round(quality, 6))), shape.places)
    row_max = None
    if shape.row_max == "varied":
        row_max = rng.choice(ROW_MAXIMA)
        total = min(rounded(row_max * Decimal(str(round(quality, 6))), shape.places), row_max)
    elif shape.row_max == "constant":
        row_max = shape.top
    percent = rounded(total * 100 / row_max, 2) if row_max else None
    return Row(name, components=tuple(parts), total=total, row_max=row_max, percent=percent)


def score_of(row: Row) -> Decimal:
    value = row.percent if row.percent is not None else row.total
    return value if value is not None else Decimal(-1)


def tie_some(rows: list[Row], rng: random.Random) -> list[Row]:
    """Now and then a unit scores exactly as another (a shared rank)."""
    if len(rows) > 3 and rng.random() < 0.2:
        k = rng.randrange(1, len(rows))
        rows[k] = replace(rows[k - 1], name=rows[k].name)
    return rows


def finished(rows: Sequence[Row], shape: Shape, rng: random.Random) -> list[Row]:
    """Ordered (by score, else as listed), numbered from 1, ranked and banded as printed."""
    ordered = sorted(rows, key=score_of, reverse=True) if shape.ranked else list(rows)
    scores = [score_of(row) for row in ordered]
    ranks = competition_ranks(scores)
    has = {column.role for column in shape.columns}
    band_top = Decimal(100) if shape.row_max else shape.top
    done = []
    for position, (row, rank) in enumerate(zip(ordered, ranks, strict=True), start=1):
        done.append(
            Row(
                name=row.name,
                number=position if "row_number" in has else None,
                components=row.components if "component" in has else (),
                total=row.total if has & {"total", "rank_total"} else None,
                rank=rank if has & {"rank", "rank_total"} else None,
                band=band_of(score_of(row), band_top) if "band" in has else None,
                row_max=row.row_max,
                percent=row.percent,
            )
        )
    return done


def group_rows(
    groups: Sequence[tuple[tuple[str, str] | None, Sequence[str]]],
    shape: Shape,
    rng: random.Random,
) -> list[Row]:
    """Every group's rows, each group ordered and numbered on its own under its heading."""
    rows: list[Row] = []
    for heading, names in groups:
        drawn = tie_some([scored_row(name, shape, rng) for name in names], rng)
        done = finished(drawn, shape, rng)
        if heading is not None and done:
            done[0] = replace(done[0], group=heading)
        rows += done
    return rows


def blank_row(name: str, rows: Sequence[Row], shape: Shape) -> Row:
    """A unit listed with a name and no values (not evaluated), numbered after the others."""
    numbered = any(column.role == "row_number" for column in shape.columns)
    after = rows[-1].number if rows and rows[-1].number is not None else 0
    return Row(name, number=after + 1 if numbered else None)
