"""Round 15's generator findings, each in the small: what the numbers say against the words."""

from conftest import printed, tables_of
from test_tables_score_ranks import _YEARS

from pipeline.tables.roles.counting import CountFigures, CountReading, label_words, read_count
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


def test_a_count_is_the_stt_or_the_rank_by_one_rule() -> None:
    """The header's words decide; else the numbers, and every reading they make is doubted."""
    in_order = CountFigures(8, in_order=True)
    assert read_count("row_number", in_order) == CountReading("row_number", doubted=False)
    assert read_count("rank", CountFigures(8)) == CountReading("rank", doubted=False)
    assert read_count(None, in_order) == CountReading("rank", doubted=True)
    assert read_count("either", CountFigures(4, in_order=True)).role == "row_number"
    assert read_count(None, CountFigures(3, places_only=True)) == CountReading("rank", True)
    assert read_count(None, CountFigures(8)) == CountReading("row_number", doubted=False)
    assert read_count("either", None) == CountReading(None, doubted=True)  # for the numbers
    assert label_words(["Thứ tự", "Thứ tự xếp hạng"]) == "either"
    assert label_words(["Số TT"]) == "row_number"


def test_a_count_read_as_one_years_rank_says_it_may_be_the_stt() -> None:
    """A list numbered 1 … 8 in the order of its first year's scores, the other years printing
    their ranks: the count was taken as that year's rank with no word said. It is still read
    so, with the doubt every other reading of a count from its numbers raises."""
    first, *others = tables_of(_YEARS)
    assert [printed(e.rank) for e in first.entries][:3] == ["1", "2", "3"]
    assert first.role_doubt is not None and "số thứ tự hoặc xếp hạng" in first.role_doubt
    assert all(table.role_doubt is None for table in others)


_PROVINCES = (
    "Địa phương Kết quả Tỉnh Quảng Nam 1 (95,72) Tỉnh Bến Tre 2 (95,59) Thanh Hóa 3 (95,39)"
    " Tỉnh Lai Châu 4 (94,20) Vĩnh Phúc 5 (93,46) Quảng Ngãi 6 (89,31) Quảng Ninh 7 (86,26)\n"
)


def test_a_first_name_opening_as_others_do_is_cut_at_its_first_such_word() -> None:
    """Target seed 10400228: "… Kết quả Tỉnh Quảng Nam 1 (95,72) …" beside "Tỉnh Bến Tre" and
    "Quảng Ngãi", "Quảng Ninh" was cut at "Quảng", the last word that opens names: a phantom
    "Quảng Nam" with no flag. The first such word gives the name: "Tỉnh Quảng Nam"."""
    (table,) = tables_of(_PROVINCES)
    first = table.entries[0]
    assert (first.agency_raw, printed(first.rank)) == ("Tỉnh Quảng Nam", "1")
