"""Printed numbers → exact Decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.models import Provenance
from pipeline.parse import format_decimal, parse_max, parse_number, read_value, split_max


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("10,5", "10.5"),
        ("10.5", "10.5"),
        ("85.40", "85.40"),
        ("85,40", "85.40"),
        ("0,7955", "0.7955"),
        (" 97 ", "97"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("12\u00a0", "12"),
        ("85,67%", "85.67"),
        ("85.67 %", "85.67"),
        (".34", "0.34"),  # printed with no zero before the point (a real TTHC table)
        ("-.5", "-0.5"),
    ],
)
def test_scores_parse_exactly(printed: str, expected: str) -> None:
    assert format_decimal(parse_number(printed)) == expected


@pytest.mark.parametrize(
    "printed", ["", "-", "–", "x", "8S.4", "6.S", "l2", "12..5", "1/2", ".", ",34", "1."]
)
def test_blank_dash_and_ocr_damage_give_none(printed: str) -> None:
    assert parse_number(printed) is None


def test_thousands_only_in_maxima() -> None:
    assert parse_max("1.000") == Decimal(1000)
    assert parse_number("1.000") == Decimal("1.000")


@pytest.mark.parametrize(
    ("label", "name", "maximum"),
    [
        ("Hạ tầng kỹ thuật CNTT (12)", "Hạ tầng kỹ thuật CNTT", "12"),
        ("Tổng điểm đạt được (100)", "Tổng điểm đạt được", "100"),
        ("Chỉ số thành phần (8,5)", "Chỉ số thành phần", "8.5"),
        ("Tổng (1.000)", "Tổng", "1000"),
        ("Nhân lực (tối đa 20 điểm)", "Nhân lực", "20"),
        ("Điểm thành phần (điểm tối đa)", "Điểm thành phần (điểm tối đa)", None),
    ],
)
def test_split_max(label: str, name: str, maximum: str | None) -> None:
    got_name, got_max = split_max(label)
    assert got_name == name
    assert got_max == (Decimal(maximum) if maximum else None)


decimals = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@given(decimals, st.sampled_from([",", "."]))
def test_any_printed_decimal_round_trips(number: Decimal, separator: str) -> None:
    printed = format_decimal(number).replace(".", separator)
    assert parse_number(printed) == number
    assert format_decimal(parse_number(printed)) == format_decimal(number)


def test_blank_marks_are_blank_not_unreadable() -> None:
    at = Provenance("f", 1)
    for printed in ("-", "–", "/", "x"):
        value = read_value(printed, at)
        assert value is not None and value.number is None and not value.unreadable
    assert read_value("8S.4", at).unreadable
