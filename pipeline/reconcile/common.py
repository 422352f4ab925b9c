"""What every check shares: severities, the scope that makes flags, number and unit wording."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pipeline.models import Entry, Flag, Table, Value
from pipeline.parse import format_decimal

ERROR, WARNING, INFO = "error", "warning", "info"
OCR_NEEDED = "ocr-needed"  # Page.method of a scanned page we did not read

# check → severity; a plain dict so that other stages may add their own checks (OCR: "info").
SEVERITY: dict[str, str] = {
    "unreadable_value": ERROR,
    "sum_mismatch": ERROR,
    "over_max": ERROR,
    "total_out_of_range": ERROR,
    "rank_mismatch": ERROR,
    "band_mismatch": ERROR,
    "band_boundary": WARNING,
    "duplicate_entry": WARNING,
    "row_number_gap": WARNING,
    "missing_value": WARNING,
    "unknown_band": WARNING,
    "max_sum_mismatch": WARNING,
    "missing_metadata": WARNING,
    "table_not_read": WARNING,
    "column_not_read": WARNING,
    "page_not_read": WARNING,
    "total_rule_unknown": WARNING,
    "rounded_total": WARNING,
    "ambiguous_roles": WARNING,
    "ambiguous_number_format": WARNING,
    "cut_row": WARNING,
    "low_confidence": WARNING,
    "unreliable_table": WARNING,
    "ocr_corrected": INFO,
}


def fmt(number: Decimal | None) -> str | None:
    return None if number is None else format_decimal(number)


def who(entry: Entry) -> str:
    number = entry.number
    return f"{entry.agency_raw} (STT {number})" if number is not None else entry.agency_raw


@dataclass(frozen=True, slots=True)
class Scope:
    """The document and table a check is looking at; makes its flags."""

    doc_id: str
    table: Table

    def flag(
        self,
        check: str,
        entry: Entry | None,
        message: str,
        expected: str | None = None,
        actual: str | None = None,
        value: Value | None = None,
    ) -> Flag:
        at = value.at if value else (entry.at if entry else None)
        row_number = entry.number if entry else None
        return Flag(check, SEVERITY[check], self.doc_id, message, self.table.index, row_number,
                    expected, actual, at, self.position(entry))  # fmt: skip

    def position(self, entry: Entry | None) -> int | None:
        """The entry's 1-based position in the table (its ``entry_index``), None for none."""
        if entry is None:
            return None
        for index, candidate in enumerate(self.table.entries, start=1):
            if candidate is entry:
                return index
        return next((i for i, e in enumerate(self.table.entries, 1) if e == entry), None)
