"""Round 14's generator findings, each in the small: what the numbers say against the words."""

from pipeline.ingest.text.cell_header import join_header, maxima_hold
from pipeline.tables.record_header import _cut_short
from pipeline.tables.record_split import counts

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
