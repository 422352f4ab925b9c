"""Words that end a row after its figures, read as a cell of that row.

A web table saved as text prints each row on its line: "1 Red River Delta 0.809 Flag of
Albania.svg Albania", a country to compare, a source or a note after the figures. Left as they
are, those words would read as the next unit's name and shift every record after them; taken
as a cell (a value token holding words), the row keeps its shape and the column its own role.
"""

from __future__ import annotations

from collections import Counter

from pipeline.tables.record_split import MIN_RECORDS
from pipeline.tables.tokens import MAX_NAME_WORDS, Group, Token


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
        if len(rows) < MIN_RECORDS or 2 * len(rows) < named:
            continue
        for at in rows:
            opening = groups[at].tokens[0]
            out[at] = Group((Token(groups[at].text, True, opening.line, False),), True)
    return out


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
