"""Flag messages and report wording in Vietnamese (vi, the default) and English (en).

Extraction writes every flag's message in Vietnamese. The English one is rendered here from the
flag's check, expected, actual, row and table (and the unit's name when the row is known), by a
template per check; a check without a template gets a generic sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_EN: dict[str, str] = {
    "sum_mismatch": "{who}: the components add up to {expected}, but the total printed is "
    "{actual}.",
    "over_max": "{who}: a component score of {actual} is outside its bound ({expected}).",
    "total_out_of_range": "{who}: the total {actual} lies outside {expected}.",
    "rank_mismatch": "{who}: the rank printed is {actual}, but the right rank is {expected}.",
    "band_mismatch": "{who}: scores {actual} in its band, above a unit of a higher band "
    "(expected {expected}).",
    "band_boundary": "{who}: no round threshold lies between two adjacent bands "
    "(expected {expected}); a band row may be misplaced.",
    "duplicate_entry": "{who}: the unit is printed twice in table {table}.",
    "row_number_gap": "{who}: STT printed as {actual}, expected {expected}.",
    "column_not_read": "{who}: print stands beside the row outside the table's grid "
    "(“{actual}”): a column of the table may not have been read.",
    "missing_value": "{who}: a cell is blank (expected {expected}).",
    "unknown_band": "{who}: the classification “{actual}” is none of the known bands ({expected}).",
    "unreadable_value": "{who}: the cell “{actual}” cannot be read as a number.",
    "max_sum_mismatch": "Table {table}: the component maxima add up to {expected}, but the "
    "maximum of the total is printed as {actual}.",
    "missing_metadata": "The decision does not print its {field}, or it could not be read.",
    "table_not_read": "A table with figures (page {page}) was not read as a ranking: its columns "
    "were not recognised; its figures are not in the dataset.",
    "page_not_read": "Page {page} (or a region of it) could not be read: {actual}; what it "
    "holds is not in the dataset.",
    "page_damaged": "Page {page} is damaged ({actual}); rows on it may be missing.",
    "ambiguous_roles": "Table {table}: the columns can be read two ways that fit the numbers "
    "equally well ({actual}); check against the decision.",
    "ambiguous_number_format": "Table {table}: the number “{actual}” reads either as "
    "{expected} (a decimal, or thousands grouped), and no other number of its column or of the "
    "document shows which mark is the decimal mark; it is read as a decimal; check against the "
    "decision.",
    "legacy_encoding_unsure": "The text looks typed in an old Vietnamese font (TCVN3, VNI …) "
    "but no code chart reads it with confidence: names and words may be garbage; convert it to "
    "Unicode and read it again.",
    "rounded_total": "Table {table}: {actual} miss their total by exactly one unit of its last "
    "place, as when the components are printed rounded; check them if the scores are exact.",
    "total_rule_unknown": "Table {table}: its totals follow no rule found (not the sum, a mean, "
    "a scaling or one set of weights of the components); check how this index is computed.",
    "cut_row": "{who}: the row is cut off (the file ends inside it); nothing was added to "
    "complete it.",
    "low_confidence": "{who}: the number “{actual}” read from the scan (page {page}) is confirmed "
    "neither by the table's arithmetic nor by a second reading; check it against the original.",
    "unreliable_table": "Table {table}: {actual} of the numbers read from the scan are confirmed "
    "neither by the table's arithmetic nor by a second reading; the values are kept for review, "
    "not to be used as data yet.",
    "ocr_corrected": "{who}: the scan was read as “{actual}”, but only “{expected}” agrees with "
    "the row's total, maxima and rank; “{expected}” is used.",
    "source_conflict": "{who}: the sources of this decision differ: this file prints {actual}, "
    "the source the dataset uses prints {expected}.",
    "conflicting_decisions": "{who}: two decisions rank this unit for the same index and year "
    "with different figures: {expected} (used in the panel) and {actual}.",
}
_EN_GENERIC = "{who}: check {check} raised a finding (expected {expected}, found {actual})."

# Vietnamese messages of the checks the dataset adds (extraction's own are in reconcile.py).
_VI: dict[str, str] = {
    "source_conflict": "{who}: các nguồn của cùng một quyết định ghi khác nhau: tệp này ghi "
    "{actual}, nguồn được dùng ghi {expected}.",
    "conflicting_decisions": "{who}: hai quyết định xếp hạng đơn vị này cho cùng chỉ số và năm "
    "với số liệu khác nhau: {expected} (được dùng trong bảng tổng hợp) và {actual}.",
}

_FIELDS_EN = {
    "issuer": "issuing body",
    "province": "province whose units are ranked",
    "decision_number": "number",
    "decision_date": "date of signing",
    "evaluation_year": "evaluation year",
    "signer": "signer",
    "title": "title (trích yếu)",
}


def who(flag: Mapping[str, Any], lang: str) -> str:
    """The unit a flag is about, in words: "Sở Tài chính (STT 2)", "row 3 of table 1"."""
    name, row, table = flag.get("agency_raw"), flag.get("row_number"), flag.get("table_index")
    stt = f" (STT {row})" if row not in (None, "") else ""
    if name:
        return f"{name}{stt}"
    if row not in (None, ""):
        return f"STT {row}, bảng {table}" if lang == "vi" else f"row {row} of table {table}"
    if table not in (None, ""):
        return f"Bảng {table}" if lang == "vi" else f"Table {table}"
    return "Văn bản" if lang == "vi" else "The decision"


def _fill(template: str, flag: Mapping[str, Any], lang: str) -> str:
    values = {
        "who": who(flag, lang),
        "check": flag.get("check"),
        "expected": _shown(flag.get("expected"), lang),
        "actual": _shown(flag.get("actual"), lang),
        "table": flag.get("table_index"),
        "row": flag.get("row_number"),
        "page": flag.get("page") or "?",
        "field": _FIELDS_EN.get(str(flag.get("expected")), str(flag.get("expected"))),
    }
    return template.format(**values)


def _shown(value: Any, lang: str) -> str:
    if value in (None, ""):
        return "(trống)" if lang == "vi" else "(nothing)"
    return str(value)


def vi_message(flag: Mapping[str, Any]) -> str:
    """The Vietnamese message of a check the dataset adds."""
    return _fill(_VI[str(flag["check"])], flag, "vi")


def message(flag: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """A flag's message in ``lang``: vi as written at extraction, en from the template."""
    if lang == "vi":
        return str(flag.get("message") or "")
    return _fill(_EN.get(str(flag.get("check")), _EN_GENERIC), flag, "en")


# Words of the workbook and the review page.
LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Kết quả xếp hạng: bảng rà soát",
        "unit": "Tên đơn vị",
        "province": "Tỉnh",
        "agency_id": "Mã định danh",
        "stt": "STT",
        "total": "Tổng điểm",
        "rank": "Xếp hạng",
        "band": "Xếp loại",
        "decision": "Quyết định",
        "decisions": "Quyết định",
        "number": "Số",
        "date": "Ngày",
        "year": "Năm đánh giá",
        "issuer": "Cơ quan ban hành",
        "index": "Chỉ số",
        "level": "Cấp",
        "sources": "Nguồn",
        "source_file": "Tệp nguồn",
        "table": "Bảng",
        "check": "Loại kiểm tra",
        "severity": "Mức độ",
        "expected": "Đúng ra",
        "actual": "Ghi trong văn bản",
        "message": "Nội dung",
        "flags": "Cảnh báo",
        "all": "Tất cả",
        "no_flags": "Không có cảnh báo.",
        "values_are": "Giá trị",
        "rank_only": "(chỉ có xếp hạng)",
        "source_conflict": "Các nguồn ghi khác nhau",
        "primary": "nguồn được dùng",
        "crop": "Ảnh dòng trong bản quét",
        "page": "Trang",
        "shown": "đang hiện",
        "no_table": "Văn bản không có bảng xếp hạng",
        "title_of": "Trích yếu",
        "signer": "Người ký",
        "crop_right": "ảnh dòng trong bản quét: cột cuối của bảng",
        "agencies": "Đơn vị qua các năm",
        "trend_legend": "Xanh: tổng điểm (thang bên trái); xám: thứ hạng (hạng 1 ở trên cùng).",
        "distribution": "phân bố tổng điểm (chấm đỏ: dòng có cảnh báo)",
        "index:ict": "Ứng dụng CNTT",
        "index:egov": "Chính quyền điện tử",
        "index:dti": "DTI",
        "index:par": "Chỉ số CCHC",
        "index:other": "Chỉ số khác",
        "level:province_agency": "cấp tỉnh",
        "level:district": "cấp huyện",
        "level:commune": "cấp xã",
        "level:province": "các tỉnh",
        "level:ministry": "bộ, ngành",
    },
    "en": {
        "title": "Ranking results: review page",
        "unit": "Unit",
        "province": "Province",
        "agency_id": "Agency id",
        "stt": "STT (row)",
        "total": "Total",
        "rank": "Rank",
        "band": "Band",
        "decision": "Decision",
        "decisions": "Decisions",
        "number": "Number",
        "date": "Date",
        "year": "Evaluation year",
        "issuer": "Issuer",
        "index": "Index",
        "level": "Level",
        "sources": "Sources",
        "source_file": "Source file",
        "table": "Table",
        "check": "Check",
        "severity": "Severity",
        "expected": "Expected",
        "actual": "Printed",
        "message": "Message",
        "flags": "Flags",
        "all": "All",
        "no_flags": "No flags.",
        "values_are": "Values",
        "rank_only": "(rank only)",
        "source_conflict": "Sources differ",
        "primary": "source used",
        "crop": "Row in the scan",
        "page": "Page",
        "shown": "shown",
        "no_table": "Documents without a ranking table",
        "title_of": "Title",
        "signer": "Signer",
        "crop_right": "the row in the scan: the table's last column",
        "agencies": "Agencies over the years",
        "trend_legend": "Blue: total (left scale); grey: rank (rank 1 at the top).",
        "distribution": "distribution of totals (red dots: rows with a flag)",
        "index:ict": "ICT",
        "index:egov": "E-government",
        "index:dti": "DTI",
        "index:par": "PAR Index",
        "index:other": "Other index",
        "level:province_agency": "provincial agencies",
        "level:district": "districts",
        "level:commune": "communes",
        "level:province": "provinces",
        "level:ministry": "ministries",
    },
}


def label(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """One word of the workbook or the report in ``lang``."""
    return LABELS[lang][key]
