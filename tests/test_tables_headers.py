"""Headers: two-level groups, maxima, labels split over rows, column roles by content."""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of, text_document

from pipeline.reconcile import check_passed_over
from pipeline.settings import TableSettings
from pipeline.tables import find_tables, scan_tables

TWO_LEVEL = (
    "STT\tTên đơn vị\tĐiểm thành phần (điểm tối đa)\t\t\tTổng điểm đạt được (100)\n"
    "\t\tHạ tầng (30)\tỨng dụng (60,5)\tNhân lực (9,5)\t\n"
    "1\tSở Nội vụ\t30\t50,5\t9\t89,5\n"
    "2\tSở Y tế\t20\t40\t5\t65\n"
)


def test_two_level_header_gives_components_with_maxima() -> None:
    (table,) = tables_of(TWO_LEVEL)
    roles = [column.role for column in table.columns]
    assert roles == ["row_number", "agency", "component", "component", "component", "total"]
    components = table.components()
    assert [c.label for c in components] == ["Hạ tầng", "Ứng dụng", "Nhân lực"]
    assert [c.max_points for c in components] == [Decimal(30), Decimal("60.5"), Decimal("9.5")]
    assert {c.group for c in components} == {"Điểm thành phần (điểm tối đa)"}
    assert table.total_max == Decimal(100)
    assert table.entries[0].components[1].number == Decimal("50.5")


def test_label_split_over_two_rows_is_joined() -> None:
    text = "STT\tĐơn vị\tTổng điểm\tXếp hạng\n\t\t(100)\t\n1\tSở A\t80\t1\n2\tSở B\t70\t2\n"
    (table,) = tables_of(text)
    assert table.total_max == Decimal(100)
    assert [c.role for c in table.columns] == ["row_number", "agency", "total", "rank"]


def test_unlabelled_total_found_by_sum() -> None:
    text = "TT\tCơ quan\tA\tB\tC\n1\tSở A\t10\t20\t30\n2\tSở B\t5\t5\t10\n"
    (table,) = tables_of(text)
    assert [c.role for c in table.columns][2:] == ["component", "component", "total"]


def test_total_alone_and_rank_alone() -> None:
    total_only = "STT\tĐơn vị\tĐiểm\n1\tSở A\t80,25\n2\tSở B\t70\n"
    (table,) = tables_of(total_only)
    assert [c.role for c in table.columns] == ["row_number", "agency", "total"]
    rank_only = "STT\tTỉnh, thành phố\tXếp hạng\n1\tQuảng Ninh\t1\n2\tĐà Nẵng\t2\n"
    (table,) = tables_of(rank_only)
    assert [c.role for c in table.columns] == ["row_number", "agency", "rank"]
    assert table.entries[1].rank.number == 2


def test_comparison_and_note_columns_are_other() -> None:
    text = "STT\tĐơn vị\tTổng điểm\tTăng/giảm so với năm trước\tGhi chú\n1\tSở A\t80\t+2\tmới\n"
    (table,) = tables_of(text)
    assert [c.role for c in table.columns][2:] == ["total", "other", "other"]


def test_grid_that_is_not_a_ranking_is_ignored() -> None:
    letterhead = (
        "ỦY BAN NHÂN DÂN TỈNH X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 1/QĐ-UBND\tX, ngày 1 tháng 2 năm 2020\n"
    )
    assert tables_of(letterhead) == ()


def test_min_data_rows_setting_is_honoured() -> None:
    text = "STT\tĐơn vị\tĐiểm\n1\tSở A\t80\n2\tSở B\t70\n"
    assert len(find_tables(text_document(text), TableSettings(min_data_rows=2))) == 1
    assert find_tables(text_document(text), TableSettings(min_data_rows=3)) == ()


def test_a_component_whose_name_says_reduce_is_still_a_component() -> None:
    text = (
        "STT\tĐơn vị\tĐiểm thành phần\t\tTổng điểm (20)\n"
        "\t\tHạ tầng (10)\tGiảm thời gian giải quyết hồ sơ (10)\t\n"
        "1\tSở A\t8\t9\t17\n2\tSở B\t7\t6\t13\n"
    )
    (table,) = tables_of(text)
    assert [c.label for c in table.components()] == ["Hạ tầng", "Giảm thời gian giải quyết hồ sơ"]


def test_a_grid_whose_header_was_lost_is_read_from_its_numbers() -> None:
    text = "Kết quả:\n1\tSở A\t80,5\t2\n2\tSở B\t70\t3\n3\tSở C\t90\t1\n"
    (table,) = tables_of(text)
    assert [c.role for c in table.columns] == ["row_number", "agency", "total", "rank"]
    assert [e.rank.printed for e in table.entries if e.rank] == ["2", "3", "1"]


def test_a_grid_with_numbers_that_is_not_read_raises_a_flag() -> None:
    text = "Kết quả:\n1\tA1\t80,5\t1\n2\tB2\t70\t2\n"  # codes, no unit names
    scan = scan_tables(text_document(text))
    assert scan.tables == ()
    (flag,) = check_passed_over("d", scan.passed_over)
    assert (flag.check, flag.severity, flag.at.line) == ("table_not_read", "warning", 2)


def test_a_total_printed_under_the_component_group_is_the_total() -> None:
    text = (
        "STT\tĐơn vị\tĐiểm thành phần\t\t\n"
        "\t\tHạ tầng (40)\tỨng dụng (60)\tTổng cộng (100)\n"
        "1\tSở A\t30\t50\t80\n2\tSở B\t20\t40\t60\n"
    )
    (table,) = tables_of(text)
    assert [c.role for c in table.columns][2:] == ["component", "component", "total"]
    assert table.total_max == Decimal(100)


def test_maxima_printed_as_a_row_under_the_header() -> None:
    text = (
        "STT\tĐơn vị\tHạ tầng\tỨng dụng\tTổng điểm\n"
        "\tĐiểm tối đa\t40\t60\t100\n"
        "1\tSở A\t30\t50\t80\n2\tSở B\t20\t40\t60\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở A", "Sở B"]
    assert [c.max_points for c in table.components()] == [Decimal(40), Decimal(60)]
    assert table.total_max == Decimal(100)


NUMBERED_COLUMNS = (
    "Huyện | 1 | 2 | 3 | 4 | 5 | |\n"
    "---|---|---|---|---|---|---|\n"
    "Bảo Thắng | 8 | 7 | 9 | 6 | 8 | |\n"
    "Bảo Yên | 7 | 9 | 6 | 8 | 7 | |\n"
    "Bát Xát | 9 | 6 | 8 | 7 | 9 | |\n"
    "Mường Khương | 6 | 8 | 7 | 9 | 6 | |\n"
)


def test_a_header_labelling_columns_by_their_numbers_is_no_row() -> None:
    """A header whose labels are the columns' numbers ("Huyện | 1 | 2 | … | 5") reads like a
    row of figures; counting up by one across, over rows that do not, it is the header."""
    (table,) = tables_of(NUMBERED_COLUMNS)
    assert [e.agency_raw for e in table.entries] == [
        "Bảo Thắng",
        "Bảo Yên",
        "Bát Xát",
        "Mường Khương",
    ]
    assert [c.label for c in table.columns][1:6] == ["1", "2", "3", "4", "5"]


def test_a_unit_whose_figures_count_up_stays_a_row() -> None:
    """Three figures counting up (a unit's own 1, 2, 3) or a second row counting too: data."""
    text = (
        "Huyện Bảo Thắng 1 2 3\nHuyện Bảo Yên 4 5 6\nHuyện Bát Xát 2 4 9\nHuyện Si Ma Cai 3 1 7\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries][0] == "Huyện Bảo Thắng"
    assert len(table.entries) == 4
