"""Words that end a row after its figures, read as a cell of that row.

A web table saved as text prints each row on its line: "1 Red River Delta 0.809 Flag of
Albania.svg Albania", a country to compare, a source or a note after the figures. Left as they
are, those words would read as the next unit's name and shift every record after them; taken
as a cell (a value token holding words), the row keeps its shape and the column its own role.
"""

from __future__ import annotations

from collections import Counter

from pipeline.parse import is_year, parse_number
from pipeline.tables.records.split import MIN_RECORDS
from pipeline.tables.records.tokens import MAX_NAME_WORDS, Group, Token


def trailing_cells(groups: list[Group]) -> list[Group]:
    """Words ending a row after its figures ("1 Red River Delta 0.809 Flag of Albania.svg
    Albania": a country to compare, a source, a note) as a cell of the row, not the next
    unit's name: words that follow the line's one name and figures and end that line, on at
    least as many lines (at most two apart) as a table has records and on most lines holding
    a name and figures in that stretch. A row's name on a line of its own, or a table run
    together on one line, has none."""
    pairs = Counter(
        groups[at].tokens[0].line for at in range(1, len(groups)) if _name_then_values(groups, at)
    )  # name-then-figures pairs on each line
    ends = [at for at in range(2, len(groups)) if _ends_row(groups, at, pairs)]
    out = list(groups)
    for rows in _runs_of_lines(groups, ends):
        first, last = (groups[at].tokens[0].line for at in (rows[0], rows[-1]))
        named = sum(pairs[line] for line in range(first, last + 1))
        if len(rows) < MIN_RECORDS or 2 * len(rows) < named or _years_among(groups, rows):
            continue
        for at in rows:
            opening = groups[at].tokens[0]
            out[at] = Group((Token(groups[at].text, True, opening.line, False),), True)
    return out


def _years_among(groups: list[Group], rows: list[int]) -> bool:
    """Whether the figures before the words are years on a line between others that print
    none: the lines of a sentence ("Điều 1. …" / "… NĂM 2018 …" / "… từ 90 điểm …"), not a
    table's rows, whose figures before a note are of one kind. The first and last lines may
    be a header's (a label's year) or the text's around the table; a year in parentheses
    dates a label ("HDI (2023)")."""
    years = [
        all(
            not t.bracketed and (n := parse_number(t.text)) is not None and is_year(n)
            for t in groups[at - 1].tokens
        )
        for at in rows
    ]
    return any(years[1:-1]) and not all(years)


def _runs_of_lines(groups: list[Group], rows: list[int]) -> list[list[int]]:
    """Groups into runs on lines at most two apart (a table's rows, a heading between)."""
    runs: list[list[int]] = []
    for at in rows:
        if runs and groups[at].tokens[0].line - groups[runs[-1][-1]].tokens[0].line <= 2:
            runs[-1].append(at)
        else:
            runs.append([at])
    return runs


def _name_then_values(groups: list[Group], at: int) -> bool:
    """A value group on the line of the word group before it."""
    words, values = groups[at - 1], groups[at]
    return values.value and not words.value and words.tokens[-1].line == values.tokens[0].line


def _ends_row(groups: list[Group], at: int, pairs: Counter[int]) -> bool:
    """Words after the one name and figures of their line that end the line (``pairs``: how
    many name-then-figures pairs each line holds; more is a table run together on it)."""
    group = groups[at]
    if group.value or group.tokens[0].starts_line or not _name_then_values(groups, at - 1):
        return False
    line = group.tokens[0].line
    last = at + 1 >= len(groups) or groups[at + 1].tokens[0].starts_line
    same = groups[at - 1].tokens[-1].line == line and group.tokens[-1].line == line
    return last and same and pairs[line] == 1 and len(group.tokens) <= MAX_NAME_WORDS


def alternating_cells(groups: list[Group]) -> list[Group]:
    """Words closing a record printed one cell per line ("1" / "An Giang" / "3.536,7" … /
    "Thành phố Long Xuyên" / "2" / "Bà Rịa – Vũng Tàu" …, a text column after the figures) as a
    cell of that record: word groups alternate with value groups of two sizes, the long one
    after the unit's name and the short one after the words, and the short groups count 1, 2,
    3 … (the next record's number), over as many records as a table has. The count says which
    words open a record; the others are its last cell, not the next unit's name."""
    out = list(groups)
    at = 0
    while at + 3 < len(groups):
        count = _alternation(groups, at)
        if count < MIN_RECORDS:
            at += 1
            continue
        for words in range(at + 2, at + 4 * count, 4):
            opening = groups[words].tokens[0]
            out[words] = Group((Token(groups[words].text, True, opening.line, False),), True)
        at += 4 * count
    return out


def _alternation(groups: list[Group], at: int) -> int:
    """How many records from the name at ``at`` take the shape name, long values, words, a
    short group counting on from the one before (0 when none does)."""
    records, last = 0, None
    long = short = 0
    while at + 3 < len(groups):
        name, values, words, lead = groups[at : at + 4]
        if name.value or not values.value or words.value or not lead.value:
            break
        sizes = (len(values.tokens), len(lead.tokens))
        if records == 0:
            long, short = sizes
        if sizes != (long, short) or short >= long or len(words.tokens) > MAX_NAME_WORDS:
            break
        number = parse_number(lead.tokens[-1].text)
        if number is None or (last is not None and number != last + 1):
            break
        records, last, at = records + 1, number, at + 4
    if records and _closing_record(groups[at : at + 4], long):
        records += 1  # the last record: its words end the table (no number follows them)
    return records


def _closing_record(groups: list[Group], long: int) -> bool:
    """A name, its long group of values, then words of a cell's length on their own line
    that nothing or no value follows."""
    if len(groups) < 3:
        return False
    name, values, words = groups[:3]
    after = groups[3] if len(groups) > 3 else None
    return (
        not name.value
        and values.value
        and len(values.tokens) == long
        and not words.value
        and len(words.tokens) <= MAX_NAME_WORDS
        and words.tokens[0].starts_line
        and (after is None or not after.value)
    )
