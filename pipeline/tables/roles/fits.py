"""Which score column a rule of the others gives: the total, found from the numbers alone.

``rule_fits`` asks ``reconcile.rules`` for the best rule (sum, mean, scaling, stated or fitted
weights) of every candidate's other columns, over a throwaway table of bare numbers, and counts
the rows it explains; a rule that explains each row's parts beside the next row's total as
well explains nothing (a total printed too coarsely for any rule to tell).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from pipeline.models import Column, Entry, Provenance, Table, Value
from pipeline.reconcile.rules import agrees, total_rule, usable_rows
from pipeline.tables.roles.ranks import Values

_NOWHERE = Provenance("", 1)


def rule_fits(
    candidates: list[int], scores: list[int], values: dict[int, Values]
) -> dict[int, int]:
    """For each candidate total, how many rows the best rule of the other scores explains;
    only candidates explaining at least half the rows that print every score."""
    fits: dict[int, int] = {}
    for candidate in candidates:
        parts = tuple(tuple(values[i]) for i in scores if i != candidate)
        hits = candidate_fit(parts, tuple(values[candidate]))
        if hits:
            fits[candidate] = hits
    return fits


def candidate_fit(
    parts: tuple[tuple[Decimal | None, ...], ...], total: tuple[Decimal | None, ...]
) -> int:
    """Rows the best rule of ``parts`` explains in ``total`` (0: no rule worth the name).
    Cached on the values as printed: 85,4 and 85,40 are equal Decimals, but a total printed
    to two places is checked to two places."""
    return _printed_fit(tuple(map(_printed, parts)), _printed(total))


def _printed(column: tuple[Decimal | None, ...]) -> tuple[str | None, ...]:
    return tuple(None if value is None else str(value) for value in column)


def _decimals(column: tuple[str | None, ...]) -> tuple[Decimal | None, ...]:
    return tuple(None if text is None else Decimal(text) for text in column)


@lru_cache(maxsize=256)
def _printed_fit(parts: tuple[tuple[str | None, ...], ...], printed: tuple[str | None, ...]) -> int:
    """``candidate_fit`` on columns as printed (the series, the total and a header's check
    ask about the same columns)."""
    return _fit(tuple(map(_decimals, parts)), _decimals(printed))


def _fit(parts: tuple[tuple[Decimal | None, ...], ...], total: tuple[Decimal | None, ...]) -> int:
    table = _probe(parts, total)
    rows = usable_rows(table)
    if len(rows) < 2:
        return 0
    rule = total_rule(table)
    if rule.kind == "none" or (rule.kind != "sum" and len(rows) < 3):
        return 0
    hits = sum(agrees(rule.compute(p), t) for p, t in rows)
    shifted = sum(agrees(rule.compute(p), t) for (p, _), (_, t) in _shifted(rows))
    return hits if 2 * hits >= len(rows) and hits >= 2 and 2 * shifted < hits else 0


def _shifted(rows: list[tuple[tuple[Fraction, ...], Decimal]]) -> list[tuple[Any, Any]]:
    """Each row's parts beside the next row's total. A rule that explains rows paired wrongly
    as well as rows paired rightly explains nothing: a total printed so coarsely ("1", "6")
    that any scaling of any column rounds to it."""
    return list(zip(rows, rows[1:] + rows[:1], strict=True))


def _probe(
    parts: tuple[tuple[Decimal | None, ...], ...], total: tuple[Decimal | None, ...]
) -> Table:
    """A throwaway table of bare numbers, for ``reconcile.rules`` to find the total's rule."""
    entries = tuple(
        Entry(
            row_number=None,
            agency_raw="",
            components=tuple(_bare(part[r]) for part in parts),
            total=_bare(total[r]),
            rank=None,
            band=None,
            at=_NOWHERE,
        )
        for r in range(len(total))
    )
    columns = tuple(Column(i + 1, "", "component") for i in range(len(parts)))
    columns += (Column(len(parts) + 1, "", "total"),)
    return Table(0, None, None, columns, entries, (1,))


def _bare(number: Decimal | None) -> Value | None:
    return None if number is None else Value(str(number), number, _NOWHERE)
