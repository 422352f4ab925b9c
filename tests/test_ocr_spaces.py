"""Names with the spaces OCR lost put back, from the registry's spellings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.models import Column, Entry, Provenance, Table
from pipeline.ocr.spaces import restore_spaces
from pipeline.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


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
