"""A column's decimal mark from its values: "2.095" is 2095 beside "11.115.000", 2.095 beside
"6.95", and open (kept as printed reads it, 2.095) when nothing printed says."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numformat import (
    CONFLICT,
    DECIMAL,
    THOUSANDS,
    NumberFormat,
    ambiguous_mark,
    document_format,
    doubt,
    evidence,
    infer_format,
    read_number,
)


@pytest.mark.parametrize(
    ("printed", "mark"),
    [("2.095", "."), ("807,300", ","), ("-348,399", ","), ("11.115", "."), ("7.464 %", ".")],
)
def test_one_mark_before_three_digits_reads_both_ways(printed: str, mark: str) -> None:
    assert ambiguous_mark(printed) == mark


@pytest.mark.parametrize(
    "printed", ["0,727", "85,40", "826,8", "6.95", "1234,567", "1.234.567", "1.234,5", "97", "x"]
)
def test_other_values_read_one_way(printed: str) -> None:
    assert ambiguous_mark(printed) is None


@pytest.mark.parametrize(
    ("printed", "facts"),
    [
        ("11.115.000", {(".", THOUSANDS)}),
        ("1,439,323,776", {(",", THOUSANDS)}),
        ("1.234,5", {(",", DECIMAL), (".", THOUSANDS)}),
        ("1,234.5", {(".", DECIMAL), (",", THOUSANDS)}),
        ("85,40", {(",", DECIMAL)}),
        ("0,727", {(",", DECIMAL)}),
        ("6.95", {(".", DECIMAL)}),
        ("2.095", set()),
        ("97", set()),
        ("8S.4", set()),
    ],
)
def test_what_one_value_says_of_the_marks(printed: str, facts: set[tuple[str, str]]) -> None:
    assert set(evidence(printed)) == facts


def test_two_groups_make_the_dot_a_thousands_mark() -> None:
    column = infer_format(["97.338.579", "2.095", "11.115"])
    assert column.dot == THOUSANDS
    assert [read_number(text, column) for text in ("2.095", "11.115")] == [
        Decimal(2095),
        Decimal(11115),
    ]


def test_comma_decimals_make_a_lone_dot_group_thousands() -> None:
    column = infer_format(["85,40", "90,10", "1.234"])
    assert (column.comma, column.dot) == (DECIMAL, THOUSANDS)
    assert read_number("1.234", column) == Decimal(1234)
    assert read_number("85,40", column) == Decimal("85.40")


def test_a_decimal_elsewhere_keeps_three_places_decimal() -> None:
    column = infer_format(["7.464", "7.369", "6.95"])
    assert column.dot == DECIMAL
    assert read_number("7.464", column) == Decimal("7.464")
    assert doubt(["7.464", "6.95"], column) is None


def test_ranking_scores_are_left_as_they_read() -> None:
    column = infer_format(["85,40", "0,727", "826,8", "1.234,5", "1,234.5"])
    assert column.comma == CONFLICT  # both uses printed: nothing is re-read
    for printed, number in [("85,40", "85.40"), ("0,727", "0.727"), ("826,8", "826.8")]:
        assert read_number(printed, column) == Decimal(number)
    assert read_number("1.234,5", NumberFormat()) == Decimal("1234.5")
    assert read_number("1,234.5", NumberFormat()) == Decimal("1234.5")


def test_a_column_that_settles_nothing_takes_the_documents_format() -> None:
    column = infer_format(["2.095", "11.115"])
    assert column == NumberFormat()
    document = document_format(["9.521.886", "2.095"])
    assert read_number("2.095", column.or_else(document)) == Decimal(2095)


def test_the_document_says_of_a_mark_only_through_values_that_use_it() -> None:
    # "85,40" in one column, "12.345" in another: two conventions, the dot is left open
    assert document_format(["85,40", "12.345"]) == NumberFormat(comma=DECIMAL)
    assert infer_format(["85,40", "12.345"]) == NumberFormat(dot=THOUSANDS, comma=DECIMAL)


def test_a_printed_maximum_rules_out_the_thousands_reading() -> None:
    assert infer_format(["7.464", "7.369"], ceiling=Decimal(10)).dot == DECIMAL
    assert infer_format(["7.464", "7.369"], ceiling=Decimal(10000)) == NumberFormat()
    assert infer_format(["123.456"], ceiling=Decimal(100)) == NumberFormat()  # neither fits


def test_an_open_column_keeps_the_decimal_reading_and_names_both() -> None:
    column = infer_format(["7.464", "7.369"])
    assert read_number("7.464", column) == Decimal("7.464")
    readings = doubt(["97", "7.464", "7.369"], column)
    assert readings is not None
    assert (readings.printed, readings.as_decimal, readings.as_thousands) == (
        "7.464",
        Decimal("7.464"),
        Decimal(7464),
    )


def test_both_marks_grouping_thousands_in_one_column() -> None:
    column = infer_format(["8,082,059,793", "341.735.905", "242,845,364"])
    assert (column.dot, column.comma) == (THOUSANDS, THOUSANDS)
    assert read_number("807.300", column) == Decimal(807300)


grouped = st.integers(min_value=1_000_000, max_value=10**12)
small = st.integers(min_value=1000, max_value=999_999)


@given(grouped, small, st.sampled_from([(".", ","), (",", ".")]))
def test_any_grouped_column_reads_exactly(big: int, mid: int, marks: tuple[str, str]) -> None:
    group, _ = marks
    printed = [f"{n:,}".replace(",", group) for n in (big, mid)]
    column = infer_format(printed)
    assert [read_number(text, column) for text in printed] == [Decimal(big), Decimal(mid)]


@given(st.decimals(min_value=0, max_value=999, places=3, allow_nan=False))
def test_three_place_scores_beside_a_two_place_one_stay_decimals(number: Decimal) -> None:
    printed = format(number, "f").replace(".", ",")
    column = infer_format([printed, "85,40"])
    assert read_number(printed, column) == number
