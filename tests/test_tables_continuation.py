"""Sections and tables cut by page breaks."""

from __future__ import annotations

from conftest import tables_of

HEADER = "STT\tTên đơn vị\tTổng điểm\tXếp hạng\n"


def test_repeated_header_after_a_page_break_continues_the_table() -> None:
    text = HEADER + "1\tSở A\t90\t1\n2\tSở B\t80\t2\n\n" + HEADER + "3\tSở C\t70\t3\n"
    (table,) = tables_of(text)
    assert [e.number for e in table.entries] == [1, 2, 3]
    assert table.grids == 2


def test_headerless_continuation_of_the_same_width_is_joined() -> None:
    text = HEADER + "1\tSở A\t90\t1\n\n3\tSở C\t70\t3\n"
    (table,) = tables_of(text)
    assert len(table.entries) == 2


def test_captions_start_new_tables_and_name_their_level() -> None:
    text = (
        "I. Các cơ quan, đơn vị cấp tỉnh:\n" + HEADER + "1\tSở A\t90\t1\n\n"
        "II. UBND các huyện, thị xã, thành phố:\n" + HEADER + "1\tHuyện B\t80\t1\n\n"
        "3. UBND các xã, phường, thị trấn\n" + HEADER + "1\tXã C\t70\t1\n"
    )
    tables = tables_of(text)
    assert [(t.section, t.level) for t in tables] == [
        ("I. Các cơ quan, đơn vị cấp tỉnh", "province_agency"),
        ("II. UBND các huyện, thị xã, thành phố", "district"),
        ("3. UBND các xã, phường, thị trấn", "commune"),
    ]


def test_row_numbers_restarting_at_one_start_a_new_table() -> None:
    text = HEADER + "1\tSở A\t90\t1\n\n" + HEADER + "1\tSở B\t80\t1\n"
    assert len(tables_of(text)) == 2


def test_section_row_inside_a_grid_splits_it() -> None:
    text = (
        HEADER + "I. Các sở, ban, ngành\t\t\t\n1\tSở A\t90\t1\n"
        "II. UBND các huyện\t\t\t\n1\tUBND huyện B\t80\t1\n"
    )
    tables = tables_of(text)
    assert [t.level for t in tables] == ["province_agency", "district"]
    assert [len(t.entries) for t in tables] == [1, 1]


def test_level_from_unit_names_when_no_caption() -> None:
    text = HEADER + "1\tUBND huyện Sa Pa\t90\t1\n2\tUBND thị xã Hương Trà\t80\t2\n"
    (table,) = tables_of(text)
    assert table.level == "district"


def test_numbering_in_the_stt_cell_opens_a_section_not_a_name() -> None:
    text = (
        HEADER + "I\tCác sở, ban, ngành\t\t\n1\tSở A\t90\t1\n"
        "II\tUBND các huyện, thị xã\t\t\n1\tUBND huyện B\t80\t1\n"
    )
    tables = tables_of(text)
    assert [(t.section, t.level) for t in tables] == [
        ("I. Các sở, ban, ngành", "province_agency"),
        ("II. UBND các huyện, thị xã", "district"),
    ]
    assert [e.agency_raw for t in tables for e in t.entries] == ["Sở A", "UBND huyện B"]


def test_a_wrapped_name_joins_the_row_above_but_a_stray_row_does_not() -> None:
    text = (
        HEADER + "1\tSở Văn hóa, Thể thao\t90\t1\n\tvà Du lịch\t\t\n"
        "2\tSở Y tế\t80\t2\n\tBan Quản lý dự án\t\t\n"
    )
    (table,) = tables_of(text)
    names = [e.agency_raw for e in table.entries]
    assert names == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Ban Quản lý dự án"]
    assert table.entries[2].total is None  # kept, so reconcile flags its blank cells


def test_a_header_alone_at_a_page_foot_heads_the_rows_on_the_next_page() -> None:
    header = "No.\tTên xã\tTổng điểm (100)\tCải cách (10)\tTác động (13)\n"
    rows = "1\tXã Vĩnh Long\t21,77\t8,57\t13,20\n2\tXã Vĩnh Hà\t19,18\t7,69\t11,49\n"
    rows += "3\tXã Vĩnh Lâm\t11,29\t5,15\t6,14\n"
    (table,) = tables_of(header + "\n\n" + rows)
    assert [c.label for c in table.columns][1:] == ["Tên xã", "Tổng điểm", "Cải cách", "Tác động"]
    assert [c.max_points for c in table.columns][2:] == [100, 10, 13]


def test_a_first_page_too_short_to_tell_the_rank_is_read_again_with_its_continuation() -> None:
    # drawn seed 9742: three rows above the page break ranked "1, 1, 3" under a header word no
    # role is known by; three rows cannot show a ranking, so it was read as a sixth component
    # and every rank of the 22 rows was lost with it
    header = "STT\tTên đơn vị\tNội bộ (10)\tDịch vụ (20)\tTổng điểm\tCột 6\n"
    first = "1\tSở A\t9,50\t19,05\t28,55\t1\n2\tSở B\t9,45\t19,10\t28,55\t1\n"
    first += "3\tSở C\t9,15\t18,35\t27,50\t3\n"
    rest = "".join(f"{n}\tSở {chr(64 + n)}\t8,{8 - n}0\t17,{8 - n}0\t25,{2 * (8 - n)}0\t{n}\n"
                   for n in range(4, 9))  # fmt: skip
    (table,) = tables_of(header + first + "\n" + rest)
    assert [column.role for column in table.columns][-2:] == ["total", "rank"]
    ranks = [e.rank.printed if e.rank else None for e in table.entries]
    assert ranks == ["1", "1", "3", *(str(n) for n in range(4, 9))]
    assert all(len(e.components) == 2 for e in table.entries)


def _scores(first: int, count: int) -> str:
    rows = []
    for number in range(first, first + count):
        parts = (20 - number // 2, 30 - number, 25 - number // 3)
        rows.append(f"{number}\tSở số {number}\t" + "\t".join(map(str, parts)))
        rows[-1] += f"\t{sum(parts)}\t{number}"
    return "\n".join(rows) + "\n"


def test_a_repeated_header_read_without_a_space_still_continues_the_table() -> None:
    """OCR reads a narrow gap as none ("choCNTT"): the header is the table's own, printed
    again over the next page, and its rows go on with the table's roles."""
    labels = "Hạ tầng (20)\tĐầu tư cho CNTT (30)\tNhân lực (25)"
    header = f"STT\tTên đơn vị\t{labels}\tTổng điểm\tXếp hạng\n"
    again = header.replace("cho CNTT", "choCNTT").replace("Nhân lực", "Nhânlực")
    text = header + _scores(1, 8) + "\n" + again + _scores(9, 4)
    (table,) = tables_of(text)
    assert [e.number for e in table.entries] == list(range(1, 13))
    assert table.grids == 2
    assert [c.label for c in table.columns if c.role == "component"][1] == "Đầu tư cho CNTT"


def test_a_garbled_repeated_header_continues_the_table_its_numbering_goes_on() -> None:
    """Drawn 9931's page 2: the repeated header's total read "DnØ S", its rows numbered on
    from the last page's; a header opening rows numbered from 1 is another table."""
    labels = "Hạ tầng (20)\tĐầu tư (30)\tNhân lực (25)"
    header = f"STT\tTên đơn vị\t{labels}\tTổng điểm\tXếp hạng\n"
    garbled = header.replace("Tổng điểm", "DnØ S").replace("Nhân lực", "Nhàn lụ")
    (table,) = tables_of(header + _scores(1, 8) + "\n" + garbled + _scores(9, 4))
    assert [e.number for e in table.entries] == list(range(1, 13))
    assert len(tables_of(header + _scores(1, 8) + "\n" + garbled + _scores(1, 4))) == 2
