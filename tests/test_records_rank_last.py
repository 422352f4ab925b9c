"""Records printed one cell per line with no header, the rank as each record's last value:
the count is the record's own rank, not the next record's number, and a formula the decision
states settles which column is the total when the ranks fit two."""

from __future__ import annotations

from conftest import tables_of

FORMULA = (
    "Điều 1. Công bố kết quả như sau. Chỉ số của mỗi đơn vị tính theo công thức: Chỉ số = "
    "0,2 × Trụ cột 1 + 0,1 × Trụ cột 2 + 0,25 × Trụ cột 3 + 0,25 × Trụ cột 4 + 0,2 × Trụ cột 5"
    " Kết quả như sau:"
)
ROWS = [  # name, the total by the formula, five components, the rank
    ("Xã Bắc Sơn", "84,36", "84,35", "74,75", "89,47", "89,07", "76,88", "01"),
    ("Xã Phước Kháng", "81,85", "82,30", "95,75", "77,36", "71,46", "93,06", "02"),
    ("Xã Lợi Hải", "65,90", "72,38", "74,00", "56,80", "72,88", "58,04", "03"),
    ("Xã Phước Chiến", "56,28", "57,13", "59,03", "62,76", "62,76", "37,85", "04"),
    ("Xã Bắc Phong", "44,75", "44,38", "48,13", "39,65", "44,59", "50,00", "05"),
    ("Xã Công Hải", "38,09", "34,46", "30,74", "48,66", "38,69", "31,44", "06"),
]


def _text(rows: list[tuple[str, ...]]) -> str:
    cells = "\n".join(cell for row in rows for cell in row)
    return f"{FORMULA}\n\nKết quả năm 2018\n\n{cells}\n\nĐiều 2. Quyết định này có hiệu lực.\n"


def test_a_rank_printed_last_is_the_records_own() -> None:
    (table,) = tables_of(_text(ROWS))
    assert [e.agency_raw for e in table.entries] == [row[0] for row in ROWS]
    assert [e.rank.number for e in table.entries if e.rank] == [1, 2, 3, 4, 5, 6]
    assert all(e.number is None for e in table.entries)


def test_a_stated_formula_settles_a_total_the_ranks_leave_in_doubt() -> None:
    rows = [*ROWS]
    rows[2] = (*ROWS[2][:7], "05")  # a rank misprinted: both score columns fit the rest
    (table,) = tables_of(_text(rows))
    assert [e.total.printed for e in table.entries if e.total] == [row[1] for row in ROWS]
    assert [[c.printed for c in e.components] for e in table.entries] == [
        list(row[2:7]) for row in ROWS
    ]
    assert table.role_doubt is None


def test_a_rank_before_the_total_under_a_maxima_row_keeps_the_records_whole() -> None:
    rows = [  # name, three components, the rank, their mean
        ("Sở Kế hoạch và Đầu tư", "88,296", "78,519", "79,242", "1", "82,019"),
        ("Cục Thuế tỉnh", "63,678", "64,491", "61,853", "2", "63,341"),
        ("Ban Quản lý Khu kinh tế", "50,799", "48,371", "50,496", "3", "49,889"),
        ("Sở Nội vụ", "39,400", "54,001", "38,901", "4", "44,101"),
        ("Sở Y tế", "30,336", "21,898", "17,068", "5", "23,101"),
        ("Sở Tư pháp", "19,273", "17,068", "21,898", "6", "19,413"),
    ]
    header = ["Cơ quan, đơn", "vị", "C1", "C2", "C3", "Hạng năm", "Total"]
    maxima = ["Điểm tối đa", "100", "100", "100", "100"]
    cells = [*header, *maxima, *(cell for row in rows for cell in row)]
    text = "\n\n".join(["Điều 1. Kết quả cụ thể như sau:", *cells, "Điều 2. Hiệu lực."])
    (table,) = tables_of(text + "\n")
    assert [e.agency_raw for e in table.entries] == [row[0] for row in rows]
    assert [[c.printed for c in e.components] for e in table.entries] == [
        list(row[1:4]) for row in rows
    ]
    assert [e.total.printed for e in table.entries if e.total] == [row[5] for row in rows]
