"""Checks of a whole document: metadata it does not print, grids and pages not read."""

from __future__ import annotations

import re
from dataclasses import fields

from pipeline import vocabulary as vocab
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


# A score as tables print it ("38.8", "12,6"): one to three digits and one or two decimals, not
# part of a date ("19.6.2015"), a thousands group ("1.500") or a numbering ("1.1. Đối tượng")
_SCORE = re.compile(r"(?<![\d.,/])\d{1,3}[.,]\d{1,2}(?![\d/]|[.,]\d|\.\s|\))")
# A whole score a table prints ("39", "86") is a word that is a number and nothing else
_WHOLE = re.compile(r"\d{1,3}")
_NUMERIC = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
# In a run, a score OCR read without its point ("1040 1560 1300" for 10.40 15.60 13.00)
_POINT_LOST = re.compile(r"\d{3,4}")
_SIGN = rf"(?:[{vocab.TIMES}]|(?<=\s)x(?=\s))"
_COEFFICIENT = re.compile(rf"\d+(?:[.,]\d+)?\s*%?\s*{_SIGN}|{_SIGN}\s*\d+(?:[.,]\d+)?\s*%?")
MIN_RUN = 3  # whole numbers side by side in a row of a table; prose separates its numbers by words
MIN_SCORES_IN_PROSE = 12  # four rows of three scores; a decision's prose prints none


def _scores(text: str) -> int:
    """The scores a line read as prose holds: its decimal scores ("38.8", "12,6"), and its
    whole numbers that stand as a table prints them, never among words: a line that is
    numbers only (a cell read as a line of its own: "39") or a run of three or more numbers
    side by side ("Sở Xây dựng 11 39 13 14 98"), four-digit ones among them too (a scan's
    "1040 1560 1300 1305 5205": the points of 10.40 … lost; drawn seed 8602 lost two rows so
    untold). Prose interleaves its whole numbers with words ("khoản 2 Điều 7", "ngày 19
    tháng 6"), and dates and money are not whole words. A weight beside a multiplication
    sign ("0,1 × Hạ tầng", "Kinh tế số x 30%") is a stated formula's, no score."""
    words = _COEFFICIENT.sub(" ", text).split()
    text = " ".join(words)
    numeric = [bool(_NUMERIC.fullmatch(word)) for word in words]
    counted = len(_SCORE.findall(text))
    alone = bool(words) and all(numeric)
    in_run = [numeric[i] or bool(_POINT_LOST.fullmatch(word)) for i, word in enumerate(words)]
    run_start = 0
    for index in range(len(words) + 1):
        if index < len(words) and in_run[index]:
            continue
        run = words[run_start:index]
        if alone or len(run) >= MIN_RUN:
            counted += sum(bool(_WHOLE.fullmatch(w) or _POINT_LOST.fullmatch(w)) for w in run)
        run_start = index + 1
    return counted


def check_scores_in_prose(
    doc_id: str, document: Document, tables: tuple[Table, ...] = ()
) -> list[Flag]:
    """table_not_read: a page whose prose, outside every row a table was read from, holds
    scores a table prints ("38.8", "12,6"), many of them. A table the layout lost (a fax's
    rules broken into dots, the grid never found, each cell read as a line of its own; an
    unruled table read as a few pieces, its other rows left as prose) is told, not catalogued
    as a document without one or left out unsaid."""
    rows = [entry.at for table in tables for entry in table.entries]
    by_page: dict[int, list[Line]] = {}
    for line in document.lines():
        if not line.cells and _scores(line.text) and not _in_a_row(line.at, rows):
            by_page.setdefault(line.at.page, []).append(line)
    flags = []
    for page, holding in sorted(by_page.items()):
        scores = sum(_scores(line.text) for line in holding)
        if scores < _scores_to_tell(holding, tables):
            continue
        first = holding[0]
        message = (
            f"Trang {page} có {scores} số điểm nằm ngoài bảng (như “{first.text[:40]}”): có "
            "thể là một bảng xếp hạng không nhận ra được đường kẻ hay các cột; số liệu này "
            "chưa có trong kết quả, cần kiểm tra bản gốc."
        )
        found = f"{scores} scores in prose"
        flags.append(Flag("table_not_read", SEVERITY["table_not_read"], doc_id, message,
                          expected="a ranking table", actual=found, at=first.at))  # fmt: skip
    return flags


def _in_a_row(at: Provenance, rows: list[Provenance]) -> bool:
    """Whether a line lies in a row a table was read from: the row's band of the page where
    boxes are known (a scan, a PDF), its page otherwise."""
    for row in rows:
        if row.page != at.page:
            continue
        if at.bbox is None or row.bbox is None:
            return True
        middle = (at.bbox[1] + at.bbox[3]) / 2
        if row.bbox[1] <= middle <= row.bbox[3]:
            return True
    return False


def _scores_to_tell(holding: list[Line], tables: tuple[Table, ...]) -> int:
    """Scores a page's prose must hold to be told: MIN_SCORES_IN_PROSE; on a scanned page
    after the first page of a table read, one row of that table's scores (a table's last
    row alone after a page break, its grid not found, is read as prose: drawn seed 8805's
    row 16, lost untold), never fewer than MIN_RUN."""
    page = holding[0].at.page
    after = [t for t in tables if t.entries and t.entries[0].at.page < page]
    if holding[0].at.method != "ocr" or not after:
        return MIN_SCORES_IN_PROSE
    width = max(len(e.components) + (e.total is not None) for t in after for e in t.entries)
    return min(MIN_SCORES_IN_PROSE, max(MIN_RUN, width))


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
