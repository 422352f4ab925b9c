"""Tables of records found in prose runs, as grid rows the table stage reads like any other.

``records`` finds the runs of records (see its docstring); here each run becomes grid rows,
with the header printed above it when its words agree with the numbers (``record_header``).
Scanned pages keep where their words stand: their tables are grids already.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline import vocabulary as vocab
from pipeline.models import Cell, Line
from pipeline.parse import is_year, parse_number
from pipeline.tables.blocks import values_after
from pipeline.tables.header import RANK_SCORE, opening_ordinal
from pipeline.tables.record_fit import Counted, names_a_figure
from pipeline.tables.record_header import header_before, header_row
from pipeline.tables.record_rows import Shape, Stretch, rows_of
from pipeline.tables.record_split import MIN_RECORDS
from pipeline.tables.records import find_stretches
from pipeline.tables.run_in import first_names_apart, headings_apart, joins_on, maxima_apart
from pipeline.tables.tokens import (
    Group,
    Token,
    groups_of,
    is_name,
    merged,
    name_key,
    tokens_of,
    wraps_joined,
)
from pipeline.tables.trailing import alternating_cells, trailing_cells


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
    named = {name_key(token.text) for token in names}
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
        lead = _words_before(groups, stretch, first_line)
        lead, records = _maxima_label_apart(lead, records, stretch.shape.before)
        lines = (max(used_lines, 0), first_line)
        header, records = _header_of(run, lead, (rows, stretch), records, lines, grid)
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


def _header(
    run: list[Line],
    words: list[str],
    width: int,
    lines: tuple[int, int],
    grid: int,
    records: list[Line],
) -> tuple[list[Line], int] | None:
    """The records' header when the ``words`` run into the first record's line before it do
    not read as one (a table run together on one line): the lines above (unless those words
    open with a row number's, a rank's or the unit column's, so the header is there: what is
    above is a caption, a signer, an annex's title); failing a reading of every column, the
    first column's label alone when those words open the header. With no words run in, the
    caller has looked above already."""
    floor, first_line = lines
    opens = opening_ordinal(words) or vocab.UNIT_LABEL.match(vocab.fold(" ".join(words)))
    if not opens:  # the header is not on the records' line ("Đơn vị …", "STT …"): look above
        found = header_row(run, width, floor, first_line, grid, records) if words else None
        if found is not None:
            return found
        if first_line - 1 >= floor:
            words, first_line = run[first_line - 1].text.split(), first_line - 1
    label = opening_ordinal(words)
    if not label or not records or parse_number(records[0].cells[0].text) is None:
        return None
    cells = [label, *[""] * (len(records[0].cells) - 1)]
    at = run[first_line].at
    return [Line(" | ".join(cells), at, tuple(Cell(t, at) for t in cells), grid)], first_line


def _header_of(
    run: list[Line],
    lead: list[str],
    read: tuple[list[list[Token | None]], Stretch],
    records: list[Line],
    lines: tuple[int, int],
    grid: int,
) -> tuple[tuple[list[Line], int] | None, list[Line]]:
    """The records' header (its rows, its first line) and the records, their first name cut
    where a header ran into it: the words before the first record read whole as printed,
    else the lines above, else the words before and the first name's first words, else the
    words before with words run together taken apart, else what ``_header`` finds."""
    rows, stretch = read
    floor, first_line = lines
    width, before = stretch.shape.width + 1, stretch.shape.before
    line = run[first_line]
    whole = _whole_before(lead, line, width, grid, records, apart=False)
    above = None if lead else header_row(run, width, floor, first_line, grid, records)
    if whole is not None:
        return (whole, first_line), records
    if above is not None:
        return above, records
    glued = _header_in_first_name(rows, (line, lead), before, records, grid)
    if glued is not None:
        return (glued[0], first_line), glued[1]
    whole = _whole_before(lead, line, width, grid, records, apart=True)
    if whole is not None:
        return (whole, first_line), records
    return _header(run, lead, width, lines, grid, records), records


def _whole_before(
    lead: list[str], line: Line, width: int, grid: int, records: list[Line], apart: bool
) -> list[Line] | None:
    """The header whole in the words before the first record, if any words are there."""
    return header_before(lead, line, width, grid, records, apart) if lead else None


def _maxima_label_apart(
    lead: list[str], records: list[Line], before: int
) -> tuple[list[str], list[Line]]:
    """A first record named by the header's last label and a maxima row's ("Điểm số Điểm tối
    đa" 0,1 0,05 … in a table run together on one line): the label goes back to the header
    words before it, the record is the maxima row."""
    words = records[0].cells[before].text.split() if records else []
    folded = [vocab.fold(word) for word in words]
    for start in range(1, len(words)):
        if vocab.MAXIMA_ROW.match(" ".join(folded[start:])):
            kept = _with_name(records[0], before, " ".join(words[start:]))
            return [*lead, *words[:start]], [kept, *records[1:]]
    return lead, records


def _words_before(groups: list[Group], stretch: Stretch, first_line: int) -> list[str]:
    """The words on the first record's line before it: a header run into the records."""
    tokens = [t for g in groups[: stretch.start] for t in g.tokens if t.line == first_line]
    words = [f"({t.text})" if t.bracketed else t.text for t in tokens]
    return words[: len(words) - stretch.shape.before]


def _header_in_first_name(
    rows: list[list[Token | None]],
    line: tuple[Line, list[str]],
    before: int,
    records: list[Line],
    grid: int,
) -> tuple[list[Line], list[Line]] | None:
    """A header run into the first record's name with nothing between ("Đơn vị Thứ hạng Hà
    Giang 1 Bà Rịa - Vũng Tàu 2 …", or its last label only: "… (11) Xếp hạng Lào Cai 95,88"):
    the first name's words cut where they, after the header's words before them on the line
    (``line``'s second part), read as one label per column that the numbers confirm and never
    contradict, the rest as long as another record's name (else up to three words longer) and
    opening with a capital, first where it opens with a word another name opens with ("Ban"
    in "… Thứ tự xếp hạng Ban Quản lý …" beside "Ban Dân tộc"). Tried only on a first name
    two words longer than the usual, or after header words that lack a column; a unit's long
    name reads as no header, nor does a name printed on a line of its own (its header's cells
    would be on lines above)."""
    name = rows[0][before]
    if before or name is None or len(records) < 2:
        return None
    record_line, lead = line
    values_on_line = any(t is not None and t.line == name.line for t in rows[0][before + 1 :])
    if not lead and not (name.starts_line and values_on_line):
        return None  # a name on a line of its own: a header printed with it would be above
    words = name.text.split()
    lengths = sorted(len(t.text.split()) for row in rows[1:] if (t := row[before]) is not None)
    if not lengths or (not lead and len(words) <= lengths[len(lengths) // 2] + 1):
        return None  # no more words than a name takes: no header before it
    longer = range(min(len(words) - 1, lengths[-1] + 3), lengths[0] - 1, -1)
    sizes = [*sorted(set(lengths)), *(size for size in longer if size not in lengths)]
    sizes = [size for size in sizes if size < len(words) and words[-size][:1].isupper()]
    openers = {t.text.split()[0] for row in rows[1:] if (t := row[before]) is not None}
    sizes.sort(key=lambda size: words[-size] not in openers)  # "Ban" opens "Ban Dân tộc" too
    counted = Counted.of(records)  # the names' words aside, what the numbers say
    for size in sizes:  # a name as long as another first, then the longest a name may be
        first = _with_name(records[0], before, " ".join(words[-size:]))
        if joins_on(words[-size - 1]):
            continue  # "Sở Văn hóa," / "Sở Lao động -" go on: a name, not a header's end
        labels, heading = _heading_apart([*lead, *words[:-size]])
        if heading is not None and heading.split()[-1] in openers:
            continue  # "I Khối sở, ban, ngành Sở": the name's first word, not the heading's
        found = header_before(labels, record_line, len(first.cells), grid, [first, *records[1:]])
        if found is not None and names_a_figure([c.text for c in found[0].cells], counted):
            header = [found[0], *([_with_text(found[0], heading)] if heading else [])]
            return header, [first, *records[1:]]
    return None


def _heading_apart(words: list[str]) -> tuple[list[str], str | None]:
    """Header words ending in a group heading run in before the first name ("… Phân loại I
    Các cơ quan chuyên môn thuộc UBND tỉnh" Công an tỉnh …): the header's words and the
    heading, its mark the last one whose words after it read as a section's caption."""
    for at in range(len(words) - 2, 0, -1):
        heading = " ".join(words[at:])
        if vocab.is_marked_heading(heading) and vocab.is_section_caption(heading):
            return words[:at], heading
    return words, None


def _with_text(line: Line, text: str) -> Line:
    """A row of one cell on ``line``'s place: a group heading under the header."""
    return Line(text, line.at, (Cell(text, line.at),), line.grid)


def _with_name(record: Line, at: int, name: str) -> Line:
    cells = tuple(
        replace(cell, text=name) if k == at else cell for k, cell in enumerate(record.cells)
    )
    return replace(record, text=" | ".join(cell.text for cell in cells), cells=cells)


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
    last = stretch.start + 2 * (len(rows) - 1)
    at = last + 1 if last + 1 < len(groups) and not groups[last + 1].value else last + 2
    if at >= len(groups) or groups[at].value or not groups[at].tokens[0].starts_line:
        return None
    line = groups[at].tokens[0].line
    words = [t for t in groups[at].tokens if t.line == line]
    name = name_key(" ".join(t.text for t in words))
    names = [t.text for row in rows if (t := row[stretch.shape.before]) is not None]
    opening = Counter(text.split()[0] for text in names if text.split())
    known = name in named or (len(words) > 1 and opening[words[0].text] >= 2)
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
        lines.append(Line(" | ".join(texts), at, grid_cells, grid))
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
