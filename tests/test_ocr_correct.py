"""Constraint-aware reading: the row's arithmetic picks between OCR readings, or flags them."""

from __future__ import annotations

from decimal import Decimal

from pipeline.models import Column, Entry, Provenance, Table, Value
from pipeline.ocr.correct import alternatives, settle_tables
from pipeline.parse import parse_number

COLUMNS = (
    Column(1, "STT", "row_number"),
    Column(2, "Tên đơn vị", "agency"),
    Column(3, "Hạ tầng", "component", "a", Decimal(40)),
    Column(4, "Ứng dụng", "component", "b", Decimal(60)),
    Column(5, "Tổng điểm", "total", max_points=Decimal(100)),
)


def value(printed: str, method: str = "ocr", confidence: float = 95.0, *others: str) -> Value:
    at = Provenance("scan.png", 1, (0.0, 0.0, 1.0, 1.0), method=method, confidence=confidence,
                    alternatives=others)  # fmt: skip
    return Value(printed, parse_number(printed), at)


def entry(number: int, a: Value, b: Value, total: Value | None) -> Entry:
    row = Provenance("scan.png", 1, (0.0, float(number), 9.0, number + 1.0), method="ocr")
    return Entry(value(str(number)), f"Sở {number}", (a, b), total, None, None, row)


def table(*entries: Entry) -> Table:
    return Table(1, None, "province_agency", COLUMNS, entries, (1,), Decimal(100))


def settle(*entries: Entry, second: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """The entries settled; ``second``: what the second reading gives for a printed reading
    (a reading not named reads the same; None: no second reading at all)."""
    witness = None if second is None else (lambda v: second.get(v.printed, v.printed))
    return settle_tables("d", (table(*entries),), low_confidence=80.0, witness=witness)


def test_the_one_reading_that_adds_up_is_taken_and_said() -> None:
    # digits pass "12,5", page pass "125": only 12,5 + 60 = 72,5
    tables, flags = settle(entry(1, value("125", "ocr", 60.0, "12,5"), value("60"), value("72,5")))
    assert tables[0].entries[0].components[0].printed == "12,5"
    assert [(f.check, f.severity, f.expected, f.actual) for f in flags] == [
        ("ocr_corrected", "info", "12,5", "125")
    ]


def test_a_confusion_is_corrected_when_it_alone_fits() -> None:
    # "37" read for 31 (a 1/7 confusion) with low confidence; the total says 31
    tables, flags = settle(entry(1, value("37", "ocr", 55.0), value("50"), value("81")))
    assert tables[0].entries[0].components[0].number == Decimal(31)
    assert [f.check for f in flags] == ["ocr_corrected"]


def test_two_readings_that_both_fit_are_not_guessed() -> None:
    # both the component and the total are unsure: 3→8 in either makes the row add up
    row = entry(1, value("33", "ocr", 50.0), value("50"), value("88", "ocr", 50.0))
    tables, flags = settle(row, second={"33": "38", "88": "83"})  # each reading fits
    settled = tables[0].entries[0]
    assert [v.printed for v in (*settled.components, settled.total)] == ["33", "50", "88"]
    assert {f.check for f in flags} == {"low_confidence"}
    assert sorted(f.actual for f in flags) == ["33", "88"]


def test_a_text_layer_value_is_never_corrected() -> None:
    row = entry(1, value("37", "pdf", 55.0), value("50"), value("81"))
    tables, flags = settle(row, second={})  # the scanned 50 and 81 read the same again
    assert tables[0].entries[0] == row and flags == ()


def test_a_sure_reading_that_adds_up_raises_nothing() -> None:
    tables, flags = settle(entry(1, value("31"), value("50"), value("81")))
    assert flags == ()


def test_an_unsure_value_nothing_checks_is_flagged() -> None:
    # no total to add up to: "36" or "38" would break nothing either, only a person can tell
    lone = entry(1, value("35", "ocr", 40.0), value("50"), None)
    tables, flags = settle(lone, second={"35": "36"})
    assert tables[0].entries[0] == lone
    assert [(f.check, f.actual, f.entry_index) for f in flags] == [("low_confidence", "35", 1)]


def test_a_disagreement_the_row_confirms_raises_nothing() -> None:
    tables, flags = settle(entry(1, value("31", "ocr", 90.0, "37"), value("50"), value("81")))
    assert tables[0].entries[0].components[0].printed == "31" and flags == ()


def test_alternatives_cover_confusions_and_separators() -> None:
    found = alternatives(value("125"))
    assert {"12,5", "1,25", "725", "126"} <= set(found)
    assert "12.5" in alternatives(value("1225")) or "12,5" in alternatives(value("1225"))
    assert "91,5" in alternatives(value("9125"))
    assert all(parse_number(text) is not None for text in found)


def test_one_number_in_two_printed_forms_is_one_reading() -> None:
    # "45" over its maximum 40: the page pass read "4.5"; the separator fix "4,5" is the same
    # number, not a second reading that fits
    tables, flags = settle(entry(1, value("45", "ocr", 94.0, "4.5"), value("50"), value("54.5")))
    assert tables[0].entries[0].components[0].printed == "4.5"
    assert [f.check for f in flags] == ["ocr_corrected"]
