"""Tables of records found in prose runs, as grid rows the table stage reads like any other.

``records`` finds the runs of records (see its docstring); here each run becomes grid rows,
with the header printed above it when its words agree with the numbers (``record_header``).
Scanned pages keep where their words stand: their tables are grids already.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.models import Cell, Line
from pipeline.parse import is_year, parse_number
from pipeline.tables.header.columns import RANK_SCORE
from pipeline.tables.records.blocks import values_after
from pipeline.tables.records.find import find_stretches
from pipeline.tables.records.lead import header_of, maxima_label_apart, words_before
from pipeline.tables.records.rows import Shape, Stretch, rows_of
from pipeline.tables.records.run_in import first_names_apart, headings_apart, maxima_apart
from pipeline.tables.records.split import MIN_RECORDS
from pipeline.tables.records.tokens import (
    Group,
    Token,
    groups_of,
    is_name,
    merged,
    name_key,
    tokens_of,
    wraps_joined,
)
from pipeline.tables.records.trailing import alternating_cells, trailing_cells
from pipeline.unit_rows import opens_like_the_names


def record_rows(
    run: list[Line], first_grid: int, below: Line | None = None
) -> tuple[list[Line], int]:
    """The run's lines with every table of records as grid rows; the next free grid id.
    ``below`` is the grid row printed right under the run, if any."""
    groups = groups_of(tokens_of(run))
    groups = merged(alternating_cells(trailing_cells(groups)))
    groups = wraps_joined(first_names_apart(maxima_apart(headings_apart(groups))))
    stretches = [s for s in find_stretches(groups) if not _labels_of(groups, s, run, below)]
    if not stretches:
        return run, first_grid
    out: list[Line] = []
    used_lines = 0
    grid = first_grid
    found_rows = [(found, rows_of(groups, found)) for found in stretches]
    names = [t for _, rows in found_rows for row in rows for t in row if t and not t.value]
    named = {name_key(token.text) for token in names} | _closing_units(groups, found_rows)
    per_row = 0  # figures per record of the last block printed after its names
    for found, found_at in found_rows:
        stretch, rows = _without_empty_columns(found, found_at)
        block = values_after(groups, stretch, rows, per_row)
        if block is not None:
            stretch = replace(stretch, end=block.end, shape=block.shape)
            rows, per_row = block.rows, block.per_row
        if not _has_scores(rows):
            continue
        unit = _unit_after(groups, stretch, rows, named)
        rows = [*rows, unit] if unit is not None else _glued_unit(groups, stretch, rows)
        stretch, rows = _rank_scores_joined(stretch, rows)
        first_line = min(token.line for token in rows[0] if token is not None)
        records = _grid_rows(run, groups, stretch, rows, grid)
        lead = words_before(groups, stretch, first_line)
        lead, records = maxima_label_apart(lead, records, stretch.shape.before)
        lines = (max(used_lines, 0), first_line)
        header, records = header_of(run, lead, (rows, stretch), records, lines, grid)
        top = header[1] if header else first_line
        out.extend(run[used_lines:top])
        if header:
            out.extend(header[0])
        out.extend(records)
        used_lines = _last_line(groups, stretch) + 1
        if unit is not None:
            used_lines = max(used_lines, _row_line(unit) + 1)
        grid += 1
    out.extend(run[used_lines:])
    return out, grid


def _without_empty_columns(
    stretch: Stretch, rows: list[list[Token | None]]
) -> tuple[Stretch, list[list[Token | None]]]:
    """The records less the columns no record fills: an empty cell printed on its own line
    in every row (a column the page left empty) is no column of the table."""
    width = len(rows[0]) if rows else 0
    columns = [
        [row[k] for row in rows if k < len(row) and row[k] is not None] for k in range(width)
    ]
    empty = {k for k, cells in enumerate(columns) if cells and all(not t.text for t in cells if t)}
    if not empty:
        return stretch, rows
    before = stretch.shape.before - sum(1 for column in empty if column < stretch.shape.before)
    shape = Shape(stretch.shape.width - len(empty), before)
    kept = [[token for k, token in enumerate(row) if k not in empty] for row in rows]
    return replace(stretch, shape=shape), kept


def _unit_after(
    groups: list[Group], stretch: Stretch, rows: list[list[Token | None]], named: set[str]
) -> list[Token | None] | None:
    """A unit printed after the last record without values or a number ("TP. Hồ Chí Minh",
    then "Năm 2019" and the next table), as a row: a line of its own holding only a name
    that another record of the run names (the same unit in the next year's table), or that
    opens with the word two or more of this table's names open with ("Xã Bình Trinh Đông"
    under "Xã Tân Bình", "Xã Bình Lãng", then "Điều 2. …"), and no record of this table
    names. A caption names no unit ranked beside it."""
    found = _line_after(groups, stretch, rows)
    if found is None:
        return None
    at, line, words = found
    name = name_key(" ".join(t.text for t in words))
    names = [t.text for row in rows if (t := row[stretch.shape.before]) is not None]
    known = name in named or opens_like_the_names([t.text for t in words], names)
    known = known or (len(words) > 1 and _sentence_after(groups, at, line))
    if not known or not is_name(Group(tuple(words), False)):
        return None
    if name in {name_key(text) for text in names}:
        return None
    if at + 1 < len(groups) and groups[at + 1].tokens[0].line == line:
        return None  # values on its line: not a unit without them
    unit = Token(" ".join(t.text for t in words), False, line, True)
    width, before = stretch.shape.width, stretch.shape.before
    return [*_leading(groups[at - 1], rows[-1], before), unit, *([None] * (width - before))]


def _line_after(
    groups: list[Group], stretch: Stretch, rows: list[list[Token | None]]
) -> tuple[int, int, list[Token]] | None:
    """The words group opening a line right after the last record: (its group, its line, the
    words on that line)."""
    last = stretch.start + 2 * (len(rows) - 1)
    at = last + 1 if last + 1 < len(groups) and not groups[last + 1].value else last + 2
    if at >= len(groups) or groups[at].value or not groups[at].tokens[0].starts_line:
        return None
    line = groups[at].tokens[0].line
    return at, line, [t for t in groups[at].tokens if t.line == line]


def _closing_units(
    groups: list[Group], found_rows: list[tuple[Stretch, list[list[Token | None]]]]
) -> set[str]:
    """The lines of two words or more closing a table of the run where the text ends or a
    sentence follows (a unit printed without values after the last year's records): the same
    line closing an earlier year's records is that unit too, not the next year's caption (a
    caption never stands before a sentence)."""
    closing: set[str] = set()
    for stretch, rows in found_rows:
        found = _line_after(groups, stretch, rows)
        if found is not None and len(found[2]) > 1 and _sentence_after(groups, *found[:2]):
            closing.add(name_key(" ".join(t.text for t in found[2])))
    return closing


def _leading(values: Group, last: list[Token | None], before: int) -> list[Token | None]:
    """The cells a unit without values prints before its name ("11" / "Xã Văn Khê"): the
    tokens left after the last record's values, when there are as many as the records print
    before their names and the first counts on from the last record's (the next number, or a
    rank further down after a top ten: the publisher's own row)."""
    extra = values.tokens[len(values.tokens) - before :] if before else ()
    used = {id(token) for token in last if token is not None}
    if not extra or any(id(token) in used for token in extra):
        return [None] * before
    previous = parse_number(last[0].text) if last[0] is not None else None
    number = parse_number(extra[0].text)
    if previous is None or number is None or number <= previous or number % 1:
        return [None] * before  # not counting on: 11 after 10, or 39 after a top ten
    return list(extra)


def _sentence_after(groups: list[Group], at: int, line: int) -> bool:
    """Whether the text ends after ``line``, or goes on with a sentence ("Điều 2. Quyết định
    này có hiệu lực …", a line ending with a stop): the line closes the table, no caption of
    another table under it."""
    after = [t for g in groups[at : at + _LINE_GROUPS] for t in g.tokens if t.line > line]
    if not after:
        return True
    next_line = [t.text for t in after if t.line == after[0].line]
    return next_line[-1].endswith((".", ":", ";"))


_LINE_GROUPS = 8  # groups enough to hold a line of prose ("Điều" "2." "Quyết định …")


def _glued_unit(
    groups: list[Group], stretch: Stretch, rows: list[list[Token | None]]
) -> list[list[Token | None]]:
    """The rows with a unit printed without values after the last record, its name run into
    that record's ("62 Tỉnh Bắc Kạn Tỉnh Cà Mau", the text ending there), as a row of its own:
    where values print before the names, the last name, longer than any other, parts where a
    word that opens other names of the run, and stands inside none, opens again."""
    before = stretch.shape.before
    last = rows[-1] if rows else []
    name = last[before] if before and len(rows) >= MIN_RECORDS else None
    at = stretch.start + 2 * (len(rows) - 1)
    ends_line = at + 1 >= len(groups) or groups[at + 1].tokens[0].starts_line
    if name is None or not ends_line or any(cell is not None for cell in last[before + 1 :]):
        return rows
    others = [cell.text.split() for row in rows[:-1] if (cell := row[before]) is not None]
    words = name.text.split()
    if not others or len(words) <= max(len(other) for other in others):
        return rows
    opening = Counter(other[0] for other in others)
    inside = {word for other in others for word in other[1:]}
    parts = [
        k for k in range(2, len(words) - 1) if opening[words[k]] >= 2 and words[k] not in inside
    ]
    if len(parts) != 1:
        return rows
    first, second = " ".join(words[: parts[0]]), " ".join(words[parts[0] :])
    kept = [*last[:before], replace(name, text=first), *last[before + 1 :]]
    unit = Token(second, False, name.line, False)
    return [*rows[:-1], kept, [*([None] * before), unit, *last[before + 1 :]]]


def _row_line(row: list[Token | None]) -> int:
    return next(token.line for token in row if token is not None)


def _rank_scores_joined(
    stretch: Stretch, rows: list[list[Token | None]]
) -> tuple[Stretch, list[list[Token | None]]]:
    """A rank and the score printed after it in parentheses ("01 (91,8)", or "1" over
    "(0,9291)") as the one cell the page prints them in, under the one label the header gives
    them ("Kết quả", "Xếp hạng (điểm)"); the table stage splits such cells into rank and score."""
    width = len(rows[0]) if rows else 0
    for column in range(stretch.shape.before + 1, width - 1):
        pairs = [row for row in rows if _rank_then_score(row[column], row[column + 1])]
        if 2 * len(pairs) <= len(rows):
            continue
        joined = [[*row[:column], _joined(row[column], row[column + 1]), *row[column + 2 :]]
                  for row in rows]  # fmt: skip
        return replace(stretch, shape=Shape(stretch.shape.width - 1, stretch.shape.before)), joined
    return stretch, rows


def _rank_then_score(rank: Token | None, score: Token | None) -> bool:
    if rank is None or score is None or rank.bracketed or not score.bracketed:
        return False
    return bool(RANK_SCORE.match(f"{rank.text} ({score.text})"))


def _joined(rank: Token | None, score: Token | None) -> Token | None:
    if rank is None or score is None:
        return rank or score
    return Token(f"{rank.text} ({score.text})", True, rank.line, rank.starts_line)


def _has_scores(rows: list[list[Token | None]]) -> bool:
    """Some value column, not of years, not one value over and over and not all printed in
    parentheses (labels each with its maximum, "Nhân lực" / "(100)", "Nền tảng số" /
    "(3,8)"), holds a number in two records of three."""
    width = len(rows[0]) if rows else 0
    for column in range(width):
        numbers = [
            number
            for row in rows
            if (token := row[column]) is not None
            and token.value
            and not token.bracketed
            and (number := parse_number(token.text)) is not None
        ]
        years = all(is_year(n) for n in numbers)
        if 3 * len(numbers) >= 2 * len(rows) and not years and len(set(numbers)) > 1:
            return True  # a column of years ("… năm 2022") is no score
    return False


def _labels_of(groups: list[Group], stretch: Stretch, run: list[Line], below: Line | None) -> bool:
    """Whether a run on the last line above a grid is that grid's labels, each with its
    maximum ("Dữ liệu mở (0,1) Thanh toán trực tuyến (0,1) …"): one line, no more labels than
    the grid row under it has numbers."""
    line = groups[stretch.start].tokens[0].line
    if below is None or line != len(run) - 1 or _last_line(groups, stretch) != line:
        return False
    numbers = sum(parse_number(cell.text) is not None for cell in below.cells)
    return (stretch.end - stretch.start + 1) // 2 <= numbers


def _last_line(groups: list[Group], stretch: Stretch) -> int:
    return groups[stretch.end - 1].tokens[-1].line


def _grid_rows(
    run: list[Line],
    groups: list[Group],
    stretch: Stretch,
    rows: list[list[Token | None]],
    grid: int,
) -> list[Line]:
    lines = []
    for cells in rows:
        name = next(token for token in cells if token is not None and not token.value)
        at = run[name.line].at
        texts = [_cell_text(token) for token in cells]
        grid_cells = tuple(Cell(text, at) for text in texts)
        lines.append(Line(" | ".join(texts), at, grid_cells, grid, doubt=stretch.doubt))
    return lines


def _cell_text(token: Token | None) -> str:
    return token.text if token is not None else ""


def with_records(lines: list[Line]) -> list[Line]:
    """A document's lines with the tables of records in its prose runs as grid rows."""
    grid = 1 + max((line.grid for line in lines if line.grid is not None), default=0)
    out: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.grid is None and line.at.method != "ocr":
            run.append(line)  # a scan keeps where its words stand: its tables are grids
            continue
        if run:
            found, grid = record_rows(run, grid, line if line is not None and line.cells else None)
            out.extend(found)
            run = []
        if line is not None:
            out.append(line)
    return out
