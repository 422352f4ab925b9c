"""Tables found in text where the header, a caption or a cut row could be taken for records."""

from __future__ import annotations

from conftest import tables_of

from pipeline.tables.roles.ranks import mostly_distinct


def test_ranks_tied_twice_in_a_group_of_four_are_still_ranks() -> None:
    column = [2, 2, 3, 3, 1, 2, 2, 4, 5, 6, 7, 8, 9]  # a misprint and a tie in group I
    assert mostly_distinct(column, (range(0, 4), range(4, 13)))  # type: ignore[arg-type]
    assert not mostly_distinct([1, 1, 2, 2, 3, 3], (range(0, 6),))  # type: ignore[arg-type]


def test_a_blank_line_ends_the_last_name_before_the_next_caption() -> None:
    units = ["Xã An Thái", "Xã An Thắng", "Xã Quang Hưng", "Xã Tân Dân", "Xã Trường Thọ"]
    rows = "\n".join(f"{k} {unit}" for k, unit in enumerate(units, 1))
    again = "\n".join(f"{k} {unit}" for k, unit in enumerate(reversed(units), 1))
    text = f"Năm 2019\n\nXếp hạng Tên đơn vị\n{rows}\n\nBảng xếp hạng năm 2020\n\n"
    first, second = tables_of(text + f"Xếp hạng Tên đơn vị\n{again}\n")
    assert [e.agency_raw for e in first.entries] == units
    assert [e.agency_raw for e in second.entries] == list(reversed(units))


def test_a_captions_year_leads_no_record_of_a_table_without_header() -> None:
    # "Bảng xếp hạng năm" / "2021" / "Xã Buôn Choah" / "80,897": the year is the caption's,
    # the score after each name is its own (read the other way, every score moved one up)
    units = [("Xã Buôn Choah", "80,897"), ("Xã Đắk Drô", "74,823"), ("Thị trấn Đắk Mâm", "62,000")]
    units += [("Xã Nâm Nung", "55,704"), ("Xã Quảng Phú", "89,651"), ("Xã Nam Đà", "93,951")]
    cells = [cell for unit in units for cell in unit]
    text = "\n".join(["Bảng xếp hạng năm 2021", "", *cells, "", "Điều 2. Hiệu lực."])
    (table,) = tables_of(text + "\n")
    assert [(e.agency_raw, e.total.printed) for e in table.entries if e.total] == units


def test_a_header_label_above_the_first_name_and_a_cut_last_row() -> None:
    # "Vị trí" on the line above the first name, and the last row cut after its score: read
    # from the second name with ranks before names, every unit took the next one's rank
    rows = [("Tỉnh Khánh Hòa", "94,68", "01"), ("Sóc Trăng", "94,01", "02")]
    rows += [
        ("Đồng Nai", "92,91", "03"),
        ("Quảng Bình", "91,22", "04"),
        ("Quảng Ninh", "90,65", "05"),
    ]
    cells = [cell for row in rows for cell in row]
    text = "\n".join(
        ["Đơn", "vị", "PAR INDEX", "(100)", "Vị trí", *cells, "Tỉnh Quảng Ngãi", "79,97"]
    )
    (table,) = tables_of(text + "\n")
    assert [e.agency_raw for e in table.entries] == [row[0] for row in rows] + ["Tỉnh Quảng Ngãi"]
    assert [e.rank.number for e in table.entries if e.rank] == [1, 2, 3, 4, 5]
    assert table.entries[0].total is not None and table.entries[0].total.printed == "94,68"


def test_a_maxima_phrase_inside_a_group_label_is_no_maxima_row() -> None:
    # "Điểm thành phần (điểm tối đa)" over the parts, then the real "Điểm tối đa 1 1 1"
    header = "Số thứ tự Địa phương Điểm thành phần (điểm tối đa) Chỉ số Chỉ đạo điều hành "
    header += "Hiện đại hóa hành chính Cải cách tổ chức bộ máy Điểm tối đa 1 1 1 1"
    rows = [
        ("Xã Tân Thượng", "0,9167 0,7941 0,9883 0,8997"),
        ("Xã Nậm Chầy", "0,8329 0,7650 0,8070 0,8016"),
    ]
    rows += [
        ("Xã Nậm Rạng", "0,7000 0,6000 0,8000 0,7000"),
        ("Xã Dần Thàng", "0,5000 0,6000 0,4000 0,5000"),
    ]
    records = " ".join(f"{k} {name} {values}" for k, (name, values) in enumerate(rows, 1))
    (table,) = tables_of(f"Bảng xếp hạng năm 2021\n\n{header} {records}\n")
    assert [(c.role, c.label) for c in table.columns][:2] == [
        ("row_number", "Số thứ tự"),
        ("agency", "Địa phương"),
    ]
    assert [str(c.max_points) for c in table.components()] == ["1", "1", "1"]


def test_scores_the_header_calls_totals_that_no_rule_ties_are_in_doubt() -> None:
    # every label "Chỉ số …" names a total and no column adds up: no total, and said so
    header = ["TT", "Đơn vị", "Chỉ số 1", "Chỉ số 2", "Chỉ số 3", "Chỉ số 4"]
    rows = [("Sở Tư pháp", "10,0 9,0 11,5 6,0"), ("Sở Xây dựng", "7,6 7,9 10,5 5,8")]
    rows += [("Sở Du lịch", "4,2 4,9 5,4 1,9"), ("Ban Dân tộc", "8,2 4,1 5,2 9,9")]
    cells = [c for k, (name, values) in enumerate(rows, 1) for c in (str(k), name, *values.split())]
    (table,) = tables_of("\n".join(["Điều 1. Kết quả như sau:", "", *header, *cells]) + "\n")
    assert not table.has_role("total")
    assert table.role_doubt is not None


def test_a_long_first_name_under_a_whole_header_line_keeps_its_words() -> None:
    # "Địa phương Xếp hạng (Chỉ số)" reads above the rows: "Thành phố Hồ" is no header run
    # into the first name, however longer than the others that name is
    rows = [("Thành phố Hồ Chí Minh", "1 (0.9649)"), ("Cần Thơ", "2 (0.9588)")]
    rows += [("Hải Dương", "3 (0.9580)"), ("Bắc Kạn", "4 (0.9298)"), ("Nam Định", "5 (0.9270)")]
    body = "\n".join(f"{name} {value}" for name, value in rows)
    (table,) = tables_of(f"Kết quả như sau:\n\nĐịa phương Xếp hạng (Chỉ số)\n{body}\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
    assert table.columns[0].label == "Địa phương"


def test_a_first_name_after_a_header_closed_by_its_parenthesis_is_all_its_words() -> None:
    """ "Province Hạng (điểm số) Thành phố Hồ Chí Minh 1 (0,969) Hà Nam 2 (0,951) …": every
    other name is shorter, so the first was cut as long as they are, at "Hồ Chí Minh", and
    "Thành phố" went to the header (generator seed 9980240). The header's "(điểm số)" closes
    it: the words after it are the name, unless they open with a label ("XH", "Xếp hạng")."""
    names = ["Thành phố Hồ Chí Minh", "Hà Nam", "Tỉnh Đắk Lắk", "Quảng Ninh", "Tỉnh Bạc Liêu",
             "Tỉnh Kon Tum", "Bắc Kạn"]  # fmt: skip
    scores = ["0,969", "0,951", "0,926", "0,907", "0,888", "0,886", "0,855"]
    line = " ".join(f"{n} {k} ({s})" for k, (n, s) in enumerate(zip(names, scores, strict=True), 1))
    text = f"Năm 2023\n\nProvince Hạng (điểm số) {line}\n\nĐiều 2. Quyết định này có hiệu lực.\n"
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == names
    assert [e.rank.printed for e in table.entries if e.rank] == [str(k) for k in range(1, 8)]


def test_a_unit_printed_alone_after_rows_one_space_apart_is_a_row_without_values() -> None:
    """Rows one line each, cells one space apart, then "Sở Khoa học và Công nghệ" alone and a
    blank line before the next year's caption (generator seed 10000075): the unit, ranked in
    the next table, was printed without values in this one and was dropped as a name fragment.
    It opens with the word two names of the rows open with: a row of its own."""
    rows = [("Văn phòng Ủy ban nhân dân tỉnh", "82,996", "Tốt"),
            ("Sở Nông nghiệp và Phát triển nông thôn", "78,346", "Khá"),
            ("Ban Dân tộc", "74,608", "Khá"),
            ("Sở Tài nguyên và Môi trường", "60,526", "Trung bình"),
            ("Bảo hiểm xã hội tỉnh", "33,546", "Yếu")]  # fmt: skip
    lines = [f"{k} {name} {score} {band}" for k, (name, score, band) in enumerate(rows, 1)]
    text = "\n".join(
        ["Năm 2021", "", "Thứ tự xếp hạng Tên đơn vị DTI (100) Mức", *lines,
         "Sở Khoa học và Công nghệ", "", "Điều 2. Quyết định này có hiệu lực.", ""]
    )  # fmt: skip
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [r[0] for r in rows] + [
        "Sở Khoa học và Công nghệ"
    ]
    assert table.entries[-1].total is None and table.entries[-1].rank is None
