"""The decision as text, its tables in one of the layouts converters and sites give.

``cells_blank``/``cells_tight``: one cell per line (header cells over their printed lines),
with or without a blank line between cells; ``spaced``: a row per line, cells one space apart;
``runon``: a whole table on one line; ``pipe``/``pipe_rule``: markdown rows, the header over
one or two rows, without or with the ``|---|`` line; ``tabs``: tab-separated rows;
``stacked``: a rank over its score in parentheses, the rank printed after the name ("TP. Đà
Nẵng 1" then "(0,9291)").
"""

from __future__ import annotations

from collections.abc import Callable

from .grid import BodyRow, body_rows, group_cells, header_rows
from .model import Decision, Table

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
Render = Callable[[Table, int | None], list[str]]


def flat_header(table: Table) -> list[list[str]]:
    """Header rows laid on the columns: a cell's text at its first column, "" elsewhere."""
    rows = []
    for cells in header_rows(table):
        line = [""] * len(table.columns)
        for cell in cells:
            line[cell.col] = cell.text
        rows.append(line)
    return rows


def body_cells(table: Table, row: BodyRow) -> list[str]:
    return group_cells(table, row.cells) if row.kind == "group" else list(row.cells)


def rows_with_cut(table: Table, cut: int | None) -> list[list[str]]:
    """Body rows laid on the columns; the last one ends after ``cut`` cells when cut."""
    rows = [body_cells(table, row) for row in body_rows(table)]
    if cut is not None:
        rows[-1] = rows[-1][:cut]
    return rows


def cells_layout(table: Table, cut: int | None, blank: bool) -> list[str]:
    items = [line for cells in header_rows(table) for cell in cells for line in cell.lines]
    for cells in rows_with_cut(table, cut):
        items += [cell for cell in cells if cell]
    return [line for item in items for line in (item, "")] if blank else items


def spaced_layout(table: Table, cut: int | None) -> list[str]:
    lines = [" ".join(cell.text for cell in cells) for cells in header_rows(table)]
    return lines + [" ".join(c for c in cells if c) for cells in rows_with_cut(table, cut)]


def runon_layout(table: Table, cut: int | None) -> list[str]:
    return [" ".join(spaced_layout(table, cut))]


def pipe_layout(table: Table, cut: int | None, rule: bool) -> list[str]:
    header = ["| " + " | ".join(cells) + " |" for cells in flat_header(table)]
    if rule and header:
        header.append("|" + "---|" * len(table.columns))
    rows = ["| " + " | ".join(cells) + " |" for cells in rows_with_cut(table, None)]
    if cut is not None:
        rows[-1] = "| " + " | ".join(rows_with_cut(table, cut)[-1])
    return header + rows


def tabs_layout(table: Table, cut: int | None) -> list[str]:
    return ["\t".join(cells) for cells in [*flat_header(table), *rows_with_cut(table, cut)]]


def stacked_layout(table: Table, cut: int | None) -> list[str]:
    """A rank over its score: "1", then the name with the rank, then "(0,9291)"."""
    lines = [line for cells in header_rows(table) for cell in cells for line in cell.lines]
    roles = [column.role for column in table.columns]
    for row in body_rows(table):
        cells = body_cells(table, row)
        if row.kind != "data":
            lines += [c for c in cells if c]
            continue
        by_role = dict(zip(roles, cells, strict=True))
        if by_role.get("row_number"):
            lines.append(by_role["row_number"])
        rank, _, score = by_role.get("rank_total", "").partition(" ")
        lines.append(f"{by_role['agency']} {rank}".rstrip())
        lines += [score] if score else []
    return lines


LAYOUTS: dict[str, Render] = {
    "cells_blank": lambda t, cut: cells_layout(t, cut, blank=True),
    "cells_tight": lambda t, cut: cells_layout(t, cut, blank=False),
    "spaced": spaced_layout,
    "runon": runon_layout,
    "pipe": lambda t, cut: pipe_layout(t, cut, rule=False),
    "pipe_rule": lambda t, cut: pipe_layout(t, cut, rule=True),
    "tabs": tabs_layout,
    "stacked": stacked_layout,
}


def front(decision: Decision) -> list[str]:
    return [
        *decision.letterhead,
        *MOTTO,
        decision.place_date,
        "",
        decision.doc_type,
        decision.title,
        "",
        decision.authority,
        "",
        *(line for basis in decision.bases for line in (basis, "")),
        f"{decision.doc_type}:",
        "",
    ]


def tables(decision: Decision, layout: str) -> list[str]:
    lines = []
    for position, table in enumerate(decision.tables):
        last = position == len(decision.tables) - 1
        lines += [table.caption, ""] if table.caption else []
        lines += [*LAYOUTS[layout](table, decision.cut if last else None), ""]
    return lines


def render_text(decision: Decision, layout: str) -> str:
    lines = front(decision)
    for number, body in enumerate(decision.articles, start=1):
        lines += [f"Điều {number}. {body}", ""]
        if number == 1 and not decision.appendix:
            lines += tables(decision, layout)
    lines += [*decision.signer_title, "", "", decision.signer, ""]
    if decision.appendix:
        lines += [*decision.appendix, "", *tables(decision, layout)]
    text = "\n".join(lines)
    return (text.rstrip() if decision.cut is not None else text.rstrip("\n")) + "\n"
