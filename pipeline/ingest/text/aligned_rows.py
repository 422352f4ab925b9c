"""Numbered lines of a space-aligned table read as rows: a row number, a name, values at
their positions, and the name's parts printed above or below its number line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import vocabulary as vocab
from pipeline.ingest.text.rows import RANK_SCORE, Token, is_value, segments, tokens
from pipeline.parse import is_year, parse_number

_STT = re.compile(r"^\d{1,3}\.?$")
_SEPARATORS = ("-", "–", "—")  # a lone dash parting a name from its figures on their line
MAX_SPREAD_LINES = 4  # lines under a number line that may hold the rest of its entry


@dataclass(slots=True)
class Row:
    """A data row being assembled: its number line's tokens, name parts before and after."""

    index: int
    stt: Token | None
    name: list[str]
    values: list[Token]
    above: list[str] = field(default_factory=list)
    below: list[str] = field(default_factory=list)
    on_line: bool = True  # the name (or part of it) is printed on the number line
    name_end: int = 0  # column after the number and name on the number line
    unit: bool = False  # a unit printed with its name alone: a row, not a band or section


def data_line(line: str) -> Row | None:
    """A line with a row number or a name, then values; None for anything else."""
    found = _stop_dropped(tokens(line))
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
    while len(name) > 1 and name[-1].text in _SEPARATORS:  # "1. Iceland - 1.124"
        name = name[:-1]
    text = " ".join(t.text for t in name).removesuffix(",")  # "1. Sweden, 63.65"
    end = name[-1].end if name else (stt.end if stt else 0)
    cells = _value_cells(rest)
    if _names_among(cells):
        return None  # several records run together on one line: left to the records reader
    if stt is None and _years_only(cells) and (len(cells) > 1 or len(text.split()) > 4):
        return None  # "List of … provinces by 2019 GRDP": a caption dated by its year, no row
        # ("Năm 2017" alone stays a row: the table stage reads it as the next table's caption)
    return Row(0, stt, [text] if text else [], cells, on_line=bool(text), name_end=end)


def _stop_dropped(found: list[Token]) -> list[Token]:
    """The line's tokens with the full stop ending a list's last item taken off its figure
    ("10. Sulawesi Selatan dengan skor 39,8."); a year ending a sentence keeps it ("… năm
    2022." is prose, not a value)."""
    last = found[-1] if len(found) >= 2 else None
    if last is None or not last.text.endswith(".") or is_value(last.text):
        return found
    number = parse_number(last.text[:-1])
    if number is None or is_year(number):
        return found
    return [*found[:-1], Token(last.text[:-1], last.start, last.end - 1)]


def _years_only(cells: list[Token]) -> bool:
    """Every figure among the cells a year: the words and year of a caption, not a unit's
    values (a row printed without its number still prints a score)."""
    numbers = [parse_number(cell.text) for cell in cells if is_value(cell.text)]
    return bool(numbers) and all(n is not None and is_year(n) for n in numbers)


def _unnumbered(found: list[Token]) -> bool:
    """A dash where the row number stands, then a name ("- Thế giới 8,082,059,793 …"): a row
    printed without a number of its own (a reference row above the ranked ones)."""
    return found[0].text in ("-", "–") and not is_value(found[1].text)


def _above_row_one(row: Row, lines: list[str], index: int) -> bool:
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
    if len(worded) < 2 or len(steps) != 1:
        return False
    step = steps.pop()
    if step != 3:
        return step >= 4
    # two figures between names ("1 (0,913)" "2", then "2 (0,903)" "3"): the same shapes of
    # figure each time, where a row's date and share are not ("31" "tháng 12," "2023" "17,6%")
    shapes = {tuple(_shape(c.text) for c in cells[at - 2 : at]) for at in worded}
    return len(shapes) == 1


def _shape(text: str) -> str:
    """A figure's shape: its digits' runs as one mark ("1 (0,913)" → "9 (9,9)")."""
    return re.sub(r"\d+", "9", text)


def halves(row: Row) -> tuple[Row, Row | None]:
    """A row and, when its line prints two records side by side (a ranking printed in two
    halves, "1 Switzerland 67.6 1 1 67 Bahrain 29.1 46 9"), the second record: one name
    among the values, a whole number right before it (that record's number), and after it
    as many values as the first record prints, of the same kinds (decimals) in order."""
    cells = row.values
    worded = [at for at, cell in enumerate(cells) if not is_value(cell.text)]
    if row.stt is None or len(worded) != 1 or worded[0] < 2:
        return row, None
    at = worded[0]
    if vocab.band_of(cells[at].text) is not None:
        return row, None  # a band between the scores ("85,5 12 Khá 80,2"), not a name
    number = parse_number(cells[at - 1].text)
    first, second = cells[: at - 1], cells[at + 1 :]
    if number is None or number != number.to_integral_value() or len(first) != len(second):
        return row, None
    if [_decimals(c.text) for c in first] != [_decimals(c.text) for c in second]:
        return row, None
    right = Row(row.index, cells[at - 1], [cells[at].text], list(second), name_end=cells[at].end)
    return Row(
        row.index, row.stt, row.name, list(first), on_line=row.on_line, name_end=row.name_end
    ), right


def _decimals(text: str) -> int | None:
    number = parse_number(text)
    exponent = number.as_tuple().exponent if number is not None else None
    return -exponent if isinstance(exponent, int) else None


def named_line(line: str) -> Row | None:
    """A number line holding only the number and the name, its values printed lower."""
    found = tokens(line)
    if len(found) < 2 or not _STT.match(found[0].text) or any(is_value(t.text) for t in found[1:]):
        return None
    name = " ".join(t.text for t in found[1:])
    return Row(0, found[0], [name], [], name_end=found[-1].end)


def _continuation(line: str, row: Row) -> list[Token] | None:
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


def _name_room(row: Row) -> int:
    """How far right a line under a row may reach and still be part of its name."""
    return row.values[0].start if row.values else len(max(row.name, key=len, default="")) * 3


def row_at(lines: list[str], index: int) -> tuple[Row, int] | None:
    """The data row whose number line is at ``index`` and the index after its last line.

    An entry may be spread over several lines (cells aligned at different heights): values
    printed lower, right of the name, join the row; name lines among them are its name's end.
    """
    if "\t" in lines[index]:
        return None
    row = data_line(lines[index]) or named_line(lines[index])
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
        elif is_fragment(lines[position], _name_room(row)):
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
    if parse_number(token.text) is not None or RANK_SCORE.match(token.text) or index == 0:
        return True
    return token.start - found[index - 1].end >= 2


def _value_cells(found: list[Token]) -> list[Token]:
    """Values one per token; words one space apart ("Xuất sắc", "Lao động - Thương binh", a
    dash between words being no blank cell) one cell."""
    cells: list[Token] = []
    for at, token in enumerate(found):
        last = cells[-1] if cells else None
        words = last and _worded(token, found[at + 1 : at + 2]) and not is_value(last.text)
        if last and words and token.start - last.end == 1:
            cells[-1] = Token(f"{last.text} {token.text}", last.start, token.end)
            continue
        cells.append(token)
    return cells


def _worded(token: Token, after: list[Token]) -> bool:
    """Whether the token is words, or a dash one space before more words."""
    if not is_value(token.text):
        return True
    dash = token.text in ("-", "–") and bool(after) and not is_value(after[0].text)
    return dash and after[0].start - token.end == 1


def span(row: Row) -> int:
    return row.values[-1].end - row.values[0].start


def is_marker(text: str) -> bool:
    """A band row ("MỨC TỐT") or a section row ("II. UBND các huyện") inside the body."""
    parts = segments(text)
    if len(parts) != 1:
        return False
    text = parts[0].text
    if vocab.band_of(text) is not None or vocab.is_marked_heading(text):
        return True
    numbered = vocab.SECTION_NUMBERING.match(vocab.fold(text)) is not None
    return numbered and vocab.is_section_caption(text)


def is_fragment(text: str, values_start: int) -> bool:
    """Text only, printed left of the value columns: a part of a wrapped name."""
    parts = segments(text)
    return (
        len(parts) == 1
        and not is_marker(text)
        and data_line(text) is None
        and not any(parse_number(t.text) is not None for t in tokens(text))
        and parts[0].end <= values_start + 1
    )
