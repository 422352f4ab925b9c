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
