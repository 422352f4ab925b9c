"""Checks of a whole document: metadata it does not print, grids and pages not read."""

from __future__ import annotations

from dataclasses import fields

from pipeline.models import Document, Flag, Line, Metadata, Provenance, Table
from pipeline.reconcile.common import OCR_NEEDED, SEVERITY

_METADATA_NAMES = {
    "issuer": "cơ quan ban hành",
    "province": "tỉnh có các đơn vị được xếp hạng",
    "decision_number": "số văn bản",
    "decision_date": "ngày ban hành",
    "evaluation_year": "năm đánh giá",
    "signer": "người ký",
    "title": "trích yếu (tên văn bản)",
}


def check_metadata(doc_id: str, metadata: Metadata, tables: tuple[Table, ...]) -> list[Flag]:
    """missing_metadata: a field the decision does not print (or we could not read)."""
    national = bool(tables) and all(t.level in ("province", "ministry") for t in tables)
    flags = []
    for field in fields(metadata):
        name = field.name
        if name not in _METADATA_NAMES or getattr(metadata, name) is not None:
            continue
        if name == "province" and national:
            continue  # a national ranking ranks provinces or ministries: no province of its own
        message = f"Văn bản không ghi {_METADATA_NAMES[name]}, hoặc chỗ đó không đọc được."
        flags.append(Flag("missing_metadata", SEVERITY["missing_metadata"], doc_id, message,
                          expected=name))  # fmt: skip
    return flags


def check_passed_over(doc_id: str, passed_over: tuple[Line, ...]) -> list[Flag]:
    """table_not_read: a grid holding numbers whose header we could not read as a ranking."""
    flags = []
    for first_row in passed_over:
        where = f"trang {first_row.at.page}" + (
            f", dòng {first_row.at.line}" if first_row.at.line else ""
        )
        message = (
            f"Một bảng có số liệu ({where}) không được đọc thành bảng xếp hạng vì không nhận ra "
            f"các cột của nó; số liệu của bảng này chưa có trong kết quả, cần kiểm tra."
        )
        flags.append(
            Flag("table_not_read", SEVERITY["table_not_read"], doc_id, message,
                 expected="a ranking header", actual=first_row.text[:120], at=first_row.at)
        )  # fmt: skip
    return flags


def check_unread_pages(doc_id: str, document: Document) -> tuple[Flag, ...]:
    """page_not_read: a page, or a region of one, whose contents are not in the output."""
    flags = []
    for page in document.pages:
        at = Provenance(document.source_file, page.number, method=page.method)
        if page.method == OCR_NEEDED:
            message = (
                f"Trang {page.number} là ảnh quét (không có lớp chữ) nên chưa được đọc; "
                f"bảng hoặc số liệu trên trang này không có trong kết quả."
            )
            flags.append(Flag("page_not_read", SEVERITY["page_not_read"], doc_id, message,
                              expected="a text layer", actual="scanned page", at=at))  # fmt: skip
        for reason in page.unread:
            message = (
                f"Trang {page.number} (ảnh quét) không đọc được: {reason}; "
                f"số liệu trên trang này không có trong kết quả, cần kiểm tra bản gốc."
            )
            flags.append(Flag("page_not_read", SEVERITY["page_not_read"], doc_id, message,
                              expected="a readable page", actual=reason, at=at))  # fmt: skip
    return tuple(flags)
