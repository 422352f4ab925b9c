"""Column roles from the numbers, and tables found in text whose cells were lost (issue 15).

Every case prints no header the reader knows (or none at all): the roles must come from what
the columns hold. Each one fails if the role or the row is read from the wrong column.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile
from pipeline.tables.records.words import unglued


def _roles(table) -> list[str]:  # noqa: ANN001 - a Table
    return [column.role for column in table.columns]


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


def test_rows_on_one_line_with_single_spaces_and_no_header() -> None:
    text = (
        "Kết quả như sau:\n"
        "1 Sở Tư pháp 85,40 2\n2 Sở Văn hóa, Thể thao và Du lịch 90,10 1\n"
        "3 UBND huyện Bảo Thắng 70 3\n4 Sở Y tế 60,5 4\n"
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", "total", "rank"]
    assert [e.agency_raw for e in table.entries][1] == "Sở Văn hóa, Thể thao và Du lịch"
    assert [_printed(e.total) for e in table.entries] == ["85,40", "90,10", "70", "60,5"]
    assert [_printed(e.rank) for e in table.entries] == ["2", "1", "3", "4"]


def test_a_whole_table_run_together_on_one_line() -> None:
    text = "STT Đơn vị Điểm 1 Sở Tư pháp 85,40 2 Sở Y tế 80,10 3 Sở Nội vụ 79,5 4 Sở Tài chính 70\n"
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "Sở Tư pháp",
        "Sở Y tế",
        "Sở Nội vụ",
        "Sở Tài chính",
    ]
    assert [_printed(e.total) for e in table.entries] == ["85,40", "80,10", "79,5", "70"]


def test_one_cell_per_line_with_a_header_over_several_lines() -> None:
    text = (
        "Xếp hạng các sở năm 2022\n\nThứ tự xếp hạng\n\nTên đơn vị\n\nTổng điểm\n\nnăm 2022\n\n"
        "1\n\nCục Thuế tỉnh\n\n826,8\n\n2\n\nSở Y tế\n\n813,7\n\n3\n\nSở Nội vụ\n\n801,5\n"
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["rank", "agency", "total"]
    assert [c.label for c in table.columns] == [
        "Thứ tự xếp hạng",
        "Tên đơn vị",
        "Tổng điểm năm 2022",
    ]


def test_rank_and_score_in_one_cell_per_year_are_tables_side_by_side() -> None:
    text = (
        "Tỉnh 2019 2020\nĐà Nẵng 01 (0,727) 02 (0,70)\nQuảng Ninh 02 (0,70) 01 (0,72)\n"
        "Hà Nội 03 (0,65) 03 (0,69)\n"
    )
    first, second = tables_of(text)
    assert [_printed(e.total) for e in first.entries] == ["0,727", "0,70", "0,65"]
    assert [_printed(e.rank) for e in second.entries] == ["02", "01", "03"]
    assert [_printed(e.total) for e in second.entries] == ["0,70", "0,72", "0,69"]


def test_the_total_printed_before_its_components_is_found_by_their_sum() -> None:
    text = "TT\tĐơn vị\tA\tB\tC\tD\n" + "1\tSở A\t60\t20\t30\t10\n2\tSở B\t50\t10\t30\t10\n"
    text += "3\tSở C\t45\t15\t20\t10\n"
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", "total", "component", "component", "component"]


def test_a_per_row_maximum_and_the_percentage_it_gives() -> None:
    text = "1\tSở A\t100\t85,5\t85,50\n2\tSở B\t90\t80\t88,89\n3\tSở C\t95\t70\t73,68\n"
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", "row_max", "total", "percent"]
    entry = table.entries[1]
    assert (entry.row_max.number, entry.percent.number) == (Decimal(90), Decimal("88.89"))


def test_a_column_of_ranks_alone_is_the_rank_not_a_total() -> None:
    text = "Kết quả:\n1 Ban Dân tộc 1\n2 Sở Công Thương 2\n3 Sở Nội vụ 2\n4 Sở Y tế 4\n"
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", "rank"]
    assert all(entry.total is None for entry in table.entries)


def test_scores_no_rule_ties_together_are_read_with_a_doubt_on_the_table() -> None:
    text = "1\tSở A\t60,1\t20,3\t31\n2\tSở B\t50,2\t70,5\t12\n3\tSở C\t45,7\t15,2\t88\n"
    (table,) = tables_of(text)
    checks = [flag.check for flag in reconcile("d", read_metadata(text_document(text)), (table,))]
    assert table.role_doubt is not None and "ambiguous_roles" in checks


def test_numbers_inside_sentences_are_no_table() -> None:
    text = (
        "Thua Thien Hue ranks 5th in PAPI ranking 2022\nPosted on 12 April, 2023\n"
        "On April 12th, PAPI ranking 2022 was released by UNDP.\n"
        "In 2022, Thua Thien Hue scored 45.3845 and leads 3 sub-indices.\n"
    )
    assert tables_of(text) == ()


def test_national_ranks_of_a_top_list_are_checked_by_their_order_only() -> None:
    rows = [("Yên Bái", "95,45", "1"), ("Bắc Giang", "95,19", "2"), ("Thanh Hóa", "95,03", "3")]
    rows += [("Lâm Đồng", "92,97", "4"), ("Lai Châu", "72,10", "25")]
    text = "XH\tTỉnh\tĐiểm\n" + "".join(f"{r}\t{n}\t{s}\n" for n, s, r in rows)
    (table,) = tables_of(text)
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert not [flag for flag in flags if flag.check == "rank_mismatch"]
    planted = text.replace("3\tThanh Hóa", "1\tThanh Hóa")
    (table,) = tables_of(planted)
    flags = reconcile("d", read_metadata(text_document(planted)), (table,))
    assert [(f.actual, f.expected) for f in flags if f.check == "rank_mismatch"] == [("1", "3–3")]


def test_scores_printed_with_no_space_between_them_are_split() -> None:
    assert [piece for _, piece in unglued("60.4566.4761.12")] == ["60.45", "66.47", "61.12"]
    assert unglued("1.234.567") == [] and unglued("85,40") == []


def test_a_title_ends_where_its_paragraph_ends() -> None:
    text = (
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\n\nBÁO CÁO\n\n"
        "Chỉ số chuyển đổi số năm 2022 (DTI cấp tỉnh)\n\n"
        "Bộ Thông tin và Truyền thông công bố kết quả như sau.\n"
    )
    title = read_metadata(text_document(text)).title
    assert title == "Chỉ số chuyển đổi số năm 2022 (DTI cấp tỉnh)"


def test_a_header_run_together_with_its_years_dates_one_table_per_year() -> None:
    text = (
        "Rank [1]\n\n"
        "RankTỉnh2019202020212022\n"
        "1 Quảng Ninh 70.3673.4073.0270.75\n"
        "2 Hải Phòng 68.7369.2766.0968.59\n"
        "3 Long An 69.3966.6265.8565.42\n"
        "4 Đà Nẵng 68.1170.1371.\n"
    )
    tables = tables_of(text)
    assert [t.section for t in tables] == ["2019", "2020", "2021", "2022"]
    assert [_printed(e.total) for e in tables[1].entries] == ["73.40", "69.27", "66.62", "70.13"]
    # the text ends inside the last row's 2021 figure ("71."): never printed whole, so blank
    assert [_printed(e.total) for e in tables[2].entries] == ["73.02", "66.09", "65.85", None]
    assert [e.number for e in tables[0].entries] == [1, 2, 3, 4]


def test_a_cut_glued_word_keeps_its_whole_numbers_only_at_the_end_of_the_text() -> None:
    assert unglued("56.9955.4857.0854.", cut=True) == [(0, "56.99"), (1, "55.48"), (2, "57.08")]
    assert unglued("56.9955.4857.0854.") == []


def test_prose_after_records_is_not_a_record_when_its_line_breaks_differ() -> None:
    text = (
        "6.44 Participation at Local Levels\n7.24 Transparency\n7.51 Vertical Accountability\n"
        "6.67 Control of Corruption\n\n"
        "TIP: Lighter bar on top of each dimension represents highest scoring province in 2015\n"
        "Since 2009 PAPI has collected responses from citizens\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "Participation at Local Levels",
        "Transparency",
        "Vertical Accountability",
        "Control of Corruption",
    ]
    assert [_printed(e.total) for e in table.entries] == ["6.44", "7.24", "7.51", "6.67"]


def test_a_column_printed_too_coarsely_for_any_rule_to_tell_is_no_total() -> None:
    # national ranks beside the province's own scores: a scaling of the scores rounds to the
    # ranks in most rows (2/13 × 6.44 ≈ 1), but it rounds as well to the ranks of other rows
    text = (
        "1 Participation at Local Levels 6.44\nCivic Knowledge 1.48\nContributions 1.35\n"
        "1 Transparency 7.24\nPoverty Lists 2.89\n1 Vertical Accountability 7.51\n"
        "Interactions With Local Authorities 2.11\n6 Control of Corruption 6.67\n"
    )
    (table,) = tables_of(text)
    totals = [_printed(e.total) for e in table.entries if e.total is not None]
    assert "1" not in totals and "6" not in totals
    assert table.role_doubt is not None


def test_a_band_between_the_name_and_the_rank_of_a_run_together_table_is_its_own_cell() -> None:
    text = (
        "Mục Địa bàn Level Xếp hạng Tổng điểm 1 UBND quận Ngô Quyền Xuất sắc 01 94.39 "
        "2 Huyện Bạch Long Vĩ Tốt 02 83.66 3 Huyện An Dương Tốt 03 83.54 "
        "4 UBND quận Đồ Sơn Khá 04 79.62\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "UBND quận Ngô Quyền",
        "Huyện Bạch Long Vĩ",
        "Huyện An Dương",
        "UBND quận Đồ Sơn",
    ]
    assert [e.band for e in table.entries] == ["Xuất sắc", "Tốt", "Tốt", "Khá"]
    assert [_printed(e.total) for e in table.entries] == ["94.39", "83.66", "83.54", "79.62"]


def test_a_year_caption_between_two_rankings_starts_a_table_of_its_own() -> None:
    rows_2016 = "1 Trà Vinh 95,80 1 Xuất sắc\n2 Hà Nam 95,00 2 Xuất sắc\n3 Gia Lai 92,51 3 Tốt\n"
    rows_2017 = "1 Kon Tum 96,30 1 Xuất sắc\n2 Nghệ An 95,54 2 Xuất sắc\n3 Cà Mau 93,64 3 Tốt\n"
    text = f"Bảng xếp hạng năm 2016\n\n{rows_2016}\nNăm 2017\n\n{rows_2017}"
    tables = tables_of(text)
    assert [[e.agency_raw for e in t.entries] for t in tables] == [
        ["Trà Vinh", "Hà Nam", "Gia Lai"],
        ["Kon Tum", "Nghệ An", "Cà Mau"],
    ]
    assert tables[1].section == "Năm 2017"
    flags = reconcile("d", read_metadata(text_document(text)), tables)
    assert not [f.check for f in flags if f.severity == "error"]


def test_an_enumeration_inside_a_sentence_is_no_table() -> None:
    text = (
        "Các chỉ số so sánh gồm: (1) Dân số, (2) GRDP, (3) Tăng trưởng kinh tế, "
        "(4) Thu nhập bình quân, (5) Kim ngạch xuất khẩu, (6) Thu ngân sách. Xếp hạng chủ yếu "
        "dựa vào GRDP bình quân.\n"
    )
    assert tables_of(text) == ()


def test_a_pipe_table_one_cell_per_line_with_hash_ranks() -> None:
    text = (
        "Danh sách theo dân số\n| Thứ hạng |\nTên |\nDân số |\n"
        "| #1 |\nHồ Chí Minh |\n14.002.598 |\n| #2 |\nHà Nội |\n8.587.100 |\n"
        "| #3 |\nAn Giang |\n4.952.238 |\n| #4 |\nHải Phòng |\n4.664.124 |\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "Hồ Chí Minh",
        "Hà Nội",
        "An Giang",
        "Hải Phòng",
    ]
    assert [_printed(e.total) for e in table.entries] == [
        "14.002.598",
        "8.587.100",
        "4.952.238",
        "4.664.124",
    ]
    # 1 … 4 is the row order and the ranking both: whichever it is read as, the table says so
    numbered = [e.number for e in table.entries] == [1, 2, 3, 4]
    ranked = [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4"]
    assert numbered or ranked


def test_a_rank_of_whole_number_scores_is_found_from_the_numbers() -> None:
    text = (
        "Tỉnh Hạng Dân số\n"
        "TP Hồ Chí Minh 1 8.993.082\nHà Nội 2 8.053.663\nThanh Hóa 3 3.640.128\n"
        "Nghệ An 4 3.327.791\nĐồng Nai 5 3.097.107\n"
    )
    (table,) = tables_of(text)
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4", "5"]
    assert _printed(table.entries[0].total) == "8.993.082"


def _rank_flags(text: str) -> list[tuple[str | None, str | None]]:
    tables = tables_of(text)
    flags = reconcile("d", read_metadata(text_document(text)), tables)
    return [(f.actual, f.expected) for f in flags if f.check == "rank_mismatch"]


def test_rows_with_a_percentage_are_ranked_by_it_not_by_their_points() -> None:
    rows = [("Bình Thuận", "72,5", "95", "76,32"), ("Lai Châu", "63,6", "85", "74,82")]
    rows += [("Lào Cai", "72,5", "100", "72,50"), ("Hải Dương", "55,9", "85", "65,76")]
    text = "".join(f"{i}\t{n}\t{s}\t{m}\t{p}\t{i}\n" for i, (n, s, m, p) in enumerate(rows, 1))
    assert _rank_flags(text) == []
    assert _rank_flags(text.replace("65,76\t4", "65,76\t2")) == [("2", "4")]


def test_one_rank_beyond_the_rows_among_the_others_is_one_rank_wrong() -> None:
    scores = ["83,2", "78,5", "77,0", "74,6", "72,2", "47,5"]
    ranks = ["1", "2", "3", "9", "5", "6"]  # the 4th printed as 9: not a top list
    text = "".join(
        f"Sở {chr(65 + i)}\t{s}\t{r}\n" for i, (s, r) in enumerate(zip(scores, ranks, strict=True))
    )
    assert _rank_flags(text) == [("9", "4")]


def test_a_caption_line_is_no_one_line_header_and_each_year_is_a_table() -> None:
    head = "TT Huyện, thị xã, thành phố Vị trí (giá trị) "
    one = head + "1 Huyện Văn Lâm 1 (0,892) 2 Huyện Yên Mỹ 2 (0,756) 3 Huyện Ân Thi 3 (0,703)"
    two = head + "1 Huyện Khoái Châu 1 (0,932) 2 Huyện Tiên Lữ 2 (0,787) 3 Huyện Kim Động 3 (0,754)"
    text = f"Kết quả năm 2021\n\n{one}\n\nKết quả năm 2022\n\n{two}\n"
    tables = tables_of(text)
    assert [[e.agency_raw for e in t.entries] for t in tables] == [
        ["Huyện Văn Lâm", "Huyện Yên Mỹ", "Huyện Ân Thi"],
        ["Huyện Khoái Châu", "Huyện Tiên Lữ", "Huyện Kim Động"],
    ]
    assert not [f for f in reconcile("d", read_metadata(text_document(text)), tables)
                if f.severity == "error"]  # fmt: skip


def test_a_header_run_into_the_first_name_on_one_line_keeps_the_first_record() -> None:
    header = "Đơn vị hành chính XH Các lĩnh vực Xếp loại Giá trị chỉ số Hạ tầng CNTT Nhân lực "
    header += "CNTT Trang thông tin điện tử Dịch vụ công trực tuyến"
    rows = "Huyện Hồng Dân 01 29,000 32,683 22,534 11,976 Xuất sắc 96,193 "
    rows += "Thị xã Giá Rai 02 23,785 30,215 20,768 14,386 Tốt 89,154 "
    rows += "Huyện Vĩnh Lợi 03 22,298 26,140 17,362 10,370 Khá 76,170 "
    rows += "Thành phố Bạc Liêu 04 19,343 21,229 10,251 7,874 Trung bình 58,697"
    (table,) = tables_of(f"Kết quả như sau:\n{header} {rows}\n")
    assert [e.agency_raw for e in table.entries][:2] == ["Huyện Hồng Dân", "Thị xã Giá Rai"]
    assert _printed(table.entries[0].total) == "96,193"


def test_a_total_printed_to_more_places_is_not_given_the_fit_of_its_equal_value() -> None:
    """85,4 and 85,40 are equal Decimals; a cached fit must not carry from one to the other."""
    from decimal import Decimal

    from pipeline.tables.roles.fits import candidate_fit

    parts = (
        (Decimal("10.04"), Decimal("20.02"), Decimal("30.01")),
        (Decimal("20.03"), Decimal("11.02"), Decimal("12.03")),
    )
    one_place = (Decimal("30.1"), Decimal("31.0"), Decimal("42.0"))
    two_places = (Decimal("30.10"), Decimal("31.00"), Decimal("42.00"))
    assert candidate_fit(parts, one_place) == 3  # 30.07 printed to one place is 30.1
    assert candidate_fit(parts, two_places) == 0  # to two places it would be 30.07


def test_a_maximum_and_a_percentage_the_row_order_does_not_tell_apart_are_a_doubt() -> None:
    """p = s ÷ t and t = s ÷ p both hold: only the order the rows are ranked in tells which
    column is the percentage; where it does not, the table says so instead of choosing."""
    unordered = (
        "Sở A\t100\t85,5\t85,50\nSở B\t90\t80\t88,89\nSở C\t95\t70\t73,68\nSở D\t80\t60\t75,00\n"
    )
    (table,) = tables_of(unordered)
    assert table.role_doubt is not None and "tỷ lệ" in table.role_doubt
    ranked = (
        "Sở A\t90\t85,5\t95,00\nSở B\t100\t80\t80,00\nSở C\t95\t70\t73,68\nSở D\t80\t55\t68,75\n"
    )
    (table,) = tables_of(ranked)
    assert _roles(table) == ["agency", "row_max", "total", "percent"]
    assert table.role_doubt is None


def test_records_over_labelled_lines_are_rows_with_their_labels_as_columns() -> None:
    records = [
        ("5", "Sở Tư pháp", "85,40", "12"),
        ("4", "Sở Y tế", "86,10", "14"),
        ("3", "Sở Nội vụ", "88,50", "9"),
        ("2", "Sở Tài chính", "90,25", "11"),
        ("1", "Sở Xây dựng", "93,00", "10"),
        ("17", "Sở Công Thương", "61,75", "8"),  # the page's own unit after its top five
    ]
    text = "Năm đơn vị đứng đầu bảng năm nay.\n\n" + "".join(
        f"{n}. {name} - Tổng điểm: {score} điểm\n{n}. {name} - Tổng điểm: {score} điểm\n\n"
        f"Số thủ tục trực tuyến: {count}thủ tục\n\n"
        for n, name, score, count in records
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [r[1] for r in records]
    assert [_printed(e.rank) for e in table.entries] == [r[0] for r in records]
    assert [_printed(e.total) for e in table.entries] == [r[2] for r in records]
    assert [_printed(e.components[0]) for e in table.entries] == [r[3] for r in records]
    assert [c.label for c in table.columns if c.role == "component"] == ["Số thủ tục trực tuyến"]


def test_a_top_list_ending_with_its_own_rank_is_no_score_for_another_column_to_rank() -> None:
    rows = [("5", "Sở A", "130.222.815"), ("4", "Sở B", "143.375.006")]
    rows += [("3", "Sở C", "164.827.718"), ("2", "Sở D", "191.835.936")]
    rows += [("1", "Sở E", "196.744.376"), ("14", "Sở G", "95.414.640")]
    text = "| | | Dân số |\n" + "".join(f"| {r} | {n} | {v} |\n" for r, n, v in rows)
    (table,) = tables_of(text)
    assert _roles(table) == ["rank", "agency", "total"]


def test_figures_whose_scale_word_changes_are_compared_at_their_scale_and_said_mixed() -> None:
    rows = [("Trung Quốc", "1,4", "tỷ"), ("Ấn Độ", "1,3", "tỷ"), ("Mỹ", "330", "triệu")]
    rows += [("Indonesia", "270", "triệu"), ("Pakistan", "220", "triệu")]
    text = "Các nước đông dân nhất:\n\n" + "".join(
        f"  {n}. {name}: khoảng {v} {scale} người\n" for n, (name, v, scale) in enumerate(rows, 1)
    )
    (table,) = tables_of(text)
    assert [_printed(e.total) for e in table.entries] == [r[1] for r in rows]
    # 1 … 5 is the ranking of the figures taken at their scale: the STT or the rank, said so
    assert table.role_doubt is not None
    assert "số thứ tự hoặc xếp hạng" in table.role_doubt
    assert "nhiều đơn vị (tỷ, triệu)" in table.role_doubt


def test_ranks_beside_figures_in_mixed_units_raise_no_rank_error() -> None:
    """The printed figures of a column whose scale word changes ("1,4 tỷ" above "330 triệu")
    do not order the rows: its ranks are checked among themselves, not against them, so a
    right ranking raises no rank_mismatch; a rank out of the sequence still does."""
    rows = [("Trung Quốc", "1,4", "tỷ"), ("Ấn Độ", "1,3", "tỷ"), ("Mỹ", "330", "triệu")]
    rows += [("Indonesia", "270", "triệu"), ("Pakistan", "220", "triệu")]

    def page(ranks: list[int]) -> str:
        lines = [f"  {n}. {name}: khoảng {v} {scale} người\n" for n, (name, v, scale) in zip(
            ranks, rows, strict=True)]  # fmt: skip
        return "Các nước đông dân nhất:\n\n" + "".join(lines)

    for text, wrong in ((page([1, 2, 3, 4, 5]), 0), (page([1, 2, 3, 3, 4]), 1)):
        (table,) = tables_of(text)
        assert table.columns[2].scales == ("tỷ", "triệu")
        flags = reconcile("d", read_metadata(text_document(text)), (table,))
        assert sum(flag.check == "rank_mismatch" for flag in flags) == wrong


def test_a_pipe_table_one_cell_per_line_keeps_a_text_column_apart_from_the_names() -> None:
    rows = [
        ("#1", "Hồ Chí Minh", "Thành phố", "14,002,598"),
        ("#2", "Hà Nội", "Thành phố", "8,587,100"),
    ]
    rows += [("#3", "An Giang", "Tỉnh", "4,952,238"), ("#4", "Hải Phòng", "Thành phố", "4,664,124")]
    rows += [("#5", "Đồng Nai", "Tỉnh", "4,491,408")]
    text = "Danh sách theo dân số\n| Thứ hạng |\nTên |\nLoại |\nDân số (người) |\n" + "".join(
        f"| {rank} |\n{name} |\n{kind} |\n{people} |\n" for rank, name, kind, people in rows
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["rank", "agency", "other", "total"]
    assert [e.agency_raw for e in table.entries] == [r[1] for r in rows]
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4", "5"]
    assert [_printed(e.total) for e in table.entries] == [r[3] for r in rows]
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert not [f for f in flags if f.severity == "error" or "band" in f.check]


def test_a_numbered_list_of_names_alone_is_a_ranking_in_doubt() -> None:
    """A news page's "05 cơ quan đứng đầu" list: "1. Bộ Tài chính" one per line, no header and
    no score. The count is the ranking or a numbering; read as the rank, said in doubt, where it
    had been left unread (the page's only table lost)."""
    names = ["Bộ Tài chính", "Bộ Khoa học và Công nghệ", "Bộ Tư pháp", "Bộ Nội vụ"]
    text = "Các cơ quan đứng đầu như sau:\n\n" + "".join(
        f"            {n}. {name}\n\n" for n, name in enumerate(names, 1)
    )
    (table,) = tables_of(text + "b) 03 cơ quan đứng đầu khối cơ quan thuộc Chính phủ:\n")
    assert [e.agency_raw for e in table.entries] == names
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4"]
    assert all(e.row_number is None for e in table.entries)
    assert table.role_doubt is not None and "đọc là xếp hạng" in table.role_doubt


def test_words_that_grade_the_rows_stay_their_band_though_no_band_is_known_by_them() -> None:
    rows = [
        ("1", "Sở A", "92,5", "Loại A"),
        ("2", "Sở B", "90", "Loại A"),
        ("3", "Sở C", "81", "Loại B"),
    ]
    rows += [("4", "Sở D", "75,5", "Loại B"), ("5", "Sở E", "60", "Loại C")]
    text = "STT\tĐơn vị\tĐiểm\tXếp loại\n" + "".join("\t".join(r) + "\n" for r in rows)
    (table,) = tables_of(text)
    assert _roles(table)[-1] == "band"


def test_a_count_under_an_unknown_word_beside_names_alone_is_a_ranking_in_doubt() -> None:
    names = ["Thừa Thiên Huế", "Hậu Giang", "Bình Thuận", "Thái Nguyên", "Bến Tre"]
    rows = "".join(f"{n}\t{name}\n" for n, name in enumerate(names, 1))
    (table,) = tables_of("Rank\tTỉnh, thành phố\n" + rows)
    assert _roles(table) == ["rank", "agency"]
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4", "5"]
    assert table.role_doubt is not None and "đọc là xếp hạng" in table.role_doubt
    listed = tables_of("STT\tTỉnh, thành phố\n" + rows)
    assert not [t for t in listed if "rank" in _roles(t)]  # the header says it is the STT


def test_group_headings_run_into_a_table_on_one_line_part_its_groups() -> None:
    text = (
        "Kết quả cụ thể như sau:\n\nTên cơ quan Chỉ số Hạng I Khối sở, ban, ngành "
        "Sở Khoa học và Công nghệ 76,67 01 Sở Ngoại vụ 60,87 02 Công an tỉnh 58,36 03 "
        "II Các địa phương cấp huyện Thành phố Đông Hà 88,10 01 Huyện Triệu Phong 87,49 02 "
        "Huyện Cồn Cỏ 86,14 03 Huyện Đa Krông 84,28 04\n\nĐiều 2. Quyết định này có hiệu lực.\n"
    )
    tables = tables_of(text)
    names = [e.agency_raw for t in tables for e in t.entries]
    assert names == [
        "Sở Khoa học và Công nghệ", "Sở Ngoại vụ", "Công an tỉnh",
        "Thành phố Đông Hà", "Huyện Triệu Phong", "Huyện Cồn Cỏ", "Huyện Đa Krông",
    ]  # fmt: skip
    flags = reconcile("d", read_metadata(text_document(text)), tables)
    assert not [f for f in flags if f.check == "rank_mismatch"]


def test_labels_wrapped_with_their_maxima_one_cell_per_line_head_the_groups_below() -> None:
    header = "Tên cơ quan\nỨng dụng\n(100)\nKết nối liên\nthông (100)\nNhân lực\n(100)\n"
    header += "Cổng thông tin\n(100)\nHệ thống\nQLVB (100)\nĐiểm tổng\nhợp (100)\n"
    first = [("Sở Văn hóa", "55,573", "68,163", "69,363", "52,107", "60,231", "61,087")]
    first += [("Cục Thống kê", "97,167", "98,302", "99,950", "79,556", "96,234", "94,242")]
    first += [("Sở Xây dựng", "61,416", "50,719", "60,239", "53,129", "48,730", "54,847")]
    second = [("Huyện Hưng Hà", "63,632", "67,866", "80,084", "64,599", "56,445", "66,525")]
    second += [("Huyện Thái Thụy", "41,248", "57,766", "63,912", "66,132", "59,908", "57,793")]
    second += [("Huyện Tiền Hải", "76,053", "57,588", "54,685", "75,876", "79,057", "68,652")]
    cells = lambda rows: "".join("\n".join(row) + "\n" for row in rows)  # noqa: E731
    text = "Bảng kết quả\n\n" + header + "I Khối sở, ban, ngành\n" + cells(first)
    text += "II Khối huyện, thành phố\n" + cells(second)
    tables = tables_of(text)
    assert [c.label for c in tables[0].columns] == [
        "Tên cơ quan", "Ứng dụng", "Kết nối liên thông", "Nhân lực", "Cổng thông tin",
        "Hệ thống QLVB", "Điểm tổng hợp",
    ]  # fmt: skip
    names = [e.agency_raw for t in tables for e in t.entries]
    assert names == [row[0] for row in first + second]  # no label read as a unit
    flags = reconcile("d", read_metadata(text_document(text)), tables)
    assert not [f for f in flags if f.check == "ambiguous_number_format"]


def test_lettered_group_headings_run_into_a_table_on_one_line_part_its_groups() -> None:
    text = (
        "Kết quả như sau:\n\nTên cơ quan Điểm Xếp loại A Khối cơ quan cấp tỉnh Sở Ngoại vụ "
        "0,8785 Tốt Sở Công Thương 0,8689 Tốt Ban Dân tộc 0,8001 Tốt B Khối UBND cấp huyện "
        "Quận Bình Thuỷ 0,9521 Xuất sắc Huyện Thới Lai 0,8271 Tốt Quận Ninh Kiều 0,7714 Khá\n"
    )
    names = [e.agency_raw for t in tables_of(text) for e in t.entries]
    assert names == [
        "Sở Ngoại vụ", "Sở Công Thương", "Ban Dân tộc",
        "Quận Bình Thuỷ", "Huyện Thới Lai", "Quận Ninh Kiều",
    ]  # fmt: skip


def test_a_last_unit_printed_without_values_is_a_row_not_a_caption() -> None:
    rows = [("Thị xã Ngã Bảy", "19,435", "1"), ("Huyện Phụng Hiệp", "8,328", "3")]
    rows += [("Thành phố Vị Thanh", "12,430", "2"), ("UBND huyện Châu Thành", "", "")]
    text = "Tên đơn vị\tĐiểm\tHạng\n" + "".join("\t".join(row) + "\n" for row in rows)
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [row[0] for row in rows]
    assert table.entries[-1].total is None and table.entries[-1].rank is None


def test_with_no_rule_and_no_rank_the_figure_the_rows_are_ordered_by_is_the_total() -> None:
    rows = [("Hà Nội", "8.685.607", "3.360", "2.585"), ("Thanh Hoá", "3.760.650", "11.115", "338")]
    rows += [("Nghệ An", "3.470.988", "16.486", "211"), ("Đồng Nai", "3.341.716", "5.864", "570")]
    rows += [
        ("Hải Phòng", "2.121.841", "1.527", "1.390"),
        ("Bắc Giang", "1.950.615", "3.896", "501"),
    ]
    text = "Địa phương\tDân số\tDiện tích\tMật độ\n" + "".join("\t".join(r) + "\n" for r in rows)
    (table,) = tables_of(text)
    assert _roles(table) == ["agency", "total", "component", "component"]
    assert table.role_doubt is None
    (short,) = tables_of(text.split("Hải Phòng")[0])  # four rows in order prove nothing
    assert "total" not in _roles(short)


def test_the_column_the_bands_follow_is_the_total_no_rule_was_found_for() -> None:
    rows = [
        ("Xã A", "Khá", "76,536", "65,472", "86,685", "74,212"),
        ("Xã B", "Khá", "72,228", "60,481", "75,851", "77,400"),
        ("Xã C", "Tốt", "88,302", "80,880", "92,587", "100,000"),
        ("Xã D", "Trung bình", "50,942", "47,527", "50,596", "61,716"),
        ("Xã E", "Yếu", "45,310", "54,267", "61,232", "47,750"),
        ("Xã G", "Tốt", "84,112", "90,013", "78,431", "81,020"),
    ]
    text = "Kết quả:\n\n" + "".join(" ".join(row) + "\n" for row in rows)
    (table,) = tables_of(text)
    assert _roles(table) == ["agency", "band", "total", "component", "component", "component"]


def test_one_misprinted_rank_does_not_shift_a_table_one_cell_per_line() -> None:
    names = ["Bộ A", "Bộ B", "Bộ C", "Bộ D", "Bộ E", "Bộ G", "Bộ H", "Bộ K", "Bộ L"]
    scores = ["93.143", "90.978", "89.929", "85.618", "74.562", "66.929", "60.199", "51.492"]
    scores += ["42.301"]
    ranks = ["01", "02", "03", "04", "05", "06", "05", "08", "09"]  # the seventh printed wrong
    cells = [cell for row in zip(ranks, names, scores, strict=True) for cell in row]
    text = "Kết quả năm 2021\n\nXH\n\nCơ quan\n\nKết quả\n\n" + "\n\n".join(cells) + "\n"
    (table,) = tables_of(text)
    assert [_printed(e.rank) for e in table.entries] == ranks
    assert [_printed(e.total) for e in table.entries] == scores
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert [f.actual for f in flags if f.check == "rank_mismatch"] == ["5"]


def test_labels_each_with_its_own_maximum_in_parentheses_are_no_units() -> None:
    header = "Mục\nĐịa phương\nGiá trị chỉ số\nNhận thức\nsố (4,6)\nDigital government\n(8,37)\n"
    header += "Chính quyền số\n(9,37)\nNền tảng số\n(3,8)\nXã hội\nsố (4,82)\n"
    rows = [("1", "Hà Tĩnh", "9,56", "1,36", "2,53", "2,87", "1,06", "1,74")]
    rows += [("2", "Lai Châu", "11,36", "1,27", "3,72", "3,38", "1,30", "1,69")]
    rows += [("3", "Sơn La", "12,01", "2,01", "3,11", "3,07", "2,10", "1,72")]
    text = "Kết quả:\n" + header + "".join("\n".join(row) + "\n" for row in rows)
    tables = tables_of(text)
    assert [e.agency_raw for t in tables for e in t.entries] == ["Hà Tĩnh", "Lai Châu", "Sơn La"]
    assert [c.label for c in tables[0].columns][3:] == [
        "Nhận thức số", "Digital government", "Chính quyền số", "Nền tảng số", "Xã hội số",
    ]  # fmt: skip


def test_words_announcing_a_table_are_no_unit_that_shifts_its_ranks() -> None:
    names = ["Tỉnh Bạc Liêu", "Thái Bình", "Tỉnh Đắk Nông", "Lạng Sơn", "Tỉnh Bắc Giang"]
    cells = [cell for n, name in enumerate(names, 1) for cell in (f"{n:02d}", name)]
    text = "Kết quả cụ thể như sau:\n\n" + "\n\n".join(cells) + "\n"
    for table in tables_of(text):
        assert "Kết quả cụ thể như sau:" not in [e.agency_raw for e in table.entries]
        assert all(e.rank is None or e.agency_raw == names[int(e.rank.printed) - 1]
                   for e in table.entries)  # fmt: skip


def test_a_table_run_together_that_ends_its_line_in_a_name_without_values_is_read() -> None:
    text = (
        "Điều 1. Phê duyệt kết quả như sau:\n\nBan Quản lý các khu công nghiệp 01 (0,940) "
        "Thanh tra tỉnh 02 (0,938) Ban Dân tộc 03 (0,840) Công an tỉnh 04 (0,816) Sở Y tế\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    )
    (table,) = tables_of(text)
    assert [_printed(e.rank) for e in table.entries][:4] == ["01", "02", "03", "04"]
    assert [_printed(e.total) for e in table.entries][:4] == ["0,940", "0,938", "0,840", "0,816"]


def test_a_part_in_step_with_the_total_is_no_percentage_of_it() -> None:
    """Drawn seed 8202: a component whose header lost its maximum "(15)" runs at 3/20 of the
    total in every row; a percentage is the total over a whole maximum (× 100/M or × 1/M), and
    100 ÷ 3/20 is none, so the column stays a component (it had taken the rank check with it)."""
    rows = [("94.5", "14.2", "80.3"), ("86.6", "13.0", "73.6"), ("85.2", "12.8", "72.4")]
    rows += [("81.9", "12.3", "69.6"), ("76.0", "11.4", "64.6")]
    text = "STT\tCơ quan\tA\tB\tTổng điểm\n" + "".join(
        f"{i}\tSở {chr(64 + i)}\t{a}\t{b}\t{t}\n" for i, (t, a, b) in enumerate(rows, 1)
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", "component", "component", "total"]


def test_a_count_that_is_also_the_ranking_of_the_total_is_read_as_the_rank_with_a_doubt() -> None:
    rows = [("1", "Sở Tư pháp", "92,40"), ("2", "Sở Y tế", "88,15"), ("3", "Sở Xây dựng", "80,02")]
    rows += [("4", "Sở Nội vụ", "75,60"), ("5", "Sở Công Thương", "61,33"), ("6", "Sở GTVT", "60")]
    text = "Kết quả như sau:\n\n" + "".join(f"{r} {n} {v}\n" for r, n, v in rows)
    (table,) = tables_of(text)
    # no word says STT or rank: either way each row's figure is its place by the total
    assert _roles(table) == ["rank", "agency", "total"]
    assert [_printed(e.rank) for e in table.entries] == [r[0] for r in rows]
    assert table.role_doubt is not None and "đọc là xếp hạng" in table.role_doubt


def test_stt_opening_a_header_no_reading_splits_keeps_the_count_the_row_number() -> None:
    rows = [("1", "Sở Tư pháp", "92,40"), ("2", "Sở Y tế", "88,15"), ("3", "Sở Xây dựng", "80,02")]
    rows += [("4", "Sở Nội vụ", "75,60"), ("5", "Sở Công Thương", "61,33"), ("6", "Sở GTVT", "60")]
    lines = [f"{r} {n} {v}" for r, n, v in rows]
    above = "STT Tên cơ quan, đơn vị được đánh giá Tổng hợp\n" + "\n".join(lines)
    run_on = "Số TT Cơ quan Kết quả " + " ".join(lines)  # the whole table on one line
    for body in (above, run_on):
        (table,) = tables_of("Kết quả như sau:\n\n" + body + "\n\nĐiều 2. Quyết định này.\n")
        assert _roles(table)[:2] == ["row_number", "agency"], body
        assert [e.number for e in table.entries] == [1, 2, 3, 4, 5, 6]
        assert table.columns[0].label in ("STT", "Số TT")


def test_a_name_wrapped_over_two_lines_between_records_is_one_name() -> None:
    rows = [("Sở Tư pháp", "92,40", "1"), ("Sở Y tế", "88,15", "2")]
    rows += [("Sở Tài nguyên và\nMôi trường", "80,02", "3"), ("Sở Nội vụ", "75,60", "4")]
    rows += [("Sở Lao động - Thương binh và Xã\nhội", "61,33", "5"), ("Sở GTVT", "60", "6")]
    text = "Kết quả như sau:\n\n" + "".join(f"{n} {v} {r}\n" for n, v, r in rows)
    (table,) = tables_of(text + "\nĐiều 2. Quyết định này có hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == [r[0].replace("\n", " ") for r in rows]
    assert [_printed(e.total) for e in table.entries] == [r[1] for r in rows]
    assert [_printed(e.rank) for e in table.entries] == [r[2] for r in rows]


def test_a_reference_row_with_a_dash_for_its_number_above_row_one_is_a_row() -> None:
    rows = [("1", "Sở Tư pháp", "90,5"), ("2", "Sở Y tế", "85,5"), ("3", "Sở Nội vụ", "80,0")]
    text = (
        "Điều 1. Xếp loại như sau:\n"
        "- Từ 90 điểm trở lên: Xuất sắc;\n- Từ 80 đến dưới 90 điểm: Tốt;\n\n"
        "STT Tên đơn vị Tổng điểm Xếp hạng\n- Toàn tỉnh 85,5\n"
        + "".join(f"{n} {name} {total} {n}\n" for n, name, total in rows)
    )
    (table,) = tables_of(text)
    # the bullets of prose stay prose; the dashed row above row 1 is a row with no number
    assert [e.agency_raw for e in table.entries] == ["Toàn tỉnh", *(r[1] for r in rows)]
    assert [e.number for e in table.entries] == [None, 1, 2, 3]
    assert _printed(table.entries[0].total) == "85,5"
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert "row_number_gap" not in [flag.check for flag in flags]


def test_two_scores_the_rank_orders_alike_are_told_apart_by_the_header_or_doubted() -> None:
    # no rule of the parts gives either column; the rank orders both the same way
    rows = [("1", "Xã A", "95,26", "93,01", "100,00"), ("2", "Xã B", "86,82", "89,90", "96,66")]
    rows += [("3", "Xã C", "85,60", "84,72", "95,69"), ("4", "Xã D", "80,10", "97,30", "90,20")]
    rows += [("5", "Xã E", "75,00", "70,15", "88,00")]
    body = "".join(f"| {k} | {n} | {t} | {a} | {b} | {k} |\n" for k, n, t, a, b in rows)
    named = "| STT | Đơn vị | Giá trị chỉ số | TC1 | TC2 | XH |\n"
    (table,) = tables_of(named + body)
    assert _roles(table) == ["row_number", "agency", "total", "component", "component", "rank"]
    (table,) = tables_of("| STT | Đơn vị | A | B | C | XH |\n" + body)
    assert table.role_doubt is not None and "cột 3" in table.role_doubt


def test_a_last_unit_printing_its_number_and_name_alone_is_kept_without_values() -> None:
    names = ["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Sở Công Thương"]
    scores = ["92,40", "88,15", "80,02", "75,60", "61,33"]
    cells = [
        f"{k}\n{n} {k:02d}\n({s})\n" for k, (n, s) in enumerate(zip(names, scores, strict=True), 1)
    ]
    text = "Thứ tự\nTên đơn vị\nXếp hạng (điểm)\n" + "".join(cells) + "6\nSở Ngoại vụ\n"
    (table,) = tables_of(text + "\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [e.agency_raw for e in table.entries] == [*names, "Sở Ngoại vụ"]
    last = table.entries[-1]
    assert last.number == 6 and last.total is None and last.rank is None


def test_the_first_name_on_its_own_line_under_the_header_keeps_all_its_words() -> None:
    rows = [("Thành phố Cần Thơ", "1 (0,968)"), ("Lạng Sơn", "2 (0,966)")]
    rows += [("Tuyên Quang", "3 (0,955)"), ("Nghệ An", "4 (0,953)"), ("Quảng Ninh", "5 (0,950)")]
    text = "Kết quả cụ thể như sau:\n\nTỉnh, TP\n\nHạng (điểm\n\nsố)\n\n" + "".join(
        f"{name}\n\n{cell}\n\n" for name, cell in rows
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]


def test_a_header_one_cell_per_line_names_its_first_column_by_its_top_line_only() -> None:
    rows = [(k, f"Xã {n}", f"{90 - 3 * k},5") for k, n in enumerate("ABCDEFG", 1)]
    body = "".join(f"{k}\t{n}\t{v}\n" for k, n, v in rows)
    (table,) = tables_of("KẾT QUẢ NĂM 2020\n\nSô TT\nĐịa bàn\nKết quả\n\n" + body)
    assert _roles(table)[:2] == ["row_number", "agency"]  # "Sô TT", its mark mistyped
    (table,) = tables_of("KẾT QUẢ NĂM 2020\n\nMục\nĐịa bàn\nHạng (điểm)\n\n" + body)
    assert table.columns[0].label != "Hạng (điểm)"  # the last label, not the first column's


def test_a_maxima_row_closing_a_header_one_cell_per_line_stands_over_the_numbers() -> None:
    rows = [("Thị trấn Tân Thạnh", "93,1"), ("Xã Tân Thành", "80,4"), ("Xã Kiến Bình", "78,7")]
    rows += [("Xã Tân Hòa", "76,5"), ("Xã Tân Bình", "74,3"), ("Xã Tân Lập", "64,2")]
    cells = "".join(f"{k}\n{n}\n{v}\n" for k, (n, v) in enumerate(rows, 1))
    text = "STT.\nXã, phường,\nthị trấn\nTổng điểm đạt được\nĐiểm tối đa\n100\n" + cells
    (table,) = tables_of(text + "\nĐiều 2. Quyết định này có hiệu lực.\n")
    assert _roles(table) == ["row_number", "agency", "total"]
    assert [e.agency_raw for e in table.entries] == [n for n, _ in rows]
    assert table.columns[2].max_points == 100


def test_a_run_on_table_of_six_with_one_rank_misprinted_is_still_read() -> None:
    rows = [("01", "Xã Triệu Trạch", "91,854"), ("02", "Xã Triệu Độ", "82,038")]
    rows += [("03", "Xã Triệu Cơ", "76,277"), ("02", "Xã Triệu Tài", "65,635")]
    rows += [("05", "Xã Triệu Tân", "52,702"), ("06", "Thị trấn Ái Tử", "42,282")]
    line = "Vị trí Tên xã Tổng điểm " + " ".join(" ".join(row) for row in rows)
    (table,) = tables_of(f"Kết quả năm 2023\n\n{line}\n\nĐiều 2. Quyết định này.\n")
    assert [e.agency_raw for e in table.entries] == [r[1] for r in rows]
    assert [_printed(e.rank) for e in table.entries] == [r[0] for r in rows]


def test_a_header_one_cell_per_line_opened_by_a_mistyped_rank_word_is_read() -> None:
    names = ["Bộ Tài chính", "Bộ Nội vụ", "Bộ Công Thương", "Văn phòng Chính phủ"]
    rows = "".join(f"{k}\n\n{n}\n\n{90 - 7 * k},10\n\n" for k, n in enumerate(names, 1))
    header = "Xêp hạng\n\nBộ, cơ quan ngang\n\nbộ\n\nTổng điểm\n\nĐiểm tối đa\n\n100\n\n"
    (table,) = tables_of("Năm 2022\n\n" + header + rows + "Điều 2. Quyết định này.\n")
    assert [e.agency_raw for e in table.entries] == names
    assert table.columns[0].label == "Xêp hạng" and table.columns[2].max_points == 100


def test_a_count_in_the_order_of_two_totals_in_doubt_is_still_their_ranking() -> None:
    """A wiki list of regions by GRDP: the figure in billion đồng and in billion USD (the same
    figure at an exchange rate) are each the other's scaling, so which is the total stays in
    doubt; the count 1 … 8 down the rows is the ranking of either, read as the rank."""
    vnd = ["2192303", "1753394", "823170", "529548", "433361", "347553", "272562", "189886"]
    people = ["17074300", "21566400", "17804700", "9382300", "10674600", "7559700"]
    people += ["5871100", "4643000"]
    rows = "".join(
        f"{n}\tVùng {chr(64 + n)}\t{p}\t{v}\t{int(v) * 2}\n"
        for n, (p, v) in enumerate(zip(people, vnd, strict=True), 1)
    )
    (table,) = tables_of("\tVùng\tDân số\tGRDP (tỷ đồng)\tGRDP (triệu USD)\n" + rows)
    assert [_printed(e.rank) for e in table.entries] == [str(n) for n in range(1, 9)]
    assert all(e.row_number is None for e in table.entries)
    assert table.role_doubt is not None and "đọc là xếp hạng" in table.role_doubt


_YEARS = {
    "2019": [("Huyện Krông Búk", "80.92"), ("Huyện Lắk", "77.81"), ("Thị xã Buôn Hồ", "72.73")]
    + [("Huyện M'Đrắk", "70.71"), ("Huyện Krông Pắc", "68.28"), ("Huyện Krông Bông", "66.55")],
    "2020": [("Huyện Krông Bông", "88.92"), ("Huyện Krông Pắc", "81.46"), ("Huyện Lắk", "79.09")]
    + [("Thị xã Buôn Hồ", "74.19"), ("Huyện Krông Búk", "73.06"), ("Huyện M'Đrắk", "68.67")],
}


def test_the_same_units_again_after_a_caption_are_the_next_table_one_cell_per_line() -> None:
    text = "".join(
        f"Kết quả năm {year}\nS.T.T\nĐịa bàn\nChỉ số tổng hợp\n(100)\n"
        + "".join(f"{k}\n{name}\n{score}\n" for k, (name, score) in enumerate(rows, 1))
        for year, rows in _YEARS.items()
    )
    tables = tables_of(text + "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert len(tables) == 2
    for table, rows in zip(tables, _YEARS.values(), strict=True):
        assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
        assert [_printed(e.total) for e in table.entries] == [score for _, score in rows]


def test_a_unit_alone_after_the_last_record_is_a_row_when_the_next_table_ranks_it() -> None:
    first = _YEARS["2019"][:5]  # the sixth, Krông Bông, printed with no number and no values
    text = "Năm 2019\nThứ bậc Địa phương\n" + "".join(
        f"{k} {name}\n" for k, (name, _) in enumerate(first, 1)
    )
    text += "Huyện Krông Bông\n\nNăm 2020\nThứ bậc Địa phương\n"
    text += "".join(f"{k} {name}\n" for k, (name, _) in enumerate(_YEARS["2020"], 1))
    tables = tables_of(text + "\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [len(t.entries) for t in tables] == [6, 6]
    last = tables[0].entries[-1]
    assert last.agency_raw == "Huyện Krông Bông" and last.rank is None and last.number is None
    assert [_printed(e.rank) for e in tables[1].entries] == ["1", "2", "3", "4", "5", "6"]


def test_a_header_run_into_the_first_name_of_a_run_on_table_is_cut_off_it() -> None:
    names = ["Hà Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bình Thuận", "Quảng Nam", "Hưng Yên"]
    records = " ".join(f"{name} {k}" for k, name in enumerate(names, 1))
    (table,) = tables_of(f"KẾT QUẢ NĂM 2016\n\nĐơn vị Thứ hạng {records}\n\nĐiều 2. Hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == names
    assert _roles(table) == ["agency", "rank"]
    assert [column.label for column in table.columns] == ["Đơn vị", "Thứ hạng"]


def test_a_long_first_name_in_a_run_on_table_is_no_header() -> None:
    names = ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp"]
    names += ["Sở Xây dựng", "Sở Tài chính"]
    scores = ["91,5", "88,2", "85", "80,75", "77,1", "70"]
    pairs = zip(names, scores, strict=True)
    records = " ".join(f"{n} {s} {k}" for k, (n, s) in enumerate(pairs, 1))
    (table,) = tables_of(f"Kết quả như sau:\n\n{records}\n\nĐiều 2. Hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == names


def test_a_maxima_row_between_a_header_and_records_stands_over_the_scores_not_the_rank() -> None:
    rows = [
        ("Ban Quản lý Khu kinh tế", ["39,00", "25,07", "33,00"], "97,07"),
        ("Công an tỉnh", ["36,77", "27,43", "28,42"], "92,62"),
        ("Sở Y tế", ["31,74", "23,63", "30,57"], "85,94"),
        ("Cục Thuế tỉnh", ["29,50", "28,09", "23,79"], "81,38"),  # 28,09 over its 28
        ("Cục Thống kê tỉnh", ["32,06", "21,35", "24,02"], "77,43"),
        ("Sở Nội vụ", ["30,00", "20,00", "20,00"], "70,00"),
    ]
    cells = "".join(
        f"{name}\n" + "".join(f"{v}\n" for v in parts) + f"{total}\n{k:02d}\n"
        for k, (name, parts, total) in enumerate(rows, 1)
    )
    header = "Đơn vị\nHọp trực tuyến\nCổng thông tin\nỨng dụng nội bộ\nTổng điểm\nXếp hạng\n"
    text = header + "Điểm tối đa\n39\n28\n33\n100\n" + cells + "\nĐiều 2. Hiệu lực.\n"
    (table,) = tables_of(text)
    assert [c.max_points for c in table.columns] == [None, 39, 28, 33, 100, None]
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert [(f.check, f.entry_index) for f in flags if f.severity == "error"] == [("over_max", 4)]


def test_a_header_with_one_space_between_its_labels_names_rows_one_space_apart() -> None:
    rows = [("Phường Bình Thạnh", "91,68"), ("Xã Long Bình", "78,57"), ("Xã Long Trị", "71,12")]
    rows += [("Phường Thuận An", "66,46"), ("Xã Long Phú", "61,14"), ("Xã Tân Phú", "42,77")]
    body = "".join(f"{k} {name} {score}\n" for k, (name, score) in enumerate(rows, 1))
    (table,) = tables_of("Năm 2020\nStt Tên đơn vị Điểm đạt (100)\n" + body)
    assert _roles(table) == ["row_number", "agency", "total"]  # "Stt", not a rank of six
    assert [c.label for c in table.columns] == ["Stt", "Tên đơn vị", "Điểm đạt"]
    assert table.columns[2].max_points == 100


def test_a_unit_label_over_a_column_of_numbers_is_no_reading_of_the_header() -> None:
    rows = [("Ban Quản lý Khu kinh tế", "0,9525"), ("Cục Thuế tỉnh", "0,9481")]
    rows += [("Công an tỉnh", "0,9312"), ("Sở Y tế", "0,9120"), ("Sở Nội vụ", "0,8871")]
    rows += [("Sở Tư pháp", "0,8512"), ("Sở Xây dựng", "0,8011")]
    cells = "".join(f"{k}\n{name}\n{score}\nXuất sắc\n" for k, (name, score) in enumerate(rows, 1))
    header = "Thứ tự\nTên đơn\nvị\nĐiểm\nĐTXHH (1)\nXếp loại\n"
    (table,) = tables_of("PHỤ LỤC\n" + header + cells + "\nĐiều 2. Hiệu lực.\n")
    assert _roles(table) == ["row_number", "agency", "total", "band"]  # "Tên đơn vị" not on 1, 2 …
    assert [c.label for c in table.columns][:2] == ["Thứ tự", "Tên đơn vị"]


def test_a_long_header_one_space_apart_with_maxima_gives_each_component_its_maximum() -> None:
    labels = "Dữ liệu số (100) An toàn thông tin mạng (100) Nhân lực số (100) Giá trị chỉ số (100)"
    rows = [("Huyện Yên Dũng", "86.517", "85.996", "97.004", "89.839")]
    rows += [("Huyện Việt Yên", "89.896", "79.294", "81.205", "83.465")]
    rows += [("Huyện Lục Nam", "71.200", "104.100", "60.300", "78.533")]  # one over its 100
    rows += [("Huyện Tân Yên", "60.100", "70.200", "80.300", "70.200")]
    body = "".join(f"{k} {' '.join(row)}\n" for k, row in enumerate(rows, 1))
    text = f"Kết quả năm 2018\nNo. UBND cấp huyện {labels}\n{body}\nĐiều 2. Hiệu lực.\n"
    (table,) = tables_of(text)
    assert [c.max_points for c in table.columns] == [None, None, 100, 100, 100, 100]
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert [(f.check, f.row_number) for f in flags if f.severity == "error"] == [("over_max", 3)]


def test_a_run_on_rank_before_each_name_under_its_header_words() -> None:
    names = ["Nghệ An", "Gia Lai", "Sóc Trăng", "Đồng Nai", "Phú Yên", "Tỉnh Lào Cai"]
    names += ["Tỉnh Thái Bình", "Hà Giang"]
    records = " ".join(f"{k} {name}" for k, name in enumerate(names, 1))
    (table,) = tables_of(f"Bảng kết quả\n\nXếp hạng Tên tỉnh {records}\n\nĐiều 2. Hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == names
    assert [_printed(e.rank) for e in table.entries] == [str(k) for k in range(1, 9)]


def test_a_run_on_table_cut_after_a_name_keeps_that_unit_and_its_header_off_the_first() -> None:
    rows = [("Sở Xây dựng", "0.596"), ("Ban Dân tộc", "0.559"), ("Thanh tra tỉnh", "0.485")]
    rows += [("Sở Ngoại vụ", "0.435"), ("Cục Thuế tỉnh", "0.381"), ("Sở Nội vụ", "0.338")]
    records = " ".join(f"{name} {k} ({score})" for k, (name, score) in enumerate(rows, 1))
    text = f"PHỤ LỤC\n\nKết quả năm 2019\n\nĐơn vị Xếp hạng (điểm) {records} Sở Du lịch\n"
    (table,) = tables_of(text + "\nĐiều 2. Hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows] + ["Sở Du lịch"]
    assert table.entries[-1].rank is None and table.entries[-1].total is None


def test_a_column_of_ones_beside_the_scores_restarts_no_ranking() -> None:
    rows = [("Xã Thái Bình Trung", "0,944", ["0,394", "0,200", "0,350"])]
    rows += [("Xã Vĩnh Thuận", "0,926", ["0,420", "0,189", "0,317"])]
    rows += [("Xã Khánh Hưng", "0,907", ["0,385", "0,193", "0,329"])]
    rows += [("Xã Hưng Điền A", "0,754", ["0,350", "0,125", "0,279"])]
    rows += [("Xã Vĩnh Bình", "0,564", ["0,246", "0,132", "0,186"])]
    rows += [("Thị trấn Vĩnh Hưng", "0,478", ["0,152", "0,117", "0,209"])]
    body = "".join(
        f"| {k} | {name} | 1 | {total} | {' | '.join(parts)} | {k} |\n"
        for k, (name, total, parts) in enumerate(rows, 1)
    )
    (table,) = tables_of("Kết quả cụ thể như sau:\n\n" + body)
    assert _roles(table)[-1] == "rank"  # 1 … 6 ranks the total; the 1s are each row's maximum
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "4", "5", "6"]


def test_a_header_naming_a_column_thang_diem_is_a_header_not_a_maxima_row() -> None:
    header = "| STT. | Tên bộ, ngành | Ứng dụng (10) | Hạ tầng (5) | Chỉ số | Thang điểm |"
    header += " Tỉ lệ % |\n"
    rows = [("Bộ Tài chính", "9,18", "4,48", "13,66"), ("Bộ Nội vụ", "8,51", "4,66", "13,17")]
    rows += [("Bộ Y tế", "7,20", "3,22", "10,42"), ("Bộ Tư pháp", "6,94", "3,97", "10,91")]
    rows += [("Bộ Xây dựng", "5,25", "2,50", "7,75"), ("Bộ Công an", "3,15", "1,31", "4,46")]
    body = "".join(
        f"| {k} | {n} | {a} | {b} | {t} | 15 | {format_pct(t)} |\n"
        for k, (n, a, b, t) in enumerate(rows, 1)
    )
    (table,) = tables_of("Kết quả năm 2018\n\n" + header + body)
    assert [c.label for c in table.columns][:2] == ["STT.", "Tên bộ, ngành"]
    assert _roles(table)[0] == "row_number"  # the header says STT, whatever order the rows are in
    assert [c.max_points for c in table.columns][2:4] == [10, 5]


def format_pct(total: str) -> str:  # the total as a share of the row's maximum, 15
    return str((Decimal(total.replace(",", ".")) / 15 * 100).quantize(Decimal("0.01")))


def test_a_run_on_header_with_one_label_over_a_rank_and_its_score() -> None:
    rows = [("Xã Lam Sơn", "91,8"), ("Xã Dị Nậu", "80,3"), ("Thị trấn Hưng Hoá", "75,1")]
    rows += [("Xã Thanh Uyên", "61,1"), ("Xã Quang Húc", "55,4"), ("Xã Vạn Xuân", "51,0")]
    records = " ".join(f"{name} {k:02d} ({score})" for k, (name, score) in enumerate(rows, 1))
    (table,) = tables_of(f"Bảng kết quả\n\nCommune Kết quả {records}\n\nĐiều 2. Hiệu lực.\n")
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
    assert [_printed(e.total) for e in table.entries] == [score for _, score in rows]
    assert table.columns[0].label == "Commune"


def test_a_misprinted_1_among_ranks_before_the_names_is_no_new_group() -> None:
    ranks = ["1", "2", "1", "4", "4", "6", "7"]  # the third printed as 1: not a group restarting
    scores = ["83,77", "66,21", "51,60", "49,02", "49,02", "39,55", "30,10"]
    names = ["Xã A", "Phường B", "Xã C", "Phường D", "Xã E", "Xã G", "Xã H"]
    text = "".join(f"{r}\n{n}\n{s}\n" for r, n, s in zip(ranks, names, scores, strict=True))
    (table,) = tables_of(f"Bảng kết quả\n\n{text}")
    assert [e.agency_raw for e in table.entries] == names
    assert _rank_flags(text) == [("1", "3")]


def test_a_last_row_cut_keeps_the_rank_after_the_name() -> None:
    rows = [
        ("Xã A", "95,19", "55,19", "40,00", "01"),
        ("Xã B", "87,92", "50,00", "37,92", "02"),
        ("Xã C", "87,15", "50,15", "37,00", "03"),
    ]
    text = "".join("\n".join(row) + "\n" for row in rows) + "Xã D\n46,41\n30,00\n"
    (table,) = tables_of(f"Đơn vị\nKết quả\nNội dung 1\nNội dung 2\nHạng\n{text}")
    assert [e.agency_raw for e in table.entries] == ["Xã A", "Xã B", "Xã C", "Xã D"]
    assert [_printed(e.rank) for e in table.entries] == ["01", "02", "03", None]


def test_a_cut_unit_run_into_the_last_name_is_a_row_of_its_own() -> None:
    names = ["Tỉnh Điện Biên", "Lai Châu", "Tỉnh Hòa Bình", "An Giang", "Tỉnh Bắc Kạn"]
    run = " ".join(f"{k:02d} {name}" for k, name in enumerate(names, 1))
    (table,) = tables_of(f"Xếp hạng Tỉnh/thành phố {run} Tỉnh Cà Mau\n")
    assert [e.agency_raw for e in table.entries] == [*names, "Tỉnh Cà Mau"]
    assert _printed(table.entries[-1].rank) is None


def test_a_year_caption_and_a_maxima_header_are_no_records() -> None:
    rows = "Nam Định 95.16\nTỉnh Kon Tum 94.38\nĐắk Nông 89.22\nBình Định 88.18\n"
    (table,) = tables_of(f"Bảng xếp hạng năm 2022\n\nTên tỉnh Tổng điểm đạt được (100)\n{rows}")
    assert [e.agency_raw for e in table.entries][0] == "Nam Định"
    assert len(table.entries) == 4


def test_a_header_one_cell_per_line_that_reads_no_further_still_names_its_first_column() -> None:
    labels = ["Số TT", "Xã,", "phường, thị trấn", "Chỉ số thành", "phần", "Điểm đánh giá"]
    labels += ["Hạ tầng kỹ", "thuật", "Hạ tầng", "CNTT", "Ứng", "dụng nội bộ"]
    scores = [["90,00", "96,00", "99,00", "95,00"], ["85,50", "90,00", "80,00", "85,17"]]
    scores += [["70,00", "80,00", "75,00", "75,00"], ["60,00", "66,00", "72,00", "66,00"]]
    scores += [["50,00", "70,00", "60,00", "60,00"], ["40,00", "50,00", "45,00", "45,00"]]
    names = ["Xã Cư Knia", "Xã Nam Dong", "Xã Đắk Wil", "Xã Trúc Sơn", "Xã Ea Pô", "Xã Tâm Thắng"]
    rows = [
        (str(k), name, *row) for k, (name, row) in enumerate(zip(names, scores, strict=True), 1)
    ]
    text = "\n".join(labels) + "\n" + "".join("\n".join(row) + "\n" for row in rows)
    (table,) = tables_of(f"KẾT QUẢ NĂM 2019\n\n{text}")
    assert _roles(table)[:2] == ["row_number", "agency"]
    assert [_printed(e.rank) for e in table.entries] == [None] * 6


def test_the_last_label_of_a_run_together_header_glued_to_the_first_name() -> None:
    head = "Địa phương Điểm (100) Hạ tầng (50) Nhân lực (50) Xếp hạng"
    names = ["Lào Cai", "Tỉnh Sóc Trăng", "Tỉnh An Giang", "Tỉnh Kon Tum", "Hà Nội", "Huế"]
    rows = " ".join(
        f"{name} {90 - 5 * k},00 {45 - 2 * k},00 {45 - 3 * k},00 {k + 1}"
        for k, name in enumerate(names)
    )
    (table,) = tables_of(f"Kết quả như sau:\n{head} {rows}\n")
    assert [e.agency_raw for e in table.entries][0] == "Lào Cai"
    assert table.columns[-1].label == "Xếp hạng"


def test_a_band_ending_the_cut_last_row_is_its_band() -> None:
    rows = "1 Sở Xây dựng Khá 69,48 2 Cục Thuế tỉnh Yếu 48,08 3 Sở Tư pháp Yếu 33,31 "
    (table,) = tables_of(f"STT Đơn vị Đánh giá Tổng điểm {rows}4 Sở Tài chính Yếu\n")
    assert [e.agency_raw for e in table.entries][-1] == "Sở Tài chính"
    assert [e.band for e in table.entries][-1] == "Yếu"


def test_a_header_cell_abbreviated_with_a_stop_is_a_header_cell() -> None:
    labels = ["No.", "District", "Chỉ", "số ICT (1)", "Rank"]
    rows = [("1", "Huyện A Lưới", "0,9224", "1"), ("2", "Huyện Phú Lộc", "0,8291", "2")]
    rows += [("3", "Huyện Nam Đông", "0,7005", "3"), ("4", "Huyện Quảng Điền", "0,6500", "4")]
    text = "\n\n".join(labels) + "\n\n" + "".join("\n\n".join(row) + "\n\n" for row in rows)
    (table,) = tables_of(f"PHỤ LỤC\n\n{text}")
    assert [column.label for column in table.columns] == [*labels[:2], "Chỉ số ICT", "Rank"]
    assert table.columns[2].max_points == 1


def test_a_unit_alone_after_the_last_row_opening_as_the_others_do_is_a_row_without_values() -> None:
    names = ["Xã Tân Bình", "Xã Bình Lãng", "Xã Nhựt Ninh", "Xã Lạc Tấn"]
    rows = "".join(f"{name}\n\n{90 - k},5\n\n" for k, name in enumerate(names))
    text = f"Xã, phường, thị trấn\n\nTổng điểm\n\n{rows}Xã Bình Trinh Đông\n\n"
    (table,) = tables_of(text + "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [e.agency_raw for e in table.entries] == [*names, "Xã Bình Trinh Đông"]
    assert table.entries[-1].total is None


def test_a_first_name_going_on_after_a_comma_or_dash_is_no_header_glued_on() -> None:
    rows = "Sở Văn hóa, Thể thao và Du lịch 1 (90,3)\nBan Quản lý Khu kinh tế 2 (86,2)\n"
    rows += "Sở Tài chính 3 (65,8)\nSở Giáo dục và Đào tạo 4 (64,5)\nSở Y tế 5 (60,1)\n"
    (table,) = tables_of(f"Tên đon vị Vị trí (giá trị)\n{rows}")
    assert table.entries[0].agency_raw == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_label_number_wrapped_under_its_words_ends_that_label() -> None:
    labels = ["Số", "thứ tự", "Cơ quan, đơn", "vị", "Lĩnh vực 1", "(100)", "Lĩnh vực", "2 (100)"]
    labels += ["Lĩnh vực 3", "(100)", "Điểm đạt", "(100)"]
    rows = [("1", "Thanh tra tỉnh", "88,524", "99,143", "83,807", "90,491")]
    rows += [("2", "Sở Y tế", "76,676", "86,599", "96,957", "86,744")]
    rows += [("3", "Sở Tài chính", "70,000", "80,000", "90,000", "80,000")]
    rows += [("4", "Sở Nội vụ", "60,000", "66,000", "72,000", "66,000")]
    text = "\n\n".join(labels) + "\n\n" + "".join("\n\n".join(row) + "\n\n" for row in rows)
    (table,) = tables_of(f"Kết quả cụ thể như sau:\n\n{text}")
    assert [c.label for c in table.columns][:4] == [
        "Số thứ tự",
        "Cơ quan, đơn vị",
        "Lĩnh vực 1",
        "Lĩnh vực 2",
    ]
    assert table.columns[0].role == "row_number"


def test_a_count_in_the_total_order_with_ties_placed_one_after_another_is_the_rank() -> None:
    """A news site's pipe table "| Rank | State | Score |": equal scores ranked one after
    another (268.5 ranked 3 and 4). The count is each row's place by the score, ties broken in
    the rows' order, as when no two scores are equal: read as the rank in doubt, not as a
    silent STT (51 values of a real page were read as row numbers)."""
    scores = ["277.8", "275", "268.5", "268.5", "267.7", "267.7", "266", "259.8"]
    names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
    text = "| Rank | State | Score |\n" + "".join(
        f"| {n} | {name} | {score} |\n"
        for n, (name, score) in enumerate(zip(names, scores, strict=True), 1)
    )
    (table,) = tables_of(text)
    assert [_printed(e.rank) for e in table.entries] == [str(n) for n in range(1, 9)]
    assert all(e.row_number is None for e in table.entries)
    assert [_printed(e.total) for e in table.entries] == scores
    assert table.role_doubt is not None and "đọc là xếp hạng" in table.role_doubt
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert not [f for f in flags if f.severity == "error"]


def test_a_count_beside_a_score_out_of_order_stays_the_row_number() -> None:
    scores = ["277.8", "275", "268.5", "270.1", "267.7", "267.7", "266", "259.8"]
    names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
    text = "| No | State | Score |\n" + "".join(
        f"| {n} | {name} | {score} |\n"
        for n, (name, score) in enumerate(zip(names, scores, strict=True), 1)
    )
    (table,) = tables_of(text)
    assert [_printed(e.row_number) for e in table.entries] == [str(n) for n in range(1, 9)]
    assert all(e.rank is None for e in table.entries)


_SHIFTED_YEARS = (
    "Unit | 2021 rank | 2021 value | 2020 value | 2020 rank | 2019 value | 2019 rank |\n"
    "---|---|---|---|---|---|---|\n"
    "Northfield | 2 | 9.50 | 9.05 | 3 | 8.10 | 1 |\n"
    "Eastvale | 1 | 9.40 | 9.15 | 1 | 8.30 | 2 |\n"
    "Southmere | 3 | 9.30 | 8.95 | 2 | 8.20 | 3 |\n"
    "Westbrook | 4 | 9.20 | 8.85 | 5 | 7.90 | 4 |\n"
    "Highcliff | 5 | 9.10 | 8.75 | 4 | 8.00 | 5 |\n"
    "Lowmoor | 6 | 9.00 | 8.65 | 6 | 7.80 | 6 |\n"
    "Redford | 7 | 8.90 | 8.55 | 7 | 7.70 | 7 |\n"
    "Greyhaven | 8 | 8.80 | 8.45 | 8 | 7.60 | 8 |\n"
)


def test_each_rank_column_goes_with_the_score_it_ranks_exactly_not_the_nearest() -> None:
    # The labels are shifted, as a page copying a year's columns one place over prints them:
    # "2021 rank" ranks "2020 value" exactly and "2021 value" only roughly; the count 1 … 8
    # under "2019 rank" is the ranking of "2021 value" (the rows' order).
    tables = tables_of(_SHIFTED_YEARS)
    pairs = {(_printed(t.entries[0].total), _printed(t.entries[0].rank)) for t in tables}
    assert pairs == {("9.50", "1"), ("9.05", "2"), ("8.10", "3")}


def test_a_pipe_row_the_text_ends_inside_loses_its_cut_figure() -> None:
    text = _SHIFTED_YEARS + "Blackpool | 9 | 8.70 | 8.35 | 9 | 7"  # "7.50", cut
    tables = tables_of(text)
    last = [t.entries[-1] for t in tables]
    assert [e.agency_raw for e in last] == ["Blackpool"] * 3
    assert sorted(_printed(e.total) or "-" for e in last) == ["-", "8.35", "8.70"]


def test_records_run_together_on_one_pipe_row_under_a_header_row_are_rows() -> None:
    text = (
        "Table 2\n| Place | Town | Index |\n"
        "| 1 | Northfield | 0.931 | 2 | Eastvale, Southmere | 0.926 | 3 | Westbrook | 0.918 "
        "| 4 | Highcliff | 0.905 |\n|\n|\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "Northfield",
        "Eastvale, Southmere",
        "Westbrook",
        "Highcliff",
    ]
    assert [_printed(e.total) for e in table.entries] == ["0.931", "0.926", "0.918", "0.905"]
    counted = [_printed(e.rank) or _printed(e.row_number) for e in table.entries]
    assert counted == ["1", "2", "3", "4"]  # a count in the score's order: rank or STT


def test_a_pipe_row_wider_than_its_header_that_does_not_repeat_stays_one_row() -> None:
    text = (
        "| Town | Index |\n| Northfield | 1 | 2 | 3 |\n| Eastvale | 4 | 5 | 9 |\n"
        "| Westbrook | 2 | 2 | 4 |\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Northfield", "Eastvale", "Westbrook"]


def test_ranks_printed_with_a_period_in_pipe_cells_are_ranks() -> None:
    # Index = Other + Difference on every row; the ranks skip places of a longer list.
    text = (
        "| Rank | Town | Index | Other | Difference |\n|---|---|---|---|---|\n"
        "| 1. | Northfield | 96.67 | 80.10 | 16.57 |\n| 2. | Eastvale | 95.67 | 78.20 | 17.47 |\n"
        "| 3. | Southmere | 92.50 | 70.00 | 22.50 |\n| 5. | Westbrook | 90.00 | 92.50 | -2.50 |\n"
        "| 6. | Highcliff | 85.83 | 73.10 | 12.73 |\n| 8. | Lowmoor | 80.83 | 77.39 | 3.44 |\n"
    )
    (table,) = tables_of(text)
    assert [_printed(e.rank) for e in table.entries] == ["1", "2", "3", "5", "6", "8"]
    assert [_printed(e.total) for e in table.entries][:2] == ["96.67", "95.67"]


def test_list_bullets_before_every_row_are_no_blank_cells() -> None:
    text = (
        "Sign up\n- Place Town Score Visitors\n"
        "- 1 Northfield 88.5 12,500\n- 2 Eastvale 85.25 9,800\n- 3 Southmere 80.75 15,250\n"
        "- 4 Westbrook 78.5 7,125\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [
        "Northfield",
        "Eastvale",
        "Southmere",
        "Westbrook",
    ]
    assert [_printed(e.row_number) for e in table.entries] == ["1", "2", "3", "4"]
    assert [_printed(e.components[0]) for e in table.entries] == ["88.5", "85.25", "80.75", "78.5"]


def test_parts_that_add_up_to_the_total_are_no_percentage_of_it() -> None:
    """Drawn seed 13384777: rows scoring alike on every component (19,5 29,3 24,4 24,4 = 97,6)
    print two components at a quarter of the total each; a quarter is a share of a whole
    maximum, but the four add up to the total on most rows, so each is a part (both had been
    taken as the percentage and the row's sum lost half its parts)."""
    rows = [("97,6", "19,5", "29,3", "24,4", "24,4"), ("93,6", "18,7", "28,1", "23,4", "23,4")]
    rows += [("85,1", "17,0", "25,5", "21,3", "21,3"), ("84,0", "16,8", "25,2", "21,0", "21,0")]
    rows += [("80,3", "16,1", "25,0", "20,1", "20,1")]  # planted: the parts make 81,3
    text = "STT\tCơ quan\tA\tB\tC\tD\tTổng cộng\n" + "".join(
        f"{i}\tSở {chr(64 + i)}\t{a}\t{b}\t{c}\t{d}\t{t}\n"
        for i, (t, a, b, c, d) in enumerate(rows, 1)
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", *["component"] * 4, "total"]
    assert [len(e.components) for e in table.entries] == [4] * 5


def test_an_unnamed_column_with_a_figure_on_one_row_in_four_is_no_score() -> None:
    """Drawn seed 9103 (200 dpi fax): a seal's ring left a rule that cut an empty column
    between the last component and "Tổng số điểm"; its one speck ("6") made it a score, no row
    printed every score, and the first component was taken as the total. The speck is no
    component either."""
    rows = [("98,00", "19,60", "29,40", "24,50", "24,50"), ("95,80", "19,15", "28,75", "23,95")]
    rows[1] += ("23,95",)
    rows += [("94,00", "18,80", "28,20", "23,50", "23,50"), ("90,35", "18,05", "27,10", "22,60")]
    rows[3] += ("22,60",)
    rows += [("84,00", "16,80", "25,20", "21,00", "21,00"), ("77,75", "15,55", "23,30", "19,45")]
    rows[5] += ("19,45",)
    speck = {2: "6"}
    text = "| TT | Cơ quan | A | B | C | D |  | Tổng số điểm |\n" + "".join(
        f"| {i} | Sở {chr(64 + i)} | {a} | {b} | {c} | {d} | {speck.get(i, '')} | {t} |\n"
        for i, (t, a, b, c, d) in enumerate(rows, 1)
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", *["component"] * 4, "other", "total"]
    assert [_printed(e.total) for e in table.entries] == [r[0] for r in rows]
    assert [len(e.components) for e in table.entries] == [4] * len(rows)


def test_the_one_column_the_others_add_up_to_is_the_total_before_a_fitted_scaling() -> None:
    """Drawn seed 9106 (200 dpi, page 2 without its header): every unit scores alike on each
    part, so the second part is also the others' sum ÷ 8, and with two rows misread that
    scaling explained one row more than the true sum: a part was taken as the total."""
    rows = [("7.2", "14.4", "14.4", "18.1", "18.0", "72.1"), ("6.5", "13.1", "13.1", "16.3")]
    rows[1] += ("16.3", "65.3")
    rows += [("5.2", "12.4", "12.5", "15.6", "15.6", "62.3")]  # 6.2 misread 5.2
    rows += [("5.9", "11.9", "11.9", "14.8", "14.8", "59.3"), ("4.", "9.2", "9.2", "11.6")]
    rows[4] += ("11.6", "46.2")  # 4.6 misread "4."
    rows += [("4.4", "8.8", "8.8", "11.0", "11.1", "44.1")]
    rows += [("4.3", "8.6", "8.6", "10.6", "10.7", "42.8")]
    rows += [("4.0", "8.1", "8.1", "10.1", "10.1", "40.4")]
    text = "| STT | Đơn vị | A | B | C | D | E | F |\n" + "".join(
        f"| {i} | Sở {chr(64 + i)} | {' | '.join(row)} |\n" for i, row in enumerate(rows, 8)
    )
    (table,) = tables_of(text)
    assert _roles(table) == ["row_number", "agency", *["component"] * 5, "total"]


_CODED = (
    "district | value | code |\n---|---|---|\n"
    "Alpha | 3.5 | 1 |\nBravo | 4.25 | 9 |\nCharlie | 2.75 | 4 |\n"
    "Delta | 4.0 | 7 |\nEcho | 3.125 | 2 |\nFoxtrot | 3.875 | 5 |\n"
)


def test_a_figure_with_fractions_beside_unit_ids_is_the_total_in_doubt() -> None:
    """No rule, rank or order ties the columns: the one printing fractions is the figure the
    table gives its units, the distinct whole numbers up to twice the rows beside it their
    ids; read so, with the doubt kept."""
    (table,) = tables_of(_CODED)
    assert [str(e.total.number) for e in table.entries if e.total] == [
        "3.5", "4.25", "2.75", "4.0", "3.125", "3.875",
    ]  # fmt: skip
    assert [str(e.components[0].number) for e in table.entries] == ["1", "9", "4", "7", "2", "5"]
    assert table.role_doubt is not None


def test_whole_numbers_beyond_twice_the_rows_beside_fractions_are_no_ids() -> None:
    """Areas beside populations: two figures of the units, no total among them."""
    text = _CODED.replace("| 1 |", "| 40512 |").replace("| 9 |", "| 88210 |")
    (table,) = tables_of(text)
    assert not any(e.total for e in table.entries)


_SHARED = (
    "country | people | per km² | births | share |\n---|---|---|---|---|\n"
    "Alpha | 6,100,000 | 320 | 1.9 | 7.82 |\n"
    "Bravo | 12,000,000 | 150 | 2.4 | 15.38 |\n"
    "Charlie | 4,330,000 | 95 | 1.6 | 5.55 |\n"
    "Delta | 9,500,000 | 410 | 2.1 | 12.18 |\n"
)


def test_a_figure_another_column_restates_as_a_share_of_a_whole_is_the_total_in_doubt() -> None:
    """No rule ties the columns, but one is the other times one constant on every row within
    its rounding (people and their share of a whole): the figure printed to more digits is
    the measure, read as the total; the share stays a column of its own, the doubt kept."""
    (table,) = tables_of(_SHARED)
    assert [e.total.printed for e in table.entries if e.total] == [
        "6,100,000", "12,000,000", "4,330,000", "9,500,000",
    ]  # fmt: skip
    assert [e.components[-1].printed for e in table.entries] == ["7.82", "15.38", "5.55", "12.18"]
    assert table.role_doubt is not None


def test_a_share_printed_too_coarsely_to_tell_its_rounding_names_no_measure() -> None:
    text = _SHARED.replace("7.82", "8").replace("15.38", "15").replace("5.55", "6")
    (table,) = tables_of(text.replace("12.18", "12"))
    assert not any(e.total for e in table.entries)


def test_a_count_from_two_left_of_the_names_beside_a_rank_right_of_them_is_the_stt() -> None:
    # drawn seed 9754: the first page (header and row 1) was not read; the rows after it were
    # headed by a carried "hạng" over their STT column, so both counts were taken as ranks,
    # the STT was lost and with it the flag saying row 1 is missing
    rows = [(n, f"Sở {chr(64 + n)}", f"{95 - 3 * n},5", n) for n in range(2, 9)]
    rows[3] = (5, "Sở E", "83,5", 4)  # a tie keeps the ranks from being the count
    rows[2] = (4, "Sở D", "83,5", 4)
    body = "".join(f"{n}\t{name}\t{total}\t{rank}\n" for n, name, total, rank in rows)
    (table,) = tables_of("Hạng\tTên đơn vị\tTổng điểm\tXếp hạng\n" + body)
    assert _roles(table) == ["row_number", "agency", "total", "rank"]
    assert [e.number for e in table.entries] == list(range(2, 9))
