"""Which index a table ranks, from its caption, the decision's title, its components."""

from __future__ import annotations

import pytest
from conftest import extract_one

from pipeline.index import index_in, table_index
from pipeline.messages import message
from pipeline.models import Metadata, Table
from pipeline.reconcile import SEVERITY


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Phê duyệt kết quả đánh giá mức độ ứng dụng công nghệ thông tin năm 2016", "ict"),
        ("Xếp hạng mức độ ứng dụng CNTT của các cơ quan nhà nước", "ict"),
        ("Chỉ số sẵn sàng cho phát triển và ứng dụng CNTT-TT (ICT Index) năm 2019", "ict"),
        ("Kết quả đánh giá mức độ phát triển chính quyền điện tử năm 2019", "egov"),
        ("Công bố Chỉ số đánh giá chuyển đổi số (DTI) năm 2022", "dti"),
        ("Phê duyệt Chỉ số cải cách hành chính năm 2021 của UBND các xã", "par"),
        ("CHỈ SỐ CCHC NĂM 2020", "par"),
        ("ứng dụng công nghệ thông tin, phát triển chính quyền điện tử năm 2020", "ict"),
        ("Khen thưởng các tập thể", None),
        (None, None),
    ],
)
def test_index_named_by_a_title(text: str | None, index: str | None) -> None:
    assert index_in(text) == index


def test_a_caption_overrides_the_title() -> None:
    table = Table(1, "II. Chỉ số chuyển đổi số các huyện", "district", (), (), (1,))
    title = Metadata(title="Công bố kết quả đánh giá cải cách hành chính năm 2022")
    assert table_index(table, title) == "dti"
    assert table_index(Table(1, None, None, (), (), (1,)), Metadata()) == "other"


@pytest.mark.parametrize(
    ("sample", "index"),
    [
        ("laocai_2016_cntt.txt", "ict"),
        ("hue_2019_cqdt.docx", "egov"),
        ("quangninh_2022_dti.pdf", "dti"),
        ("thoxuan_2021_cchc_xa.html", "par"),
        ("bo_tttt_2019_ictindex.txt", "ict"),
    ],
)
def test_every_table_of_a_sample_gets_its_index(sample: str, index: str) -> None:
    result = extract_one(f"samples/generated/{sample}")
    assert {table_index(t, result.metadata) for t in result.tables} == {index}


def test_every_check_has_an_english_message_and_unknown_ones_a_generic_one() -> None:
    flag = {"table_index": 1, "row_number": 3, "agency_raw": "Sở Y tế", "expected": "80",
            "actual": "81", "page": 2, "message": "Sở Y tế (STT 3): …"}  # fmt: skip
    for check in [*SEVERITY, "source_conflict", "conflicting_decisions"]:
        english = message({**flag, "check": check}, "en")
        assert "{" not in english and english != flag["message"], check
        assert "raised a finding" not in english, f"{check} has no template"
    assert message({**flag, "check": "sum_mismatch"}, "vi") == flag["message"]
    generic = message({**flag, "check": "a_new_check"}, "en")
    assert generic == "Sở Y tế (STT 3): check a_new_check raised a finding (expected 80, found 81)."
    table_flag = {"check": "max_sum_mismatch", "table_index": 2, "expected": "99", "actual": "100"}
    assert message(table_flag, "en").startswith("Table 2: the component maxima add up")
