"""The header of a run of records when the records leave it where a table printed as prose
puts it: in the words before the first record on its line, in the lines above, or run into
the first unit's name ("Đơn vị Thứ hạng Hà Giang 1 …"), a group heading run in after it. The
header is read as ``record_header`` reads any, against what the records' numbers say."""

from __future__ import annotations

from dataclasses import replace

from pipeline import vocabulary as vocab
from pipeline.models import Cell, Line
from pipeline.parse import parse_number
from pipeline.tables.header.columns import opening_ordinal
from pipeline.tables.records.fit import Counted, named_right, names_a_figure
from pipeline.tables.records.header import header_before, header_row
from pipeline.tables.records.rows import Stretch
from pipeline.tables.records.run_in import joins_on
from pipeline.tables.records.tokens import Group, Token


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


def header_of(
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
    words before with words run together taken apart, else what ``_header`` finds. The lines
    above give way to a header cut from the first name whose labels name more columns."""
    rows, stretch = read
    floor, first_line = lines
    width, before = stretch.shape.width + 1, stretch.shape.before
    line = run[first_line]
    whole = _whole_before(lead, line, width, grid, records, apart=False)
    above = None if lead else header_row(run, width, floor, first_line, grid, records)
    if whole is not None:
        return (whole, first_line), records
    glued = _header_in_first_name(rows, (line, lead), before, records, grid)
    if above is not None and (glued is None or not _names_more(glued[0], above[0], records)):
        return above, records
    if glued is not None:
        return (glued[0], first_line), glued[1]
    whole = _whole_before(lead, line, width, grid, records, apart=True)
    if whole is not None:
        return (whole, first_line), records
    return _header(run, lead, width, lines, grid, records), records


def _names_more(glued: list[Line], above: list[Line], records: list[Line]) -> bool:
    """Whether the labels cut from the first name name more columns, by their own words, as
    the numbers say they are than the lines above do ("Tên xã" | "Hạng" run into "Xã An
    Trung" 1 … under "PHỤ LỤC (Kèm theo …)" / "Năm 2022": a caption, not the header)."""
    counted = Counted.of(records)
    named = [max(named_right([c.text for c in row.cells], counted) for row in rows)
             for rows in (glued, above)]  # fmt: skip
    return named[0] > named[1]


def _whole_before(
    lead: list[str], line: Line, width: int, grid: int, records: list[Line], apart: bool
) -> list[Line] | None:
    """The header whole in the words before the first record, if any words are there."""
    return header_before(lead, line, width, grid, records, apart) if lead else None


def maxima_label_apart(
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


def words_before(groups: list[Group], stretch: Stretch, first_line: int) -> list[str]:
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
    contradict, the rest no longer than another record's name and no shorter than all (the
    longest first, as ``run_in`` cuts a first name: "… thuộc UBND tỉnh Kho bạc Nhà nước tỉnh"
    keeps "Kho bạc"), else up to three words longer, and opening with a capital, first where
    it opens with a word another name opens with ("Ban" in "… Thứ tự xếp hạng Ban Quản lý …"
    beside "Ban Dân tộc"). Tried only on a first name two words longer than the usual, or
    after header words that lack a column; a unit's long name reads as no header, nor does a
    name printed on a line of its own (its header's cells would be on lines above)."""
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
    fitting = range(lengths[-1], lengths[0] - 1, -1)  # as long as another name: the longest
    sizes = [*fitting, *range(lengths[-1] + 1, min(len(words) - 1, lengths[-1] + 3) + 1)]
    sizes = [size for size in sizes if size < len(words) and words[-size][:1].isupper()]
    openers = {t.text.split()[0] for row in rows[1:] if (t := row[before]) is not None}
    sizes.sort(key=lambda size: words[-size] not in openers)  # "Ban" opens "Ban Dân tộc" too
    counted = Counted.of(records)  # the names' words aside, what the numbers say
    for size in sizes:  # as long as another name first, then up to three words longer
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
