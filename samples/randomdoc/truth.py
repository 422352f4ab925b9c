"""What a reader must give back for a drawn decision: metadata, every table's columns (role,
label as printed, maximum) and every row's cells by role, and the planted flags.

Numbers are canonical text ("85.40"); ranks are integers; a cell the table prints empty, or
that a cut-off text never printed, is null.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .grid import cell_text
from .model import Column, Decision, Row, Table


def canonical(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def role_cells(column: Column, row: Row) -> dict[str, Any]:
    """The cells one column gives a row, by role key ("component 2", "total" …)."""
    role = column.role
    if role == "component":
        part = row.components[column.index] if row.components else None
        return {f"component {column.index + 1}": canonical(part)}
    if role == "rank_total":
        return {"rank": row.rank, "total": canonical(row.total)}
    values: dict[str, Any] = {
        "row_number": row.number,
        "agency": row.name,
        "total": canonical(row.total),
        "rank": row.rank,
        "band": row.band,
        "row_max": canonical(row.row_max),
        "percent": canonical(row.percent),
    }
    return {role: values[role]}


def row_truth(table: Table, row: Row, printed_cells: int | None) -> dict[str, Any]:
    cells: dict[str, Any] = {}
    for position, column in enumerate(table.columns):
        shown = printed_cells is None or position < printed_cells
        for key, value in role_cells(column, row).items():
            cells[key] = value if shown and cell_text(table, row, column) else None
    return {
        "name": row.name,
        "group": " ".join(row.group) if row.group else None,
        "cells": cells,
        "cut": printed_cells is not None,
    }


def table_truth(table: Table, cut: int | None) -> dict[str, Any]:
    rows = [
        row_truth(table, row, cut if i == len(table.rows) - 1 else None)
        for i, row in enumerate(table.rows)
    ]
    return {
        "caption": table.caption,
        "level": table.level,
        "rule": table.rule.name if table.rule else None,
        "top": canonical(table.top),
        "header": table.header,
        "maxima": table.maxima,
        "ranked": table.ranked,
        "columns": [
            {
                "role": c.role,
                "label": " ".join(c.label) if table.header != "none" else None,
                "max": canonical(c.maximum) if table.maxima != "none" else None,
            }
            for c in table.columns
        ],  # fmt: skip
        "rows": rows,
    }


def truth(decision: Decision, layout: str, cut: bool) -> dict[str, Any]:
    count = len(decision.tables)
    return {
        "seed": decision.seed,
        "layout": layout,
        "metadata": decision.metadata,
        "tables": [
            table_truth(table, decision.cut if cut and i == count - 1 else None)
            for i, table in enumerate(decision.tables)
        ],
        "planted": [
            {"table": p.table, "row": p.row, "check": p.check, "cell": p.cell}
            for p in decision.planted
        ],
    }
