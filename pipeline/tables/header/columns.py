"""Header rows of a grid → columns with a role, a label, a group and a maximum.

A two-level header puts a group ("Điểm thành phần (điểm tối đa)") over the component names;
its text stands in the group's first column and the columns it covers are blank in that row
but labelled in the row below. A label split over two rows ("Tổng điểm" / "(100)") is joined.
Roles come from the label and from what the column holds (numbers, band words, names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import BLANK_MARKS, Cell, Column, Line
from pipeline.parse import is_year, parse_max, parse_number, split_max
from pipeline.settings import TableSettings
from pipeline.tables.roles.ids import with_id_column

_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])\.?$")  # "II", "B." in the STT cell
RANK_SCORE = re.compile(r"^(\d{1,3})\s*\(\s*(\d+(?:[.,]\d+)?)\s*\)$")  # "03 (0,684)", "01(0,727)"


@dataclass(frozen=True, slots=True)
class ColumnContent:
    """What a column's data cells hold, as shares of its non-blank cells."""

    filled: int
    numeric: float
    integers: float
    bands: float
    names: float


def is_data_row(row: Line) -> bool:
    """A row holding at least one number and at least one name-like cell."""
    texts = [cell.text for cell in row.cells if cell.text]
    has_number = any(parse_number(text) is not None or RANK_SCORE.match(text) for text in texts)
    has_name = any(any(char.isalpha() for char in text) for text in texts)
    return has_number and has_name and not _years_in_order(texts)


def _years_in_order(texts: list[str]) -> bool:
    """Every number of the row a year, later and later ("Tỉnh | 2019 | 2020 | 2021"): a header
    dating its columns, not a unit's scores."""
    numbers = [number for text in texts if (number := parse_number(text)) is not None]
    if len(numbers) < 2 or not all(a < b for a, b in zip(numbers, numbers[1:], strict=False)):
        return False  # most rows: asked before any number is asked whether it is a year
    return all(is_year(n) for n in numbers)


def single_text(row: Line) -> str | None:
    """The text of a row with exactly one filled cell (a band row or a caption row)."""
    texts = [cell.text for cell in row.cells if cell.text]
    return texts[0] if len(set(texts)) == 1 else None


def section_of_row(row: Line) -> str | None:
    """The caption of a row that opens a section inside a grid, or None.

    Either one cell spanning the row ("II. UBND các huyện") or the numbering in the STT cell and
    the caption beside it ("II" | "UBND các huyện, thị xã"), with no number in the row.
    """
    texts = [cell.text for cell in row.cells if cell.text]
    if _dated_caption(texts):
        return " ".join(texts)  # "Năm 2017" between two years' rankings
    if len(set(texts)) == 1:
        text = texts[0]
    elif len(texts) == 2 and _ROMAN_OR_LETTER.match(texts[0]):
        text = f"{texts[0].rstrip('.')}. {texts[1]}"
    else:
        return None
    if vocab.band_of(text) or not vocab.is_section_caption(text):
        return None
    return text.rstrip(" :")


def _dated_caption(texts: list[str]) -> bool:
    """A row of a few words and a year, every other cell blank: a caption dating the rows
    below, not a unit scoring 2017. Ranking rows print their number, rank or band too."""
    numbers = [n for text in texts if (n := parse_number(text)) is not None]
    words = [text for text in texts if parse_number(text) is None]
    year = len(numbers) == 1 and is_year(numbers[0])
    short = len(words) == 1 and len(words[0].split()) <= 4
    short = short and not any(char.isdigit() for char in words[0])
    return year and short and len(texts) == 2


def split_rank_scores(rows: list[Line]) -> list[Line]:
    """A column printing a rank with its score, "03 (0,684)", as two columns: rank, score.

    The header cell keeps its label over the rank; the score column is labelled "Điểm". A
    column whose first figures are a signed change ("+1 (3)", "-2 (1)", "0 (15)") prints a
    change with the number it changed from: two columns, both under the header's label.
    """
    width = len(rows[0].cells) if rows else 0
    data_rows = [row for row in rows if is_data_row(row)]  # once, not once per column
    columns = [c for c in range(width) if mostly_rank_scores(data_rows, c)]
    changes = [c for c in range(width) if c not in columns and _mostly_changes(data_rows, c)]
    if not columns and not changes:
        return rows
    return [_split_row(row, columns, changes, is_data_row(row)) for row in rows]


_CHANGE_FROM = re.compile(r"^([+-]?\d{1,3})\s*\(\s*(\d{1,3})\s*\)$")  # "+1 (3)", "0 (15)"


def _mostly_changes(data_rows: list[Line], column: int) -> bool:
    """Most filled cells a whole number with another in parentheses, and some first number a
    signed one or zero: a change and what it changed from, no rank (ranks count from 1)."""
    texts = [r.cells[column].text for r in data_rows if column < len(r.cells)]
    texts = [text for text in texts if text.strip() not in BLANK_MARKS]
    found = [m for t in texts if (m := _CHANGE_FROM.match(t))]
    signed = any(m.group(1)[0] in "+-" or m.group(1) == "0" for m in found)
    return bool(texts) and signed and 2 * len(found) > len(texts)


def mostly_rank_scores(data_rows: list[Line], column: int) -> bool:
    texts = [r.cells[column].text for r in data_rows if column < len(r.cells)]
    texts = [text for text in texts if text.strip() not in BLANK_MARKS]
    return bool(texts) and 2 * sum(bool(RANK_SCORE.match(t)) for t in texts) > len(texts)


def _split_row(row: Line, columns: list[int], changes: list[int], data: bool) -> Line:
    cells: list[Cell] = []
    for position, cell in enumerate(row.cells):
        if position not in columns and position not in changes:
            cells.append(cell)
            continue
        pattern = RANK_SCORE if position in columns else _CHANGE_FROM
        found = pattern.match(cell.text) if data else None
        if found:
            cells += [replace(cell, text=found.group(1)), replace(cell, text=found.group(2))]
        elif data:
            cells += [cell, replace(cell, text="")]
        elif position in changes:  # a header row: its label over both figures
            cells += [cell, cell]
        else:  # a header row: the label over the rank, "Điểm" over the score
            cells += [cell, replace(cell, text="Điểm" if cell.text else "")]
    return replace(row, cells=tuple(cells))


_STUCK_RANK = re.compile(r"^(.*[^\d\s])\s+(\d{1,3})$")  # "TP. Đà Nẵng 1"
_PAREN_SCORE = re.compile(r"^\(\s*(\d+(?:[.,]\d+)?)\s*\)$")  # "(0,9291)"


def split_stuck_ranks(rows: list[Line]) -> list[Line]:
    """A rank printed at the end of the name's cell with its score in parentheses in the next
    one ("Sở Du lịch 7" | "(62,4)", the rank over the score in the source): name, rank, score.

    The header cell over the score goes over the rank; the score column is labelled "Điểm".
    """
    width = len(rows[0].cells) if rows else 0
    data = [row for row in rows if any(_PAREN_SCORE.match(cell.text) for cell in row.cells)]
    for column in range(width - 1):
        stuck = [r for r in data if _STUCK_RANK.match(r.cells[column].text)]
        scored = [r for r in data if _PAREN_SCORE.match(r.cells[column + 1].text)]
        if len(data) >= 2 and 2 * len(stuck) > len(data) and 2 * len(scored) > len(data):
            return [_unstick(row, column, row in data) for row in rows]
    return rows


def _unstick(row: Line, column: int, data: bool) -> Line:
    name, score = row.cells[column], row.cells[column + 1]
    stuck = _STUCK_RANK.match(name.text) if data else None
    paren = _PAREN_SCORE.match(score.text) if data else None
    if data:
        middle = [
            replace(name, text=stuck.group(1) if stuck else name.text),
            replace(score, text=stuck.group(2) if stuck else ""),
            replace(score, text=paren.group(1) if paren else score.text),
        ]
    else:  # a header row
        middle = [name, score, replace(score, text="Điểm" if score.text else "")]
    cells = (*row.cells[:column], *middle, *row.cells[column + 2 :])
    return replace(row, cells=cells)


def is_maxima_row(row: Line) -> bool:
    """A row under the header that prints each column's maximum ("Điểm tối đa", 12, 40 …):
    its label, and numbers in the other cells; a header naming a column "Thang điểm" (each
    row's maximum) beside other labels is no such row."""
    texts = [cell.text for cell in row.cells if cell.text]
    labels = [text for text in texts if vocab.MAXIMA_ROW.match(vocab.fold(text))]
    others = [text for text in texts if text not in labels]
    return bool(labels) and all(parse_max(t) is not None or t in BLANK_MARKS for t in others)


def count_header_rows(rows: list[Line], settings: TableSettings) -> int:
    """How many rows at the top of a grid are its header, maxima row included (0: data)."""
    count = 0
    for at, row in enumerate(rows[: settings.max_header_rows + 1]):
        text = single_text(row)
        if is_maxima_row(row) or _numbered_columns(rows, at):
            count += 1
            continue
        if is_data_row(row) or (text is not None and vocab.band_of(text)) or section_of_row(row):
            break
        count += 1
    return count


def _numbered_columns(rows: list[Line], at: int) -> bool:
    """A first row labelling its columns by their numbers ("Province | 1 | 2 | … | 30"): a
    word, then figures in every other cell counting up by one, four or more of them, over a
    row that does not count so."""
    below = rows[at + 1] if at + 1 < len(rows) else None
    return at == 0 and below is not None and _counts_across(rows[at]) and not _counts_across(below)


_MIN_NUMBERED = 4  # 1, 2, 3 across a row may be a unit's own figures; four in a row label it


def _counts_across(row: Line) -> bool:
    texts = [cell.text for cell in row.cells if cell.text]
    numbers = [parse_number(text) for text in texts]
    figures = [n for n in numbers if n is not None]
    if len(figures) < _MIN_NUMBERED or len(texts) - len(figures) != 1 or figures[0] > 1:
        return False
    steps = zip(figures, figures[1:], strict=False)
    return all(n == n.to_integral_value() for n in figures) and all(b == a + 1 for a, b in steps)


def header_names_ranking(columns: tuple[Column, ...]) -> bool:
    """A ranking header names the units and at least one score, rank or band column."""
    roles = {column.role for column in columns}
    return "agency" in roles and bool(roles & {"component", "total", "rank", "band"})


def _group_spans(grid: list[list[str]]) -> dict[tuple[int, int], str]:
    """Header cells that are group labels over several columns: {(row, col): group text}."""
    groups: dict[tuple[int, int], str] = {}
    width = len(grid[0])
    for r in range(len(grid) - 1):
        for c0 in range(width):
            text = grid[r][c0]
            if not text or not grid[r + 1][c0]:
                continue
            c = c0 + 1
            while c < width and grid[r][c] in ("", text) and grid[r + 1][c]:
                c += 1
            if c - c0 >= 2:
                groups.update({(r, col): text for col in range(c0, c)})
    return groups


def _content(body: list[Line], index: int) -> ColumnContent:
    texts = [row.cells[index].text for row in body if index < len(row.cells)]
    texts = [text for text in texts if text.strip() not in BLANK_MARKS]
    if not texts:
        return ColumnContent(0, 0.0, 0.0, 0.0, 0.0)
    numbers = [parse_number(text) for text in texts]
    count = len(texts)
    return ColumnContent(
        filled=count,
        numeric=sum(number is not None for number in numbers) / count,
        integers=sum(n is not None and n == n.to_integral_value() for n in numbers) / count,
        bands=sum(vocab.band_of(text) is not None for text in texts) / count,
        names=sum(sum(ch.isalpha() for ch in text) >= 3 for text in texts) / count,
    )


def _role(label: str, group: str | None, content: ColumnContent, majority: float) -> str:
    """First guess at a column's role from its label and its content."""
    folded = vocab.fold(label)
    if vocab.says(vocab.ROW_NUMBER, folded) or vocab.says(
        vocab.ROW_NUMBER, folded.replace(" ", "")
    ):
        return "row_number"  # "ST T": a narrow column wraps its label
    if content.bands >= majority or (
        vocab.BAND_LABEL.search(folded) and content.numeric < majority
    ):
        return "band"
    if vocab.says(vocab.RANK, folded) and content.integers >= majority:
        return "rank"
    if content.names >= majority and content.numeric < majority:
        return "agency" if vocab.AGENCY.search(folded) or not folded else "text"
    if content.numeric < majority or vocab.NOT_A_SCORE.search(folded):
        return "other"  # also "Số phiếu khảo sát", "Tỷ lệ (%)": numbers, but not scores
    if vocab.TOTAL_FIRST.match(folded):
        return "total"  # "Tổng cộng" printed as the last column under the component group
    if group and vocab.COMPONENT_GROUP.search(vocab.fold(group)):
        return "component"  # under "Điểm thành phần" whatever its own words
    if vocab.COMPARISON.search(folded):
        return "other"  # "Tăng/giảm so với năm trước": not a score of this ranking
    return "total" if vocab.says(vocab.TOTAL, folded) else "number"


def read_columns(
    header: list[Line], body: list[Line], settings: TableSettings
) -> tuple[Column, ...]:
    """Columns of a grid from its header rows and the data rows below them."""
    maxima = _printed_maxima([row for row in header if is_maxima_row(row)])
    grid = [[cell.text for cell in row.cells] for row in header if not is_maxima_row(row)]
    width = len(grid[0]) if grid else len(body[0].cells)
    groups = _group_spans(grid) if grid else {}
    columns = []
    for c in range(width):
        own = [grid[r][c] for r in range(len(grid)) if grid[r][c] and (r, c) not in groups]
        group = next((groups[(r, c)] for r in range(len(grid)) if (r, c) in groups), None)
        label, max_points = split_max(" ".join(dict.fromkeys(own)))
        max_points = max_points if max_points is not None else maxima.get(c)
        role = _role(label, group, _content(body, c), settings.column_majority)
        columns.append(Column(c + 1, label, role, None, max_points, group))
    return _settle_roles(tuple(columns), body)


def _printed_maxima(rows: list[Line]) -> dict[int, Decimal]:
    """Column position → maximum, from a maxima row under the header."""
    maxima: dict[int, Decimal] = {}
    for row in rows:
        for position, cell in enumerate(row.cells):
            number = parse_max(cell.text) if cell.text else None
            if number is not None:
                maxima.setdefault(position, number)
    return maxima


def headless_columns(body: list[Line], settings: TableSettings) -> tuple[Column, ...]:
    """Columns of a grid that prints no header: unlabelled, each known by what it holds."""
    width = max((len(row.cells) for row in body), default=0)
    columns = tuple(
        Column(c + 1, "", _role("", None, _content(body, c), settings.column_majority))
        for c in range(width)
    )
    return _settle_roles(columns, body)


def named_first(
    columns: tuple[Column, ...], above: Sequence[str], body: list[Line], settings: TableSettings
) -> tuple[Column, ...]:
    """A header left above the grid as text (``above``, its last lines), that no reading split
    into cells, still names an unlabelled first column when it opens with a row number's or a
    rank's words ("STT Đơn vị hành chính Chỉ số tổng hợp …")."""
    label = _first_label(above, len(columns)) if columns and not columns[0].label else ""
    content = _content(body, 0) if label else None
    if content is None or content.integers < settings.column_majority:
        return columns  # no words name it, or it is no count
    role = _role(label, None, content, settings.column_majority)
    return (replace(columns[0], label=label, role=role), *columns[1:])


def _first_label(above: Sequence[str], width: int) -> str:
    """The row number's or rank's words opening the header left above a grid: on a line with
    the next label after them ("STT Đơn vị hành chính …"), or alone on a line with the other
    columns' labels on the lines under it ("Số TT" / "Tỉnh, thành phố …" / …, a header printed
    one cell per line; "Hạng (điểm số)" right above the grid is its last label, not its first)."""
    window = list(above[-3 * width :])
    for at in range(len(window)):  # the topmost: a rank's label may stand lower in the header
        words = window[at].split()
        label = opening_ordinal(words)
        alone = vocab.ordinal_label(window[at]) and len(words) <= 3
        if label or (alone and len(window) - at - 1 >= width - 2):
            return "" if _cells_above(window[:at]) else label or " ".join(words)
    return ""


def _cells_above(lines: Sequence[str]) -> bool:
    """Whether header cells stand right above a label: a wrapped cell's lower-case line among
    the short lines there ("quan chuyên môn", "đạt được" over "Xếp hạng"), so the header opens
    higher, with another column's label."""
    for line in reversed(lines):
        text = line.strip()
        if not text or len(text) > 60 or text.endswith((":", ";")):
            return False
        if text[:1].islower():
            return True
    return False


def opening_ordinal(words: Sequence[str]) -> str:
    """The row number's or rank's words ("STT", "Số TT", "Xếp hạng") opening a header line
    whose next label follows them (a capital: "STT Đơn vị …"), not one label alone on its
    line ("Hạng (điểm số)", a header printed one cell per line); or ""."""
    for size in (2, 1):
        label = " ".join(words[:size])
        if len(words) > size and words[size][:1].isupper() and vocab.ordinal_label(label):
            return label
    return ""


def _settle_roles(columns: tuple[Column, ...], body: list[Line]) -> tuple[Column, ...]:
    """Keep one agency column (the first name column, else a column of short ids); the numbers
    settle the rest."""
    agencies = [column for column in columns if column.role in ("agency", "text")]
    first_agency = agencies[0].index if agencies else None
    settled = []
    for column in columns:
        if column.role in ("agency", "text"):
            role = "agency" if column.index == first_agency else "other"
            column = replace(column, role=role)
        settled.append(column)
    return with_id_column(tuple(settled), body)
