"""A single-spaced row whose last cell, words in every other row, runs on with more figures.

"1. Huyện A 20,4 tỷ đồng (cả tiền đất); trừ tiền đất 9,1 tỷ đồng" over rows "2. Huyện B 18
tỷ đồng": the row prints more cells than the table, and nothing in a single-spaced row says
which column a cell stands under. Its first cells are of the kinds the other rows print there,
so they take the columns in order; the rest stays words of the last column (issue 15).
"""

from __future__ import annotations

from conftest import tables_of

_ROWS = (
    "Thu ngân sách các huyện năm 2023\n\n"
    "1. Thành phố Bắc Ninh 20,4 tỷ đồng (cả tiền sử dụng đất); trừ tiền đất 9,1 tỷ đồng\n\n"
    "2. Tiên Du 18 tỷ đồng\n\n3. Quế Võ 15,75 tỷ đồng\n\n"
    "4. Gia Bình 12,2 tỷ đồng\n\n5. Lương Tài 11,05 tỷ đồng\n\n"
    "6. Yên Phong 9,8 tỷ đồng\n\n7. Từ Sơn 9,45 tỷ đồng\n"
)


def test_the_run_on_row_keeps_its_figure_in_the_figure_column() -> None:
    (table,) = tables_of(_ROWS)
    first = table.entries[0]
    assert first.agency_raw == "Thành phố Bắc Ninh"
    figures = [v.printed for v in (*first.components, first.total) if v is not None]
    assert figures == ["20,4"]
    column = [
        next((v.printed for v in (*e.components, e.total) if v is not None), None)
        for e in table.entries
    ]
    assert column == ["20,4", "18", "15,75", "12,2", "11,05", "9,8", "9,45"]
