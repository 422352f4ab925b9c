"""A drawn table as printed cells: header rows with spans, a maxima row, group headings, rows.

Every renderer prints from this grid, so the same decision gives the same cells in every
layout. ``cells_of`` is also what the truth records as printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Column, Row, Table
from .numbers import printed

MAXIMA_ROW = "Điểm tối đa"


@dataclass(frozen=True)
class HeaderCell:
    lines: tuple[str, ...]
    col: int
    rowspan: int = 1
    colspan: int = 1

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class BodyRow:
    kind: str  # data | group | maxima
    cells: tuple[str, ...]  # data, maxima: one per column; group: (numeral, heading)


def number_text(value: Decimal, comma: bool) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if comma else text


def label_lines(table: Table, column: Column) -> tuple[str, ...]:
    """A header cell's printed lines, with its maximum "(20)" when the table prints it so."""
    top = column.maximum if column.role in ("component", "total") else None
    if table.maxima != "label" or top is None:
        return column.label
    shown = f"({number_text(top, table.comma)})"
    if len(column.label) == 1:
        return (*column.label, shown)
    return (*column.label[:-1], f"{column.label[-1]} {shown}")


def header_rows(table: Table) -> list[list[HeaderCell]]:
    if table.header == "none":
        return []
    cols = table.columns
    if table.header == "one":
        return [[HeaderCell(label_lines(table, c), i) for i, c in enumerate(cols)]]
    parts = [i for i, c in enumerate(cols) if c.role == "component"]
    first: list[HeaderCell] = []
    for i, column in enumerate(cols):
        if i == parts[0]:
            first.append(HeaderCell(table.group_label, i, colspan=len(parts)))
        elif i not in parts:
            first.append(HeaderCell(label_lines(table, column), i, rowspan=2))
    second = [HeaderCell(label_lines(table, cols[i]), i) for i in parts]
    return [first, second]


def rank_text(table: Table, rank: int | None) -> str:
    if rank is None:
        return ""
    return f"{rank:02d}" if table.pad_rank else str(rank)


def score_text(table: Table, value: Decimal | None, places: int | None = None) -> str:
    if value is None:
        return ""
    return printed(value, table.places if places is None else places, table.comma)


def cell_text(table: Table, row: Row, column: Column) -> str:
    """One printed cell of a row."""
    role = column.role
    if role == "row_number":
        return "" if row.number is None else str(row.number)
    if role == "agency":
        return row.name
    if role == "component":
        return score_text(table, row.components[column.index] if row.components else None)
    if role == "rank_total":
        if row.rank is None:
            return ""
        return f"{rank_text(table, row.rank)} ({score_text(table, row.total)})"
    texts = {
        "total": score_text(table, row.total),
        "rank": rank_text(table, row.rank),
        "band": row.band or "",
        "row_max": "" if row.row_max is None else number_text(row.row_max, table.comma),
        "percent": score_text(table, row.percent, 2),
    }
    return texts[role]


def cells_of(table: Table, row: Row) -> tuple[str, ...]:
    return tuple(cell_text(table, row, column) for column in table.columns)


def maxima_row(table: Table) -> tuple[str, ...]:
    cells = []
    for column in table.columns:
        if column.role == "agency":
            cells.append(MAXIMA_ROW)
        elif column.role in ("component", "total") and column.maximum is not None:
            cells.append(number_text(column.maximum, table.comma))
        else:
            cells.append("")
    return tuple(cells)


def body_rows(table: Table) -> list[BodyRow]:
    rows = [BodyRow("maxima", maxima_row(table))] if table.maxima == "row" else []
    for row in table.rows:
        if row.group is not None:
            rows.append(BodyRow("group", row.group))
        rows.append(BodyRow("data", cells_of(table, row)))
    return rows


def group_cells(table: Table, heading: tuple[str, ...]) -> list[str]:
    """A group heading laid on the columns: numeral under STT, text under the name."""
    width = len(table.columns)
    if table.columns[0].role == "agency":
        return [" ".join(heading), *[""] * (width - 1)]
    return [heading[0], heading[1], *[""] * (width - 2)]
