"""Records found in text at their edges: the first record's name against the header run into
it, and a last unit printed without values before the decision goes on."""

from __future__ import annotations

from conftest import tables_of

CELLS = [
    ("Văn phòng Hội đồng nhân dân tỉnh", "01 (94.82)"),
    ("Sở Du lịch", "02 (91.67)"),
    ("Sở Giáo dục và Đào tạo", "03 (84.90)"),
    ("Ban Quản lý Khu kinh tế", "04 (84.15)"),
    ("Sở Tài chính", "05 (71.39)"),
]


def _cell_per_line(header: list[str], rows: list[tuple[str, str]], after: str) -> str:
    cells = [*header, *(cell for row in rows for cell in row)]
    return "\n\n".join(cells) + "\n\n" + after


def test_a_last_unit_without_values_before_the_next_article_is_a_row() -> None:
    text = _cell_per_line(
        ["Sở, ban, ngành", "Vị trí (giá trị)"],
        CELLS,
        "Bảo hiểm xã hội tỉnh\n\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
    )
    (table,) = tables_of(text)
    names = [e.agency_raw for e in table.entries]
    assert names == [name for name, _ in CELLS] + ["Bảo hiểm xã hội tỉnh"]
    assert table.entries[-1].rank is None and table.entries[-1].total is None


def test_a_caption_under_the_last_record_is_no_row() -> None:
    text = _cell_per_line(
        ["Sở, ban, ngành", "Vị trí (giá trị)"], CELLS, "Năm 2023\n\nSở Du lịch\n\n01 (95,1)\n"
    )
    first = tables_of(text)[0]
    assert [e.agency_raw for e in first.entries] == [name for name, _ in CELLS]


def test_a_long_first_name_on_its_own_line_keeps_the_header_above() -> None:
    rows = [("Thành phố Hồ Chí Minh", "1 (0,9683)"), ("TP. Cần Thơ", "2 (0,9677)")]
    rows += [("Bắc Ninh", "3 (0,9518)"), ("Tỉnh Phú Thọ", "4 (0,9476)"), ("Nam Định", "5 (0,94)")]
    text = _cell_per_line(["Tỉnh, thành phố trực thuộc Trung ương", "Hạng", "(điểm số)"], rows, "")
    (table,) = tables_of(text)
    assert table.entries[0].agency_raw == "Thành phố Hồ Chí Minh"
    assert [c.label for c in table.columns][0] == "Tỉnh, thành phố trực thuộc Trung ương"


def test_a_header_run_into_a_maxima_row_gives_its_last_label_back() -> None:
    text = (
        "Xã, phường, thị trấn Trụ cột 1 Trụ cột 2 Trụ cột 3 Điểm số Điểm tối đa 0,4 0,3 0,3 1 "
        "Phường Phước Bình 0,3733 0,2331 0,1815 0,7879 Xã Long Giang 0,2376 0,1104 0,0259 "
        "0,3739 Phường Sơn Giang 0,1376 0,1104 0,2259 0,4739 Xã Phú Nghĩa 0,3376 0,2104 "
        "0,2259 0,7739\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries][0] == "Phường Phước Bình"
    assert len(table.entries) == 4
    assert [str(c.max_points) for c in table.columns][-4:] == ["0.4", "0.3", "0.3", "1"]


def test_header_cells_over_numbers_printed_before_names_are_no_record() -> None:
    """Header cells "Ranking" / "Địa phương" on lines of their own, each rank before its
    unit: read from the header's words the ranks would each go to the unit above theirs, and
    the last unit none."""
    units = ["Thị xã Duyên Hải", "Huyện Tiểu Cần", "UBND thành phố Trà Vinh", "UBND huyện Trà Cú"]
    units += ["Huyện Châu Thành", "Huyện Duyên Hải", "UBND huyện Cầu Ngang"]
    cells = [c for rank, unit in enumerate(units, start=1) for c in (str(rank), unit)]
    text = _cell_per_line(["Ranking", "Địa phương"], [], "\n\n".join(cells) + "\n\n\n")
    text += "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    (table,) = tables_of(text)
    assert [(e.agency_raw, e.rank.printed if e.rank else None) for e in table.entries] == [
        (unit, str(rank)) for rank, unit in enumerate(units, start=1)
    ]


def test_a_maxima_label_on_its_own_line_under_the_header_takes_its_value() -> None:
    """The maxima row "Điểm tối đa" / "1" under the header's cells, one per line: the 1 is the
    maximum, not the first unit's score (read so, every score went to the unit after its own)."""
    cells = ["Tỉnh/thành phố", "Chỉ số PAR", "Điểm tối đa", "1"]
    rows = [("Tỉnh Thanh Hóa", "0.9616"), ("Tỉnh Hải Dương", "0.9223"), ("Hoà Bình", "0.7968")]
    rows += [("Quảng Nam", "0.7881"), ("Thành phố Hà Nội", "0.7012")]
    text = "Kết quả năm 2015\n\n" + "\n".join([*cells, *(c for row in rows for c in row)])
    (table,) = tables_of(text + "\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    got = [(e.agency_raw, e.total.printed if e.total else None) for e in table.entries]
    assert got == rows
    assert [str(c.max_points) for c in table.columns if c.role == "total"] == ["1"]


def test_header_cells_over_numbered_names_and_an_own_row_after_a_top_ten() -> None:
    names = ["Thành phố Cần Thơ", "Bình Phước", "Quảng Bình", "Tỉnh Lâm Đồng", "Cà Mau",
             "Thái Nguyên", "Yên Bái", "Tỉnh Cao Bằng", "Nghệ An", "Tỉnh Tuyên Quang"]  # fmt: skip
    cells = [cell for rank, name in enumerate(names, 1) for cell in (str(rank), name)]
    text = "\n\n".join(
        ["Điều 1. Thông báo kết quả như sau:", "Vị", "trí", "Tỉnh, TP", *cells, "39", "Lào Cai"]
        + ["Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]
    )
    (table,) = tables_of(text + "\n")
    assert [e.agency_raw for e in table.entries] == [*names, "Lào Cai"]
    # 1 … 10 then the publisher's own row: a rank (the table says so only in its doubt)
    assert [e.rank.number for e in table.entries if e.rank] == [*range(1, 11), 39]


def test_header_cells_over_the_first_name_keep_it_a_record_before_a_unit_without_rank() -> None:
    names = ["Bộ Tài nguyên và Môi trường", "Bộ Y tế", "Bộ Công an", "Văn phòng Chính phủ",
             "Bộ Tài chính", "Bộ Nội vụ", "Ủy ban Dân tộc", "Bộ Xây dựng"]  # fmt: skip
    cells = [cell for rank, name in enumerate(names, 1) for cell in (name, str(rank))]
    text = "\n\n".join(
        ["Điều 1. Công bố kết quả như sau:", "Cơ", "quan", "XH", *cells, "Bộ Ngoại giao"]
        + ["Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]
    )
    (table,) = tables_of(text + "\n")
    ranked = [(e.agency_raw, e.rank.number if e.rank else None) for e in table.entries]
    assert ranked[: len(names)] == [(name, rank) for rank, name in enumerate(names, 1)]


def test_tables_run_on_one_line_with_rank_and_score_cells_are_read_record_by_record() -> None:
    # No header, one space between everything: "STT name rank (score)" six times, a dash in
    # one name, two years. The space-aligned reader must leave the lines to the records reader.
    names = ["Sở Tài nguyên và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"]
    names += ["Sở Lao động - Thương binh và Xã hội", "Sở Công Thương", "Sở Tư pháp"]
    scores = ["0,913", "0,903", "0,876", "0,844", "0,767", "0,749"]
    line = " ".join(
        f"{k} {n} {k} ({s})" for k, n, s in zip(range(1, 7), names, scores, strict=True)
    )
    text = f"Năm 2017\n\n{line}\n\nNăm 2018\n\n{line}\n\nĐiều 2. Hiệu lực.\n"
    for table in tables_of(text):
        assert [e.agency_raw for e in table.entries] == names
        assert [str(e.total.number) for e in table.entries] == [s.replace(",", ".") for s in scores]
        assert [e.rank.number for e in table.entries] == [1, 2, 3, 4, 5, 6]
    assert len(tables_of(text)) == 2


_LABELS_IN_SERIES = ["S.T.T", "Khối cơ quan", "Lĩnh", "vực 1", "Lĩnh vực 2", "Lĩnh vực", "3"]
_LABELS_IN_SERIES += ["Lĩnh vực 4", "Điểm đạt", "Điểm tối đa", "8", "14", "11", "15", "48"]


def test_labels_numbered_in_series_are_a_header_not_records() -> None:
    # "Lĩnh vực" / "3" after "Lĩnh vực 2": the same words counting on are labels, and a
    # label's number alone on its line is no bare figure ending the header.
    rows = [
        ("Sở Công Thương", "4,74 9,16 7,36 9,07 30,33"),
        ("Sở Xây dựng", "2,55 4,03 2,96 6,73 16,27"),
    ]
    rows += [("Sở Du lịch", "6,43 10,91 7,30 9,52 34,16"), ("Sở Y tế", "3,95 3,36 5,66 4,09 17,06")]
    cells = [
        cell for k, (name, values) in enumerate(rows, 1) for cell in (str(k), name, *values.split())
    ]
    (table,) = tables_of("\n\n".join(["KẾT QUẢ NĂM 2016", *_LABELS_IN_SERIES, *cells]) + "\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
    components = [(c.label, str(c.max_points)) for c in table.components()]
    assert components == [
        ("Lĩnh vực 1", "8"),
        ("Lĩnh vực 2", "14"),
        ("Lĩnh vực 3", "11"),
        ("Lĩnh vực 4", "15"),
    ]


def test_of_header_readings_that_fit_the_one_naming_its_columns_wins() -> None:
    # "Nhân lực" / "CNTT" may be two labels or one: read as two, the reading leaves "Thứ tự"
    # out and puts "Agency" over the row numbers; read as one, every label names its column.
    header = ["Thứ tự", "Agency", "Hạ tầng kỹ", "thuật", "Nhân lực", "CNTT", "Tổng điểm"]
    rows = [("Ban Quản lý Khu kinh tế", "7,217 8,689 15,906"), ("Sở Nội vụ", "7,672 9,000 16,672")]
    rows += [("Sở Tư pháp", "8,326 6,000 14,326"), ("Sở Du lịch", "4,297 5,478 9,775")]
    cells = [
        cell for k, (name, values) in enumerate(rows, 1) for cell in (str(k), name, *values.split())
    ]
    (table,) = tables_of("\n".join(["Điều 1. Kết quả như sau:", "", *header, *cells]) + "\n")
    labels = [(c.role, c.label) for c in table.columns]
    assert labels[:2] == [("row_number", "Thứ tự"), ("agency", "Agency")]
    assert labels[2:] == [
        ("component", "Hạ tầng kỹ thuật"),
        ("component", "Nhân lực CNTT"),
        ("total", "Tổng điểm"),
    ]


def test_a_caption_set_apart_above_labels_over_ranks_before_names_is_no_record() -> None:
    # "Bảng kết quả", a blank line, then "Hạng" / "Sở, ban, ngành" one per line over ranks
    # printed before the names: read from the caption, each unit would take the next one's
    # rank and the last none.
    units = ["Cục Thống kê tỉnh", "Ban Dân tộc", "Sở Tư pháp", "Kho bạc Nhà nước tỉnh"]
    units += ["Sở Du lịch", "Sở Công Thương"]
    cells = [cell for k, unit in enumerate(units, 1) for cell in (f"{k:02d}", unit)]
    text = "\n".join(["Bảng kết quả", "", "Hạng", "Sở, ban, ngành", *cells])
    (table,) = tables_of(text + "\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [e.agency_raw for e in table.entries] == units
    assert [e.rank.number for e in table.entries] == [1, 2, 3, 4, 5, 6]


def test_a_maxima_row_of_ten_values_and_a_group_heading_leave_the_header_above_them() -> None:
    # eleven maxima lines and a group heading between the labels and the first record: the
    # header is still looked for above them (it ended twelve lines up at most)
    labels = ["Thứ", "tự", "Sở, ban, ngành", "Tổng", *[f"Lĩnh vực {k}" for k in range(1, 11)]]
    maxima = ["Điểm tối đa", "100", *["10"] * 10]
    rows = [
        (
            "Cục Thuế tỉnh",
            "82,8",
            ["8,5", "8,1", "7,9", "8,8", "8,2", "8,3", "8,4", "8,1", "8,3", "8,2"],
        ),
        (
            "Sở Du lịch",
            "67,7",
            ["6,5", "6,1", "6,9", "6,8", "7,2", "6,3", "6,4", "7,1", "7,3", "7,1"],
        ),
        (
            "Sở Tài chính",
            "59,6",
            ["5,5", "6,1", "5,9", "5,8", "6,2", "6,3", "5,4", "6,1", "6,3", "6,0"],
        ),
        ("Sở Y tế", "49,1", ["4,5", "5,1", "4,9", "4,8", "5,2", "5,3", "4,4", "5,1", "5,3", "4,5"]),
    ]
    cells = [
        c for k, (name, total, parts) in enumerate(rows, 1) for c in (str(k), name, total, *parts)
    ]
    heading = ["I", "Các cơ quan chuyên môn thuộc UBND tỉnh"]
    text = "\n".join(["Bảng xếp hạng năm 2017", "", *labels, *maxima, *heading, *cells])
    (table,) = tables_of(text + "\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [(c.role, c.label) for c in table.columns][:3] == [
        ("row_number", "Thứ tự"),
        ("agency", "Sở, ban, ngành"),
        ("total", "Tổng"),
    ]
    assert [str(c.max_points) for c in table.components()] == ["10"] * 10
    assert [e.number for e in table.entries] == [1, 2, 3, 4]


def test_a_maxima_row_run_in_after_the_labels_goes_under_them() -> None:
    rows = [
        ("Huyện Vũ Thư", "12,21 26,68 24,33 63,22"),
        ("Huyện Tiền Hải", "15,01 19,01 21,34 55,36"),
    ]
    rows += [
        ("Thành phố Thái Bình", "12,71 23,88 18,30 54,89"),
        ("Huyện Hưng Hà", "3,46 7,32 8,04 18,82"),
    ]
    records = " ".join(f"{k} {name} {values}" for k, (name, values) in enumerate(rows, 1))
    header = "Số thứ tự Huyện, thị xã, thành phố Hạ tầng số Nhân lực số Dữ liệu số Tổng điểm"
    (table,) = tables_of(f"Bảng kết quả\n\n{header} Điểm tối đa 20 30 50 100 {records}\n")
    assert [(c.role, c.label) for c in table.columns][:2] == [
        ("row_number", "Số thứ tự"),
        ("agency", "Huyện, thị xã, thành phố"),
    ]
    assert [str(c.max_points) for c in table.columns[2:]] == ["20", "30", "50", "100"]


def test_a_label_ending_in_a_comma_is_not_a_column_of_its_own() -> None:
    # "Tỉnh," "TP" as two labels would make up for the rank's label "Thứ bậc" run into the
    # first name, every label a column to the left of its own
    rows = [
        ("Quảng Ninh", "8,67 3,64 7,79 20,10", "1"),
        ("Tỉnh Khánh Hòa", "8,07 3,14 7,36 18,57", "2"),
    ]
    rows += [("Ninh Bình", "7,22 3,08 6,05 16,35", "3"), ("Đà Nẵng", "6,21 2,55 5,12 13,88", "4")]
    records = " ".join(f"{name} {values} {rank}" for name, values, rank in rows)
    header = "Tỉnh, TP Chỉ số 1 (8,67) Chỉ số 2 (3,64) Chỉ số 3 (7,79) Điểm đạt (20,10) Thứ bậc"
    (table,) = tables_of(f"{header} {records}\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _, _ in rows]
    assert table.columns[0].label == "Tỉnh, TP"
    assert [str(c.max_points) for c in table.components()] == ["8.67", "3.64", "7.79"]


def test_the_first_name_is_cut_from_the_header_where_a_name_opens() -> None:
    # "… Nhóm Thứ tự xếp hạng Ban Quản lý …": "Ban" opens another unit's name, so the name
    # starts there, not at "Quản"
    rows = [
        ("Ban Quản lý các khu công nghiệp", "93,342 Xuất sắc 01"),
        ("Sở Tài chính", "85,170 Tốt 02"),
    ]
    rows += [("Sở Kế hoạch và Đầu tư", "85,120 Tốt 03"), ("Ban Dân tộc", "76,294 Khá 04")]
    rows += [("Thanh tra tỉnh", "72,240 Khá 05"), ("Sở Nội vụ", "69,613 Khá 06")]
    records = " ".join(f"{name} {values}" for name, values in rows)
    header = "Đối tượng đánh giá Điểm tổng hợp (100) Nhóm Thứ tự xếp hạng"
    (table,) = tables_of(f"Năm 2021\n\n{header} {records}\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
    assert [c.label for c in table.columns] == [
        "Đối tượng đánh giá",
        "Điểm tổng hợp",
        "Nhóm",
        "Thứ tự xếp hạng",
    ]
