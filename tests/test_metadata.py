"""Metadata: the letterhead, the appendix line, the signature; never a cited decision's number."""

from __future__ import annotations

from datetime import date

from conftest import SEEDS, text_document

from pipeline.metadata import read_metadata


def test_lao_cai_letterhead() -> None:
    meta = read_metadata(text_document(SEEDS[0].read_text(encoding="utf-8")))
    assert meta.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert meta.province == "Lào Cai"
    assert meta.decision_number == "512/QĐ-UBND"
    assert meta.decision_date == date(2017, 2, 16)
    assert meta.evaluation_year == 2016
    assert (meta.signer, meta.signer_title) == ("Đặng Xuân Thanh", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def test_dak_lak_without_letterhead_takes_nothing_from_the_bases() -> None:
    meta = read_metadata(text_document(SEEDS[1].read_text(encoding="utf-8")))
    assert meta.issuer == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert meta.decision_number is None  # "Căn cứ Quyết định số 366/QĐ-UBND" is not ours
    assert meta.decision_date is None
    assert meta.evaluation_year == 2017
    assert meta.signer == "Nguyễn Tuấn Hà"


def test_appendix_line_stands_in_for_a_damaged_letterhead() -> None:
    text = (
        "QUYẾT ĐỊNH\nVề việc công bố Chỉ số cải cách hành chính năm 2021\n"
        "Căn cứ Quyết định số 99/QĐ-UBND ngày 01/01/2019;\n"
        "PHỤ LỤC\n(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 15/03/2022 "
        "của UBND tỉnh Nghệ An)\n"
    )
    meta = read_metadata(text_document(text))
    assert meta.decision_number == "1234/QĐ-UBND"
    assert meta.decision_date == date(2022, 3, 15)
    assert meta.evaluation_year == 2021
    assert meta.province == "Nghệ An"


def test_blank_draft_number_and_day_are_missing_not_zero() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố:      /QĐ-UBND\n"
        "Hà Giang, ngày … tháng … năm 2020\nQUYẾT ĐỊNH\n"
    )
    meta = read_metadata(text_document(text))
    assert meta.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    assert (meta.decision_number, meta.decision_date) == (None, None)


def test_ministry_letterhead_is_a_national_ranking() -> None:
    text = (
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 45/BC-BTTTT\nHà Nội, ngày 5 tháng 4 năm 2019\n"
        "BÁO CÁO\nChỉ số sẵn sàng ứng dụng CNTT Việt Nam năm 2018\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhan Tâm\n"
    )
    meta = read_metadata(text_document(text))
    assert meta.issuer == "Bộ Thông tin và Truyền thông"
    assert meta.province is None
    assert (meta.decision_number, meta.doc_type, meta.evaluation_year) == (
        "45/BC-BTTTT",
        "BÁO CÁO",
        2018,
    )
    assert (meta.signer, meta.signer_title) == ("Phan Tâm", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG")


def test_number_with_spaces_and_a_numeric_date() -> None:
    text = "UBND TỈNH NGHỆ AN\nSố: 1234 / QĐ - UBND\nNghệ An, ngày 05/03/2021\nQUYẾT ĐỊNH\n"
    meta = read_metadata(text_document(text))
    assert (meta.decision_number, meta.decision_date) == ("1234/QĐ-UBND", date(2021, 3, 5))
    assert meta.province == "Nghệ An"


def test_a_scans_signature_block_across_the_recipients_list() -> None:
    # OCR lines run across both columns: recipients and the stamp's specks fall between the
    # signer's title and name
    text = (
        "QUYẾT ĐỊNH\nVề việc công bố Chỉ số cải cách hành chính năm 2021\n"
        "Điều 3. Các cơ quan chịu trách nhiệm thi hành Quyết định này.\n"
        "Nơi nhận:\nKT. CHỦ TỊCH\n- Như Điều 3;\nPHÓ CHỦ TỊCH:\n- Lưu: VT.\n⁄kế\n`\n"
        "Đặng Xuân Thanh\n"
    )
    meta = read_metadata(text_document(text))
    assert (meta.signer, meta.signer_title) == ("Đặng Xuân Thanh", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


DISTRICT_HEAD = (
    "ỦY BAN NHÂN DÂN\nHUYỆN {district}\nSố: 499/QĐ-UBND\n"
    "{place}, ngày 21 tháng 2 năm 2023\nQUYẾT ĐỊNH\n{title}\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN {district}\n"
)


def test_province_named_only_in_a_title_in_capitals() -> None:
    # a district issues; its province is printed once, in the capitals of the title
    title = "BAN HÀNH KẾT QUẢ ĐÁNH GIÁ NĂM 2022 ĐỐI VỚI CÁC XÃ HUYỆN TỊNH BIÊN, TỈNH AN GIANG"
    text = DISTRICT_HEAD.format(district="TỊNH BIÊN", place="Tịnh Biên", title=title)
    meta = read_metadata(text_document(text + f"Điều 1. {title} như sau:\n"))
    assert meta.province == "An Giang"


def test_province_name_wrapped_onto_the_next_line() -> None:
    # a PDF's prose lines break inside the name: "thành phố Đà" / "Nẵng"
    text = DISTRICT_HEAD.format(
        district="HÒA VANG",
        place="Hòa Vang",
        title="Công bố Chỉ số năm 2017 của các xã, thị trấn huyện Hòa Vang, thành phố Đà\nNẵng",
    )
    text += "Điều 1. Công bố Chỉ số năm 2017 của các xã huyện Hòa Vang, thành phố\nĐà Nẵng:\n"
    assert read_metadata(text_document(text)).province == "Đà Nẵng"


def test_a_province_whose_name_holds_a_letterhead_stop_word() -> None:
    # "PHÒNG" opens a department's name in a letterhead, but ends "HẢI PHÒNG"
    for head in ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n", "UBND THÀNH PHỐ HẢI PHÒNG\n"):
        text = head + "Số: 1113/QĐ-UBND\nHải Phòng, ngày 5 tháng 3 năm 2021\nQUYẾT ĐỊNH\n"
        meta = read_metadata(text_document(text))
        assert (meta.issuer, meta.province) == ("Ủy ban nhân dân thành phố Hải Phòng", "Hải Phòng")


def test_a_province_name_with_a_mark_misread_takes_the_registrys_spelling() -> None:
    """Drawn photo 9912's letterhead read "ĐÀ NĂNG": no province differs from another by its
    marks alone, so the slip is Đà Nẵng's; a spelling the registry holds stays as printed."""
    text = "UBND THÀNH PHỐ ĐÀ NĂNG\nSố: 514/QĐ-UBND\nQUYẾT ĐỊNH\nthành phố Đà Năng\n"
    meta = read_metadata(text_document(text))
    assert (meta.issuer, meta.province) == ("Ủy ban nhân dân thành phố Đà Nẵng", "Đà Nẵng")
    text = "UBND TỈNH ĐẮC LẮC\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\n"
    assert read_metadata(text_document(text)).issuer == "Ủy ban nhân dân tỉnh Đắc Lắc"


def test_a_rule_under_the_letterhead_is_no_part_of_the_name() -> None:
    text = "UBND TỈNH TUYÊN QUANG -------\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\n"
    meta = read_metadata(text_document(text))
    assert (meta.issuer, meta.province) == ("Ủy ban nhân dân tỉnh Tuyên Quang", "Tuyên Quang")


def test_a_title_ends_with_its_own_period_and_keeps_that_line() -> None:
    # decision-b of the real scans: the title's wrapped last line ends with the printed period
    text = (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2605/QĐ-BGDĐT\nHà Nội, ngày 16 tháng 9 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc bổ sung công chức làm việc tại Bộ phận Tiếp nhận và Trả kết\n"
        "quả giải quyết thủ tục hành chính.\nBan hành kèm theo danh sách này.\n"
    )
    meta = read_metadata(text_document(text))
    assert meta.title == (
        "bổ sung công chức làm việc tại Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục "
        "hành chính."
    )


def test_a_district_issuer_in_capitals_takes_the_spelling_the_text_prints() -> None:
    text = (
        "UBND TỈNH ĐẮK NÔNG\nỦY BAN NHÂN DÂN HUYỆN ĐẮK R'LẤP\nSố: 12/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
        "Ban hành kết quả đánh giá năm 2017 đối với các xã, thị trấn huyện Đắk R'Lấp, "
        "tỉnh Đắk Nông\n"
    )
    assert read_metadata(text_document(text)).issuer == "Ủy ban nhân dân huyện Đắk R'Lấp"
