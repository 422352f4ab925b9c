"""Who issued a document whose letterhead is cut, sealed or garbled; handwritten blanks."""

from __future__ import annotations

from datetime import date

from pipeline.issuing import (
    as_digits,
    enacting_body,
    issuer_of_code,
    letterhead_issuer,
    on_behalf_of,
    subject,
    with_type_initials,
)
from pipeline.metadata import read_metadata
from pipeline.models import Document, Line, Page, Provenance


def document(*texts: str) -> Document:
    at = Provenance("scan.png", 1, method="ocr")
    lines = tuple(Line(text, at) for text in texts)
    return Document("d", "scan.png", "0" * 64, "image", (Page(1, lines, method="ocr"),))


def test_the_enacting_clause_names_the_body() -> None:
    assert enacting_body(["LUẬT", "HẢI QUAN", "Quốc hội ban hành Luật hải quan."]) == "Quốc hội"
    body = ["NGHỊ ĐỊNH", "Theo đề nghị của Bộ trưởng Bộ Tài chính;",
            "Chính phủ ban hành Nghị định quy định chi tiết …", "Điều 1. Phạm vi"]  # fmt: skip
    assert enacting_body(body) == "Chính phủ"
    assert enacting_body(["Điều 1. Ủy ban nhân dân ban hành Quy chế …"]) is None  # not preamble


def test_a_signature_on_behalf_names_the_body() -> None:
    assert on_behalf_of("Nơi nhận:\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Xuân Phúc") == "Chính phủ"
    assert on_behalf_of("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG") is None


def test_a_heading_read_without_marks_names_the_body_the_text_prints() -> None:
    body = "Điều 28 Nghị định số 151/2013/NĐ-CP của Chính phủ./.\n- Thủ tướng Chính phủ;\n"
    assert on_behalf_of(body + "TMCHINH PHU\nNguyễn Xuân Phúc") == "Chính phủ"
    assert on_behalf_of(body + "TM CHINH PHU") == "Chính phủ"
    assert on_behalf_of("Điều 2. Sở Y tế thi hành.\nTMCHINH PHU") is None  # not printed
    two = "Chinh Phu và Chính phủ\nTMCHINHPHU"  # two spellings as often: none chosen
    assert on_behalf_of(two) is None


def test_handwritten_strokes_in_a_blank_are_digits_and_a_lost_bar_comes_back() -> None:
    assert as_digits("|]") == "11" and as_digits("l6") == "16"
    assert with_type_initials("2827/QD-BGDĐT", "QUYẾT ĐỊNH") == "2827/QĐ-BGDĐT"
    assert with_type_initials("28/2021/ND-CP", "NGHỊ ĐỊNH") == "28/2021/NĐ-CP"
    assert with_type_initials("12/BC-UBND", "BÁO CÁO") == "12/BC-UBND"


def test_a_scanned_law_and_a_decision_with_a_handwritten_day() -> None:
    printed = ("QUỐC HỘI", "Luật số: 54/2014/QH13", "LUẬT", "HẢI QUAN",
               "Quốc hội ban hành Luật hải quan.", "Điều 1. Phạm vi")  # fmt: skip
    law = read_metadata(document(*printed))
    assert (law.decision_number, law.issuer, law.doc_type) == ("54/2014/QH13", "Quốc hội", "LUẬT")
    assert law.title is not None and law.title.casefold() == "hải quan"
    decision = read_metadata(document("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2605 /QD-BGDĐT",
                                      "Hà Nội, ngàyl6 tháng 9 năm 2025", "QUYẾT ĐỊNH"))  # fmt: skip
    assert decision.decision_date == date(2025, 9, 16)
    assert decision.decision_number == "2605/QĐ-BGDĐT"


def test_the_letterheads_last_line_in_capitals_issues_its_level_named_by_the_superior() -> None:
    head = ["SỞ Y TẺ BÁC NINH", "BỆNH VIỆN ĐA KHOA TĨNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Số: 6191/BVT-TCKT"]  # fmt: skip
    issuer = letterhead_issuer(head, ("tỉnh", "Bắc Ninh"))
    assert issuer == "Bệnh viện đa khoa tỉnh Bắc Ninh"  # "TĨNH": the level word by its shape
    assert letterhead_issuer(head, ("tỉnh", "Lào Cai")) is None  # the superior names another
    assert letterhead_issuer(head, None) is None  # a level without its name is not in full
    assert letterhead_issuer(["TRUNG TÂM Y TẾ", "Số: 12/TTYT"], None) == "Trung tâm y tế"
    assert letterhead_issuer(["Số: 12/TTYT", "BỆNH VIỆN"], None) is None  # below the number
    cut = ["TRUNG TÂM Y TẾ", "CHỦ NGHĨA", "VIỆT NAM", "Số: 12/TTYT"]  # the motto in pieces
    assert letterhead_issuer(cut, None) == "Trung tâm y tế"
    assert letterhead_issuer(["CHỦ NGHĨA", "BẢNG TỔNG HỢP"], None) is None  # no number: garbled


def test_a_letters_subject_is_its_v_v_lines() -> None:
    head = ["Số: 6191/BVT-TCKT", "V/v Đăng tải thông tin lựa chọn",
            "Đơn vị thực hiện tổ chức đấu giá", "trên trang thông tin điện tử",
            "Bắc Ninh, ngày 27 tháng 9 năm 2021", "Kính gửi: Cổng thông tin"]  # fmt: skip
    expected = "Đăng tải thông tin lựa chọn Đơn vị thực hiện tổ chức đấu giá trên trang thông tin"
    assert subject(head) == expected + " điện tử"
    assert subject(["Số: 12/UBND", "Kính gửi: các xã"]) is None
    # its slash read as a point or another upright (letter-f.png, read again: "V.v Đăng tải")
    for mark in (".", "|", "l"):
        assert subject([head[0], f"V{mark}v Đăng tải thông tin", *head[2:]]) is not None
    assert subject(["Số: 12/UBND", "Vì vậy đề nghị", "các xã"]) is None


def test_a_numbers_code_names_the_body_the_text_prints_twice() -> None:
    text = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6; Luật Tổ chức Chính phủ và …"
    assert issuer_of_code("28/2021/NĐ-CP", text) == "Chính phủ"
    assert issuer_of_code("28/2021/NĐ-CP", "Luật Tổ chức Chính phủ") is None  # once: a citation
    assert issuer_of_code("28/2021/NĐ-CP", text + " Cho phép; Cho phép") is None  # a tie
    ministry = "Bộ Giáo dục và Đào tạo ban hành; Bộ trưởng Bộ Giáo dục và Đào tạo"
    assert issuer_of_code("2576/QĐ-BGDĐT", ministry) == "Bộ Giáo dục và Đào tạo"
    assert issuer_of_code(None, text) is None
    committee = "Ủy ban nhân dân tỉnh Lào Cai; Ủy ban nhân dân huyện Sa Pa; Ủy ban nhân dân"
    assert issuer_of_code("12/QĐ-UBND", committee) is None  # a kind of body, not which
