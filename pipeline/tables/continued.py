"""Whether a grid continues the table before it, across a page break.

A grid without a header continues the table when it has its width, names where the table has
them, and numbering that can follow the table's last row (``continues_headless``); a grid that
opens with one cell of words in the name column carries the end of a name the break cut
(``name_tail``); a repeated header continues it unless its numbering starts again at 1 or it
ranks the same units again (``continues_repeated``). The evidence is the rows' own numbers and
names; a caption printed between two grids is judged by the assembler before these.
"""

from __future__ import annotations

from typing import Protocol

from pipeline.models import Column, Line
from pipeline.parse import parse_number
from pipeline.tables.header.columns import is_data_row
from pipeline.tables.header.sections import opens_with_mark


class Sofar(Protocol):
    """The table assembled so far: its columns and its rows."""

    @property
    def columns(self) -> tuple[Column, ...]: ...

    @property
    def rows(self) -> list[Line]: ...


def continues_headless(table: Sofar, rows: list[Line]) -> bool:
    """A grid without a header continues the table above when it has its width and unit names
    where the table has them (one province's scores over the years is not a continuation)."""
    if len(rows[0].cells) != len(table.columns):
        return False
    agency, named = _named_rows(table.columns, rows)
    if (
        _first_row_number(rows, table.columns) == 1
        and table.rows
        and not opens_with_mark(table.rows[-1])
    ):
        return False  # its numbering starts again: a table of its own (another year, level),
        # unless the table's last row is the heading of the group it numbers
    if agency is not None and _names_again(table, named, agency):
        return False  # the same units ranked again: another year's table
    if not _numbering_goes_on(table, rows):
        return False  # "1 … 4", a caption, then "163, 162 …": the foot of the ranking
    return 2 * len(named) >= len(data_rows(rows))


def _numbering_goes_on(table: Sofar, rows: list[Line]) -> bool:
    """Whether a grid's first number (its STT, else its rank) can follow the table's last:
    the next one, or a place after tied ones, never more places on than the table has rows
    (ties skip no more) and never back but to 1 (a group's own count, under its heading).
    Printed or unread on either side: no evidence."""
    first = _first_row_number(rows, table.columns)
    last = _first_row_number(list(reversed(table.rows)), table.columns)
    if first is None or last is None or first == 1:
        return True
    return last <= first <= last + max(2, len(data_rows(table.rows)))


def _names_again(table: Sofar, named: list[Line], index: int) -> bool:
    """Whether most of a grid's unit names are already in the table (a continued table goes
    on with other units)."""
    seen = {row.cells[index].text for row in table.rows if index < len(row.cells)}
    again = sum(row.cells[index].text in seen for row in named)
    return again >= 2 and 2 * again > len(named)


def name_tail(table: Sofar, rows: list[Line]) -> bool:
    """Whether a grid opens with one cell of words in the name column, then rows that go on
    with the table: the rest of a name a page break cut ("Bộ Văn hóa, Thể thao và" / "Du lịch")."""
    agency = next((c.index - 1 for c in table.columns if c.role == "agency"), None)
    first = rows[0]
    filled = [i for i, cell in enumerate(first.cells) if cell.text.strip()]
    return filled == [agency] and len(rows) > 1 and continues_headless(table, rows[1:])


def _named_rows(columns: tuple[Column, ...], rows: list[Line]) -> tuple[int | None, list[Line]]:
    """The name column's place (0-based) and the data rows with a name in it."""
    agency = next((c.index - 1 for c in columns if c.role == "agency"), None)
    named = [row for row in data_rows(rows) if agency is not None and _has_name(row, agency)]
    return agency, named


def _has_name(row: Line, index: int) -> bool:
    return sum(ch.isalpha() for ch in row.cells[index].text) >= 3


def _lettered(row: Line, index: int) -> bool:
    """A unit cell holding a letter: a name, or an id of one or two capitals ("A", "B")
    that a table's units may be named by; a repeated header's units met again by it."""
    return index < len(row.cells) and any(ch.isalpha() for ch in row.cells[index].text)


def data_rows(rows: list[Line]) -> list[Line]:
    return [row for row in rows if is_data_row(row)]


def continues_repeated(table: Sofar, columns: tuple[Column, ...], body: list[Line]) -> bool:
    """A repeated header continues the table unless its row numbers start again at 1. A
    column of places is a rank or a count alike: a piece whose places all tie low in the
    ranking (29 … 57 over counts of 3, 2, 1) reads as a count on its own."""
    same = [(_counting(c.role), c.label, c.max_points) for c in columns] == [
        (_counting(c.role), c.label, c.max_points) for c in table.columns
    ]
    if not same and (
        _header_printed_again(table.columns, columns) or _numbering_follows(table, columns, body)
    ):
        columns = table.columns  # the table's roles, read from more rows than this piece's
    elif not same:
        return False
    agency, _ = _named_rows(columns, body)
    lettered = [r for r in data_rows(body) if agency is not None and _lettered(r, agency)]
    again = agency is not None and _names_again(table, lettered, agency)
    return _first_row_number(body, columns) != 1 and not again


def _numbering_follows(table: Sofar, columns: tuple[Column, ...], body: list[Line]) -> bool:
    """Whether a header of the table's width, the names in the same column, opens rows whose
    first STT is the one after the table's last: the header printed again, however garbled
    (drawn 9931's page 2, "Tổng số" read "DnØ S"); the numbers say where the rows go on."""
    if len(columns) != len(table.columns) or _agency_at(columns) != _agency_at(table.columns):
        return False
    first = _first_row_number(body, table.columns)
    last = _first_row_number(list(reversed(table.rows)), table.columns)
    return first is not None and last is not None and first == last + 1


def _agency_at(columns: tuple[Column, ...]) -> int | None:
    return next((c.index for c in columns if c.role == "agency"), None)


def _header_printed_again(table: tuple[Column, ...], columns: tuple[Column, ...]) -> bool:
    """Whether a header prints the table's own labels and maxima, column by column, the units'
    names in the same column, but for the spaces between letters and their case (OCR reads a
    narrow gap as none: "choCNTT"): the same header, whatever roles a piece of a few rows
    shows on its own (page 2 of drawn 9934: a column of scores falling like the totals, read
    as a rank). At least half the columns must print a label: an unlabelled header is no
    evidence."""

    def printed(column: Column) -> tuple[str, object, bool]:
        label = "".join(column.label.split()).casefold()
        return label, column.max_points, column.role == "agency"

    labelled = sum(bool(column.label.strip()) for column in table)
    return (
        len(table) == len(columns)
        and 2 * labelled >= len(table)
        and all(printed(a) == printed(b) for a, b in zip(table, columns, strict=True))
    )


def _counting(role: str) -> str:
    return "row_number" if role == "rank" else role


def _first_row_number(rows: list[Line], columns: tuple[Column, ...]) -> int | None:
    """The first row's STT, or its rank when no STT is printed."""
    index = next((c.index - 1 for c in columns if c.role == "row_number"), None)
    if index is None:
        index = next((c.index - 1 for c in columns if c.role == "rank"), None)
    for row in rows:
        if index is not None and is_data_row(row):
            number = parse_number(row.cells[index].text)
            return int(number) if number is not None else None
    return None
