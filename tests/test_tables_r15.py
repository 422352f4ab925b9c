"""Round 15's generator findings, each in the small: what the numbers say against the words."""

from conftest import printed, tables_of

from pipeline.vocabulary import band_at_end

_COMMUNES = """Thứ tự Xã, phường, thị trấn Tổng (100) Xếp hạng
1 Xã Thạnh Thới An 93,25 01
2 Xã Viên Bình 91,24 02
3 Xã Viên An 87,57 03
4 Xã Lịch Hội Thượng 71,91 04
5 Thị trấn Trần Đề 57,19 05
6 Xã Trung Bình 32,69 06
"""


def test_band_words_capitalised_as_a_name_are_the_names_end() -> None:
    """Fresh seed 10600226: the commune "Xã Trung Bình" lost "Trung Bình" to a band cell that
    no other row prints; its total was read as "Trung Bình 32,69", unreadable."""
    assert band_at_end(["Xã", "Trung", "Bình"]) == 0
    assert band_at_end(["Huyện", "A", "Trung", "bình"]) == 2  # a band, as a band is printed
    assert band_at_end(["Sở", "Y", "tế", "TỐT"]) == 1
    (table,) = tables_of(_COMMUNES)
    last = table.entries[-1]
    assert last.agency_raw == "Xã Trung Bình"
    assert (printed(last.total), printed(last.rank), last.band) == ("32,69", "06", None)


_RUN_ON = (
    "Sở, ban, ngành Xếp hạng (điểm) I Các cơ quan chuyên môn thuộc UBND tỉnh Kho bạc Nhà nước"
    " tỉnh 1 (0.9241) Sở Công Thương 2 (0.8920) Cục Thống kê tỉnh 3 (0.8822) Sở Giáo dục và"
    " Đào tạo 4 (0.8747) Bộ Chỉ huy Quân sự tỉnh 5 (0.8668) Sở Xây dựng 6 (0.6149)\n"
)


def test_a_first_name_after_a_run_in_heading_is_the_longest_a_name_takes() -> None:
    """Fresh seed 10600255: "… thuộc UBND tỉnh Kho bạc Nhà nước tỉnh 1 (0.9241)" was cut at the
    shortest name the others are as long as, "Nhà nước tỉnh", "Kho bạc" going to the heading;
    as the names of a run on one line are cut (``run_in``), the longest that another name is as
    long as or longer than is tried first."""
    (table,) = tables_of(_RUN_ON)
    assert table.section == "I Các cơ quan chuyên môn thuộc UBND tỉnh"
    first = table.entries[0]
    assert (first.agency_raw, printed(first.rank)) == ("Kho bạc Nhà nước tỉnh", "1")
