"""The header printed above records found in text, kept only when its words agree with the
numbers: lines that join into one cell per column (wrapped cells joined), with a group heading
and a maxima row printed one cell per line between it and the first record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline import vocabulary as vocab
from pipeline.ingest.text.cell_header import (
    after_open,
    header_cells,
    join_header,
    maxima_cells,
    opens_with_number,
)
from pipeline.models import Cell, Line
from pipeline.parse import split_max
from pipeline.tables.records.fit import Counted, header_fits, is_year_label, named_right
from pipeline.tables.records.words import value_text


def header_row(
    run: list[Line],
    columns: int,
    floor: int,
    first_line: int,
    grid: int,
    records: list[Line],
) -> tuple[list[Line], int] | None:
    """The header above the records when its lines join into one cell per column (a header
    printed one cell per line, wrapped cells joined), and a group heading between it and the
    first record ("I" / "Khối sở, ban, ngành") as a row of its own: the rows, the first line.
    A row of maxima printed one cell per line there is left out."""
    width = columns
    counted = Counted.of(records)
    for end in _header_ends(run, floor, first_line, width):
        top = end
        while top > floor and end - top < 3 * width and _may_be_header(run[top - 1].text):
            top -= 1
        texts = {i: _cell_line(run[i].text) for i in range(top, end)}
        found = _cells_above(texts, range(top, end), width, counted)
        if found is None and end - 1 >= floor and _may_be_header(run[end - 1].text, width):
            found = _one_line(_cell_line(run[end - 1].text), end - 1, width, counted)
        if found is not None:
            cells, start = found
            below = [*_maxima(run, end, first_line, width, counted, grid)]
            below += _headings(run, end, first_line, grid)
            return [_row(cells, run[start], grid), *below], start
    return _maxima_alone(run, floor, first_line, width, counted, grid)


def _maxima_alone(
    run: list[Line], floor: int, first_line: int, width: int, counted: Counted, grid: int
) -> tuple[list[Line], int] | None:
    """The maxima row right above the first record ("Điểm tối đa" / "5,41" / … / "100", or
    on one line) when no reading of the labels above it holds: the maxima alone still say
    what each score may reach, the roles coming from the numbers. A group heading may stand
    between them and the first record ("I" / "Các cơ quan chuyên môn")."""
    stop = first_line
    if stop - 1 > floor and _is_marker(run[stop - 2].text):
        stop -= 2  # the group's mark on a line, its words on the next
    top = stop
    while top > floor and stop - top <= width and value_text(run[top - 1].text):
        top -= 1
    if top <= floor:
        return None
    label = top - 1  # its label's line, the values on lines of their own or after it
    if not vocab.MAXIMA_ROW.match(vocab.fold(_cell_line(run[label].text))):
        return None
    found = _maxima(run, label, stop, width, counted, grid)
    return ([*found, *_headings(run, stop, first_line, grid)], label) if found else None


def _maxima(
    run: list[Line], end: int, first_line: int, width: int, counted: Counted, grid: int
) -> list[Line]:
    """The maxima row between the header and the first record ("Điểm tối đa" / "39" / "28"
    …, or on one line), as a row of cells over the columns its values hold over."""
    words = [word for i in range(end, first_line) for word in _cell_line(run[i].text).split()]
    found = _maxima_words(words)
    if found is None:
        return []
    start, label, values = found
    placed = maxima_cells([" ".join(words[start:label]), *values], counted.texts, width)
    return [_row(list(placed), run[first_line - 1], grid)] if placed else []


def _maxima_words(words: list[str]) -> tuple[int, int, list[str]] | None:
    """Where a maxima row's label starts and ends among the words, and the values after it."""
    folded = [vocab.fold(word) for word in words]
    numbers = [k for k, word in enumerate(words) if value_text(word) is not None]
    for start in range(len(words)):
        label = next((k for k in numbers if k > start), len(words))
        phrase = " ".join(folded[start:label])
        found = vocab.MAXIMA_ROW.match(phrase)
        if not found or phrase[found.end() :].strip(" :.-"):
            continue  # no maxima row's label, or one inside a label ("(điểm tối đa) Chỉ số")
        values = []
        for word in words[label:]:
            if (value := value_text(word)) is None:
                break
            values.append(value)
        return (start, label, values) if values else None
    return None


def header_before(
    words: list[str],
    line: Line,
    columns: int,
    grid: int,
    records: list[Line],
    apart: bool = True,
) -> list[Line] | None:
    """The header run into the first record's line before it ("STT Đơn vị Chỉ số sẵn sàng (1)
    Xếp loại 1 Xã Phước Hà 0,5886 …"), when its words join into one label per column; a
    maxima row run in after the labels ("… Tổng điểm Điểm tối đa 16 27 … 100") under it.
    ``apart``: words run together may be taken apart ("RankProvince"), a reading a caller
    tries after the others ("TC1" is one label, not "TC" over a column and "1" the next)."""
    counted = Counted.of(records)
    maxima = _maxima_words(words)
    ends_words = maxima is not None and maxima[1] + len(maxima[2]) == len(words)
    labels = words[: maxima[0]] if maxima is not None and ends_words else words
    found = _one_line(" ".join(labels), 0, columns, counted, apart)
    if found is None:
        return None
    rows = [_row(found[0], line, grid)]
    if maxima is not None and ends_words:
        start, label, values = maxima
        placed = maxima_cells([" ".join(words[start:label]), *values], counted.texts, columns)
        rows += [_row(list(placed), line, grid)] if placed else []
    return rows


def _cells_above(
    texts: dict[int, str], lines: range, width: int, counted: Counted
) -> tuple[list[str], int] | None:
    """A header printed one cell per line ending at ``lines.stop``: of the readings that fit,
    the one whose labels name the most columns by their own words, then the fewest lines (a
    label alone on its line, "CNTT", may be a column's or end the label above it). A reading
    that only grows the first label of one with fewer lines takes in a caption ("Bảng xếp
    hạng năm 2022" over "#"): it is no other reading."""
    found: list[tuple[int, list[str], int]] = []
    for start in range(lines.stop - width, lines.start - 1, -1):
        taken = range(start, lines.stop)
        if any(_not_label(texts[i]) and not _label_number(texts, i, start) for i in taken):
            continue  # a bare number, "Điểm tối đa": no column's label
        cells = _cells_from([texts[i] for i in taken if texts[i]], width, counted)
        if cells is not None and all(cells[1:] != other[1:] for _, other, _ in found):
            found.append((named_right(cells, counted), cells, start))
    best = max(found, key=lambda reading: reading[0], default=None)
    return (best[1], best[2]) if best is not None else None


def _cells_from(parts: list[str], width: int, counted: Counted) -> list[str] | None:
    """The header lines joined into one label per column, in one level or two, when the
    labels fit the numbers."""
    cells = header_cells(parts, width, counted.texts)
    if cells is None:
        two = join_header(parts, width + 1)
        if two is not None and not any(_label_end(cell) for cell in two):
            return _two_levels(two, width, counted)  # fits the numbers or None
        return None
    if any(_label_end(cell) for cell in cells):
        return None  # "(150 điểm)", "thông (100)" or "2 (100)" alone: the label above's end
    return cells if header_fits(cells, counted) else None


def _one_line(
    text: str, line: int, width: int, counted: Counted, apart: bool = True
) -> tuple[list[str], int] | None:
    """A header printed on one line, its labels one space apart (``apart``: or run together,
    ``_words_of``)."""
    for words in _words_of(text) if apart else [text.split()]:
        cells = join_header(words, width)
        if cells is None or _cut_short(cells):
            continue
        if header_fits(cells, counted):
            return cells, line
    two = join_header(text.split(), width + 1)
    if two is not None and not _cut_short(two):
        found = _two_levels(two, width, counted)
        return (found, line) if found is not None else None
    return None


def _cut_short(cells: list[str]) -> bool:
    """Whether labels joined from one line leave a label's words apart: a lower-case word
    goes on the cell before it ("Kết quả năm 2021"), a cell ending in "," or "và" goes on
    to the next ("Tỉnh," "TP"), a label's number goes on its words where another label's
    does ("Pillar" "1" … "Pillar 3": the labels joined halfway, one too few columns read)."""
    return (
        any(cell[:1].islower() for cell in cells)
        or any(after_open(cell, "") for cell in cells[:-1])
        or _numbers_half_joined(cells)
    )


def _numbers_half_joined(cells: list[str]) -> bool:
    """Whether a bare number stands as a label after a label of words while another label
    ends in its own number ("Pillar 1 Pillar 2 Pillar 3" read "Pillar" "1" … "Pillar 3")."""
    apart = any(
        re.fullmatch(r"\d{1,2}", cell) and before[-1:].isalpha()
        for before, cell in zip(cells, cells[1:], strict=False)
    )
    joined = any(re.fullmatch(r"\D*[^\W\d] \d{1,2}", cell) for cell in cells)
    return apart and joined


def _two_levels(cells: list[str], width: int, counted: Counted) -> list[str] | None:
    """A two-level header printed on one line or one cell per line, the first level's labels
    then the second's ("STT | Đơn vị | Kết quả (1) | Chỉ số thành phần | Xếp loại | Văn bản
    QPPL (0.1) | …"): one first-level label with no maximum stands over the last labels'
    columns, which take its place. Of the placings the numbers confirm, the one whose labels
    name the most columns by their own words; none when two name as many."""
    fitting: list[tuple[int, list[str]]] = []
    for top in range(width - 1, 1, -1):  # first-level labels; the rest are under the group
        for group in range(1, top):
            if split_max(cells[group])[1] is not None:
                continue  # a label with its maximum heads a column, not a group
            placed = [*cells[:group], *cells[top:], *cells[group + 1 : top]]
            if header_fits(placed, counted):
                fitting.append((named_right(placed, counted), placed))
    best = max((named for named, _ in fitting), default=None)
    chosen = [placed for named, placed in fitting if named == best]
    return chosen[0] if len(chosen) == 1 else None


def _words_of(text: str) -> Iterator[list[str]]:
    """A one-line header's words, then the same with words run together taken apart:
    "RankProvince20062007" → "Rank", "Province", "2006", "2007" (a lower-case letter before a
    capital, letters against digits, and a run of digits that is consecutive years)."""
    words = text.split()
    yield words
    apart = [piece for word in words for glued in _unglued(word) for piece in _years(glued)]
    if apart != words:
        yield apart


def _unglued(word: str) -> list[str]:
    """A word cut where a lower-case letter meets a capital or letters meet digits."""
    pieces = [word[:1]]
    for before, char in zip(word, word[1:], strict=False):
        camel = before.islower() and char.isupper()
        if camel or (before.isalpha() and char.isdigit()) or (before.isdigit() and char.isalpha()):
            pieces.append(char)
        else:
            pieces[-1] += char
    return pieces if word else []


def _years(text: str) -> list[str]:
    """Digits that are whole years one after another ("20062007" → "2006", "2007")."""
    if not text.isdigit() or len(text) % 4 or len(text) == 4:
        return [text]
    years = [int(text[k : k + 4]) for k in range(0, len(text), 4)]
    consecutive = all(b == a + 1 for a, b in zip(years, years[1:], strict=False))
    return [str(y) for y in years] if consecutive and 1900 <= years[0] <= 2100 else [text]


def _header_ends(run: list[Line], floor: int, first_line: int, width: int) -> Iterator[int]:
    """Where a header may end: right above the first record, or above the lines of a maxima
    row (a label and a value a column at most) and a group heading printed between them."""
    end = first_line
    if not (end - 1 > floor and _is_marker(run[end - 2].text)):
        yield end  # else a group heading stands right above the first record
    while end > floor and first_line - end < width + 3:
        if end - 1 > floor and _is_marker(run[end - 2].text):
            end -= 2  # a group heading: its mark ("I", "A") on a line, its words on the next
        elif _between(run[end - 1].text):
            end -= 1
        else:
            break
        yield end


def _is_marker(text: str) -> bool:
    """A group's mark alone on a line: a Roman numeral or one capital letter ("II", "B.")."""
    return vocab.is_group_mark(_cell_line(text))


def _between(text: str) -> bool:
    bare = _cell_line(text)
    roman = bool(re.fullmatch(r"[IVXLC]+\.?", bare))
    caption = vocab.is_section_caption(bare) or vocab.is_marked_heading(bare)
    caption = caption or vocab.MAXIMA_ROW.match(vocab.fold(bare)) is not None
    return roman or bool(caption) or value_text(bare) is not None


def _headings(run: list[Line], end: int, first_line: int, grid: int) -> list[Line]:
    """The group heading among the lines between a header and the first record, as one cell."""
    texts = [_cell_line(run[i].text) for i in range(end, first_line)]
    words = [
        t for t in texts if value_text(t) is None and not vocab.MAXIMA_ROW.match(vocab.fold(t))
    ]
    heading = " ".join(words)
    if not heading or not vocab.is_section_caption(heading):
        return []
    return [_row([heading], run[first_line - 1], grid)]


def _row(cells: list[str], line: Line, grid: int) -> Line:
    return Line(" | ".join(cells), line.at, tuple(Cell(text, line.at) for text in cells), grid)


def _label_end(cell: str) -> bool:
    """A cell that can only end the label above it: in parentheses, in lower case, or opening
    with the label's number."""
    return cell.startswith("(") or cell[:1].islower() or opens_with_number(cell)


def _not_label(text: str) -> bool:
    """A bare number or a maxima row's words; a maximum in parentheses ("(18)") goes on the
    label above it (``join_header``)."""
    maximum = text.startswith("(") and text.endswith(")")
    bare_number = value_text(text) is not None and not is_year_label(text) and not maximum
    return bare_number or bool(vocab.MAXIMA_ROW.match(vocab.fold(text)))


def _label_number(texts: dict[int, str], at: int, start: int) -> bool:
    """A label's number wrapped onto a line of its own under the label's words ("Lĩnh vực" /
    "3"), as ``join_header`` joins it."""
    return at > start and opens_with_number(texts[at]) and texts[at - 1][-1:].isalpha()


def _may_be_header(text: str, cells: int = 1) -> bool:
    """A short line not ending a sentence ("… như sau:", "… năm 2022."): a header cell, or
    the labels of ``cells`` columns on one line. One word and a stop is an abbreviation
    ("No.", "TT.")."""
    words = text.split()
    sentence = text.rstrip().endswith((":", ";", "!", "?")) or (
        text.rstrip().endswith(".") and len(words) > 1
    )
    return len(text) <= max(90, _LABEL_CHARS * cells) and not sentence


_LABEL_CHARS = 40  # a column's label printed on one line with the others: its longest


def _cell_line(text: str) -> str:
    """A header line without the rules a converter leaves around cells ("Tên đơn vị |")."""
    return " ".join(word for word in text.split() if not set(word) <= _RULES)


_RULES = frozenset("|-+=_:─│┼•*")  # what a converter draws around cells; "#" is a label
