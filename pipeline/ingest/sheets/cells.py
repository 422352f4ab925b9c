"""A worksheet as read from its cells, and a number printed as its number format shows it.

A numeric cell keeps its value; its format gives the places printed ("0.00" → 85,40), which
the rounding checks need. The decimal mark is the comma Vietnamese Excel prints, unless the
workbook's own text writes decimals with a point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_TEXT_DECIMALS = re.compile(r"\d[.,]\d")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One visible worksheet: printed text by row and column, and its merged ranges."""

    name: str
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as the file stores it, before printing."""

    value: object
    number_format: str = "General"
    font: str | None = None  # a legacy Vietnamese font (.VnTime, VNI-Times) says how to decode


def decimal_mark(texts: list[str]) -> str:
    """ "," unless the workbook's text cells write their decimals with a point ("(8.5)")."""
    points = sum(bool(re.search(r"\d\.\d(?!\d{2})", text)) for text in texts)
    commas = sum(bool(re.search(r"\d,\d(?!\d{2})", text)) for text in texts)
    return "." if points > commas else ","


def printed(cell: RawCell, mark: str) -> str:
    """The cell's text as the sheet shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float | Decimal):
        return printed_number(Decimal(format(value, ".15g")), cell.number_format, mark)
    return str(value)


def printed_number(number: Decimal, number_format: str, mark: str) -> str:
    """``number`` shown by the first section of an Excel number format."""
    section = _QUOTED.sub("", number_format.split(";")[0]).strip()
    if "%" in section:
        number *= 100
    if section.lower() in ("general", "@", "") or not re.search("[0#?]", section):
        shown = _plain(number.normalize())
    else:
        places = len(re.findall("[0#?]", section.split(".")[1])) if "." in section else 0
        shown = _plain(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    return shown.replace(".", mark) + ("%" if "%" in section else "")


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return "0" if text in ("-0", "") else text
