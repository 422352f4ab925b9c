"""Where a run of records starts: the header's words read as its first records ("Bảng xếp
hạng năm" 2022, "Tổng điểm đạt được (100)", labels over ranks printed before the names), told
from the records that follow by the numbers: for ranks alone, by which of the two pairings of
names and ranks leaves nothing over (``values_lead``)."""

from __future__ import annotations

from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.parse import is_year, parse_number
from pipeline.reconcile.rules import places
from pipeline.tables.header.columns import opening_ordinal
from pipeline.tables.records.rows import Stretch, lines_spanned, rows_of, size_at
from pipeline.tables.records.run_in import goes_on_as, second_words
from pipeline.tables.records.split import MIN_RECORDS, counts, figure_kind, only_first_bracketed
from pipeline.tables.records.tokens import Group, Token, is_name


def header_first(groups: list[Group], first: Stretch, later: Stretch) -> bool:
    """Whether the first record of ``first`` may be header words run into the records
    ("Tổng điểm năm" 2024): reading past it keeps the records' shape, read from the first
    name the last record comes out short, or a value of the first lies outside what its column
    holds in the other records (a year over scores of 800)."""
    if later.shape == first.shape:
        return True
    rows = rows_of(groups, first)
    name = rows[0][first.shape.before]  # on its own lines: a header's lines above it aside
    if name is not None and opening_ordinal(name.text.split()):
        return True  # "Xếp hạng Tên tỉnh" 1 Nghệ An 2 …: the first "name" is the header's
    if last_size(groups, first) < first.shape.width <= last_size(groups, later) + (
        later.shape.before
    ) and not _whole_record(rows, first.shape.before):
        return True  # read from the first name, the last record lacks what the next one led
    for column in range(len(rows[0])):
        head = _number_at(rows[0], column)
        rest = [n for row in rows[1:] if (n := _number_at(row, column)) is not None]
        if head is None or len(rest) < 2:
            continue
        low, high = min(rest), max(rest)
        if not low - (high - low) <= head <= high + (high - low):
            return True
        decimals = {places(n) for n in rest}
        if len(decimals) == 1 and places(head) not in decimals and 0 not in decimals:
            return True  # "1" over a column printed "0,942", "0,941": a header's "(1)"
    return False


def _whole_record(rows: list[list[Token | None]], before: int) -> bool:
    """Whether the first record prints two figures or more, each of the kind (decimals) the
    other records print in its place: a unit's row, whatever the last record lacks (a table
    cut in its last row), not header words over the records."""
    values = [t for t in rows[0][before + 1 :] if t is not None]
    if len(values) < 2 or len(values) != len(rows[0]) - before - 1:
        return False
    for column, token in enumerate(rows[0]):
        if column == before or token is None:
            continue
        cells = [row[column] for row in rows[1:] if column < len(row)]
        if {figure_kind(cell) for cell in cells if cell is not None} != {figure_kind(token)}:
            return False
    return True


def values_lead(groups: list[Group], first: Stretch, later: Stretch) -> bool:
    """Which pairing of a table of one figure per name holds, each name with the figure after
    it (``first``, read from its first name) or with the one before it (``later``, read from
    the next name): the one that pairs every figure with a name and every name with a figure.
    Read from the first name, the words after the last whole record are left without their
    figure (none: "Xã Xá Lượng" ending the table; or a block of another size: "New York"
    before the next block). Read from the next name, the figures before the names count (1,
    2, 3 …, 26, 27 … on the table's next page, or a top ten and the publisher's own row), the
    words left over take the last, and the first "name" is the header's labels ("RANK STATE",
    "Rank Địa phương", "Vị" / "trí" / "Tỉnh, TP"). A first "name" holding a word two names
    open with ("Tên xã Hạng Xã An Trung" over "Xã An Nghĩa", "Xã An Vinh") is the first
    unit's, run into the header: the records stand as read, the last unit without a figure."""
    width = first.shape.width
    if first.shape.before or later.shape.width != width or width != 1:
        return False
    names = list(range(first.start + 2, min(first.end, len(groups)), 2))
    whole = [at for at in names if is_name(groups[at]) and size_at(groups, at) == width]
    if len(whole) < MIN_RECORDS or whole != names[: len(whole)]:
        return False
    leftover = whole[-1] + 2
    if leftover >= len(groups) or groups[leftover].value or size_at(groups, leftover) == width:
        return False  # no words after the last whole record, or with their figure: as read
    if not groups[leftover].tokens[0].text[:1].isupper() or _holds_name(groups, first, whole):
        return False
    leading = [groups[at - 1].tokens[-1].text for at in [*whole, leftover]]
    return _counts_by_one([parse_number(text) for text in leading]) or counts(leading)


PAIRING_DOUBT = "mỗi số có thể là của tên đứng trước hoặc tên đứng sau nó"


def pairing_doubt(groups: list[Group], first: Stretch, later: Stretch) -> str | None:
    """The doubt left when ``values_lead`` pairs each figure with the name after it: none where
    the lines tell (each figure opens a line holding its name, "1 Xã Xiêng My"; or the first
    "name" spans more lines than any name, a header's labels one per line) or the header's
    words do (it opens with a rank's or a row number's label, "Hạng năm Tên cơ quan"); else
    the first words may as well be a unit's name opening as no other does, the last unit
    printed without its figure, and nothing the numbers say tells the two pairings apart."""
    names = [at for at in range(later.start, min(later.end, len(groups)), 2) if is_name(groups[at])]
    leading = [groups[at - 1].tokens[-1] for at in names]
    if names and all(
        lead.starts_line and groups[at].tokens[0].line == lead.line
        for lead, at in zip(leading, names, strict=True)
    ):
        return None
    spans = [lines_spanned(groups, at, at + 1) for at in names]
    if spans and lines_spanned(groups, first.start, first.start + 1) > max(spans):
        return None
    words = groups[first.start].text.split()
    if any(vocab.ordinal_label(" ".join(words[:size])) for size in (1, 2, 3)):
        return None  # the header names the ranks' column first: "Hạng năm Tên cơ quan"
    return PAIRING_DOUBT


def _holds_name(groups: list[Group], first: Stretch, names: list[int]) -> bool:
    """Whether the first record's words hold a unit's name: a word two names of the records
    open with, followed as one of them goes on (the same word, or a capital: "Xã An Trung"
    beside "Xã An Nghĩa", "Xã An Vinh"); a label's "Tỉnh thành" over "Tỉnh Hải Dương" is none."""
    words = groups[first.start].text.split()
    seconds = second_words([groups[at].text for at in names])
    return any(
        len(seconds.get(word, ())) >= 2 and goes_on_as(words[at + 1], seconds[word])
        for at, word in enumerate(words[:-1])
    )


def _counts_by_one(numbers: list[Decimal | None]) -> bool:
    """1, 2, 3 … or, on a page a table goes on to, 26, 27, 28 … (three or more)."""
    if len(numbers) < MIN_RECORDS or numbers[0] is None or numbers[0] < 1:
        return False
    pairs = zip(numbers, numbers[1:], strict=False)
    return all(a is not None and b is not None and b == a + 1 for a, b in pairs)


def year_first(groups: list[Group], first: Stretch) -> bool:
    """Whether the first record is a caption's year ("Bảng xếp hạng năm" 2022): a year where
    the other records print only numbers with decimals (a header's maxima in parentheses and
    the next table's caption aside)."""
    rows = rows_of(groups, first)
    for column in range(len(rows[0])):
        head = _number_at(rows[0], column)
        cells = [row[column] for row in rows[1:] if column < len(row)]
        own = [cell for cell in cells if cell is not None and cell.value and not cell.bracketed]
        numbers = [parse_number(cell.text) for cell in own]
        rest = [n for n in numbers if n is not None and not is_year(n)]
        if is_year(head) and len(rest) >= MIN_RECORDS and all(places(n) for n in rest):
            return True
    return False


def maxima_first(groups: list[Group], first: Stretch) -> bool:
    """Whether the first record is the header's labels with their maxima ("Tổng điểm đạt
    được (100)" over "Nam Định 95.16"): its values all in parentheses, no other record's."""
    rows = rows_of(groups, first)
    head = [token for token in rows[0] if token is not None and token.value]
    rest = [token for row in rows[1:] for token in row if token is not None and token.value]
    return only_first_bracketed(head, rest)


def last_size(groups: list[Group], stretch: Stretch) -> int:
    """How many values follow the last name of ``stretch``."""
    return size_at(groups, stretch.end - 2 if groups[stretch.end - 1].value else stretch.end - 1)


def _number_at(row: list[Token | None], column: int) -> Decimal | None:
    token = row[column] if column < len(row) else None
    return parse_number(token.text) if token is not None and token.value else None
