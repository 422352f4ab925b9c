"""Whether a column counting 1 … n is the row number (STT) or the rank: one decision wherever
the question comes up, and one doubt, worded once, when nothing tells.

The header's words decide when they name one of the two ("STT", "Xếp hạng"). When they name
neither (no word, an unknown one, "#") or both (a header printed one space apart whose first
words read "Thứ tự" and, read further, "Thứ tự xếp hạng"), the numbers decide:

- a count that is the only figure of its rows, or stands beside figures that are all places
  in part rankings (the names in no alphabetical order): the ranking's places, the rank (read
  as the STT the table would hold no ranking at all);
- a count in the order of a score the table is ranked by (equal scores placed one after
  another) over six rows or more: the rank, no chance order; over fewer rows, where one order
  in six falls so by chance: the STT;
- a count in no score's order: the STT, with no doubt.

Whatever the numbers choose when the words tell nothing is in doubt, since the figures are the
same either way: the table says so (flag ``ambiguous_roles``) rather than choose silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline import vocabulary as vocab
from pipeline.tables.roles.order import ORDER_PROOF

Ordinal = Literal["row_number", "rank"]
Words = Literal["row_number", "rank", "either"] | None  # what a header says of a count


@dataclass(frozen=True, slots=True)
class CountFigures:
    """What the numbers say of a count 1 … n: how many rows print it, whether the rows stand
    in the order of a score the table is ranked by, and whether its rows print no other score
    (no figure at all, or only places in part rankings, the names unsorted)."""

    rows: int
    in_order: bool = False
    places_only: bool = False


@dataclass(frozen=True, slots=True)
class CountReading:
    """The count's role (None: the words tell neither and no numbers were asked yet) and
    whether that choice is in doubt."""

    role: Ordinal | None
    doubted: bool


def read_count(words: Words, figures: CountFigures | None) -> CountReading:
    """The role of a count 1 … n, from its header's words, else from its numbers."""
    if words == "row_number" or words == "rank":
        return CountReading(words, doubted=False)
    if figures is None:  # words read before the rows: the numbers will tell
        return CountReading(None, doubted=words == "either")
    if figures.places_only:
        return CountReading("rank", doubted=True)
    if figures.in_order:
        return CountReading("rank" if figures.rows >= ORDER_PROOF else "row_number", doubted=True)
    return CountReading("row_number", doubted=False)


def count_doubt(label: str, reading: CountReading) -> str | None:
    """The doubt a count read from its numbers alone raises, naming both readings."""
    if not reading.doubted or reading.role is None:
        return None
    read = "xếp hạng" if reading.role == "rank" else "số thứ tự"
    return f"{label} là số thứ tự hoặc xếp hạng: đọc là {read}"


def hint_words(hint: str) -> Words:
    """What a column's header role says of a count: the STT, the rank, or nothing."""
    return "row_number" if hint == "row_number" else "rank" if hint == "rank" else None


def label_words(labels: list[str]) -> Words:
    """What labels that each name an ordinal say together: the rank when all name it, the
    STT when none does, "either" when some name the rank and the others the STT."""
    kinds = {vocab.says(vocab.RANK, vocab.fold(label)) is not None for label in labels}
    if len(kinds) != 1:
        return "either" if kinds else None
    return "rank" if kinds.pop() else "row_number"
