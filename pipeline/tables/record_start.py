"""Where a run of records starts: the header's words read as its first records ("Bảng xếp
hạng năm" 2022, "Tổng điểm đạt được (100)", labels one per line over ranks printed before the
names), told from the records that follow by the numbers and the lines they take."""

from __future__ import annotations

from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.parse import is_year, parse_number
from pipeline.reconcile.rules import places
from pipeline.tables.header import opening_ordinal
from pipeline.tables.record_rows import Stretch, is_name_at, lines_spanned, rows_of, size_at
from pipeline.tables.record_split import MIN_RECORDS, figure_kind, only_first_bracketed
from pipeline.tables.tokens import Group, Token, blank_lines_part, is_name


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


def first_name_taller(groups: list[Group], stretch: Stretch) -> bool:
    """Whether the first record's name takes more lines than any other's: header cells on
    lines of their own ("Ranking" / "Địa phương") read as one name over the records. Read
    past it, the records then reach a name further (the last unit, numbered before it)."""
    spans = [lines_spanned(groups, at, at + 1) for at in range(stretch.start, stretch.end, 2)]
    return len(spans) > 2 and spans[0] > max(spans[1:])


def labels_only(groups: list[Group], stretch: Stretch) -> bool:
    """Whether the first name's lines join into no more labels than the table has columns
    ("Vị" / "trí" / "Tỉnh, TP": two labels over a rank and a name): header cells alone. One
    line more ("Cơ" / "quan" / "XH" / "Bộ Tài nguyên và Môi trường") is the first unit's name
    under the labels, a record of its own. A caption set apart by a blank line, where blank
    lines part blocks, is no label ("Bảng kết quả" / "" / "Hạng" / "Sở, ban, ngành")."""
    tokens = groups[stretch.start].tokens
    opening = [t for t in tokens if t.starts_line]  # a lower-case line goes on a label
    gaps = [k for k, token in enumerate(opening) if k and token.after_gap]
    if gaps and blank_lines_part([t for group in groups for t in group.tokens]):
        opening = opening[gaps[-1] :]
    texts = [token.text for token in opening]
    labels = sum(not (text[:1].islower() or text.startswith("(")) for text in texts)
    return labels <= stretch.shape.width + 1


def name_left_after(groups: list[Group], first: Stretch, later: Stretch) -> bool:
    """Whether ``first`` leaves a name after its last record with no values of its own, one
    that ``later`` takes in: read from the header's words, each unit took the figures printed
    before the next one."""
    at = first.end
    alone = at + 1 >= len(groups) or not groups[at + 1].value
    taken = later.end > at or (later.end == at and later.shape.before > 0)  # led by a number
    if not taken or not is_name_at(groups, at) or not alone:
        return False
    heading = groups[at].text  # a group heading ("II. …", "II Khối huyện") opens the next
    numbered = vocab.SECTION_NUMBERING.match(vocab.fold(heading)) is not None
    return not (numbered or vocab.is_marked_heading(heading))


def labels_first(groups: list[Group], first: Stretch, later: Stretch) -> bool:
    """Whether the first name is the header's labels printed one per line ("RANK", "STATE")
    over records whose values stand before their names ("1", "Washington", "2", …): read
    from it, each name takes the value after it and a name is left over after the last
    whole record; read from the next name, the values before the names count by one (1, 2,
    3 …, or 26, 27, … on the table's next page) and the name left over takes the last of
    them. The first "name" is in capitals and no name after it is: labels alone, not labels
    run into the first unit's name (then the records stand as read)."""
    width = first.shape.width
    if first.shape.before or later.shape.width != width or width != 1:
        return False
    names = list(range(first.start + 2, min(first.end, len(groups)), 2))
    whole = [at for at in names if is_name(groups[at]) and size_at(groups, at) == width]
    if len(whole) < MIN_RECORDS or whole != names[: len(whole)]:
        return False
    leftover = whole[-1] + 2
    if leftover >= len(groups) or groups[leftover].value or not _led_name(groups[leftover]):
        return False  # no name left over after the last whole record
    if not _capitals(groups[first.start]) or any(_capitals(groups[at]) for at in whole):
        return False  # labels and the first unit's name, or names in capitals too: in doubt
    leading = [parse_number(groups[at - 1].tokens[-1].text) for at in [*whole, leftover]]
    return _counts_by_one(leading)


def _counts_by_one(numbers: list[Decimal | None]) -> bool:
    """1, 2, 3 … or, on a page a table goes on to, 26, 27, 28 … (three or more)."""
    if len(numbers) < MIN_RECORDS or numbers[0] is None or numbers[0] < 1:
        return False
    pairs = zip(numbers, numbers[1:], strict=False)
    return all(a is not None and b is not None and b == a + 1 for a, b in pairs)


def _led_name(group: Group) -> bool:
    """A name run on into the words printed after the table (its line first, then others)."""
    return not group.value and group.tokens[0].text[:1].isupper() and group.tokens[0].starts_line


def _capitals(group: Group) -> bool:
    """Whether every letter of the words is a capital ("RANK STATE"), as a header's labels
    often are and the units' names below them are not."""
    text = " ".join(token.text for token in group.tokens)
    return any(ch.isalpha() for ch in text) and text.isupper()


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
