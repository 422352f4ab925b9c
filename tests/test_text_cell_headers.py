"""Headers printed one cell per line, as a converter gives a page's table: a two-level header
with no maxima to place its group label, and a group heading between the header and the first
record. The header is kept only as the numbers confirm it."""

from __future__ import annotations

from conftest import tables_of

from pipeline.models import Cell, Line
from pipeline.tables.records import fit as record_fit


def _cells(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_two_level_header_without_maxima_gives_each_label_its_column() -> None:
    header = ("Thứ", "tự", "Tên", "đơn vị", "Kết quả", "theo trụ cột", "Tổng điểm", "Mức",
              "xếp loại", "Nhân lực", "Hạ tầng", "Chữ ký số")  # fmt: skip
    rows = (
        ("1", "Ban Dân tộc", "90,75", "99,54", "93,33", "94,54", "Xuất sắc"),
        ("2", "Sở Y tế", "95,06", "88,62", "94,18", "92,62", "Xuất sắc"),
        ("3", "Cục Thống kê tỉnh", "80,99", "91,17", "92,32", "88,16", "Tốt"),
        ("4", "Sở Ngoại vụ", "79,91", "74,72", "85,51", "80,05", "Tốt"),
        ("5", "Thanh tra tỉnh", "63,68", "86,13", "64,14", "71,32", "Khá"),
    )
    text = _cells("Điều 1. Kết quả như sau:", *header, *(c for row in rows for c in row))
    (table,) = tables_of(text)
    assert [(c.role, c.label) for c in table.columns] == [
        ("row_number", "Thứ tự"),
        ("agency", "Tên đơn vị"),
        ("component", "Nhân lực"),
        ("component", "Hạ tầng"),
        ("component", "Chữ ký số"),
        ("total", "Tổng điểm"),
        ("band", "Mức xếp loại"),
    ]
    assert [e.total.printed for e in table.entries if e.total] == [r[5] for r in rows]


def test_a_group_mark_between_header_and_first_record_is_no_label() -> None:
    header = ("Thứ", "tự", "Tên đơn vị", "An toàn thông tin", "(51)", "Nhân lực", "CNTT (49)",
              "Điểm số", "(100)", "Xếp loại")  # fmt: skip
    rows = (
        ("1", "Sở Xây dựng", "44,84", "48,01", "92,85", "Xuất sắc"),
        ("2", "Ban Dân tộc", "47,24", "34,88", "82,12", "Tốt"),
        ("3", "Sở Tài nguyên và Môi trường", "30,05", "37,44", "67,49", "Khá"),
        ("4", "Văn phòng Ủy ban nhân dân tỉnh", "22,82", "22,16", "44,98", "Yếu"),
    )
    heading = ("I", "Các cơ quan chuyên môn thuộc UBND tỉnh")
    text = _cells("Điều 1. Kết quả như sau:", *header, *heading, *(c for r in rows for c in r))
    (table,) = tables_of(text)
    assert [(c.role, c.label) for c in table.columns] == [
        ("row_number", "Thứ tự"),
        ("agency", "Tên đơn vị"),
        ("component", "An toàn thông tin"),
        ("component", "Nhân lực CNTT"),
        ("total", "Điểm số"),
        ("band", "Xếp loại"),
    ]
    assert [c.max_points for c in table.columns[2:5]] == [51, 49, 100]


def _records(*rows: tuple[str, ...]) -> list[Line]:
    return [Line(" ".join(r), 1, tuple(Cell(t, 1) for t in r), 0) for r in rows]


def test_a_bands_label_over_a_column_of_scores_is_against_the_numbers() -> None:
    counted = record_fit.Counted.of(
        _records(
            ("1", "Sở A", "44,84", "48,01", "92,85", "Xuất sắc"),
            ("2", "Sở B", "30,05", "37,44", "67,49", "Khá"),
            ("3", "Sở C", "22,82", "22,16", "44,98", "Yếu"),
        )
    )
    shifted = ["An toàn (51)", "Nhân lực", "CNTT (49)", "Điểm số (100)", "Xêp loại", "I"]
    assert not record_fit.header_fits(shifted, counted)
    placed = ["Thứ tự", "Tên đơn vị", "An toàn (51)", "CNTT (49)", "Điểm số (100)", "Xêp loại"]
    assert record_fit.header_fits(placed, counted)
    # one word without its marks is another word too: "Mục" over the row numbers is no band
    assert record_fit.header_fits(["Mục", *placed[1:]], counted)
