"""The output contract: one Frictionless Table Schema per CSV, defined once here.

``schemas/*.schema.json`` are written from these definitions (``make schemas``) and a test keeps
them equal; ``datapackage.json`` in every output folder embeds them. Columns may be added at the
end, never removed or renamed.
"""

from __future__ import annotations

from typing import Any

Field = tuple[str, str, str]  # (name, Table Schema type, description)

_DOC = ("doc_id", "string", "Id of the input file: first 16 hex digits of its SHA-256")
_SOURCE = ("source_file", "string", "Input path as given on the command line")
_TABLE = ("table_index", "integer", "Table number within the document, from 1")
_ROW = ("row_number", "integer", "STT (row number) as printed; empty when the row has none")
_ENTRY = ("entry_index", "integer", "Position of the entry within its table, from 1")
_PAGE = ("page", "integer", "Page where the value is printed, from 1")
_LINE = ("line", "integer", "Line of a text source, row of a spreadsheet, where it is printed")
_BBOX = ("bbox", "string", "x0,top,x1,bottom in PDF points (PDF and scans only)")
_METHOD = ("method", "string", "How the value was read: text | pdf | docx | cells | html | ocr")
_CONFIDENCE = ("confidence", "number", "OCR confidence of the value, 0-100 (scans only)")

TABLES: dict[str, tuple[Field, ...]] = {
    "documents": (
        _DOC,
        _SOURCE,
        ("sha256", "string", "SHA-256 of the file's bytes"),
        (
            "format",
            "string",
            "txt | pdf | docx | doc | odt | rtf | xlsx | xls | ods | html | image, detected "
            "from content",
        ),
        (
            "method",
            "string",
            "How the text was read: text | pdf | docx (also .doc/.odt/.rtf, converted) | cells "
            "(workbooks) | html | ocr | mixed",
        ),
        ("pages", "integer", "Number of pages (1 for text, DOCX and HTML)"),
        ("issuer", "string", "Issuing body in full: Ủy ban nhân dân tỉnh Lào Cai"),
        ("province", "string", "Province whose units are ranked; empty for a national ranking"),
        ("decision_number", "string", "Số: 512/QĐ-UBND"),
        ("decision_date", "date", "Date signed, ISO 8601"),
        ("evaluation_year", "integer", "Year evaluated (not the year signed)"),
        ("signer", "string", "Name of the person who signed"),
        ("title", "string", "Trích yếu: what the decision is about"),
        ("status", "string", "ok | no_table (read, no ranking table: catalogued) | failed"),
        ("error", "string", "Why the document failed, in one line"),
        ("signer_title", "string", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
        ("doc_type", "string", "QUYẾT ĐỊNH | BÁO CÁO | THÔNG BÁO | …"),
        ("tables", "integer", "Ranking tables found"),
        ("entries", "integer", "Ranked rows found"),
        ("errors", "integer", "Error-level flags"),
        ("warnings", "integer", "Warning-level flags"),
        (
            "source_parts",
            "string",
            "Page images read as one decision (scan-1.jpg | scan-2.jpg …); source_file: the first",
        ),
        (
            "encoding",
            "string",
            "Text encoding found: unicode | tcvn3 | vni | viqr (legacy fonts, decoded; several "
            "joined by +) | unsure (legacy-looking text no chart reads: flag "
            "legacy_encoding_unsure)",
        ),
    ),
    "tables": (
        _DOC,
        _TABLE,
        ("section", "string", "Caption above the table: I. Các cơ quan, đơn vị cấp tỉnh"),
        ("level", "string", "province_agency | district | commune | province | ministry"),
        ("total_max", "number", "Maximum of the total as printed in its header"),
        ("components", "integer", "Number of component columns"),
        ("has_rank", "boolean", "Whether a rank column (Xếp hạng) is printed"),
        ("has_band", "boolean", "Whether bands are printed (band rows or a Xếp loại column)"),
        ("entries", "integer", "Ranked rows"),
        ("pages", "string", "Pages the table spans, space-separated"),
        ("grids", "integer", "Physical pieces joined (a table cut by page breaks has several)"),
        ("index", "string", "Which index the table ranks: ict | egov | dti | par | other"),
        (
            "total_rule",
            "string",
            "How the total follows from the components: sum | mean | scaled:F | "
            "weighted:W1,W2,… (stated or fitted) | none (no rule explains the totals)",
        ),
    ),
    "entries": (
        _DOC,
        _SOURCE,
        _TABLE,
        ("section", "string", "Caption above the table"),
        _ROW,
        ("agency_raw", "string", "Unit name as printed (NFC)"),
        ("agency_canonical", "string", "Registry name of the unit"),
        ("admin_code", "string", "GSO code of a province, district or commune"),
        ("match_score", "number", "Similarity of the printed name to the registry name, 0-100"),
        ("match_status", "string", "exact | alias | fuzzy | review | unmatched"),
        ("band", "string", "Xuất sắc | Tốt | Khá | Trung bình | Yếu | Kém"),
        ("total", "number", "Tổng điểm as printed, canonical decimal"),
        ("total_computed", "number", "Sum of the components, when all are printed"),
        ("rank", "integer", "Xếp hạng as printed"),
        _PAGE,
        ("level", "string", "Level of the table"),
        ("agency_id", "string", "Registry id of the unit"),
        ("band_printed", "string", "Band as printed: MỨC TỐT"),
        _ENTRY,
        _LINE,
        _BBOX,
        _METHOD,
        _CONFIDENCE,
        ("row_max", "number", "Per-row maximum as printed (Điểm tối đa of this unit)"),
        ("percent", "number", "Total as a share of the row's maximum, as printed (Chỉ số %)"),
    ),
    "components": (
        _DOC,
        _TABLE,
        _ROW,
        ("component_index", "integer", "Component column within the table, from 1"),
        ("component_label", "string", "Header as printed, without its maximum"),
        ("component_key", "string", "Canonical component key"),
        ("max_points", "number", "Maximum printed in the header: (12)"),
        ("value", "number", "Score as printed, canonical decimal; empty when blank"),
        ("value_printed", "string", "Cell exactly as printed"),
        _ENTRY,
        _PAGE,
        _LINE,
        _BBOX,
        _METHOD,
        _CONFIDENCE,
    ),
    "flags": (
        _DOC,
        _SOURCE,
        _TABLE,
        _ROW,
        ("check", "string", "Which check: sum_mismatch, over_max, rank_mismatch, …"),
        (
            "severity",
            "string",
            "error | warning | info (ocr_corrected: a reading the arithmetic chose)",
        ),
        ("expected", "string", "What the check expected"),
        ("actual", "string", "What is printed"),
        ("message", "string", "The finding in words"),
        _PAGE,
        _LINE,
        _BBOX,
        _METHOD,
        _CONFIDENCE,
        _ENTRY,
    ),
}

_CANDIDATES = tuple(
    field
    for i in (1, 2, 3)
    for field in (
        (f"candidate_{i}_id", "string", f"Registry id of the {i}. best candidate"),
        (f"candidate_{i}_name", "string", f"Registry name of the {i}. best candidate"),
        (f"candidate_{i}_score", "number", f"Similarity of the {i}. best candidate, 0-100"),
    )
)
TABLES["review"] = (
    _DOC,
    _TABLE,
    _ROW,
    ("agency_raw", "string", "Unit name as printed"),
    ("province", "string", "Province the name was matched within"),
    ("level", "string", "Level of the table"),
    ("year", "integer", "Evaluation year the name was matched for"),
    ("status", "string", "review (ambiguous) | unmatched (nothing close enough)"),
    ("score", "number", "Similarity of the best candidate, 0-100"),
    *_CANDIDATES,
    ("chosen_id", "string", "Filled in by a reviewer: the right id, or - for no registry unit"),
)

_ENUMS = {
    ("documents", "status"): ["ok", "no_table", "failed"],
    ("flags", "severity"): ["error", "warning", "info"],
    ("entries", "match_status"): ["exact", "alias", "fuzzy", "review", "unmatched"],
    ("tables", "index"): ["ict", "egov", "dti", "par", "other"],
}
_REQUIRED = {"doc_id", "source_file", "check", "severity", "status", "table_index"}  # flags: by doc


def columns(table: str) -> list[str]:
    return [name for name, _type, _description in TABLES[table]]


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema of one output table."""
    fields = []
    for name, kind, description in TABLES[table]:
        field: dict[str, Any] = {"name": name, "type": kind, "description": description}
        constraints: dict[str, Any] = {}
        if name in _REQUIRED and (table, name) != ("flags", "table_index"):
            constraints["required"] = True
        if (table, name) in _ENUMS:
            constraints["enum"] = _ENUMS[(table, name)]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def datapackage() -> dict[str, Any]:
    """The Data Package descriptor written beside the CSVs."""
    return {
        "profile": "tabular-data-package",
        "name": "decision-tables",
        "title": "Rankings published in Vietnamese provincial decisions",
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
            for table in TABLES
        ],
    }
