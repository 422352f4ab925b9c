"""Space-aligned tables, as ``pdftotext -layout`` and copy-paste from portals give them.

A table body is a run of lines that start with a row number and end in values; the values sit
in columns found from their positions (the most common count of values per row, at the
positions of the widest such rows: pdftotext squeezes some rows of a dense table). A row with
every value takes them in order; a row with a blank cell has fewer and each value goes to the
nearest column. An entry may be spread over several lines (its cells aligned at different
heights): values printed lower and right of its name join its row. The header above the body
is read in ``aligned_header``. A name that wraps is printed around its row's number line, as
many lines above as below (cells centred vertically), or below it when it continues in lower
case; a line starting left of the name column is prose, not part of a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline import vocabulary as vocab
from pipeline.ingest.text.aligned_header import (
    Columns,
    header_above,
    header_rows,
    single_spaced_header,
)
from pipeline.ingest.text.rows import Block, RawRow, Token, is_value, segments, tokens
from pipeline.parse import is_year, parse_number

_STT = re.compile(r"^\d{1,3}\.?$")
MAX_BLANK_RUN = 2
MAX_SPREAD_LINES = 4  # lines under a number line that may hold the rest of its entry


@dataclass(slots=True)
class _Row:
    """A data row being assembled: its number line's tokens, name parts before and after."""

    index: int
    stt: Token | None
    name: list[str]
    values: list[Token]
    above: list[str] = field(default_factory=list)
    below: list[str] = field(default_factory=list)
    on_line: bool = True  # the name (or part of it) is printed on the number line
    name_end: int = 0  # column after the number and name on the number line


def _data_line(line: str) -> _Row | None:
    """A line with a row number or a name, then values; None for anything else."""
    found = tokens(line)
    start = 1 if len(found) >= 2 and (_STT.match(found[0].text) or _unnumbered(found)) else 0
    stt = found[0] if start else None
    index = start
    while index < len(found) and not _opens_values(found, index):
        index += 1
    name, rest = found[start:index], found[index:]
    if not any(is_value(t.text) for t in rest) or (stt is None and not name):
        return None
    band = vocab.band_at_end([t.text for t in name])
    if band:  # "Nghệ An Tốt 87,7": the band printed between the name and the scores
        name, rest = name[:-band], [*name[-band:], *rest]
    text = " ".join(t.text for t in name)
    end = name[-1].end if name else (stt.end if stt else 0)
    cells = _value_cells(rest)
    if _names_among(cells):
        return None  # several records run together on one line: left to the records reader
    if stt is None and _years_only(cells) and (len(cells) > 1 or len(text.split()) > 4):
        return None  # "List of … provinces by 2019 GRDP": a caption dated by its year, no row
        # ("Năm 2017" alone stays a row: the table stage reads it as the next table's caption)
    return _Row(0, stt, [text] if text else [], cells, on_line=bool(text), name_end=end)


def _years_only(cells: list[Token]) -> bool:
    """Every figure among the cells a year: the words and year of a caption, not a unit's
    values (a row printed without its number still prints a score)."""
    numbers = [parse_number(cell.text) for cell in cells if is_value(cell.text)]
    return bool(numbers) and all(n is not None and is_year(n) for n in numbers)


def _unnumbered(found: list[Token]) -> bool:
    """A dash where the row number stands, then a name ("- Thế giới 8,082,059,793 …"): a row
    printed without a number of its own (a reference row above the ranked ones)."""
    return found[0].text in ("-", "–") and not is_value(found[1].text)


def _above_row_one(row: _Row, lines: list[str], index: int) -> bool:
    """A row numbered with a dash stands only right above row 1 (the world, the country over
    its ranked units); elsewhere a dash opens a bullet of prose ("- Từ 90 điểm: Xuất sắc")."""
    if row.stt is None or _STT.match(row.stt.text):
        return True
    below = next((line for line in lines[index + 1 :] if line.strip()), "")
    found = tokens(below)
    return len(found) >= 2 and found[0].text.rstrip(".") == "1" and not is_value(found[1].text)


def _names_among(cells: list[Token]) -> bool:
    """Whether the line goes on with more records of its shape ("… 77,07 Khá 2 UBND huyện Sìn
    Hồ 32,30 … 39,74 Yếu 3 UBND huyện Nậm Nhùn 84,83 …"): words other than a band at a
    regular step among the values, the next names (a date or a note in a row is no record)."""
    worded = [
        at
        for at, cell in enumerate(cells)
        if not is_value(cell.text) and vocab.band_of(cell.text) is None
    ]
    steps = {b - a for a, b in zip([-1, *worded], worded, strict=False)}
    return len(worded) >= 2 and len(steps) == 1 and steps.pop() >= 4


def _named_line(line: str) -> _Row | None:
    """A number line holding only the number and the name, its values printed lower."""
    found = tokens(line)
    if len(found) < 2 or not _STT.match(found[0].text) or any(is_value(t.text) for t in found[1:]):
        return None
    name = " ".join(t.text for t in found[1:])
    return _Row(0, found[0], [name], [], name_end=found[-1].end)


def _continuation(line: str, row: _Row) -> list[Token] | None:
    """Values printed under a row's number line, right of its name: the rest of the entry."""
    found = _value_cells(tokens(line))
    if not found or found[0].start <= row.name_end + 1:
        return None
    if not all(is_value(t.text) or vocab.band_of(t.text) for t in found):
        return None
    words = [t for t in found if not is_value(t.text)]
    if words and row.values and words[0].start < row.values[0].start:
        return None  # a footer's label ("Trung bình"), printed in the name column
    if words == found and row.values and found[0].center < row.values[-1].end:
        return None  # a band row centred over the table, not this row's band cell
    return found


def _name_room(row: _Row) -> int:
    """How far right a line under a row may reach and still be part of its name."""
    return row.values[0].start if row.values else len(max(row.name, key=len, default="")) * 3


def _row_at(lines: list[str], index: int) -> tuple[_Row, int] | None:
    """The data row whose number line is at ``index`` and the index after its last line.

    An entry may be spread over several lines (cells aligned at different heights): values
    printed lower, right of the name, join the row; name lines among them are its name's end.
    """
    if "\t" in lines[index]:
        return None
    row = _data_line(lines[index]) or _named_line(lines[index])
    if row is None or (row.stt is not None and not _above_row_one(row, lines, index)):
        return None
    end, below = index + 1, list[str]()
    for position in range(index + 1, min(len(lines), index + 1 + MAX_SPREAD_LINES)):
        more = _continuation(lines[position], row) if row.stt is not None else None
        if more is not None:
            row.values = sorted(row.values + more, key=lambda token: token.start)
            row.below += below
            end, below = position + 1, []
        elif not lines[position].strip():
            continue  # a tall row: blank lines between the parts of one entry
        elif _is_fragment(lines[position], _name_room(row)):
            below.append(" ".join(lines[position].split()))
        else:
            break
    ends_text = row.stt is not None and not "".join(lines[end:]).strip()
    return (row, end) if row.values or ends_text else None  # the text may end in its name


def _opens_values(found: list[Token], index: int) -> bool:
    """A number starts the values; a dash only when set apart ("Sở Khoa học - Công nghệ")."""
    token = found[index]
    if not is_value(token.text):
        return False
    if parse_number(token.text) is not None or index == 0:
        return True
    return token.start - found[index - 1].end >= 2


def _value_cells(found: list[Token]) -> list[Token]:
    """Values one per token; words one space apart ("Xuất sắc") one cell."""
    cells: list[Token] = []
    for token in found:
        last = cells[-1] if cells else None
        words = last and not is_value(token.text) and not is_value(last.text)
        if last and words and token.start - last.end == 1:
            cells[-1] = Token(f"{last.text} {token.text}", last.start, token.end)
            continue
        cells.append(token)
    return cells


def _span(row: _Row) -> int:
    return row.values[-1].end - row.values[0].start


def _columns(rows: list[_Row]) -> Columns:
    counts = Counter(len(row.values) for row in rows if row.stt is not None)
    k = counts.most_common(1)[0][0]
    full = [row for row in rows if len(row.values) == k]
    # pdftotext squeezes some rows of a dense table (values one space apart); the widest rows
    # keep the positions the header is printed at
    widest = max(_span(row) for row in full)
    full = [row for row in full if _span(row) >= widest - 2]
    centers = tuple(sorted(row.values[j].center for row in full)[len(full) // 2] for j in range(k))
    starts = [row.stt.end + 1 for row in rows if row.stt is not None]
    values_start = min(row.values[0].start for row in rows if row.values)
    return Columns(bool(starts), min(starts) if starts else 0, values_start, centers)


def find_aligned(lines: list[str]) -> list[tuple[int, Block]]:
    """Every space-aligned table of a page: (first line index, block)."""
    found: list[tuple[int, Block]] = []
    index = 0
    while index < len(lines):
        block = _block_at(lines, index, found[-1][1].end if found else 0)
        if block is None:
            index += 1
            continue
        found.append(block)
        index = max(block[1].end, index + 1)  # a block always moves the reading on
    return found


def _numbered(lines: list[str], index: int) -> _Row | None:
    found = _row_at(lines, index)
    return found[0] if found is not None and found[0].stt is not None else None


def _block_at(lines: list[str], index: int, floor: int) -> tuple[int, Block] | None:
    """The table whose body starts at ``index``, when two numbered rows follow each other."""
    first = _numbered(lines, index)
    after = range(index + 1, min(index + 8, len(lines)))  # the text may end inside the table
    if first is None or not any(_numbered(lines, j) for j in after):
        return None
    rows, gaps, end = _body(lines, index, first.values[0].start)
    if sum(row.stt is not None for row in rows) < 2:
        return None
    columns = _columns(rows)
    start = _body_start(lines, index, floor, columns.values_start, first.on_line)
    name_start = columns.name_start if columns.has_stt else 0
    rows, gaps, end = _body(lines, start, columns.values_start, name_start)
    if sum(row.stt is not None for row in rows) < 2:
        return None  # read from the name column's start, the rows do not hold together
    top, header = header_above(lines, start, floor)
    _share_fragments(rows, gaps)
    body = _body_rows(rows, columns, lines)
    texts = [row.cells for row in body]
    if not header and start - 1 >= floor:  # a long header line one space apart, right above
        cells = single_spaced_header(lines[start - 1], columns, texts)
        if cells is not None:
            return start - 1, Block((RawRow(0, tuple(cells)), *body), end)
    return top, Block((*header_rows(header, columns, texts), *body), end)


def _body_start(lines: list[str], index: int, floor: int, values_start: int, named: bool) -> int:
    """Band rows, and the top of row 1's name when it is not on its number line, above it."""
    while index - 1 >= floor:
        text = lines[index - 1]
        fragment = not named and _is_fragment(text, values_start) and len(text.strip()) <= 40
        if not (_is_marker(text) or fragment):
            break
        index -= 1
    return index


def _body(
    lines: list[str], start: int, values_start: int | None, name_start: int = 0
) -> tuple[list[_Row], list[list[str]], int]:
    """Data rows from ``start`` on (band and section rows among them), and the name fragments
    printed after each of them (never left of the name column: prose is)."""
    rows: list[_Row] = []
    gaps: list[list[str]] = [[]]  # gaps[0]: name lines before the first row
    blanks, index, end = 0, start, start
    while index < len(lines):
        text = lines[index]
        found = _row_at(lines, index)
        if not text.strip():
            blanks += 1
            if blanks > MAX_BLANK_RUN:
                break
        elif found is not None or (_is_marker(text) and _rows_follow(lines, index, values_start)):
            row, after = found or (_Row(index, None, [" ".join(text.split())], []), index + 1)
            row.index = index
            rows.append(row)
            gaps.append([])
            blanks, end, index = 0, after, after
            continue
        elif (named := _named_line(text)) is not None and _counts_on(rows, named):
            named.index = index  # a unit printed without values, numbered on from the rows
            rows.append(named)
            gaps.append([])
            blanks, end = 0, index + 1
        elif _is_fragment(text, _values_start(rows) if values_start is None else values_start):
            if segments(text)[0].start < name_start - 1:
                break
            gaps[-1].append(" ".join(text.split()))
            blanks, end = 0, index + 1
        else:
            break
        index += 1
    if gaps[0] and rows:
        rows[0].above = gaps[0] + rows[0].above
    return rows, gaps[1:], end


def _counts_on(rows: list[_Row], row: _Row) -> bool:
    """Whether ``row``'s number is the one after the last numbered row's."""
    numbered = [r.stt for r in rows if r.stt is not None]
    last = parse_number(numbered[-1].text.rstrip(".")) if numbered else None
    own = parse_number(row.stt.text.rstrip(".")) if row.stt is not None else None
    return last is not None and own is not None and own == last + 1


def _rows_follow(lines: list[str], index: int, values_start: int | None) -> bool:
    """A band or section row belongs to the body when rows (not a new header) come next."""
    for text in lines[index + 1 : index + 4]:
        if text.strip():
            fragment = values_start is not None and _is_fragment(text, values_start)
            return _data_line(text) is not None or _is_marker(text) or fragment
    return False


def _is_marker(text: str) -> bool:
    """A band row ("MỨC TỐT") or a section row ("II. UBND các huyện") inside the body."""
    parts = segments(text)
    if len(parts) != 1:
        return False
    text = parts[0].text
    numbered = vocab.SECTION_NUMBERING.match(vocab.fold(text)) is not None
    return vocab.band_of(text) is not None or (numbered and vocab.is_section_caption(text))


def _is_fragment(text: str, values_start: int) -> bool:
    """Text only, printed left of the value columns: a part of a wrapped name."""
    parts = segments(text)
    return (
        len(parts) == 1
        and not _is_marker(text)
        and _data_line(text) is None
        and not any(parse_number(t.text) is not None for t in tokens(text))
        and parts[0].end <= values_start + 1
    )


def _values_start(rows: list[_Row]) -> int:
    return min((row.values[0].start for row in rows if row.values), default=0)


def _share_fragments(rows: list[_Row], gaps: list[list[str]]) -> None:
    """Lines between two number lines: the lower part of the row above, the upper of the next.

    A centred cell prints as many lines below its number line as above; a line in lower case
    continues the name above; what is left over opens the next name.
    """
    for position, (row, gap) in enumerate(zip(rows, gaps, strict=True)):
        following = rows[position + 1] if position + 1 < len(rows) else None
        rest = list(gap)
        if row.values:
            below, rest = rest[: len(row.above)], rest[len(row.above) :]
            while rest and (
                rest[0][:1].islower()
                or following is None
                or not following.values
                or not (row.on_line or row.above or below)
            ):
                below.append(rest.pop(0))
            row.below.extend(below)
        if following is not None:
            following.above.extend(rest)


def _in_columns(rows: list[_Row], columns: Columns) -> bool:
    """Whether the full rows' values sit under their own column centres: a table aligned by
    spaces, not one whose cells are parted by single spaces (where a place says nothing)."""
    first_value = int(columns.has_stt) + 1
    full = [row for row in rows if len(row.values) == len(columns.centers)]
    return all(
        columns.of(value.center) == first_value + j
        for row in full
        for j, value in enumerate(row.values)
    )


def _body_rows(rows: list[_Row], columns: Columns, lines: list[str]) -> list[RawRow]:
    out: list[RawRow] = []
    last_line = max((i for i, text in enumerate(lines) if text.strip()), default=-1)
    aligned = _in_columns(rows, columns)
    for row in rows:
        cells = [""] * columns.width
        if not row.values and row.stt is None:
            cells[0] = row.name[0]
            out.append(RawRow(row.index + 1, tuple(cells)))  # a band or section row
            continue
        if columns.has_stt and row.stt is not None:
            cells[0] = row.stt.text.rstrip(".")
        cells[int(columns.has_stt)] = " ".join(row.above + row.name + row.below)
        cut = row.index == last_line and len(row.values) < len(columns.centers)
        # in order when full, however the row shifts; a cut row prints its first cells
        in_order = len(row.values) == len(columns.centers) or (cut and not aligned)
        values = row.values
        if _words_run_on(row, rows, len(columns.centers)):
            values, in_order = _last_cell_joined(values, len(columns.centers)), True
        for j, value in enumerate(values):
            position = int(columns.has_stt) + 1 + j if in_order else columns.of(value.center)
            cells[position] = f"{cells[position]} {value.text}".strip()
        out.append(RawRow(row.index + 1, tuple(cells), cut))
    return out


def _words_run_on(row: _Row, rows: list[_Row], width: int) -> bool:
    """Whether a row of single-spaced cells prints more cells than the table's because its last
    cell, words in every other row ("triệu đồng"), runs on with more words and figures
    ("281,235 triệu đồng (cả dầu khí); trừ dầu khí 165,2 triệu đồng"): its first cells are
    then of the kinds the others print there, in order."""
    if width < 2 or len(row.values) <= width or not _single_spaced(row):
        return False
    full = [r for r in rows if len(r.values) == width]
    kinds = Counter(tuple(is_value(v.text) for v in r.values) for r in full).most_common(1)
    if not kinds or 2 * kinds[0][1] <= len(full) or kinds[0][0][-1]:
        return False  # no shape the rows share, or their last cell is a figure
    return tuple(is_value(v.text) for v in row.values[: width - 1]) == kinds[0][0][:-1]


def _last_cell_joined(values: list[Token], width: int) -> list[Token]:
    """The row's cells with those from the table's last column on as one cell of words."""
    rest = values[width - 1 :]
    joined = Token(" ".join(v.text for v in rest), rest[0].start, rest[-1].end)
    return [*values[: width - 1], joined]


def _single_spaced(row: _Row) -> bool:
    """Whether one space parts the row's name and each of its cells: no column is aligned."""
    ends = [row.name_end, *(v.end for v in row.values[:-1])]
    return all(v.start - end == 1 for v, end in zip(row.values, ends, strict=True))
