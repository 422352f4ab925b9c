"""Readings whose decimal places differ from their column's: a digit lost or gained.

A column prints its numbers with one number of decimal places ("9.50", "10.00"). A scanned
cell read with fewer places than most of its column ("66.0" under "66.05": the last digit
wrapped onto the next line, or faded) or with more ("1.851" for "11.85": a speck read as a
digit) was likely misread, and a second reading of the same crop sees the same cut or speck:
it is no witness for it. ``trust`` flags such a value unless the arithmetic confirms it
exactly. A column whose numbers print their places freely ("10", "9.5", "9.25") has no
strict majority, or its odd ones out are flagged only where no sum vouches for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from decimal import Decimal
from typing import TypeVar

from pipeline.reconcile.rules import places

Key = TypeVar("Key", bound=Hashable)


def off_places(figures: Iterable[tuple[Key, Hashable, Decimal]]) -> dict[Key, int]:
    """Each key whose number (given with its column) is printed with other decimal places than
    a strict majority of its column's numbers, mapped to that majority's places."""
    columns: dict[Hashable, list[tuple[Key, int]]] = {}
    for key, column, number in figures:
        columns.setdefault(column, []).append((key, places(number)))
    off: dict[Key, int] = {}
    for read in columns.values():
        usual, many = Counter(p for _, p in read).most_common(1)[0]
        if 2 * many > len(read):
            off |= {key: usual for key, p in read if p != usual}
    return off
