"""A table's rows cut into sections where a row inside it is a section's caption ("II. UBND
các huyện" or "II" | "Các địa phương cấp huyện"), the header printed again for a section or
after a page break left out, with the maxima row under it."""

from __future__ import annotations

from pipeline import vocabulary as vocab
from pipeline.models import Column, Line
from pipeline.parse import parse_number
from pipeline.tables.header.columns import section_of_row
from pipeline.tables.records.words import BLANKS
from pipeline.tables.roles.ranks import numbers_in


def split_sections(
    section: str | None, rows: list[Line], columns: tuple[Column, ...]
) -> list[tuple[str | None, list[Line]]]:
    """Cut a table where a row inside it is a section caption; the last row, with nothing
    under it and no number in it, is a unit printed without values ("UBND huyện Châu
    Thành"), not a caption (as "Bảng xếp hạng năm | 2023" before the next year's table is)."""
    parts: list[tuple[str | None, list[Line]]] = [(section, [])]
    header_above = False
    for at, row in enumerate(rows):
        unit = at + 1 == len(rows) and not numbers_in(row) and not opens_with_mark(row)
        caption = None if unit else section_of_row(row)
        if header_above and _maxima_label(row):
            continue  # the maxima row under a header printed again, its cells as they fell
        header_above = False
        if caption is None and _words_in_number_columns(row, columns):
            caption = _caption_in(row, columns)
            header_above = True
            if caption is None:
                continue  # the header printed again (a page break, or each section's own)
        if caption:
            parts.append((caption, []))
        else:
            parts[-1][1].append(row)
    return [part for part in parts if part[1]]


def opens_with_mark(row: Line) -> bool:
    """A row opening with a group's mark ("II" | "Các địa phương cấp huyện"): a heading, even
    as a grid's last row (the next group's rows set apart on the page), where a unit printed
    without values would be."""
    texts = [cell.text for cell in row.cells if cell.text]
    return len(texts) > 1 and vocab.is_group_mark(texts[0])


def _maxima_label(row: Line) -> bool:
    """A row labelled as a maxima row ("Điểm tối đa"), whatever its numbers."""
    return any(vocab.MAXIMA_ROW.match(vocab.fold(cell.text)) for cell in row.cells)


_NUMBER_ROLES = frozenset({"row_number", "component", "total", "rank", "row_max", "percent"})


def _words_in_number_columns(row: Line, columns: tuple[Column, ...]) -> bool:
    """Words where the table prints numbers, in two cells or more: a header row, not data (a
    blank mark, "n/a", is no word: a row printing two is still a row)."""
    worded = 0
    for column in columns:
        if column.role in _NUMBER_ROLES and column.index <= len(row.cells):
            text = row.cells[column.index - 1].text
            word = parse_number(text) is None and text.strip() not in BLANKS
            worded += word and sum(ch.isalpha() for ch in text) >= 2
    return worded >= 2


def _caption_in(row: Line, columns: tuple[Column, ...]) -> str | None:
    """A section caption opening a repeated header row ("II. Đơn vị khác | Chỉ số 1 …")."""
    texts = [cell.text for cell in row.cells if cell.text]
    for end in range(1, len(texts) + 1):
        text = " ".join(texts[:end])
        if vocab.is_section_caption(text):
            return text
    return None
