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

from collections import Counter
from collections.abc import Callable

from pipeline import vocabulary as vocab
from pipeline.ingest.text.aligned_header import (
    Columns,
    header_above,
    header_rows,
    number_label_row,
    single_spaced_rows,
)
from pipeline.ingest.text.aligned_rows import (
    Row,
    data_line,
    halves,
    is_fragment,
    is_marker,
    named_line,
    row_at,
    span,
)
from pipeline.ingest.text.rows import Block, RawRow, Token, is_value, segments
from pipeline.parse import parse_number
from pipeline.unit_rows import counts_on, opens_like_the_names

MAX_BLANK_RUN = 2
MIN_COUNTED = 3  # rows counting 1, 2, 3 … before the next table's header parts them


def _columns(rows: list[Row]) -> Columns:
    counts = Counter(len(row.values) for row in rows if row.stt is not None)
    k = counts.most_common(1)[0][0]
    full = [row for row in rows if len(row.values) == k]
    # pdftotext squeezes some rows of a dense table (values one space apart); the widest rows
    # keep the positions the header is printed at
    widest = max(span(row) for row in full)
    full = [row for row in full if span(row) >= widest - 2]
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


def _numbered(lines: list[str], index: int) -> Row | None:
    found = row_at(lines, index)
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
    rows, gaps, start, end = _sentences_trimmed(rows, gaps, start, end, len(columns.centers))
    if sum(row.stt is not None for row in rows) < 2:
        return None  # read from the name column's start, the rows do not hold together
    top, header = header_above(lines, start, floor)
    _share_fragments(rows, gaps)
    body = _body_rows(rows, columns, lines)
    texts = [row.cells for row in body]
    labels = header_rows(header, columns, texts)
    if not any(cell for row in labels for cell in row.cells) and start - 1 >= floor:
        # no label read: a long header line one space apart, right above
        above = single_spaced_rows(lines[floor:start], columns, texts)
        above = above or number_label_row(lines[floor:start], columns)
        if above:
            return start - len(above), Block((*above, *body), end)
    elif columns.has_stt and not any(row.cells[0] for row in labels):
        labels = [*number_label_row(lines[floor:start], columns), *labels]  # "Stt" over it
    return top, Block((*labels, *body), end)


def _sentences_trimmed(
    rows: list[Row], gaps: list[list[str]], start: int, end: int, width: int
) -> tuple[list[Row], list[list[str]], int, int]:
    """The body without the lines of prose at its top and bottom that a figure opens like a
    row ("1. Daftar 10 provinsi dengan skor …", "Berikut rincian 10 provinsi …" over a list
    whose rows print one score): more cells than the rows print, words among those past
    them, where the rows' own last cell does not run on in words, and numbered out of the
    rows' count (a first or last row with a note after its score, "11 Sở K 60 (bị trừ
    điểm)" after row 10, stays a row). From the first such line after the last row printing
    its values, the rest is the text after the table."""

    def sentence(row: Row) -> bool:
        extra = row.values[width:]
        return (
            bool(extra)
            and not all(is_value(v.text) for v in extra)
            and not _words_run_on(row, rows, width)
        )

    def leads(at: int) -> bool:  # numbered on into the next row
        return at + 1 < len(rows) and _counts_on([rows[at]], rows[at + 1])

    rows, gaps = _asides_dropped(rows, gaps, sentence)
    top = (at for at, row in enumerate(rows) if not sentence(row) or leads(at))
    head = next(top, len(rows))
    proper = [at for at in range(head, len(rows)) if 1 <= len(rows[at].values) <= width]
    after = proper[-1] + 1 if proper else head  # the prose after the list, then anything
    bottom = (at for at in range(after, len(rows)) if sentence(rows[at]) and not leads(at - 1))
    tail = next(bottom, len(rows))
    if head == 0 and tail == len(rows):
        return rows, gaps, start, end
    kept = rows[head:tail]
    start = kept[0].index if head and kept else start
    end = rows[tail].index if tail < len(rows) else end
    return kept, gaps[head:tail], start, end


def _asides_dropped(
    rows: list[Row], gaps: list[list[str]], sentence: Callable[[Row], bool]
) -> tuple[list[Row], list[list[str]]]:
    """The body without an unnumbered line of prose set between two rows that number on from
    each other ("3. Papua, skor 69,87", "BACA JUGA: Daftar 17 Kabupaten …", "4. Nusa Tenggara
    Barat, skor 69,98"): a link or a note the page put inside the list, not a unit; the rows
    around it say so, as the next row's number is the one after the last."""
    kept = [
        at
        for at, row in enumerate(rows)
        if row.stt is not None or not sentence(row) or not _between_counting(rows, at)
    ]
    if len(kept) == len(rows):
        return rows, gaps
    return [rows[at] for at in kept], [gaps[at] for at in kept]


def _between_counting(rows: list[Row], at: int) -> bool:
    before = [row for row in rows[:at] if row.stt is not None]
    after = next((row for row in rows[at + 1 :] if row.stt is not None), None)
    return bool(before) and after is not None and _counts_on(before, after)


def _body_start(lines: list[str], index: int, floor: int, values_start: int, named: bool) -> int:
    """Band rows, and the top of row 1's name when it is not on its number line, above it."""
    while index - 1 >= floor:
        text = lines[index - 1]
        fragment = not named and is_fragment(text, values_start) and len(text.strip()) <= 40
        if not (is_marker(text) or fragment):
            break
        index -= 1
    return index


def _body(
    lines: list[str], start: int, values_start: int | None, name_start: int = 0
) -> tuple[list[Row], list[list[str]], int]:
    """Data rows from ``start`` on (band and section rows among them), and the name fragments
    printed after each of them (never left of the name column: prose is)."""
    rows: list[Row] = []
    gaps: list[list[str]] = [[]]  # gaps[0]: name lines before the first row
    blanks, index, end = 0, start, start
    while index < len(lines):
        text = lines[index]
        found = row_at(lines, index)
        if not text.strip():
            blanks += 1
            if blanks > MAX_BLANK_RUN or _next_header(lines, index + 1, rows):
                break
        elif found is not None or (is_marker(text) and _rows_follow(lines, index, values_start)):
            row, after = found or (Row(index, None, [" ".join(text.split())], []), index + 1)
            row.index = index
            rows.append(row)
            gaps.append([])
            blanks, end, index = 0, after, after
            continue
        elif (named := named_line(text)) is not None and _counts_on(rows, named):
            named.index = index  # a unit printed without values, numbered on from the rows
            rows.append(named)
            gaps.append([])
            blanks, end = 0, index + 1
        elif (unit := _unit_without_values(lines, index, rows)) is not None:
            rows.append(unit)  # the last, its line closing the table
            gaps.append([])
            end = index + 1
            break
        elif is_fragment(text, _values_start(rows) if values_start is None else values_start):
            if segments(text)[0].start < name_start - 1:
                break
            gaps[-1].append(" ".join(text.split()))
            blanks, end = 0, index + 1
        else:
            break
        index += 1
    if gaps[0] and rows:
        rows[0].above = gaps[0] + rows[0].above
    rows, gaps = _halves_apart(rows, gaps)
    return rows, gaps[1:], end


def _next_header(lines: list[str], index: int, rows: list[Row]) -> bool:
    """Whether the unnumbered lines after a blank line (from ``index``) to the next numbered
    row are the next table's caption and header: one of them prints words among its cells
    ("STT Xã … Lĩnh vực 1 (39) Lĩnh vực 2 (61) …"), the rows so far count 1, 2, 3 … and the
    row under those lines starts the count again at 1."""
    numbers = [parse_number(row.stt.text.rstrip(".")) for row in rows if row.stt is not None]
    if len(numbers) < MIN_COUNTED or numbers != list(range(1, len(numbers) + 1)):
        return False
    worded = False
    for at in range(index, len(lines)):
        found = row_at(lines, at) if lines[at].strip() else None
        if found is None:
            continue
        row = found[0]
        if row.stt is not None:
            return worded and parse_number(row.stt.text.rstrip(".")) == 1
        worded = worded or any(
            not is_value(v.text) and vocab.band_of(v.text) is None for v in row.values
        )
    return False


def _unit_without_values(lines: list[str], index: int, rows: list[Row]) -> Row | None:
    """A unit printed after the last row with its name alone, no number and no values ("Sở
    Khoa học và Công nghệ", then a blank line and the next year's caption): a line of two words
    or more, no figure, opening with the word that opens two names of the rows or more, and
    no row's name; a blank line or the text's end under it."""
    words = lines[index].split()
    below = lines[index + 1] if index + 1 < len(lines) else ""
    if len(words) < 2 or below.strip() or not rows or not words[0][:1].isupper():
        return None
    if any(parse_number(word) is not None for word in words) or words[-1].endswith((":", ".")):
        return None
    names = [" ".join(" ".join(row.name).split()) for row in rows]
    if not opens_like_the_names(words, names) or " ".join(words) in names:
        return None
    return Row(index, None, [" ".join(words)], [], unit=True)


def _halves_apart(rows: list[Row], gaps: list[list[str]]) -> tuple[list[Row], list[list[str]]]:
    """Lines printing two records side by side (a ranking printed in two halves), when half
    the rows or more do: each record a row, the right half's rows read after the left's."""
    split = [halves(row) for row in rows]
    seconds = [second for _, second in split if second is not None]
    if not seconds or 2 * len(seconds) < len(rows):
        return rows, gaps
    return [first for first, _ in split] + seconds, gaps + [[] for _ in seconds]


def _counts_on(rows: list[Row], row: Row) -> bool:
    """Whether ``row``'s number is the one after the last numbered row's."""
    numbered = [r.stt for r in rows if r.stt is not None]
    return bool(numbered) and row.stt is not None and counts_on(numbered[-1].text, row.stt.text)


def _rows_follow(lines: list[str], index: int, values_start: int | None) -> bool:
    """A band or section row belongs to the body when rows (not a new header) come next."""
    for text in lines[index + 1 : index + 4]:
        if text.strip():
            fragment = values_start is not None and is_fragment(text, values_start)
            return data_line(text) is not None or is_marker(text) or fragment
    return False


def _values_start(rows: list[Row]) -> int:
    return min((row.values[0].start for row in rows if row.values), default=0)


def _share_fragments(rows: list[Row], gaps: list[list[str]]) -> None:
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


def _in_columns(rows: list[Row], columns: Columns) -> bool:
    """Whether the full rows' values sit under their own column centres: a table aligned by
    spaces, not one whose cells are parted by single spaces (where a place says nothing)."""
    first_value = int(columns.has_stt) + 1
    full = [row for row in rows if len(row.values) == len(columns.centers)]
    return all(
        columns.of(value.center) == first_value + j
        for row in full
        for j, value in enumerate(row.values)
    )


def _body_rows(rows: list[Row], columns: Columns, lines: list[str]) -> list[RawRow]:
    out: list[RawRow] = []
    last_line = max((i for i, text in enumerate(lines) if text.strip()), default=-1)
    aligned = _in_columns(rows, columns)
    for row in rows:
        cells = [""] * columns.width
        if not row.values and row.stt is None and not row.unit:
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


def _words_run_on(row: Row, rows: list[Row], width: int) -> bool:
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


def _single_spaced(row: Row) -> bool:
    """Whether one space parts the row's name and each of its cells: no column is aligned."""
    ends = [row.name_end, *(v.end for v in row.values[:-1])]
    return all(v.start - end == 1 for v, end in zip(row.values, ends, strict=True))
