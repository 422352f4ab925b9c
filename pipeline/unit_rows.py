"""A unit printed after a table's last row with no values: what tells it from the text after the
table, for every reader that meets one (cells one per line, aligned rows, records in prose).

A page saving its table as text often prints the last unit's number and name, or its name
alone, and nothing else ("63" / "Cà Mau", "Sở Khoa học và Công nghệ" before the next year's
caption). Two things, and only these, make such a line a row: its number goes on from the row
above's, or its words open as the table's names open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pipeline.parse import parse_number

MIN_SHARED_OPENINGS = 2  # names of the table opening with the line's first word


def counts_on(above: str | None, own: str) -> bool:
    """Whether a row's printed number goes on by one from the row above's ("6" after "5.")."""
    before = parse_number(above.rstrip(".")) if above is not None else None
    number = parse_number(own.rstrip("."))
    return before is not None and number is not None and number == before + 1


def opens_like_the_names(words: Sequence[str], names: Sequence[str]) -> bool:
    """Whether a line of two words or more opens with the word that opens two or more of the
    table's names ("Xã Bình Trinh Đông" under "Xã Tân Bình", "Xã Bình Lãng")."""
    opening = Counter(name.split()[0] for name in names if name.split())
    return len(words) > 1 and opening[words[0]] >= MIN_SHARED_OPENINGS
