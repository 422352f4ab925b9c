"""Constraint-aware reading: the row's arithmetic decides between OCR readings of a number.

A value read by OCR is *unsure* when the page pass and the digits pass disagreed, when their
confidence is low, or, on a row that does not add up, when the second reading
(``pipeline.ocr.second``) gives another number. For each unsure value of a broken row the
readings it could be are tried — the other readings, and the confusions Tesseract makes on
digits (1/7, 3/8, 5/6, 5/9, 0/8, 4/9, a decimal separator lost, read as a digit, or doubled) —
and the table's checks are run again: when exactly one alternative (over every unsure value of
the row) makes every check of that row and its columns hold, that reading is taken and
``ocr_corrected`` (info) shows both. Anything else keeps the printed reading.

Then ``pipeline.ocr.trust`` says which values stand unflagged: those the arithmetic confirms
(a corrected one included) or a second reading agrees with; the rest get ``low_confidence``.
Values read from a text layer are never touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from pipeline.models import Entry, Flag, Metadata, Provenance, Table, Value
from pipeline.ocr.trust import (
    Slot,
    Witness,
    confirmed_by_arithmetic,
    pieces,
    slots,
    unread_pages,
    witness_flags,
)
from pipeline.parse import parse_number
from pipeline.reconcile import SEVERITY, reconcile
from pipeline.settings import ReconcileSettings

CONFUSIONS = {
    "0": "86", "1": "7", "3": "8", "4": "9", "5": "69", "6": "58",
    "7": "1", "8": "306", "9": "45",
}  # fmt: skip
CONSTRAINT_WARNINGS = frozenset({"row_number_gap"})  # a misread STT breaks the 1..n run


def settle_tables(
    doc_id: str,
    tables: tuple[Table, ...],
    low_confidence: float,
    settings: ReconcileSettings = ReconcileSettings(),
    witness: Witness | None = None,
) -> tuple[tuple[Table, ...], tuple[Flag, ...]]:
    """Tables with the readings their arithmetic singles out, and the OCR flags: what was
    corrected, and every value neither the arithmetic nor a second reading confirms
    (``pipeline.ocr.trust``). ``witness`` reads a value's crop again (None: no second reading).
    """
    settled, flags = [], []
    cut = pieces(tables)  # one table cut between its columns: its columns are in doubt
    for table in tables:
        if not any(_read_by_ocr(s, table) for i in range(len(table.entries))
                   for s in slots(table, i)):  # fmt: skip
            settled.append(table)  # a text layer's table: nothing to settle
            continue
        table, found, corrected = _settle_table(doc_id, table, low_confidence, settings, witness)
        confirmed = confirmed_by_arithmetic(table) | corrected
        settled.append(table)
        flags.extend(found)
        flags.extend(witness_flags(doc_id, table, witness, confirmed, table.index in cut))
    flags.extend(unread_pages(doc_id, settled, flags))
    return tuple(settled), tuple(flags)


def _settle_table(
    doc_id: str,
    table: Table,
    low_confidence: float,
    settings: ReconcileSettings,
    witness: Witness | None,
) -> tuple[Table, list[Flag], set[Slot]]:
    """Each broken row's one fitting reading taken; the flags saying so and where."""
    flags: list[Flag] = []
    corrected: set[Slot] = set()
    judged = table, _binding(doc_id, table, settings)  # reconciled again only once it changes
    for index in range(len(table.entries)):
        if judged[0] is not table:
            judged = table, _binding(doc_id, table, settings)
        broken, elsewhere = _count(judged[1], table, index)
        if broken and witness is not None:  # the second reading joins the alternatives
            table = _with_second_readings(table, index, witness)
        unsure = [s for s in slots(table, index) if _unsure(s.get(table), low_confidence)]
        fits = _fits(doc_id, table, index, unsure, elsewhere, settings) if broken else []
        if broken and not fits:  # both passes may agree on a lost separator: try the rest
            sure = [s for s in slots(table, index) if s not in unsure and _read_by_ocr(s, table)]
            fits = _fits(doc_id, table, index, sure, elsewhere, settings, separators_only=True)
        if broken and len(fits) == 1:
            slot, reading = fits[0]
            printed = slot.get(table)
            table = _with(table, slot, reading)
            corrected.add(slot)
            flags.append(_corrected(doc_id, table, index, printed, reading))  # type: ignore[arg-type]
    return table, flags, corrected


def _with_second_readings(table: Table, index: int, witness: Witness) -> Table:
    """The row's OCR values with the second reading among their alternatives where it reads
    another number."""
    for slot in list(slots(table, index)):
        value = slot.get(table)
        if value is None or value.at.method != "ocr":
            continue
        second = witness(value)
        number = parse_number(second) if second else None
        if second and number is not None and number != value.number:
            alternatives = (*value.at.alternatives, second)
            table = slot.put(table, replace(value, at=replace(value.at, alternatives=alternatives)))
    return table


def _fits(
    doc_id: str,
    table: Table,
    index: int,
    candidates: list[Slot],
    elsewhere: int,
    settings: ReconcileSettings,
    separators_only: bool = False,
) -> list[tuple[Slot, str]]:
    """Each (value, reading) that makes the row hold without breaking the rest of the table."""
    fits = []
    for slot in candidates:
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


def _read_by_ocr(slot: Slot, table: Table) -> bool:
    value = slot.get(table)
    return value is not None and value.at.method == "ocr"


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


def _with(table: Table, slot: Slot, reading: str) -> Table:
    value = slot.get(table)
    assert value is not None
    return slot.put(table, Value(reading, parse_number(reading), value.at))


def _judge(doc_id: str, table: Table, index: int, settings: ReconcileSettings) -> tuple[int, int]:
    """How many constraint flags fall on this row, and on the table outside it."""
    return _count(_binding(doc_id, table, settings), table, index)


def _binding(doc_id: str, table: Table, settings: ReconcileSettings) -> list[Flag]:
    """The table's constraint flags: its errors, and the warnings a misread number raises."""
    return [
        flag
        for flag in reconcile(doc_id, Metadata(), (table,), settings)
        if flag.severity == "error" or flag.check in CONSTRAINT_WARNINGS
    ]


def _count(binding: list[Flag], table: Table, index: int) -> tuple[int, int]:
    """How many of ``binding`` fall on row ``index``, and how many outside it."""
    places = _places(table.entries[index])
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
                entry.number, reading, printed.printed, printed.at, index + 1)  # fmt: skip
