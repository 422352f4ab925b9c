"""Column groups dated by the header, one table each: "2011" over area, population, density,
then "2012" over the same three, and so on.

A grid that prints several figures a year side by side under a header row of years holds one
table per year, as a grid printing one score a year does (``roles`` reads those as a series):
the same labels under each year, every figure column under one. Each year's columns get their
roles from their own numbers; the other years' are left aside in its table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline import vocabulary as vocab
from pipeline.models import Column, Line
from pipeline.tables.roles.infer import Roles, infer_roles

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_KEYS = frozenset({"agency", "row_number"})  # the row's own columns, in every year's table


def dated_groups(columns: tuple[Column, ...]) -> list[tuple[int, ...]]:
    """The column indices under each year of the header, when two years or more head groups
    of two columns or more with the same labels and every figure column stands under one;
    else []."""
    figures = [c for c in columns if c.role not in _KEYS | {"text"}]
    groups: dict[str, list[Column]] = {}
    for column in figures:
        if column.group is None or not _YEAR.search(column.group):
            return []
        groups.setdefault(column.group, []).append(column)
    labels = {tuple(vocab.fold(c.label) for c in group) for group in groups.values()}
    sizes = {len(group) for group in groups.values()}
    if len(groups) < 2 or len(labels) != 1 or min(sizes) < 2:
        return []
    return [tuple(c.index for c in group) for group in groups.values()]


def group_roles(columns: tuple[Column, ...], body: Sequence[Line], group: tuple[int, ...]) -> Roles:
    """One year's table: its columns' roles from their own numbers, the other years' aside."""
    own = tuple(c for c in columns if c.index in group or c.role in _KEYS)
    roles = infer_roles(own, body)
    settled = {c.index: c for c in roles.columns}
    aside = (replace(c, role="other") for c in columns if c.index not in settled)
    merged = sorted([*settled.values(), *aside], key=lambda c: c.index)
    return Roles(tuple(merged), roles.doubt)
