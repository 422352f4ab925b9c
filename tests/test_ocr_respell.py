"""A scanned heading's word takes the spelling its own document's body prints beside the same
neighbour, twice at least and more often than the heading's, or once where the body never
prints the heading's: nothing from a word list."""

from __future__ import annotations

from pipeline.ocr.respell import respell

BODY = ("Trung tâm Kiểm định chất lượng giáo dục; hoạt động kiểm định chất lượng giáo dục; "
        "tổ chức kiểm định chất lượng giáo dục; hoạt động kiêm định chât lượng")  # fmt: skip


def test_marks_come_back_as_the_body_prints_them() -> None:
    title = "hoạt động kiêm định chât lượng giáo dục"
    assert respell(title, BODY) == "hoạt động kiểm định chất lượng giáo dục"
    assert respell("KIÊM ĐỊNH", BODY) == "KIỂM ĐỊNH"  # in the case printed


def test_a_spelling_the_body_prints_once_is_taken_only_where_nothing_opposes_it() -> None:
    # a letter's subject is read above its body: the body's one "tổ chức" against none
    assert respell("thực hiện tô chức đấu giá", "tổ chức đấu giá") == "thực hiện tổ chức đấu giá"
    opposed = "tổ chức đấu giá; tô chức thi"  # once each: the heading's reading stands
    assert respell("thực hiện tô chức đấu giá", opposed) == "thực hiện tô chức đấu giá"


def test_a_spelling_the_body_does_not_print_is_left_as_read() -> None:
    assert respell("bồ sung công chức", BODY) == "bồ sung công chức"
    assert respell("", BODY) == ""


def test_a_phrase_every_decision_cites_gets_its_tone_back() -> None:
    # real scan letter-f: its subject and body read "tô chức" once the page pass saw white
    # paper, so the body no longer spelled it right for the subject to borrow
    from pipeline.ocr.lexicon import restore_tones

    assert restore_tones("Đơn vị thực hiện tô chức đấu giá") == "Đơn vị thực hiện tổ chức đấu giá"
    assert restore_tones("Luật TÔ CHỨC chính quyền") == "Luật TỔ CHỨC chính quyền"
