"""A ranking printed in two halves side by side, as report pages do (issue 15).

"1 Switzerland 67.6 1 1 67 Bahrain 29.1 46 9": each line holds two records, the left half's
and the right half's. Read as one row, the second record's number, name and values were
columns of the first (a table of doubtful roles). One name among the values, a whole number
before it and after it as many values of the same kinds as the first record prints: two
records, the right half read after the left.
"""

from __future__ import annotations

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile

_LEFT = [
    (1, "Switzerland", "67.6", 1, 1),
    (2, "Sweden", "64.2", 2, 2),
    (3, "United States", "63.5", 3, 1),
    (4, "United Kingdom", "62.4", 4, 3),
    (5, "Singapore", "61.5", 5, 1),
    (6, "Netherlands (Kingdom of the)", "60.4", 7, 5),
]
_RIGHT = [
    (21, "Bahrain", "29.1", 46, 9),
    (22, "Mongolia", "28.8", 7, 13),
    (23, "Oman", "28.4", 47, 10),
    (24, "Morocco", "28.4", 8, 11),
    (25, "Bosnia and Herzegovina", "27.1", 22, 37),
    (26, "Jamaica", "27.1", 23, 9),
]
_TEXT = "2023 rankings\n\nrank Economy Score rank rank rank Economy Score rank rank\n" + "".join(
    " ".join(map(str, left)) + " " + " ".join(map(str, right)) + "\n"
    for left, right in zip(_LEFT, _RIGHT, strict=True)
)


def test_each_line_is_two_records_and_the_right_half_follows_the_left() -> None:
    (table,) = tables_of(_TEXT)
    read = [(e.agency_raw, e.rank.printed if e.rank else None) for e in table.entries]
    assert read == [(name, str(rank)) for rank, name, *_ in _LEFT + _RIGHT]
    assert [e.total.printed for e in table.entries] == [r[2] for r in _LEFT + _RIGHT]
    flags = reconcile("d", read_metadata(text_document(_TEXT)), (table,))
    assert not [f for f in flags if f.severity == "error"]


def test_a_band_between_two_scores_is_no_second_record() -> None:
    rows = ["1 Sở Tư pháp 85,5 12 Khá 80,2", "2 Sở Nội vụ 84,1 11 Khá 81,3"]
    rows += ["3 Sở Y tế 83,0 10 Khá 79,9", "4 Sở Xây dựng 80,4 9 Khá 78,0"]
    (table,) = tables_of("Kết quả:\n\n" + "".join(f"{r}\n" for r in rows))
    assert [e.agency_raw for e in table.entries] == [
        "Sở Tư pháp",
        "Sở Nội vụ",
        "Sở Y tế",
        "Sở Xây dựng",
    ]
