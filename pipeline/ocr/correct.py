"""Constraint-aware reading: the row's arithmetic decides between OCR readings of a number.

A value read by OCR is *unsure* when the page pass and the digits pass disagreed, or when
their confidence is low. For each unsure value the readings it could be are tried — the other
pass's reading, and the confusions Tesseract makes on digits (1/7, 3/8, 5/6, 5/9, 0/8, 4/9,
a decimal separator lost, read as a digit, or doubled) — and the table's checks are run again:

- the printed reading breaks its row and exactly one alternative (over every unsure value of
  the row) makes every check of that row and its columns hold → that reading is taken and
  ``ocr_corrected`` (info) shows both;
- the printed reading holds and no alternative does → it is confirmed, no flag;
- anything else (nothing fits, more than one fits, no check constrains the value) → the
  printed reading stays with its error flags, and ``low_confidence`` (warning) says where.

Values read from a text layer are never touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from pipeline.models import Entry, Flag, Metadata, Provenance, Table, Value
from pipeline.parse import parse_number
from pipeline.reconcile import SEVERITY, reconcile
from pipeline.settings import ReconcileSettings

CONFUSIONS = {
    "0": "86", "1": "7", "3": "8", "4": "9", "5": "69", "6": "58",
    "7": "1", "8": "306", "9": "45",
}  # fmt: skip
CONSTRAINT_WARNINGS = frozenset({"row_number_gap"})  # a misread STT breaks the 1..n run
FIELDS = ("row_number", "total", "rank")


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where an unsure value sits: entry index, field, component position."""

    entry: int
    field: str  # row_number | total | rank | component
    position: int = -1

    def get(self, table: Table) -> Value | None:
        entry = table.entries[self.entry]
        if self.field == "component":
            return entry.components[self.position]
        value: Value | None = getattr(entry, self.field)
        return value

    def put(self, table: Table, value: Value) -> Table:
        entry = table.entries[self.entry]
        if self.field == "component":
            parts = list(entry.components)
            parts[self.position] = value
            changed = replace(entry, components=tuple(parts))
        elif self.field == "total":
            changed = replace(entry, total=value)
        elif self.field == "rank":
            changed = replace(entry, rank=value)
        else:
            changed = replace(entry, row_number=value)
        entries = list(table.entries)
        entries[self.entry] = changed
        return replace(table, entries=tuple(entries))


def settle_tables(
    doc_id: str,
    tables: tuple[Table, ...],
    low_confidence: float,
    settings: ReconcileSettings = ReconcileSettings(),
) -> tuple[tuple[Table, ...], tuple[Flag, ...]]:
    """Tables with the readings their arithmetic singles out, and the OCR flags."""
    settled, flags = [], []
    for table in tables:
        if not any(_read_by_ocr(s, table) for i in range(len(table.entries))
                   for s in _slots(table, i)):  # fmt: skip
            settled.append(table)  # a text layer's table: nothing to settle
            continue
        table, found = _settle_table(doc_id, table, low_confidence, settings)
        settled.append(table)
        flags.extend(found)
    return tuple(settled), tuple(flags)


def _settle_table(
    doc_id: str, table: Table, low_confidence: float, settings: ReconcileSettings
) -> tuple[Table, list[Flag]]:
    flags: list[Flag] = []
    for index in range(len(table.entries)):
        slots = [slot for slot in _slots(table, index) if _unsure(slot.get(table), low_confidence)]
        broken, elsewhere = _judge(doc_id, table, index, settings)
        fits = _fits(doc_id, table, index, slots, elsewhere, settings)
        if broken and not fits:  # both passes may agree on a lost separator: try the rest
            sure = [s for s in _slots(table, index) if s not in slots and _read_by_ocr(s, table)]
            fits = _fits(doc_id, table, index, sure, elsewhere, settings, separators_only=True)
        if broken and len(fits) == 1:
            slot, reading = fits[0]
            printed = slot.get(table)
            table = _with(table, slot, reading)
            flags.append(_corrected(doc_id, table, index, printed, reading))  # type: ignore[arg-type]
        elif slots and (broken or fits):
            flags.extend(_unsure_flag(doc_id, table, index, slot) for slot in slots)
    return table, flags


def _fits(
    doc_id: str,
    table: Table,
    index: int,
    slots: list[_Slot],
    elsewhere: int,
    settings: ReconcileSettings,
    separators_only: bool = False,
) -> list[tuple[_Slot, str]]:
    """Each (value, reading) that makes the row hold without breaking the rest of the table."""
    fits = []
    for slot in slots:
        value = slot.get(table)
        assert value is not None
        if separators_only:
            readings = list(_separator_fixes(value.printed))
        elif slot.field == "rank":  # ranks check each other: only the other pass is evidence
            readings = list(value.at.alternatives)
        else:
            readings = alternatives(value)
        numbers: dict[object, str] = {}  # "4.5" and "4,5": one reading, first form kept
        for reading in readings:
            numbers.setdefault(parse_number(reading), reading)
        for reading in numbers.values():
            breaks, after = _judge(doc_id, _with(table, slot, reading), index, settings)
            if not breaks and after <= elsewhere:
                fits.append((slot, reading))
    return fits


def _read_by_ocr(slot: _Slot, table: Table) -> bool:
    value = slot.get(table)
    return value is not None and value.at.method == "ocr"


def _slots(table: Table, index: int) -> Iterator[_Slot]:
    entry = table.entries[index]
    for field in FIELDS:
        if getattr(entry, field) is not None:
            yield _Slot(index, field)
    for position, value in enumerate(entry.components):
        if value is not None:
            yield _Slot(index, "component", position)


def _unsure(value: Value | None, low_confidence: float) -> bool:
    if value is None or value.at.method != "ocr":
        return False
    confidence = value.at.confidence
    return bool(value.at.alternatives) or confidence is None or confidence < low_confidence


def alternatives(value: Value) -> list[str]:
    """Readings the printed one could be, most likely first, each a number, none repeated."""
    printed = value.printed
    found = [*value.at.alternatives, *_digit_swaps(printed), *_separator_fixes(printed)]
    unique = dict.fromkeys(text for text in found if text != printed)
    return [text for text in unique if parse_number(text) is not None]


def _digit_swaps(printed: str) -> Iterator[str]:
    for position, char in enumerate(printed):
        for other in CONFUSIONS.get(char, ""):
            yield printed[:position] + other + printed[position + 1 :]


def _separator_fixes(printed: str) -> Iterator[str]:
    """A separator lost ("125" for 12.5), read as a digit ("9125" for 91.5), or doubled."""
    separators = [i for i, char in enumerate(printed) if char in ".,"]
    if separators:
        yield printed.replace(".", "").replace(",", "")
        if len(separators) > 1:
            last = separators[-1]
            yield printed[:last].replace(".", "").replace(",", "") + printed[last:]
        return
    for position in range(1, len(printed)):
        yield printed[:position] + "," + printed[position:]
        if position < len(printed) - 1:
            yield printed[:position] + "," + printed[position + 1 :]


def _with(table: Table, slot: _Slot, reading: str) -> Table:
    value = slot.get(table)
    assert value is not None
    return slot.put(table, Value(reading, parse_number(reading), value.at))


def _judge(doc_id: str, table: Table, index: int, settings: ReconcileSettings) -> tuple[int, int]:
    """How many constraint flags fall on this row, and on the table outside it."""
    places = _places(table.entries[index])
    binding = [
        flag
        for flag in reconcile(doc_id, Metadata(), (table,), settings)
        if flag.severity == "error" or flag.check in CONSTRAINT_WARNINGS
    ]
    on_row = sum(flag.at in places for flag in binding)
    return on_row, len(binding) - on_row


def _places(entry: Entry) -> set[Provenance]:
    values = (entry.row_number, entry.total, entry.rank, *entry.components)
    return {entry.at, *(value.at for value in values if value is not None)}


def _who(entry: Entry) -> str:
    number = entry.number
    return f"{entry.agency_raw} (STT {number})" if number is not None else entry.agency_raw


def _corrected(doc_id: str, table: Table, index: int, printed: Value, reading: str) -> Flag:
    entry = table.entries[index]
    message = (
        f"{_who(entry)}: ô đọc từ ảnh là “{printed.printed}”, nhưng chỉ cách đọc “{reading}” "
        f"khớp với tổng điểm, điểm tối đa và thứ hạng của dòng này; đã dùng “{reading}”."
    )
    return Flag("ocr_corrected", SEVERITY["ocr_corrected"], doc_id, message, table.index,
                entry.number, reading, printed.printed, printed.at)  # fmt: skip


def _unsure_flag(doc_id: str, table: Table, index: int, slot: _Slot) -> Flag:
    entry, value = table.entries[index], slot.get(table)
    assert value is not None
    others = " / ".join(alternatives(value)[:3])
    confidence = value.at.confidence
    sure = f"độ tin cậy {confidence:.0f}%" if confidence is not None else "không rõ độ tin cậy"
    message = (
        f"{_who(entry)}: số “{value.printed}” đọc từ ảnh (trang {value.at.page}) chưa chắc "
        f"chắn ({sure}" + (f"; cũng có thể là {others}" if others else "") + "), cần đối chiếu "
        "bản gốc."
    )
    return Flag("low_confidence", SEVERITY["low_confidence"], doc_id, message, table.index,
                entry.number, "a sure reading", value.printed, value.at)  # fmt: skip
