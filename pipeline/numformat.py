"""Which mark a column prints as its decimal mark, read from the values printed in it.

Vietnamese pages group thousands with "." and write decimals with ","; English pages do the
reverse. A value with one mark followed by exactly three digits ("2.095", "807,300") reads
either way, and ``parse_number`` alone takes it as a decimal. Its column says which it is:

- a value with one mark used twice or more ("11.115.000") makes that mark the thousands mark;
- a value with both marks ("1.234,5") makes the last one the decimal mark, the other thousands;
- a mark followed by other than exactly three digits ("85,40", "6.95"), or after a whole part
  that no thousands grouping prints ("0,727", "1234,567"), is the decimal mark;
- so is a mark whose thousands reading would pass the column's printed maximum ("7.464" under
  "Tổng điểm (10)" cannot be 7464).

A mark's meaning comes from the values that use it; when none does, from what the other mark
is in the same column (one column keeps one format: "85,40" beside "1.234" makes the dot a
thousands mark). A column with no evidence takes the document's format, where only values that
use a mark say what it is (two columns may follow two conventions: "85,40" in one says nothing
of "12.345" in the other). A column whose evidence conflicts, or that nothing settles, leaves
its ambiguous values as decimals and says so (see ``doubt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pipeline.parse import parse_number, squeeze

Mark = Literal[".", ","]
Meaning = Literal["decimal", "thousands", "conflict"]
DECIMAL: Meaning = "decimal"
THOUSANDS: Meaning = "thousands"
CONFLICT: Meaning = "conflict"

_ONE_MARK = re.compile(r"^[+-]?(\d+)([.,])(\d+)$")


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """What each mark means in a column; None where nothing printed says."""

    dot: Meaning | None = None
    comma: Meaning | None = None

    def meaning(self, mark: Mark) -> Meaning | None:
        return self.dot if mark == "." else self.comma

    def or_else(self, fallback: NumberFormat) -> NumberFormat:
        """This format, a mark without evidence taking the fallback's meaning."""
        return NumberFormat(self.dot or fallback.dot, self.comma or fallback.comma)


@dataclass(frozen=True, slots=True)
class Readings:
    """The two readings of an ambiguous value: "2.095" is 2.095 or 2095."""

    printed: str
    as_decimal: Decimal
    as_thousands: Decimal


def ambiguous_mark(printed: str) -> Mark | None:
    """The mark of a value that reads both ways ("2.095", "-807,300"), else None."""
    found = _ONE_MARK.match(squeeze(printed))
    if found is None:
        return None
    whole, mark, fraction = found.groups()
    if len(fraction) != 3 or len(whole) > 3 or whole.startswith("0"):
        return None
    return "." if mark == "." else ","


def evidence(printed: str, ceiling: Decimal | None = None) -> tuple[tuple[Mark, Meaning], ...]:
    """What one value says of the marks: ("2.095.000") → ((".", thousands),); ``ceiling``, the
    column's printed maximum, rules out a thousands reading above it."""
    text = squeeze(printed)
    if parse_number(text) is None:
        return ()
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        last: Mark = "." if text.rfind(".") > text.rfind(",") else ","
        return ((last, DECIMAL), (_other(last), THOUSANDS))
    if dots + commas >= 2:
        return (("." if dots else ",", THOUSANDS),)
    found = _ONE_MARK.match(text)
    mark = ambiguous_mark(text)
    if found is None or (mark is not None and not _above(text, mark, ceiling)):
        return ()
    return (("." if found.group(2) == "." else ",", DECIMAL),)


def _above(text: str, mark: Mark, ceiling: Decimal | None) -> bool:
    """Only the decimal reading fits under the ceiling."""
    if ceiling is None:
        return False
    as_decimal = parse_number(text)
    return as_decimal is not None and as_decimal <= ceiling < Decimal(text.replace(mark, ""))


def infer_format(printed: Iterable[str], ceiling: Decimal | None = None) -> NumberFormat:
    """The format the values of one column show; ``ceiling``: its printed maximum, if any."""
    return format_of(facts_of(printed, ceiling))


def document_format(
    printed: Iterable[str], ceilings: Iterable[Decimal | None] | None = None
) -> NumberFormat:
    """The format a whole document's values show, each mark by the values that use it;
    ``ceilings``, beside each value, its column's printed maximum if any ("55,573" under
    "(100)" shows the comma to be the decimal mark for the tables that print none)."""
    texts = list(printed)
    bounds = list(ceilings) if ceilings is not None else [None] * len(texts)
    facts = {fact for text, top in zip(texts, bounds, strict=True) for fact in evidence(text, top)}
    return format_of(facts, by_other=False)


Facts = set[tuple[Mark, Meaning]]


def facts_of(printed: Iterable[str], ceiling: Decimal | None = None) -> Facts:
    """What the values of one column say of the marks (``evidence`` of each)."""
    return {fact for text in printed for fact in evidence(text, ceiling)}


def format_of(facts: Facts, by_other: bool = True) -> NumberFormat:
    """The format some values' facts give: a column's (``by_other``: a mark's meaning told
    from the other mark's too), or a whole document's (each mark by its own values)."""
    return NumberFormat(_meaning(".", facts, by_other), _meaning(",", facts, by_other))


def _meaning(mark: Mark, facts: set[tuple[Mark, Meaning]], by_other: bool = True) -> Meaning | None:
    direct = {meaning for used, meaning in facts if used == mark}
    if direct:
        return direct.pop() if len(direct) == 1 else CONFLICT
    if not by_other:
        return None
    other = {meaning for used, meaning in facts if used != mark}
    if len(other) == 1:
        return THOUSANDS if other == {DECIMAL} else DECIMAL
    return CONFLICT if other else None


def read_number(printed: str, number_format: NumberFormat) -> Decimal | None:
    """A printed value read in its column's format: "2.095" is 2095 where "." groups."""
    mark = ambiguous_mark(printed)
    if mark is not None and number_format.meaning(mark) == THOUSANDS:
        return Decimal(squeeze(printed).replace(mark, ""))
    return parse_number(printed)


def doubt(printed: Iterable[str], number_format: NumberFormat) -> Readings | None:
    """The first value whose reading the format leaves open, with both its readings."""
    for text in printed:
        mark = ambiguous_mark(text)
        if mark is None or number_format.meaning(mark) in (DECIMAL, THOUSANDS):
            continue
        as_decimal = parse_number(text)
        if as_decimal is not None:
            return Readings(text, as_decimal, Decimal(squeeze(text).replace(mark, "")))
    return None


def _other(mark: Mark) -> Mark:
    return "," if mark == "." else "."
