"""Tables whose header and group headings are printed one space apart, as text copied from a
page gives them: what the header says that the numbers cannot (the STT against the rank, the
maxima) is read from it, and group headings keep a table whole."""

from __future__ import annotations

from pathlib import Path

from conftest import extract_one, tables_of

ROWS_IN_SCORE_ORDER = (
    "1 Sở Tài chính 0,8925 Tốt\n"
    "2 Sở Khoa học và Công nghệ 0,6314 Trung bình\n"
    "3 Bộ Chỉ huy Quân sự tỉnh 0,5989 Trung bình\n"
    "4 Sở Giao thông vận tải 0,4957 Yếu\n"
    "5 Sở Nội vụ 0,4751 Yếu\n"
    "6 Sở Y tế 0,4737 Yếu\n"
    "7 Sở Tư pháp 0,3914 Yếu\n"
)


def test_a_group_heading_marked_without_a_stop_keeps_the_header_over_the_next_group() -> None:
    text = (
        "TT Sở, ban, ngành Chỉ số tổng hợp Mức độ\n"
        "I Khối sở, ban, ngành\n" + ROWS_IN_SCORE_ORDER + "II Khối huyện, thị xã, thành phố\n"
        "1 Huyện Đắk Mil 0,8628 Tốt\n"
        "2 Huyện Cư Jút 0,7011 Khá\n"
        "3 Huyện Đăk Glong 0,6972 Khá\n"
        "4 UBND thị xã Gia Nghĩa 0,6706 Khá\n"
        "5 Huyện Đắk Song 0,4511 Yếu\n"
        "6 Huyện Krông Nô 0,4181 Yếu\n"
    )
    tables = tables_of(text)
    assert [len(t.entries) for t in tables] == [7, 6]
    for table in tables:  # each group counted 1 … n in its scores' order: the header says STT
        assert [c.role for c in table.columns][0] == "row_number"
        assert all(e.rank is None for e in table.entries)
    assert [e.number for e in tables[1].entries] == [1, 2, 3, 4, 5, 6]


def test_labels_one_space_apart_over_a_maxima_line_are_read_with_it() -> None:
    text = (
        "STT Địa phương Total\n"
        "Điểm tối đa 100\n"
        "1 Huyện Mường Chà 93,242\n"
        "2 Huyện Tủa Chùa 91,463\n"
        "3 UBND thành phố Điện Biên Phủ 89,464\n"
        "4 Huyện Mường Nhé 88,258\n"
        "5 Huyện Nậm Pồ 82,819\n"
        "6 UBND huyện Mường Ảng 75,799\n"
        "7 Huyện Điện Biên Đông 74,719\n"
    )
    (table,) = tables_of(text)
    assert [(c.role, c.label) for c in table.columns] == [
        ("row_number", "STT"),
        ("agency", "Địa phương"),
        ("total", "Total"),
    ]
    assert table.columns[2].max_points == 100


def test_a_two_line_header_no_reading_splits_still_names_its_row_numbers() -> None:
    text = (
        "Số thứ tự Tên đơn vị Điểm các tiêu chí Tông điểm Tỷ lệ đạt\n"
        "Hoạt động chính quyền số (0,3) Dữ liệu số (0,7)\n"
        "1 Xã Trà Thủy 0,2428 0,7000 0,9428 94,28\n"
        "2 Xã Trà Bình 0,2659 0,6756 0,9415 94,15\n"
        "3 Xã Trà Tân 0,2482 0,6214 0,8696 86,96\n"
        "4 Xã Trà Phú 0,2345 0,6105 0,8450 84,50\n"
        "5 Xã Trà Lâm 0,1965 0,5811 0,7776 77,76\n"
        "6 Xã Sơn Trà 0,2298 0,5446 0,7744 77,44\n"
        "7 Xã Trà Thanh 0,2074 0,5594 0,7668 76,68\n"
    )
    (table,) = tables_of(text)
    assert (table.columns[0].role, table.columns[0].label) == ("row_number", "Số thứ tự")
    assert all(e.rank is None for e in table.entries)


def test_a_long_label_line_above_a_group_heading_gives_the_maxima() -> None:
    text = (
        "Agency Chỉ đạo điều hành (19) Hiện đại hóa hành chính (9) Văn bản QPPL (17) "
        "Cải cách TTHC (15) Tác động của CCHC (7) Cải cách chế độ công vụ (10) "
        "Điểm thẩm định (23) Tổng điểm đạt được (100) Ranking Xếp loại\n"
        "I Các cơ quan chuyên môn thuộc UBND tỉnh\n"
        "Ban Quản lý Khu kinh tế 12,8 6,2 13,1 11,6 4,9 7,9 20,2 76,7 1 Khá\n"
        "Sở Công Thương 11,4 5,1 10,0 10,8 5,3 5,7 14,6 62,9 2 Trung bình\n"
        "Bảo hiểm xã hội tỉnh 12,1 4,1 7,6 7,1 3,9 5,2 11,0 51,0 3 Trung bình\n"
        "Sở Xây dựng 9,5 3,9 6,5 6,9 4,1 6,5 10,2 47,6 4 Yếu\n"
        "Sở Giao thông vận tải 4,4 3,6 1,6 4,9 8,6 3,2 5,4 31,7 5 Yếu\n"
    )
    (table,) = tables_of(text)
    maxima = [c.max_points for c in table.columns if c.role in ("component", "total")]
    assert maxima == [19, 9, 17, 15, 7, 10, 23, 100]


NATIONAL = (
    "BỘ NỘI VỤ\nSố: 1916/QĐ-BNV\nHà Nội, ngày 11 tháng 4 năm 2017\n\nQUYẾT ĐỊNH\n"
    "Phê duyệt Chỉ số cải cách hành chính năm 2016 của các tỉnh\n\n"
    "Điều 1. Phê duyệt Chỉ số cải cách hành chính năm 2016 như sau:\n\n"
    "STT Tỉnh, thành phố Xếp hạng Điểm\n"
    "1 Tỉnh Yên Bái 1 96,8\n2 Tỉnh Trà Vinh 2 86,5\n3 Nam Định 3 82,1\n"
    "4 Tỉnh Đắk Lắk 4 80,3\n5 Phú Yên 5 74,9\n6 Cần Thơ 6 69,0\n7 Tỉnh Bắc Giang 9 54,2\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)


def test_a_national_bodys_last_rank_beyond_the_rows_is_a_wrong_rank(tmp_path: Path) -> None:
    """A ministry ranks provinces with no own row after them: the 7th row ranked 9th, every
    other row 1 … 6, is one wrong rank, not the publisher's own place after a top list."""
    path = tmp_path / "bnv.txt"
    path.write_text(NATIONAL, encoding="utf-8")
    flags = [f for f in extract_one(path).flags if f.check == "rank_mismatch"]
    assert [(f.row_number, f.expected) for f in flags] == [(7, "7")]


def test_a_two_level_header_run_into_the_records_gives_each_label_its_column() -> None:
    text = (
        "STT. Đơn vị Kết quả (1) Chỉ số thành phần Xếp loại Văn bản QPPL (0.4) Cải cách TTHC "
        "(0.35) Thể chế (0.25) 1 Ngân hàng Nhà nước 0.9632 0.3846 0.3433 0.2353 Xuất sắc "
        "2 Bộ Tư pháp 0.6960 0.2662 0.2624 0.1674 Khá 3 Bộ Y tế 0.8114 0.3716 0.1976 0.2422 "
        "Tốt 4 Bộ Công Thương 0.8166 0.2891 0.2595 0.2680 Tốt\n"
    )
    (table,) = tables_of(text)
    columns = [(c.role, c.label, str(c.max_points)) for c in table.columns]
    assert columns == [
        ("row_number", "STT.", "None"),
        ("agency", "Đơn vị", "None"),
        ("total", "Kết quả", "1"),
        ("component", "Văn bản QPPL", "0.4"),
        ("component", "Cải cách TTHC", "0.35"),
        ("component", "Thể chế", "0.25"),
        ("band", "Xếp loại", "None"),
    ]


def test_a_row_number_label_over_unknown_words_without_maxima_says_stt() -> None:
    text = (
        "Điều 1. Phê duyệt kết quả xác định mức độ ứng dụng công nghệ thông tin như sau:\n\n"
        "TT Province Điểm tổng hợp Level\n"
        "1 Gia Lai 96,944 Xuất sắc\n"
        "2 Cà Mau 92,274 Xuất sắc\n"
        "3 Tỉnh Quảng Trị 91,203 Xuất sắc\n"
        "4 Đắk Lắk 85,848 Tốt\n"
        "5 Bà Rịa - Vũng Tàu 79,840 Khá\n"
        "6 Tỉnh Điện Biên 78,675 Khá\n"
    )
    (table,) = tables_of(text)
    assert table.columns[0].role == "row_number"  # the count in score order: the label decides
    assert [e.number for e in table.entries] == [1, 2, 3, 4, 5, 6]
    assert all(e.rank is None for e in table.entries)


def test_a_maxima_line_under_long_label_lines_gives_the_maxima_and_the_stt(tmp_path: Path) -> None:
    text = (
        "Stt Tên đơn vị Điểm từng phần Chỉ số PAR Vị thứ\n"
        "Hiện đại hóa hành chính Thể chế Cải cách TTHC\n"
        "Điểm tối đa 21 32 27 100\n"
        "1 Huyện Phú Riềng 21.08 30.49 24.61 95.23 1\n"
        "2 Thị xã Phước Long 16.67 32.00 22.86 89.41 2\n"
        "3 Thị xã Bình Long 18.35 29.81 22.82 88.73 3\n"
        "4 Huyện Lộc Ninh 21.00 23.65 23.66 85.39 4\n"
        "5 Thành phố Đồng Xoài 15.88 27.10 25.28 85.33 5\n"
        "6 Huyện Bù Đốp 17.23 24.92 20.48 78.29 6\n"
    )
    path = tmp_path / "par.txt"
    path.write_text("Điều 1. Công bố Chỉ số như sau:\n\n" + text, encoding="utf-8")
    result = extract_one(path)
    (table,) = result.tables
    assert [c.max_points for c in table.columns if c.role == "component"] == [21, 32, 27]
    assert table.columns[0].role == "row_number" and table.total_max == 100
    over = [f for f in result.flags if f.check == "over_max"]
    assert [(f.row_number, f.severity) for f in over] == [(1, "error")]  # 21,08 over 21
