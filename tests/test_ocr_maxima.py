"""An over_max error resting on maxima read from a scan that do not add up is doubt."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from test_ocr_trust import COLUMNS, entry, table

from pipeline.models import Column, Flag, Metadata
from pipeline.ocr.maxima import temper_maxima
from pipeline.reconcile import reconcile


def over_max(columns: tuple[Column, ...]) -> tuple[Flag, ...]:
    """Row 1 scores 42 under a maximum of 40 (or of what the header was read to say)."""
    rows = (entry(1, "42", "50", "92", "1"), entry(2, "30", "40", "70", "2"))
    one = table(*rows, columns=columns)
    flags = reconcile("d", Metadata(), (one,))
    return temper_maxima(flags, (one,))


def test_an_over_max_under_maxima_that_miss_the_totals_is_a_warning() -> None:
    # photo 9930: "(25)" read "(23)"; here the header's "(40)" read "(38)": 38 + 60 ≠ 100
    misread = (*COLUMNS[:2], replace(COLUMNS[2], max_points=Decimal(38)), *COLUMNS[3:])
    (flag,) = [f for f in over_max(misread) if f.check == "over_max"]
    assert flag.severity == "warning" and "98" in flag.message


def test_an_over_max_under_maxima_that_add_up_stays_an_error() -> None:
    (flag,) = [f for f in over_max(COLUMNS) if f.check == "over_max"]
    assert flag.severity == "error"
