"""Records whose figures the text gives in a block after the names, as a PDF's text comes
column block by column block: each record takes its share of the block."""

from __future__ import annotations

from conftest import tables_of

UNITS = ["Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng"]
SCORES = [
    ["18,5", "20,0", "37,25"],
    ["17,0", "19,5", "30,75"],
    ["16,5", "12,0", "33,50"],
    ["12,0", "18,5", "29,00"],
    ["11,5", "10,0", "27,25"],
]


def _page(figures: list[str]) -> str:
    names = [cell for rank, unit in enumerate(UNITS, start=1) for cell in (str(rank), unit)]
    lines = [*names, "Chỉ đạo điều hành", "Cải cách TTHC Hiện đại hóa", *figures]
    return "\n\n".join(lines) + "\n"


def test_a_block_of_figures_row_by_row_after_the_names_goes_to_them_in_order() -> None:
    (table,) = tables_of(_page([f for row in SCORES for f in row]))
    got = [(e.agency_raw, [v.printed for v in e.components]) for e in table.entries]
    assert got == list(zip(UNITS, SCORES, strict=True))


def test_a_block_read_column_by_column_when_its_columns_are_rankings() -> None:
    ranks = [["1", "3", "2"], ["2", "1", "5"], ["3", "5", "1"], ["4", "2", "4"], ["5", "4", "3"]]
    down = [ranks[row][column] for column in range(3) for row in range(5)]
    (table,) = tables_of(_page(down))
    got = [[v.printed for v in e.components] for e in table.entries]
    assert got == ranks
