"""Printed cells → exact numbers.

Scores are printed "85,40" or "85.40"; the decimal separator is whichever one appears once at
the end. Thousands separators are rare in scores but happen in maxima ("(1.000)"), so only
``parse_max`` reads a lone ".000" group as thousands. A value alone cannot tell "2.095" (km²)
from a score: its column can (``pipeline/numformat.py``, applied by ``pipeline/tables/formats.py``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipeline.models import BLANK_MARKS, Provenance, Value

_SIGN = r"[+-]?"
_PLAIN = re.compile(rf"^{_SIGN}(?:\d+(?:[.,]\d+)?|\.\d+)$")  # ".34": no zero before the point
_GROUPED_DOT = re.compile(rf"^{_SIGN}\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?$")  # 1.234,5
_GROUPED_COMMA = re.compile(rf"^{_SIGN}\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?$")  # 1,234.5
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_MAX_IN_LABEL = re.compile(
    r"\(\s*(?:điểm\s+)?(?:tối\s*đa\s*:?\s*)?(\d+(?:[.,]\d+)*)\s*(?:điểm|đ)?\s*\)\s*$",
    re.IGNORECASE,
)


def squeeze(printed: str) -> str:
    """No spaces, and no percent sign: "85,67 %" is the score 85,67 (PAR tables print it)."""
    return printed.replace("\u00a0", "").replace(" ", "").strip().removesuffix("%")


@lru_cache(maxsize=1 << 14)
def parse_number(printed: str) -> Decimal | None:
    """A printed score as an exact Decimal; None for a blank, a dash, or anything unreadable.

    Kept per printed text (Decimals are immutable): finding a table's header, ranks and roles
    reads each of its cells some twenty times over.
    """
    text = squeeze(printed)
    if text in BLANK_MARKS:
        return None
    if _PLAIN.match(text):
        return _to_decimal(text.replace(",", "."))
    if _GROUPED_DOT.match(text):
        return _to_decimal(text.replace(".", "").replace(",", "."))
    if _GROUPED_COMMA.match(text):
        return _to_decimal(text.replace(",", ""))
    return None


def is_year(number: Decimal | None) -> bool:
    """A whole number a calendar year could be (1900–2100): a caption's or a header's year,
    not a score."""
    return number is not None and number == number.to_integral_value() and 1900 <= number <= 2100


def parse_max(printed: str) -> Decimal | None:
    """A printed maximum: like a score, except "1.000" means one thousand."""
    text = squeeze(printed)
    if _THOUSANDS.match(text) and not text.startswith("0"):
        return _to_decimal(re.sub(r"[.,]", "", text))
    return parse_number(text)


def _to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def format_decimal(number: Decimal) -> str:
    """Canonical decimal form, keeping printed trailing zeros: "85,40" → "85.40"."""
    return format(number, "f")


def read_value(printed: str, at: Provenance) -> Value | None:
    """A table cell as a Value, or None when the cell is blank."""
    if not printed.strip():
        return None
    return Value(printed.strip(), parse_number(printed), at)


def split_max(label: str) -> tuple[str, Decimal | None]:
    """Separate a header's maximum: "Hạ tầng kỹ thuật CNTT (12)" → ("Hạ tầng kỹ thuật CNTT", 12)."""
    found = _MAX_IN_LABEL.search(label)
    if not found:
        return label.strip(), None
    return label[: found.start()].strip(), parse_max(found.group(1))
