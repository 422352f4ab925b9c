"""Round 14's generator findings, each in the small: what the numbers say against the words."""

from conftest import printed, tables_of

from pipeline.ingest.text.cell_header import join_header, maxima_hold
from pipeline.tables.records.header import _cut_short
from pipeline.tables.records.split import counts

ROWS = [
    ["1", "Sở A", "16,8", "93,9", "1"],
    ["2", "Sở B", "14,2", "88,8", "2"],
    ["3", "Sở C", "12,8", "81,4", "3"],
    ["4", "Sở D", "8,4", "58,8", "4"],
]


def test_a_misprinted_rank_before_the_last_is_no_top_list_end() -> None:
    # 1, 2, 3, 4, 3, 6: the 3 is misprinted; the 6 is the sixth place, not a publisher's own
    assert counts(["1", "2", "3", "4", "3", "6"])
    assert counts(["1", "2", "3", "4", "5", "6", "7", "22"])  # a top list, then its own row
    assert not counts(["1", "2", "1", "4", "3", "6"])


def test_a_maximum_over_a_count_does_not_hold() -> None:
    assert maxima_hold(["STT", "Đơn vị", "C1 (20)", "Tổng (100)", "XH"], ROWS)
    assert not maxima_hold(["STT", "Đơn vị", "C1 (20)", "Tổng", "XH (100)"], ROWS)


def test_header_words_join_from_either_end() -> None:
    words = ["Số", "TT", "Agency", "Chỉ", "số", "thành", "phần", "Tông", "điểm", "(100)", "XH"]
    from_right = ["Số", "TT", "Agency", "Chỉ số thành phần", "Tông điểm (100) XH"]
    assert join_header(words, 5) == from_right
    assert join_header(words, 5, from_left=True) == [
        "Số TT",
        "Agency",
        "Chỉ số thành phần",
        "Tông điểm (100)",
        "XH",
    ]


def test_labels_joined_halfway_are_cut_short() -> None:
    assert _cut_short(["Đơn vị", "Pillar", "1", "Pillar", "2", "Pillar 3"])
    assert not _cut_short(["Đơn vị", "Pillar 1", "Pillar 2", "Pillar 3", "Tổng điểm", "Rank"])
    assert not _cut_short(["Province", "1", "2", "3"])  # columns labelled by their numbers


_SPACED = """Thứ tự xếp hạng Tỉnh thành Điểm điều tra Văn bản Thể chế Điểm số
Điểm tối đa 40 35 25 100
1 Tỉnh An Phú 38,500 33,250 24,000 95,750
2 Bình Sơn 37,000 31,500 22,250 90,750
3 Tỉnh Cẩm Lộ 35,125 30,000 21,875 87,000
4 Đông Hà 33,000 29,750 20,500 83,250
5 Gio Linh 30,250 27,000 19,000 76,250
6 Tỉnh Hải Lăng 28,000 25,500 18,750 72,250
7 Khe Sanh 25,500 22,000 17,125 64,625
"""


def test_a_header_whose_first_words_name_the_stt_and_more_of_them_the_rank_tells_neither() -> None:
    """Fresh seed 10400478: "Thứ tự" is the STT's label, "Thứ tự xếp hạng" the rank's; the
    shorter was taken and a rank in the totals' order went out as the STT with no flag. The
    numbers decide now, and say their doubt."""
    (table,) = tables_of(_SPACED)
    assert [printed(e.rank) for e in table.entries] == [str(n) for n in range(1, 8)]
    assert all(e.row_number is None for e in table.entries)
    assert table.role_doubt or table.number_doubts
