"""Each number column of a document's tables read in its own number format.

A cell is parsed alone when its entry is built, so "2.095" is 2.095 there. Here every column
(each scalar role and each component) is looked at whole: where its values, or else the
document's, show "." (or ",") to be the thousands mark, a value that reads both ways is read
as thousands ("2.095" → 2095); the printed text stays as printed. A column whose values read
both ways and whose format nothing settles keeps the decimal reading and carries a
``NumberDoubt`` (flag ``ambiguous_number_format``). See pipeline/numformat.py for the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from pipeline.models import Entry, NumberDoubt, Table, Value
from pipeline.numformat import (
    Facts,
    NumberFormat,
    ambiguous_mark,
    doubt,
    facts_of,
    format_of,
    read_number,
)

SCALAR_ROLES = ("row_number", "total", "rank", "row_max", "percent")
Slot = str | int  # a scalar role, or a component's position


def with_number_formats(tables: Iterable[Table]) -> tuple[Table, ...]:
    """The tables with each column's values read in the column's format (the document's as
    fallback), and a doubt on each column whose format is left open."""
    tables = tuple(tables)
    facts = [{slot: _facts(table, slot) for slot in _slots(table)} for table in tables]
    document = format_of(set().union(*(f for own in facts for f in own.values())), False)
    return tuple(_in_formats(t, document, own) for t, own in zip(tables, facts, strict=True))


def _facts(table: Table, slot: Slot) -> Facts:
    """What a column's values say of the marks: its own format, and (with every other
    column's) the document's, from one reading of each value."""
    return facts_of([value.printed for value in _values(table, slot)], _ceiling(table, slot))


def _in_formats(table: Table, document: NumberFormat, facts: dict[Slot, Facts]) -> Table:
    entries = table.entries
    doubts: list[NumberDoubt] = []
    for slot in _slots(table):
        values = _values(table, slot)
        printed = [value.printed for value in values]
        column = format_of(facts[slot]).or_else(document)
        entries = tuple(_reread(entry, slot, column) for entry in entries)
        readings = doubt(printed, column)
        if readings is not None:
            at = next(value.at for value in values if value.printed == readings.printed)
            doubts.append(NumberDoubt(_label(table, slot), readings.printed,
                                      readings.as_decimal, readings.as_thousands, at))  # fmt: skip
    if entries == table.entries and not doubts:
        return table
    return replace(table, entries=entries, number_doubts=tuple(doubts))


def _slots(table: Table) -> list[Slot]:
    return [role for role in SCALAR_ROLES if table.has_role(role)] + list(
        range(len(table.components()))
    )


def _value(entry: Entry, slot: Slot) -> Value | None:
    if isinstance(slot, str):
        value: Value | None = getattr(entry, slot)
        return value
    return entry.components[slot] if slot < len(entry.components) else None


def _values(table: Table, slot: Slot) -> list[Value]:
    return [value for entry in table.entries if (value := _value(entry, slot)) is not None]


def _reread(entry: Entry, slot: Slot, column: NumberFormat) -> Entry:
    value = _value(entry, slot)
    if value is None or ambiguous_mark(value.printed) is None:
        return entry
    number = read_number(value.printed, column)
    if number == value.number:
        return entry
    read = replace(value, number=number)
    if isinstance(slot, str):
        changes: dict[str, Value] = {slot: read}
        return replace(entry, **changes)  # type: ignore[arg-type]
    parts = list(entry.components)
    parts[slot] = read
    return replace(entry, components=tuple(parts))


def _ceiling(table: Table, slot: Slot) -> Decimal | None:
    """The column's printed maximum: "Tổng điểm (100)", a component's "(12)"."""
    if slot == "total":
        return table.total_max
    return table.components()[slot].max_points if isinstance(slot, int) else None


def _label(table: Table, slot: Slot) -> str:
    """The column in words: its header "cột “Diện tích”", else its place "cột thứ 4"."""
    if isinstance(slot, str):
        column = next(c for c in table.columns if c.role == slot)
    else:
        column = table.components()[slot]
    return f"cột “{column.label}”" if column.label else f"cột thứ {column.index}"
