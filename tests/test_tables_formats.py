"""Tables read each number column in its own format (pipeline/tables/formats.py).

"2.095" beside "97.338.579" is 2095 km², "1.234" under comma decimals is 1234, while ranking
scores ("85,40", "0,727", "826,8") read as before; a column of values that read both ways with
nothing to settle them keeps the decimal reading under an ``ambiguous_number_format`` warning.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.models import Flag, Table
from pipeline.reconcile import SEVERITY, reconcile


def _numbers(table: Table, slot: str | int) -> list[Decimal | None]:
    values = [
        entry.components[slot] if isinstance(slot, int) else getattr(entry, slot)
        for entry in table.entries
    ]
    return [value.number if value is not None else None for value in values]


def _read(table: Table) -> dict[str, Decimal | None]:
    """Every number of the table's entries, by its printed text."""
    values = [
        value
        for entry in table.entries
        for value in (entry.row_number, *entry.components, entry.total, entry.rank)
        if value is not None
    ]
    return {value.printed: value.number for value in values}


def _printed(table: Table, slot: int) -> list[str | None]:
    return [(e.components[slot].printed if e.components[slot] else None) for e in table.entries]


def _format_flags(text: str) -> list[Flag]:
    document = text_document(text)
    tables = tables_of(text)
    flags = reconcile("d", read_metadata(document), tables)
    return [flag for flag in flags if flag.check == "ambiguous_number_format"]


POPULATION = (
    "| STT | Tỉnh | Dân số (người) | Diện tích (km²) | Xếp hạng |\n"
    "| 1 | Hà Nội | 8.053.663 | 97.338.579 | 1 |\n"
    "| 2 | Lào Cai | 730.420 | 2.095 | 2 |\n"
    "| 3 | Nghệ An | 3.327.791 | 11.115 | 3 |\n"
)


def test_a_lone_dot_group_beside_two_groups_is_thousands() -> None:
    (table,) = tables_of(POPULATION)
    assert _numbers(table, 1) == [Decimal(97338579), Decimal(2095), Decimal(11115)]
    assert _numbers(table, 0) == [Decimal(8053663), Decimal(730420), Decimal(3327791)]
    assert _printed(table, 1) == ["97.338.579", "2.095", "11.115"]  # printed text kept
    assert not table.number_doubts and not _format_flags(POPULATION)


def test_a_column_that_settles_nothing_takes_the_documents_format() -> None:
    text = POPULATION.replace("97.338.579", "3.360")  # the area column: single groups only
    (table,) = tables_of(text)
    assert _numbers(table, 1) == [Decimal(3360), Decimal(2095), Decimal(11115)]
    assert not _format_flags(text)


def test_a_lone_dot_group_under_comma_decimals_is_thousands() -> None:
    text = (
        "| STT | Tên đơn vị | Tổng điểm | Xếp hạng |\n"
        "| 1 | Sở Y tế | 90,10 | 1 |\n"
        "| 2 | Sở Tư pháp | 85,40 | 2 |\n"
        "| 3 | Sở Nội vụ | 1.234 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert _numbers(table, "total") == [Decimal("90.10"), Decimal("85.40"), Decimal(1234)]
    assert not _format_flags(text)


def test_english_grouping_reads_commas_as_thousands() -> None:
    text = (
        "| # | Country | Population | Net change | Rank |\n"
        "| 1 | China | 1,439,323,776 | -348,399 | 1 |\n"
        "| 2 | India | 1,380,004,385 | 954,806 | 2 |\n"
    )
    (table,) = tables_of(text)
    read = _read(table)
    assert read["-348,399"] == Decimal(-348399) and read["954,806"] == Decimal(954806)
    assert read["1,439,323,776"] == Decimal(1439323776)


def test_ranking_scores_read_as_before_and_raise_nothing() -> None:
    text = (
        "| STT | Tên đơn vị | Chỉ số DTI | Điểm | Tổng điểm | Xếp hạng |\n"
        "| 1 | Sở Tư pháp | 0,727 | 826,8 | 85,40 | 1 |\n"
        "| 2 | Sở Y tế | 0,654 | 813,7 | 80,125 | 2 |\n"
        "| 3 | Sở Nội vụ | 0,612 | 801,5 | 79,5 | 3 |\n"
    )
    (table,) = tables_of(text)
    numbers = [[value.number for value in (*e.components, e.total) if value] for e in table.entries]
    assert numbers[0] == [Decimal("0.727"), Decimal("826.8"), Decimal("85.40")]
    assert numbers[1] == [Decimal("0.654"), Decimal("813.7"), Decimal("80.125")]
    assert not _format_flags(text)


def test_three_place_scores_with_a_decimal_elsewhere_stay_decimals() -> None:
    text = (
        "| STT | Tên đơn vị | Tổng điểm | Xếp hạng |\n"
        "| 1 | Sở Tư pháp | 7.464 | 1 |\n"
        "| 2 | Sở Y tế | 7.369 | 2 |\n"
        "| 3 | Sở Nội vụ | 6.95 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert _numbers(table, "total") == [Decimal("7.464"), Decimal("7.369"), Decimal("6.95")]
    assert not _format_flags(text)


def test_a_printed_maximum_settles_three_place_scores() -> None:
    text = (
        "| STT | Tên đơn vị | Tổng điểm (10) | Xếp hạng |\n"
        "| 1 | Sở Tư pháp | 7.464 | 1 |\n"
        "| 2 | Sở Y tế | 7.369 | 2 |\n"
        "| 3 | Sở Nội vụ | 7.358 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert table.total_max == Decimal(10)
    assert _numbers(table, "total") == [Decimal("7.464"), Decimal("7.369"), Decimal("7.358")]
    assert not _format_flags(text)


def test_another_columns_decimal_comma_does_not_settle_a_dot_column() -> None:
    text = (
        "| STT | Tên đơn vị | Chỉ số A | Tổng điểm | Xếp hạng |\n"
        "| 1 | Sở Tư pháp | 85,40 | 12.345 | 1 |\n"
        "| 2 | Sở Y tế | 80,10 | 11.875 | 2 |\n"
        "| 3 | Sở Nội vụ | 79,50 | 10.250 | 3 |\n"
    )
    (table,) = tables_of(text)
    read = _read(table)
    assert (read["12.345"], read["85,40"]) == (Decimal("12.345"), Decimal("85.40"))
    (flag,) = _format_flags(text)  # kept as a decimal, and said
    assert flag.actual == "12.345"


def test_a_lone_ambiguous_column_is_kept_and_flagged() -> None:
    text = (
        "| STT | Tên đơn vị | Tổng điểm | Xếp hạng |\n"
        "| 1 | Sở Tư pháp | 7.464 | 1 |\n"
        "| 2 | Sở Y tế | 7.369 | 2 |\n"
        "| 3 | Sở Nội vụ | 7.358 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert _numbers(table, "total") == [Decimal("7.464"), Decimal("7.369"), Decimal("7.358")]
    (flag,) = _format_flags(text)
    assert SEVERITY[flag.check] == flag.severity == "warning"
    assert flag.table_index == 1 and flag.row_number is None
    assert flag.actual == "7.464" and flag.expected == "7.464 or 7464"
    assert "Tổng điểm" in flag.message and "7,464" in flag.message and "7464" in flag.message
    assert flag.at is not None and flag.at.line == 2
