"""One cell per line, as HTML-to-text tools write a table: header cells first, then the rows.

The header starts at a lone "STT" (or "Xếp hạng" where the rank is the only numbering); its
cells may wrap over two lines ("Tên cơ quan," / "đơn vị", "Điểm tự đánh giá" / "(60)"). The
number of columns comes from the rows: the smallest period at which every row starts with a
number followed by a name; the header lines are then joined into that many cells. Band rows
("MỨC TỐT") and footer rows ("Tổng cộng", "Trung bình") sit between rows. A text that ends
inside a row keeps the cells it prints and marks the row cut.
"""

from __future__ import annotations

import re

from pipeline import vocabulary as vocab
from pipeline.ingest.text.cell_header import header_cells, maxima_cells
from pipeline.ingest.text.rows import Block, RawRow, blocks_of, is_value
from pipeline.models import BLANK_MARKS
from pipeline.parse import parse_number
from pipeline.unit_rows import counts_on

_START = re.compile(r"^(stt|tt|số\s*tt|xếp\s+hạng|thứ\s+hạng|hạng)\.?$")
_MAX_CELL = 90  # a longer line is prose, not a cell
MAX_HEADER_LINES = 64  # up to MAX_COLUMNS header cells, most wrapped over three lines
MAX_COLUMNS = 20


def find_cellwise(lines: list[str]) -> list[tuple[int, Block]]:
    """Every one-cell-per-line table of a page: (first line index, block)."""
    return blocks_of(lines, _block_at)


def _under_cell(lines: list[str], index: int) -> bool:
    """Whether the line above is a header cell too ("Tổng điểm" / "đạt được" over "Xếp
    hạng"): the header starts higher, and a reading from here would shift its labels."""
    above = " ".join(lines[index - 1].split()) if index > 0 else ""
    sentence = above.endswith((":", ";")) or (above.endswith(".") and " " in above)
    return bool(above) and len(above) <= _MAX_CELL and not sentence and not is_value(above)


def _fold(line: str) -> str:
    return vocab.fold(line.strip().strip("*").strip())


def _cells_from(lines: list[str], start: int) -> list[tuple[int, str]]:
    """(index, text) of the non-blank lines from ``start`` while they can be cells."""
    cells = []
    for index in range(start, len(lines)):
        text = " ".join(lines[index].split())
        if not text:
            continue
        if len(text) > _MAX_CELL or "\t" in lines[index] or text.startswith("|"):
            break
        cells.append((index, text))
    return cells


def _block_at(lines: list[str], start: int) -> Block | None:
    """The table whose header starts at ``start`` (with a row number's or rank's word, the
    header's top line): its body opens at the first value line that is no label's number
    ("Nội dung" / "1" / "Nội dung" / "2" are a header's labels)."""
    if not vocab.says(_START, _fold(lines[start])) or _under_cell(lines, start):
        return None
    cells = _cells_from(lines, start)
    opens = (i for i, (_, text) in enumerate(cells) if _opens_body(text))
    first_value = next((i for i in opens if not _label_number(cells, i)), None)
    if first_value is None or first_value > MAX_HEADER_LINES or first_value < 2:
        return None
    return _block_from(cells, first_value)


def _label_number(cells: list[tuple[int, str]], at: int) -> bool:
    """Whether the number at ``at`` ends a label the header repeats with other numbers: the
    words before it stand two lines before or after it too ("Nội dung" / "1" / "Nội dung")."""
    before = cells[at - 1][1] if at >= 1 else None
    around = [cells[k][1] for k in (at - 3, at + 1) if 0 <= k < len(cells)]
    words = before is not None and any(char.isalpha() for char in before)
    return words and before in around


def _block_from(cells: list[tuple[int, str]], first_value: int) -> Block | None:
    header, body = cells[:first_value], cells[first_value:]
    lead = header[-2:] if _heading_at(header, len(header) - 2) else []
    header = header[: len(header) - len(lead)]  # "I" / "Khối sở, ban, ngành" over the rows
    maxima, body = _maxima_row(header, body)
    if maxima:
        header = header[:-1]
    width = _period(body)
    named = _from_first_name(cells, first_value, maxima)
    if width is None or (_name_first(named, width) and (not maxima or _whole_rows(named, width))):
        return None  # the rows start with their names: left to the table stage's records
    rows, used = _rows(body, width)
    if lead:
        rows.insert(0, _heading_row(lead, width))
    if maxima:
        placed = maxima_cells([text for _, text in maxima], [row.cells for row in rows], width)
        if placed is None:
            return None  # maxima more than the columns of numbers: no such header
        rows.insert(0, RawRow(maxima[0][0] + 1, placed))
    if sum(1 for row in rows if any(row.cells)) < 2 or _names_repeat(rows):
        return None
    end = (body[used - 1][0] if used else header[-1][0]) + 1
    labels = header_cells([text for _, text in header], width, [row.cells for row in rows])
    if labels is None:  # no reading of the header holds: roles from the numbers, the first
        first = _first_label(header, rows, width)  # column's label aside (it opens them)
        return Block((first, *rows) if first else tuple(rows), end)
    return Block((RawRow(header[0][0] + 1, tuple(labels)), *rows), end)


def _first_label(header: list[tuple[int, str]], rows: list[RawRow], width: int) -> RawRow | None:
    """The header's first line ("Số TT", "Xếp hạng") as the label of a first column of numbers,
    the other labels left blank: what the page says the numbers before the names are. Only a
    header of a line or more per column opens with the first column's label; a shorter one
    may be its last columns' ("Xếp hạng" / "(điểm)" under "S.T.T" / "Tên đơn vị")."""
    numbered = [row for row in rows if row.cells and parse_number(row.cells[0]) is not None]
    if len(header) < width or 2 * len(numbered) <= len(rows):
        return None
    return RawRow(header[0][0] + 1, (header[0][1], *[""] * (width - 1)))


def _maxima_row(
    header: list[tuple[int, str]], body: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A maxima row closing the header ("Điểm tối đa" / "100" / …, then "1" / "Xã A"): its
    label and values, apart from the rows; nothing when the header ends otherwise."""
    if not header or not vocab.MAXIMA_ROW.match(_fold(header[-1][1])):
        return [], body
    for start in range(1, min(len(body), MAX_COLUMNS)):
        if not is_value(body[start - 1][1]):
            break
        if _period(body[start:]) is not None:
            return [header[-1], *body[:start]], body[start:]
    return [], body


def _names_repeat(rows: list[RawRow]) -> bool:
    """Whether the rows' first cell of words repeats ("2" / "Pillar", "3" / "Pillar" …): the
    labels of a header one cell per line, each with its number, not units, each named once."""
    names = [next((cell for cell in row.cells if cell and not is_value(cell)), "") for row in rows]
    named = [name for name in names if name]
    return len(named) >= 3 and 5 * len(set(named)) < 4 * len(named)


def _from_first_name(
    cells: list[tuple[int, str]], first_value: int, maxima: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The cells from where rows would start if they start with their names: one line before
    the first value (the header's last line), or, under a maxima row, its values' end."""
    if not maxima:
        return cells[first_value - 1 :]
    body = cells[first_value:]
    return body[next((k for k, (_, text) in enumerate(body) if not is_value(text)), 0) :]


def _whole_rows(cells: list[tuple[int, str]], width: int) -> bool:
    """Whether the cells up to the last value make whole rows of ``width``: under a maxima row
    only the right reading does ("100" / "01" / "Sở A" …: the rank after the total leaves the
    number-first reading a row short, the rank before the name the name-first one)."""
    last = max((k for k, (_, text) in enumerate(cells) if is_value(text)), default=-1)
    return (last + 1) % width == 0


def _name_first(cells: list[tuple[int, str]], width: int) -> bool:
    """Whether the rows start one line earlier, with the name ("Ninh Bình" / "01" /
    "Thái Nguyên" / "02" …): the header's last line is then the first row's name and the
    rank word that opened the header its last cell. Left to the table stage's records."""
    chunks = [cells[at : at + width] for at in range(0, len(cells) - width + 1, width)]
    shape = [is_value(text) for _, text in chunks[0]] if chunks else []
    rows = 0
    for chunk in chunks:
        if [is_value(text) for _, text in chunk] != shape:
            break
        rows += 1
    covered = rows * width + 2 >= len(cells)  # the whole table, but for a line after it
    firsts = {chunk[0][1] for chunk in chunks[:rows]}
    named = 5 * len(firsts) >= 4 * rows  # names differ; a band ending each row repeats
    return rows >= 3 and bool(shape) and not shape[0] and any(shape) and covered and named


def _opens_body(text: str) -> bool:
    """The first line under the header: a row's number, or a band row ("Loại Rất tốt")."""
    return is_value(text) or vocab.band_of(text) is not None


def _is_row_start(body: list[tuple[int, str]], at: int) -> bool:
    return (
        at + 1 < len(body)
        and is_value(body[at][1])
        and not is_value(body[at + 1][1])
        and vocab.band_of(body[at + 1][1]) is None
    )


def _period(body: list[tuple[int, str]]) -> int | None:
    """The smallest row width at which the first rows each start with a number and a name;
    band rows between them ("Loại Tốt") are left out when the rows do not fit with them."""
    for rows in (body, [(line, text) for line, text in body if vocab.band_of(text) is None]):
        for width in range(2, MAX_COLUMNS + 1):
            starts = [k * width for k in range(4) if k * width + 1 < len(rows)]
            if len(starts) >= 2 and all(_is_row_start(rows, at) for at in starts):
                return width
    return None


def _row_shape(body: list[tuple[int, str]], width: int) -> tuple[bool | None, ...]:
    """Which cells of a row are values, as the first row (under any band row) prints them;
    None where it prints a blank mark ("-" may stand in a number or a word column)."""
    first = next((i for i, (_, text) in enumerate(body) if vocab.band_of(text) is None), 0)
    return tuple(
        None if text in BLANK_MARKS else _is_figure(text) for _, text in body[first : first + width]
    )


def _is_figure(text: str) -> bool:
    """A value, or a number in parentheses (a score under its rank, "(92,95)"): a words cell
    in a row's shape is no place for it, nor it for words (a caption after the table)."""
    inner = text[1:-1] if text.startswith("(") and text.endswith(")") else None
    return is_value(text) or (inner is not None and parse_number(inner) is not None)


def _fits(body: list[tuple[int, str]], at: int, shape: tuple[bool | None, ...]) -> bool:
    """The lines from ``at`` hold a row: values and words where the first row has them
    (a blank mark may stand for either); a row the text ends in fits as far as it goes."""
    chunk = [text for _, text in body[at : at + len(shape)]]
    cut_short = at + len(shape) > len(body) and is_value(body[at][1])  # the text ends here
    return (_is_row_start(body, at) or cut_short) and all(
        value is None or _is_figure(text) == value or text in BLANK_MARKS
        for text, value in zip(chunk, shape, strict=False)
    )


def _rows(body: list[tuple[int, str]], width: int) -> tuple[list[RawRow], int]:
    """Rows of ``width`` cells; band and footer rows between them; how many lines were used.

    The table ends at the first lines that do not hold a row of the first row's shape.
    """
    shape = _row_shape(body, width)
    rows: list[RawRow] = []
    at = 0
    while at < len(body):
        line, text = body[at]
        if vocab.band_of(text) or vocab.SUMMARY_ROW.match(vocab.fold(text)):
            summary = vocab.SUMMARY_ROW.match(vocab.fold(text))
            taken = _footer(body, at, shape) if summary else 1
            cells = [text, *[t for _, t in body[at + 1 : at + taken]]]
            rows.append(RawRow(line + 1, _right_aligned(cells, width)))
            at += taken
            continue
        if _heading_at(body, at) and _fits(body, at + 2, shape):
            rows.append(_heading_row(body[at : at + 2], width))
            at += 2
            continue
        if not _fits(body, at, shape):
            if _unit_without_values(body, at, rows):
                name = [t for _, t in body[at : at + 2]]
                rows.append(RawRow(line + 1, tuple(name + [""] * (width - 2))))
                at += 2
            break
        chunk = [t for _, t in body[at : at + width]]
        if len(chunk) < width:
            rows.append(RawRow(line + 1, tuple(chunk + [""] * (width - len(chunk))), cut=True))
            return rows, len(body)
        rows.append(RawRow(line + 1, tuple(chunk)))
        at += width
    return rows, at


def _heading_at(lines: list[tuple[int, str]], at: int) -> bool:
    """Whether a group heading starts at ``at``: its mark alone on a line ("I", "B."), then
    its words ("Khối UBND cấp huyện")."""
    if at < 0 or at + 1 >= len(lines):
        return False
    words = lines[at + 1][1]
    return vocab.is_group_mark(lines[at][1]) and not is_value(words) and not vocab.band_of(words)


def _heading_row(lines: list[tuple[int, str]], width: int) -> RawRow:
    """A group heading as a row: its mark and words in the first cell, as one heading."""
    return RawRow(lines[0][0] + 1, (" ".join(text for _, text in lines), *[""] * (width - 1)))


def _unit_without_values(body: list[tuple[int, str]], at: int, rows: list[RawRow]) -> bool:
    """A last row printing its number and its name and nothing else ("7" / "Xã Canh Hiệp",
    then the text after the table): its number goes on from the row above."""
    if not _is_row_start(body, at) or not rows or not rows[-1].cells:
        return False
    return counts_on(rows[-1].cells[0], body[at][1])


def _footer(body: list[tuple[int, str]], at: int, shape: tuple[bool | None, ...]) -> int:
    """Lines a footer row takes: its label and the values after it, up to the next row."""
    taken = 1
    while at + taken < len(body) and taken < len(shape) - 1 and is_value(body[at + taken][1]):
        if _fits(body, at + taken, shape):
            break
        taken += 1
    return taken


def _right_aligned(cells: list[str], width: int) -> tuple[str, ...]:
    """A footer's label in the name column, its values in the last columns."""
    label, values = cells[0], cells[1:]
    if not values:
        return (label,) + ("",) * (width - 1)
    middle = width - 1 - len(values)
    return ("", label, *([""] * (middle - 1)), *values) if middle >= 1 else tuple(cells)
