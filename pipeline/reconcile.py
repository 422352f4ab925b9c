"""Checks of a published table: one function per check, each returning a list of Flags.

Arithmetic is exact (Decimal). A flag is a finding about the published document, with the value
we expected, the value printed and a message in words a provincial official reads at a glance.
Severity: error for arithmetic, rank and band problems; warning for the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import (
    Document,
    Entry,
    Flag,
    Line,
    Metadata,
    Provenance,
    Table,
    Value,
)
from pipeline.parse import format_decimal
from pipeline.settings import ReconcileSettings

ERROR, WARNING = "error", "warning"
SCALES = (Decimal(1), Decimal(10), Decimal(100), Decimal(1000))  # usual maxima of a total


def _fmt(number: Decimal | None) -> str | None:
    return None if number is None else format_decimal(number)


def _who(entry: Entry) -> str:
    number = entry.number
    return f"{entry.agency_raw} (STT {number})" if number is not None else entry.agency_raw


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
    "page_not_read": WARNING,
    "low_confidence": WARNING,
    "ocr_corrected": "info",
}
OCR_NEEDED = "ocr-needed"  # Page.method of a scanned page we did not read


@dataclass(frozen=True, slots=True)
class _Scope:
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
                    expected, actual, at)  # fmt: skip


def computed_total(entry: Entry) -> Decimal | None:
    """Sum of the components when every one of them is printed and readable."""
    if not entry.components or any(v is None or v.number is None for v in entry.components):
        return None
    return sum((v.number for v in entry.components if v and v.number is not None), Decimal(0))


def check_sum(doc_id: str, table: Table) -> list[Flag]:
    """sum_mismatch: the components do not add up to the printed total."""
    scope = _Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        computed = computed_total(entry)
        if computed is None or entry.total is None or entry.total.number is None:
            continue
        if computed != entry.total.number:
            message = (
                f"{_who(entry)}: cộng các điểm thành phần được {_fmt(computed)}, "
                f"nhưng tổng điểm ghi {entry.total.printed}."
            )
            flags.append(
                scope.flag(
                    "sum_mismatch",
                    entry,
                    message,
                    _fmt(computed),
                    _fmt(entry.total.number),
                    entry.total,
                )
            )
    return flags


def check_max(doc_id: str, table: Table) -> list[Flag]:
    """over_max: a component above its column's maximum (or below zero)."""
    scope = _Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        for column, value in zip(table.components(), entry.components, strict=True):
            if value is None or value.number is None:
                continue
            if column.max_points is not None and value.number > column.max_points:
                bound, word = column.max_points, "vượt điểm tối đa"
            elif value.number < 0:
                bound, word = Decimal(0), "nhỏ hơn"
            else:
                continue
            message = (
                f"{_who(entry)}: điểm “{column.label}” là {value.printed}, {word} {_fmt(bound)}."
            )
            flags.append(
                scope.flag(
                    "over_max",
                    entry,
                    message,
                    f"<= {_fmt(bound)}" if bound else ">= 0",
                    _fmt(value.number),
                    value,
                )
            )
    return flags


def total_ceiling(table: Table) -> tuple[Decimal | None, bool]:
    """The most a total can be, and whether that is printed (not inferred).

    The printed maximum, else the sum of the component maxima, else the conventional scale the
    totals are on (1, 10, 100 or 1000: the smallest at or above their median), so that a total
    that lost its decimal point ("8540" for "85,40") is still caught.
    """
    if table.total_max is not None:
        return table.total_max, True
    maxima = [column.max_points for column in table.components()]
    if maxima and all(m is not None for m in maxima):
        return sum((m for m in maxima if m is not None), Decimal(0)), True
    totals = sorted(e.total.number for e in table.entries if e.total and e.total.number is not None)
    if not totals:
        return None, False
    median = totals[len(totals) // 2]
    scale = next((s for s in SCALES if median <= s), None)
    return scale, False


def check_total_range(doc_id: str, table: Table) -> list[Flag]:
    """total_out_of_range: a total below zero or above the table's maximum."""
    scope = _Scope(doc_id, table)
    ceiling, printed = total_ceiling(table)
    flags = []
    for entry in table.entries:
        total = entry.total
        if total is None or total.number is None:
            continue
        if total.number < 0 or (ceiling is not None and total.number > ceiling):
            span = f"0–{_fmt(ceiling)}" if ceiling is not None else "≥ 0"
            scale = "" if printed else " (thang điểm suy ra từ các tổng điểm khác)"
            message = f"{_who(entry)}: tổng điểm {total.printed} nằm ngoài khoảng {span}{scale}."
            flags.append(
                scope.flag(
                    "total_out_of_range",
                    entry,
                    message,
                    span,
                    _fmt(total.number),
                    total,
                )
            )
    return flags


def competition_ranks(scores: list[Decimal], descending: bool = True) -> list[int]:
    """Standard competition ranking ("1224"): ties share a rank and the next rank skips."""
    ordered = sorted(scores, reverse=descending)
    first_place: dict[Decimal, int] = {}
    for place, score in enumerate(ordered, start=1):
        first_place.setdefault(score, place)
    return [first_place[score] for score in scores]


def check_rank(doc_id: str, table: Table) -> list[Flag]:
    """rank_mismatch: a stated rank that the totals (or the other ranks) contradict."""
    scope = _Scope(doc_id, table)
    stated = [(e, e.rank.number) for e in table.entries if e.rank and e.rank.number is not None]
    scored = [
        (entry, rank, entry.total.number)
        for entry, rank in stated
        if entry.total and entry.total.number is not None
    ]
    if scored:
        basis, rows = "theo tổng điểm", [(entry, rank) for entry, rank, _ in scored]
        expected = competition_ranks([total for _, _, total in scored])
    else:  # a rank alone: the ranks themselves must form a competition ranking
        basis, rows = "theo thứ tự các hạng khác", stated
        expected = competition_ranks([rank for _, rank in stated], descending=False)
    flags = []
    for (entry, stated_rank), rank in zip(rows, expected, strict=True):
        if stated_rank != rank and entry.rank is not None:
            message = (
                f"{_who(entry)}: xếp hạng ghi {entry.rank.printed}, "
                f"nhưng {basis} hạng đúng là {rank}."
            )
            flags.append(
                scope.flag(
                    "rank_mismatch",
                    entry,
                    message,
                    str(rank),
                    _fmt(entry.rank.number),
                    entry.rank,
                )
            )
    return flags


def _banded(table: Table) -> list[tuple[Entry, int, Decimal]]:
    return [
        (e, vocab.BAND_ORDER[e.band], e.total.number)
        for e in table.entries
        if e.band in vocab.BAND_ORDER and e.total is not None and e.total.number is not None
    ]


def check_band_order(doc_id: str, table: Table) -> list[Flag]:
    """band_mismatch: a row in a lower band scores above a row in a higher band."""
    scope = _Scope(doc_id, table)
    banded = _banded(table)
    flags = []
    for entry, order, total in banded:
        higher = [(e, t) for e, o, t in banded if o > order and t < total]
        if not higher:
            continue
        other, other_total = min(higher, key=lambda pair: pair[1])
        message = (
            f"{_who(entry)} xếp mức {entry.band} với {_fmt(total)} điểm, cao hơn "
            f"{_who(other)} xếp mức {other.band} với {_fmt(other_total)} điểm."
        )
        flags.append(
            scope.flag(
                "band_mismatch",
                entry,
                message,
                f"<= {_fmt(other_total)}",
                _fmt(total),
                entry.total,
            )
        )
    return flags


def check_band_boundary(doc_id: str, table: Table, settings: ReconcileSettings) -> list[Flag]:
    """band_boundary: two adjacent bands meet where no round threshold can lie.

    Band thresholds are round scores (80, 65, 50 of 100); when the lowest score of a band and the
    highest of the band below leave no round score between them, a band row is likely misplaced.
    """
    ceiling = total_ceiling(table)[0]
    if ceiling is None or ceiling <= 0:
        return []
    step = ceiling * settings.band_step_share
    scope = _Scope(doc_id, table)
    by_band: dict[int, list[tuple[Entry, Decimal]]] = {}
    for entry, order, total in _banded(table):
        by_band.setdefault(order, []).append((entry, total))
    orders = sorted(by_band, reverse=True)
    flags = []
    for upper, lower in zip(orders, orders[1:], strict=False):
        low_entry, low_of_upper = min(by_band[upper], key=lambda pair: pair[1])
        high_entry, high_of_lower = max(by_band[lower], key=lambda pair: pair[1])
        if high_of_lower >= low_of_upper or _round_between(high_of_lower, low_of_upper, step):
            continue
        message = (
            f"Ranh giới giữa mức {low_entry.band} (thấp nhất {_fmt(low_of_upper)} điểm, "
            f"{_who(low_entry)}) và mức {high_entry.band} (cao nhất {_fmt(high_of_lower)} điểm, "
            f"{_who(high_entry)}) không rơi vào một mốc điểm tròn: dòng xếp mức có thể đặt sai chỗ."
        )
        expected = f"a multiple of {_fmt(step)} in ({_fmt(high_of_lower)}, {_fmt(low_of_upper)}]"
        flags.append(
            scope.flag("band_boundary", high_entry, message, expected, None, high_entry.total)
        )
    return flags


def _round_between(low: Decimal, high: Decimal, step: Decimal) -> bool:
    """Whether some multiple of ``step`` lies in (low, high]."""
    multiple = (high / step).to_integral_value(rounding="ROUND_FLOOR") * step
    return multiple > low


def check_duplicates(doc_id: str, table: Table) -> list[Flag]:
    """duplicate_entry: the same unit printed twice in one table."""
    scope = _Scope(doc_id, table)
    seen: dict[str, Entry] = {}
    flags = []
    for entry in table.entries:
        key = vocab.fold(entry.agency_raw)
        if not key:
            continue
        if key in seen:
            first = seen[key]
            message = (
                f"{entry.agency_raw} có hai dòng trong bảng "
                f"(STT {first.number} và STT {entry.number})."
            )
            flags.append(
                scope.flag(
                    "duplicate_entry",
                    entry,
                    message,
                    None,
                    entry.agency_raw,
                )
            )
        seen.setdefault(key, entry)
    return flags


def check_row_numbers(doc_id: str, table: Table) -> list[Flag]:
    """row_number_gap: STT does not run 1, 2, …, n.

    A row is flagged when its STT follows neither the row above nor its own position, so one
    typo raises one flag and one missing row raises one flag, not one for every row after it.
    """
    if not table.has_role("row_number"):
        return []
    scope = _Scope(doc_id, table)
    flags = []
    previous = 0
    for position, entry in enumerate(table.entries, start=1):
        number = entry.number
        if number not in (previous + 1, position):
            shown = entry.row_number.printed if entry.row_number else "(trống)"
            message = (
                f"{entry.agency_raw}: STT ghi {shown} sau STT {previous}, lẽ ra là {previous + 1}."
            )
            flags.append(
                scope.flag(
                    "row_number_gap", entry, message, str(previous + 1), shown, entry.row_number
                )
            )
        previous = number if number is not None else previous + 1
    return flags


def _cells(table: Table, entry: Entry) -> Iterable[tuple[str, Value | None, str]]:
    """(label, value, role) of every numeric cell of a row, in printed order."""
    yield "STT", entry.row_number, "row_number"
    yield from (
        (c.label, v, "component") for c, v in zip(table.components(), entry.components, strict=True)
    )
    yield "Tổng điểm", entry.total, "total"
    yield "Xếp hạng", entry.rank, "rank"


def check_readable(doc_id: str, table: Table) -> list[Flag]:
    """unreadable_value: a cell printed something that is not a number."""
    scope = _Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        for label, value, _role in _cells(table, entry):
            if value is not None and value.unreadable:
                message = (
                    f"{_who(entry)}: ô “{label}” ghi “{value.printed}”, không đọc được thành số."
                )
                flags.append(
                    scope.flag(
                        "unreadable_value",
                        entry,
                        message,
                        "a number",
                        value.printed,
                        value,
                    )
                )
    return flags


def check_missing_values(doc_id: str, table: Table) -> list[Flag]:
    """missing_value: a blank cell in a column the table prints (a score, a rank, a name)."""
    scope = _Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if not entry.agency_raw:
            message = f"Dòng STT {entry.number}: ô “Tên đơn vị” để trống, không biết điểm của ai."
            flags.append(scope.flag("missing_value", entry, message, "a unit name", ""))
        for label, value, role in _cells(table, entry):
            if value is None and table.has_role(role):
                message = f"{_who(entry)}: ô “{label}” để trống."
                flags.append(scope.flag("missing_value", entry, message, "a value", ""))
    return flags


def check_bands_known(doc_id: str, table: Table) -> list[Flag]:
    """unknown_band: a classification cell that names no known band."""
    scope = _Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if entry.band_printed and entry.band is None:
            message = f"{_who(entry)}: xếp loại “{entry.band_printed}” không thuộc các mức đã biết."
            flags.append(
                scope.flag(
                    "unknown_band",
                    entry,
                    message,
                    ", ".join(vocab.BAND_ORDER),
                    entry.band_printed,
                )
            )
    return flags


def check_maxima(doc_id: str, table: Table) -> list[Flag]:
    """max_sum_mismatch: the component maxima do not add up to the total's maximum."""
    scope = _Scope(doc_id, table)
    maxima = [column.max_points for column in table.components()]
    if table.total_max is None or not maxima or any(m is None for m in maxima):
        return []
    summed = sum((m for m in maxima if m is not None), Decimal(0))
    if summed == table.total_max:
        return []
    message = (
        f"Bảng {table.index}: cộng điểm tối đa các thành phần được {_fmt(summed)}, "
        f"nhưng điểm tối đa của tổng điểm ghi {_fmt(table.total_max)}."
    )
    scope = _Scope(doc_id, table)
    return [scope.flag("max_sum_mismatch", None, message, _fmt(summed), _fmt(table.total_max))]


TableCheck = Callable[[str, Table], list[Flag]]
TABLE_CHECKS: tuple[TableCheck, ...] = (
    check_readable,
    check_sum,
    check_max,
    check_total_range,
    check_rank,
    check_band_order,
    check_duplicates,
    check_row_numbers,
    check_missing_values,
    check_bands_known,
    check_maxima,
)

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


def reconcile(
    doc_id: str,
    metadata: Metadata,
    tables: tuple[Table, ...],
    settings: ReconcileSettings = ReconcileSettings(),
    passed_over: tuple[Line, ...] = (),
) -> tuple[Flag, ...]:
    """Every flag of one document: metadata, grids not read, then table by table."""
    flags = check_metadata(doc_id, metadata, tables) + check_passed_over(doc_id, passed_over)
    for table in tables:
        for check in TABLE_CHECKS:
            flags.extend(check(doc_id, table))
        flags.extend(check_band_boundary(doc_id, table, settings))
    return tuple(flags)
