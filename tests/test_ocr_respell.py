"""A scanned heading's word takes the spelling its own document's body prints beside the same
neighbour, twice at least and more often than the heading's: nothing from a word list."""

from __future__ import annotations

from pipeline.ocr.respell import respell

BODY = ("Trung tâm Kiểm định chất lượng giáo dục; hoạt động kiểm định chất lượng giáo dục; "
        "tổ chức kiểm định chất lượng giáo dục; hoạt động kiêm định chât lượng")  # fmt: skip


def test_marks_come_back_as_the_body_prints_them() -> None:
    title = "hoạt động kiêm định chât lượng giáo dục"
    assert respell(title, BODY) == "hoạt động kiểm định chất lượng giáo dục"
    assert respell("KIÊM ĐỊNH", BODY) == "KIỂM ĐỊNH"  # in the case printed


def test_a_spelling_the_body_prints_once_or_not_at_all_is_left_as_read() -> None:
    assert respell("thực hiện tô chức đấu giá", "tổ chức đấu giá") == "thực hiện tô chức đấu giá"
    assert respell("bồ sung công chức", BODY) == "bồ sung công chức"
    assert respell("", BODY) == ""
