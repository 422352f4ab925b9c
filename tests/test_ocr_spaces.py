"""Names with the spaces OCR lost put back, from the registry's spellings."""

from __future__ import annotations

import ast
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, read_csv, run_cli

from pipeline.models import Column, Entry, Provenance, Table
from pipeline.ocr.spaces import restore_spaces, unglued
from pipeline.ocr.syllables import syllables
from pipeline.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def truth_tables(truth: dict[str, Any]) -> list[dict[str, Any]]:
    decision = truth["decision"]
    decision = ast.literal_eval(decision) if isinstance(decision, str) else decision
    return list(decision["tables"])


def names(registry: Registry, *printed: str, method: str = "ocr") -> list[str]:
    at = Provenance("scan.png", 1, (0.0, 0.0, 1.0, 1.0), method=method)
    entries = tuple(Entry(None, name, (), None, None, None, at) for name in printed)
    columns = (Column(1, "Tên đơn vị", "agency"),)
    table = Table(1, None, "province_agency", columns, entries, (1,), Decimal(100))
    return [entry.agency_raw for entry in restore_spaces((table,), registry)[0].entries]


def test_glued_names_take_the_registrys_spaces(registry: Registry) -> None:
    assert names(registry, "SởYtế", "SởCông Thương", "Sở Tài nguyênvà Môi trường") == [
        "Sở Y tế", "Sở Công Thương", "Sở Tài nguyên và Môi trường"
    ]  # fmt: skip


def test_a_glued_word_of_an_unlisted_name_is_split_into_registry_words(registry: Registry) -> None:
    assert names(registry, "UBND huyệnBảo Thắng", "SởKếhoạch và Đầu tư") == [
        "UBND huyện Bảo Thắng", "Sở Kế hoạch và Đầu tư"
    ]  # fmt: skip


def test_names_already_spaced_unknown_or_from_a_text_layer_stay(registry: Registry) -> None:
    printed = ["Sở Y tế", "Công ty Điện lực", "Nguyễn Văn Anh", "Trung tâm ABCxyz"]
    assert names(registry, *printed) == printed
    assert names(registry, "SởYtế", method="pdf") == ["SởYtế"]


def test_a_scanned_name_takes_the_registrys_marks_and_case(tmp_path: Path) -> None:
    # drawn seed 8502 (three pages at 250 dpi, Liberation Serif, ruled, header repeated):
    # Tesseract reads "Cục Thống kê tỉnh" as "CỤC Thống kê tỉnh" and "Cục Thuế tỉnh" as "Cúc
    # Thuế tỉnh"; the registry spells both so but for case and marks
    sys.path.insert(0, str(ROOT / "samples"))
    from drawn import make_seed

    truth = make_seed(8502, tmp_path, "300dpi")
    pdf = str(tmp_path / truth["files"][0])
    code, _out, err = run_cli("extract", pdf, "--out", str(tmp_path / "o"))
    assert code == 0, err
    read = [row["agency_raw"] for row in read_csv(tmp_path / "o" / "entries.csv")]
    assert {"Cục Thống kê tỉnh", "Cục Thuế tỉnh"} <= set(read)
    printed = {e["agency"] for t in truth_tables(truth) for e in t["entries"]}
    assert sum(name in printed for name in read) >= len(read) - 1


def test_marks_and_case_come_from_the_registry_only_when_the_letters_are_its(
    registry: Registry,
) -> None:
    assert names(registry, "Cúc Thuế tỉnh", "Bảo hiếm xã hội thành phố", "SỞ Nói vu") == [
        "Cục Thuế tỉnh", "Bảo hiểm xã hội thành phố", "Sở Nội vụ"
    ]  # fmt: skip
    # capitals kept; the old tone placement ("hoá") is a spelling, not a misreading; other
    # letters ("háa") are not the registry's
    printed = ["SỞ Y TẾ", "Sở Văn hoá, Thể thao và Du lịch", "Sở Văn háa và Thể thao"]
    assert names(registry, *printed) == printed


def test_a_scanned_label_has_its_glued_syllables_split(tmp_path: Path) -> None:
    # drawn seed 8508 (300 dpi PDF): Tesseract reads "Kinh phí cho ứng dụng CNTT" as "Kinh
    # phícho …" and "Cải cách tổ chức …" as "Cải cáchtổ chức …" in the header
    sys.path.insert(0, str(ROOT / "samples"))
    from drawn import make_seed

    truth = make_seed(8508, tmp_path, "300dpi")
    code, _out, err = run_cli("extract", str(tmp_path / truth["files"][0]),
                              "--out", str(tmp_path / "o"))  # fmt: skip
    assert code == 0, err
    labels = {row["component_label"] for row in read_csv(tmp_path / "o" / "components.csv")}
    assert "Kinh phí cho ứng dụng CNTT" in labels
    assert "Cải cách tổ chức bộ máy hành chính nhà nước" in labels


def test_only_a_word_that_is_syllables_cut_one_way_is_split() -> None:
    known = syllables()
    assert unglued("Bảomật và dự phòng", known) == "Bảo mật và dự phòng"
    assert unglued("Kếtnối, chia sẻ", known) == "Kết nối, chia sẻ"
    # drawn 300 dpi seed 9901: three syllables run together, one way to cut them
    assert unglued("Kết nối, chiasẻdữ liệu", known) == "Kết nối, chia sẻ dữ liệu"
    printed = "Hạ tầng kỹ thuật và thiết bị CNTT (20)"  # syllables, an acronym, a maximum
    assert unglued(printed, known) == printed
    assert unglued("Dịch vụ công trực tuyến œ0)", known) == "Dịch vụ công trực tuyến"
    assert unglued("Chỉ số (DTI)", known) == "Chỉ số (DTI)"


def test_a_scanned_labels_maximum_that_lost_its_bracket_is_no_part_of_it(tmp_path: Path) -> None:
    # drawn seed 8514 (JPEG pages): "(12)" under "Kinh phí cho ứng dụng CNTT" read "q2)", the
    # maximum then no maximum and left in the label; likewise "3)", "œ0)"
    sys.path.insert(0, str(ROOT / "samples"))
    from drawn import make_seed

    truth = make_seed(8514, tmp_path, "300dpi")
    files = [str(tmp_path / name) for name in truth["files"]]
    code, _out, err = run_cli("extract", *files, "--out", str(tmp_path / "o"))
    assert code == 0, err
    labels = {row["component_label"] for row in read_csv(tmp_path / "o" / "components.csv")}
    assert not [label for label in labels if label.endswith(")") and "(" not in label], labels
    assert "Kinh phí cho ứng dụng CNTT" in labels


def test_a_syllable_run_into_an_acronym_is_split_between_them() -> None:
    known = syllables()
    # drawn seed 9934 at 300 dpi, 200 dpi and as a photo: "Đầu tư cho CNTT" read glued
    assert unglued("Đầu tư choCNTT", known) == "Đầu tư cho CNTT"
    assert unglued("Tác động của CCHCđến người dân", known) == "Tác động của CCHC đến người dân"
    for kept in ("eGov", "VNeID", "ChoCNTT", "xyzCNTT"):  # no syllable in small letters alone
        assert unglued(f"Chỉ số {kept}", known) == f"Chỉ số {kept}"
