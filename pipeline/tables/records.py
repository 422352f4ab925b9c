"""Tables printed as text with no cells: found as runs of records of the same shape.

A browser or converter saving a page often loses the table's cells: one cell per line, rows on
one line with single spaces between cells, or a whole table run together. What is left is a
stream of names and numbers. A ranking is a run of records with one shape: b numbers, a name,
s − b numbers (the STT before the name, scores and rank after it). So between two names there
are s numbers, whatever the line breaks; the split b is the one that makes the columns hold
together (a first column counting 1, 2, 3 …; cuts falling on line breaks). A name followed by no
numbers is a heading or a unit printed without values; a band phrase between records is a band
row. Each record becomes a grid row, so the table stage reads it as any other grid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline import vocabulary as vocab
from pipeline.ingest.text.cellwise import join_header
from pipeline.models import Cell, Column, Line
from pipeline.parse import parse_number
from pipeline.settings import TableSettings
from pipeline.tables.header import headless_columns, read_columns
from pipeline.tables.roles import infer_roles

MIN_RECORDS = 3
MAX_NAME_WORDS = 16  # a unit's name; a longer run of words is prose
MAX_VALUES = 30
_RANK_SCORE = re.compile(r"^(\d{1,3})\((\d+(?:[.,]\d+)?)\)$")  # "01(0,727)" after squeezing
_OPERATORS = frozenset({"+", "=", "×", "*", "∗", "·"})  # a formula, not a table
_GLUED = re.compile(r"^\d+(?:[.,]\d+){2,}$")
_BLANKS = frozenset({"-", "–", "—", "x", "X", "N/A", "n/a"})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    value: bool  # a number, a blank mark or a band phrase: a cell of the score columns
    line: int  # position of its line in the run
    starts_line: bool


@dataclass(frozen=True, slots=True)
class Group:
    """A run of word tokens (a name, a heading, a header) or of value tokens."""

    tokens: tuple[Token, ...]
    value: bool

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.tokens)


def value_text(word: str) -> str | None:
    """A word's number as printed ("85,40", "(0,9291)" → "0,9291", "1." → "1"), or None."""
    bare = word.strip(";:")
    if bare.startswith("(") and bare.endswith(")"):
        bare = bare[1:-1]
    bare = bare.removesuffix(".") if bare.count(".") == 1 and bare.endswith(".") else bare
    if parse_number(bare) is not None or bare in _BLANKS:
        return bare
    return None


def unglued(word: str) -> list[tuple[int, str]]:
    """Numbers run together with one number of decimals each ("60.4566.4761.12" → 60.45,
    66.47, 61.12), when exactly one number of decimals splits the word; else []."""
    if value_text(word) is not None or not _GLUED.match(word):
        return []
    splits = [pieces for places in (1, 2, 3, 4) if (pieces := _split_glued(word, places))]
    return list(enumerate(splits[0])) if len(splits) == 1 else []


def _split_glued(word: str, places: int) -> list[str] | None:
    pattern = re.compile(rf"\d{{1,3}}[.,]\d{{{places}}}")
    pieces = []
    at = 0
    while at < len(word):
        found = pattern.match(word, at)
        if not found:
            return None
        pieces.append(found.group())
        at = found.end()
    return pieces if len(pieces) >= 2 else None


def tokens_of(lines: list[Line]) -> list[Token]:
    found: list[Token] = []
    for position, line in enumerate(lines):
        for k, word in enumerate(line.text.split()):
            joined = _RANK_SCORE.match(word)
            if joined:  # "01(0,727)": a rank and its score
                found.append(Token(joined.group(1), True, position, k == 0))
                found.append(Token(joined.group(2), True, position, False))
                continue
            glued = unglued(word)
            if glued:  # "60.4566.4761.12": scores printed with no space between them
                found.extend(Token(piece, True, position, k == 0 and i == 0) for i, piece in glued)
                continue
            text = value_text(word)
            if text is None and not any(ch.isalnum() for ch in word) and word not in _OPERATORS:
                continue  # "|", "•": rules and bullets, not cells
            found.append(Token(text or word, text is not None, position, k == 0))
    return found


def _dashes_in_names(tokens: list[Token]) -> list[Token]:
    """A dash between two words of one line joins them ("Sở Lao động - Thương binh"): it is
    not a blank cell."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        before, dash, after = out[k - 1], out[k], out[k + 1]
        inside = before.line == dash.line == after.line and not after.starts_line
        if dash.value and dash.text in _BLANKS and inside and not before.value and not after.value:
            out[k] = Token(dash.text, False, dash.line, dash.starts_line)
    return out


def groups_of(tokens: list[Token]) -> list[Group]:
    """Runs of words and of values; a run of words naming a band is a value (its band)."""
    groups: list[Group] = []
    for token in _dashes_in_names(tokens):
        if token.value and groups and not groups[-1].value:
            groups[-1:] = _name_on_its_line(groups[-1], token)
        if groups and groups[-1].value == token.value and not _trailing(groups[-1], token):
            groups[-1] = Group((*groups[-1].tokens, token), token.value)
        else:
            groups.append(Group((token,), token.value))
    return [part for group in groups for part in _band_before_name(_as_band(group))]


def _name_on_its_line(words: Group, value: Token) -> list[Group]:
    """Words over several lines before a number on the last of them: the words of that line
    (a row's name) apart from the lines above (a header, a caption)."""
    own = [t for t in words.tokens if t.line == value.line]
    if not own or len(own) == len(words.tokens) or not own[0].starts_line:
        return [words]
    rest = words.tokens[: len(words.tokens) - len(own)]
    return [Group(rest, False), Group(tuple(own), False)]


def _trailing(group: Group, token: Token) -> bool:
    """Words that end a line after numbers (a band, a note) and the name on the next line are
    two cells, not one name."""
    return not token.value and token.starts_line and not group.tokens[0].starts_line


def _band_before_name(group: Group) -> list[Group]:
    """A band ending one record run into the next name ("Xuất sắc Huyện Càng Long", a table
    run together on one line): the band a value of its own, then the name."""
    if group.value or len(group.tokens) < 2:
        return [group]
    for size in (2, 1):
        head, rest = group.tokens[:size], group.tokens[size:]
        band = " ".join(token.text for token in head)
        if rest and rest[0].text[:1].isupper() and vocab.band_of(band) == band.capitalize():
            first = head[0]
            return [Group((Token(band, True, first.line, first.starts_line),), True),
                    Group(rest, False)]  # fmt: skip
    return [group]


def _as_band(group: Group) -> Group:
    if group.value or len(group.tokens) > 5 or vocab.band_of(group.text) is None:
        return group
    return Group(
        (Token(group.text, True, group.tokens[0].line, group.tokens[0].starts_line),), True
    )


def _merged(groups: list[Group]) -> list[Group]:
    """Value groups next to each other (a band between numbers) as one."""
    merged: list[Group] = []
    for group in groups:
        if merged and merged[-1].value and group.value:
            merged[-1] = Group(merged[-1].tokens + group.tokens, True)
        else:
            merged.append(group)
    return merged


def _is_name(group: Group) -> bool:
    """A unit's name: a few words, starting with a capital ("Sở Y tế", "Quảng Ninh")."""
    if group.value or len(group.tokens) > MAX_NAME_WORDS or not group.text[:1].isupper():
        return False
    if any(token.text in _OPERATORS for token in group.tokens):
        return False  # "0,15 × Hạ tầng + …": the terms of a stated formula
    last_line = " ".join(t.text for t in group.tokens if t.line == group.tokens[-1].line)
    letters = sum(ch.isalpha() for ch in last_line)
    return letters >= 3 and 2 * letters >= len(last_line.replace(" ", ""))  # not "5/24/2011"


@dataclass(frozen=True, slots=True)
class Shape:
    """Records of ``before`` values, a name, then ``width - before`` values."""

    width: int
    before: int


@dataclass(frozen=True, slots=True)
class Stretch:
    """A run of groups read as one table: header words, then records."""

    start: int  # index of the first name group
    end: int  # index after the last group used
    shape: Shape
    fit: float = 0.0  # how well the split holds together, per record


def find_stretches(groups: list[Group]) -> Iterator[Stretch]:
    """Runs of names whose value groups between them have one size."""
    index = 0
    while index < len(groups):
        stretch = _stretch_at(groups, index)
        if stretch is None:
            index += 1
            continue
        later = _stretch_at(groups, index + 2)  # the first "record" may be the header's words
        if later is not None and later.fit > stretch.fit:
            stretch = later
        yield stretch
        index = stretch.end


def _stretch_at(groups: list[Group], start: int) -> Stretch | None:
    if not _is_name(groups[start]):
        return None
    sizes = _sizes_after(groups, start)
    if len(sizes) < MIN_RECORDS - 1:
        return None
    width = Counter(sizes[: MIN_RECORDS + 2]).most_common(1)[0][0]
    if not 1 <= width <= MAX_VALUES or sizes[0] != width:
        return None
    names = _names_fitting(groups, start, width)
    if names < MIN_RECORDS:
        return None
    end = start + 2 * names - 1
    split = _best_split(groups, start, end, width)
    if split is None:
        return None
    fit, before = split
    mid = _mid_line(groups, start, end, width, before)
    if mid * 3 > names and _lines_spanned(groups, start, end) > 1:
        return None  # numbers inside sentences: prose, not records
    last = end - 1
    if last + 2 < len(groups) and _size(groups, last) < width - before:
        names, end = names - 1, end - 2  # short, yet the text goes on: not a record
    elif names > MIN_RECORDS and _mid_line(groups, end - 1, end, width, before):
        names, end = names - 1, end - 2  # "Điều 2. Quyết định này …": a sentence after it
    distinct = {groups[at].text for at in range(start, end, 2)}
    whole = names - (_size(groups, end - 1) < width - before)  # the last may be cut short
    one_line = _lines_spanned(groups, start, end) == 1  # a table run together: its shape is proof
    if (fit <= 0 and not one_line) or whole < MIN_RECORDS or 5 * len(distinct) < 4 * names:
        return None  # nothing ties the records together: neither line breaks nor a count
    return Stretch(start, min(end + 1, len(groups)), Shape(width, before), fit / names)


def _sizes_after(groups: list[Group], start: int) -> list[int]:
    """Sizes of the value groups after each name from ``start`` while names and values alternate."""
    sizes = []
    at = start
    while at + 1 < len(groups) and _is_name(groups[at]) and groups[at + 1].value:
        sizes.append(len(groups[at + 1].tokens))
        at += 2
    return sizes


def _mid_line(groups: list[Group], start: int, end: int, width: int, before: int) -> int:
    """Records whose last number is followed by more of the same line: numbers inside
    sentences ("Posted on 12 April, 2023"), where a table's row ends its line."""
    count = 0
    for at in range(start + 1, min(end + 1, len(groups)), 2):
        values = groups[at].tokens
        if len(values) < width - before or not groups[at].value:
            continue
        nxt = values[width - before] if len(values) > width - before else None
        if nxt is None and at + 1 < len(groups):
            nxt = groups[at + 1].tokens[0]
        count += nxt is not None and not nxt.starts_line
    return count


def _lines_spanned(groups: list[Group], start: int, end: int) -> int:
    return groups[end - 1].tokens[-1].line - groups[start].tokens[0].line + 1


def _size(groups: list[Group], at: int) -> int:
    """How many values follow the name at ``at``."""
    return len(groups[at + 1].tokens) if at + 1 < len(groups) and groups[at + 1].value else 0


def _names_fitting(groups: list[Group], start: int, width: int) -> int:
    """How many names from ``start`` fit: each followed by ``width`` values, or followed by a
    name without values (the value groups around it adding up to ``width``), or the last one,
    cut short."""
    count, at = 0, start
    while at < len(groups) and _is_name(groups[at]):
        size = _size(groups, at)
        if size == width:
            count, at = count + 1, at + 2
            continue
        blank = at + 2
        if (
            blank + 2 < len(groups)
            and _is_name(groups[blank])
            and _is_name(groups[blank + 2])
            and size + _size(groups, blank) == width
        ):
            count, at = count + 2, blank + 2  # a heading or a unit printed without values
            continue
        if size >= 1 or at + 1 >= len(groups):
            count += 1  # the last record, perhaps cut short (see ``_stretch_at``)
        break
    return count


def _best_split(groups: list[Group], start: int, end: int, width: int) -> tuple[int, int] | None:
    """The number of values printed before each name: the split whose first column counts
    1, 2, 3 … best, then whose cuts fall on line breaks; values before the first name allow it."""
    ahead = len(groups[start - 1].tokens) if start > 0 and groups[start - 1].value else 0
    best: tuple[int, int] | None = None
    for before in range(0, min(width, ahead) + 1):
        score = _split_score(groups, start, end, width, before)
        if best is None or score > best[0]:
            best = (score, before)
    return best


def _split_score(groups: list[Group], start: int, end: int, width: int, before: int) -> int:
    """How well records of ``before`` values, a name, then the rest hold together: each record
    starting a line, and the first column counting 1, 2, 3 … (starting again under a heading)."""
    rows = rows_of(groups, Stretch(start, min(end + 1, len(groups)), Shape(width, before)))
    firsts = [row[0] for row in rows if row[0] is not None]
    score = 5 * sum(token.starts_line for token in firsts[1:])
    if before and _counts([token.text for token in firsts]):
        score += 3 * len(firsts)
    following = [token for row in rows if before + 1 < len(row) and (token := row[before + 1])]
    if _counts([token.text for token in following]):
        score += 3 * len(following)  # a rank after the name, counting down the rows
    return score - 4 * max(0, before - 1) * len(rows)  # an STT before the name; rarely more


def _counts(texts: list[str]) -> bool:
    """1, 2, 3 … from 1, starting again at 1 only after at least two rows."""
    numbers = [parse_number(text) for text in texts]
    if not numbers or numbers[0] != 1:
        return False
    since = 0
    for previous, number in zip(numbers, numbers[1:], strict=False):
        since += 1
        if number is not None and previous is not None and number == previous + 1:
            continue
        if number != 1 or since < 2:
            return False
        since = 0
    return True


def rows_of(groups: list[Group], stretch: Stretch) -> list[list[Token | None]]:
    """Each record as ``width + 1`` cells: values before, the name, values after."""
    width, before = stretch.shape.width, stretch.shape.before
    after = width - before
    rows: list[list[Token | None]] = []
    carried: list[Token] = []
    head = groups[stretch.start - 1] if stretch.start > 0 else None
    if before and head is not None and head.value:
        carried = list(head.tokens[-before:])
    for at in range(stretch.start, stretch.end, 2):
        values = list(groups[at + 1].tokens) if at + 1 < stretch.end else []
        last = at + 2 >= stretch.end
        if len(values) == width and not last:
            mine, carried_next = values[:after], values[after:]
        elif last:
            mine, carried_next = values, []
        elif not carried and before and len(values) == before:
            mine, carried_next = [], values  # printed without values
        else:
            mine, carried_next = values, []
        name = _name_token(groups, at, trim=at == stretch.start)
        rows.append([*_padded(carried, before), name, *_padded(mine, after)])
        carried = carried_next
    return rows


def _name_token(groups: list[Group], at: int, trim: bool) -> Token:
    """The name as one token; the first record's name without lines above those a name
    usually takes (header words run into it when no number parts them)."""
    tokens = groups[at].tokens
    if trim:
        spans = sorted(_lines(groups[k]) for k in range(at + 2, min(at + 12, len(groups)), 2))
        usual = spans[len(spans) // 2] if spans else 1
        last = tokens[-1].line
        tokens = tuple(t for t in tokens if t.line > last - usual) or tokens
    return Token(" ".join(t.text for t in tokens), False, tokens[0].line, tokens[0].starts_line)


def _lines(group: Group) -> int:
    return group.tokens[-1].line - group.tokens[0].line + 1


def _padded(tokens: list[Token], width: int) -> list[Token | None]:
    return [*tokens, *([None] * (width - len(tokens)))][:width]


def header_lines(groups: list[Group], stretch: Stretch) -> list[int]:
    """Lines of the run above the first record that hold words (the header, if any)."""
    first = groups[stretch.start].tokens[0].line
    head = groups[stretch.start - 1] if stretch.start > 0 else None
    if stretch.shape.before and head is not None and head.value:
        first = head.tokens[-stretch.shape.before].line
    return list(range(first))


def record_rows(run: list[Line], first_grid: int) -> tuple[list[Line], int]:
    """The run's lines with every table of records as grid rows; the next free grid id."""
    groups = _merged(groups_of(tokens_of(run)))
    stretches = list(find_stretches(groups))
    if not stretches:
        return run, first_grid
    out: list[Line] = []
    used_lines = 0
    grid = first_grid
    for stretch in stretches:
        rows = rows_of(groups, stretch)
        if not _has_scores(rows):
            continue
        first_line = min(token.line for token in rows[0] if token is not None)
        records = _grid_rows(run, groups, stretch, rows, grid)
        header = _header_row(run, stretch, max(used_lines, 0), first_line, grid, records)
        top = header[1] if header else first_line
        out.extend(run[used_lines:top])
        if header:
            out.extend(header[0])
        out.extend(records)
        used_lines = _last_line(groups, stretch) + 1
        grid += 1
    out.extend(run[used_lines:])
    return out, grid


def _has_scores(rows: list[list[Token | None]]) -> bool:
    """Some value column, not of years, holds a number in two records of three."""
    width = len(rows[0]) if rows else 0
    for column in range(width):
        numbers = [
            number
            for row in rows
            if (token := row[column]) is not None
            and token.value
            and (number := parse_number(token.text)) is not None
        ]
        years = all(n == n.to_integral_value() and 1900 <= n <= 2100 for n in numbers)
        if 3 * len(numbers) >= 2 * len(rows) and not years:
            return True  # a column of years ("… năm 2022") is no score
    return False


def _header_row(
    run: list[Line],
    stretch: Stretch,
    floor: int,
    first_line: int,
    grid: int,
    records: list[Line],
) -> tuple[list[Line], int] | None:
    """The header above the records when its lines join into one cell per column (a header
    printed one cell per line, wrapped cells joined), and a group heading between it and the
    first record ("I" / "Khối sở, ban, ngành") as a row of its own: the rows, the first line.
    A row of maxima printed one cell per line there is left out."""
    width = stretch.shape.width + 1
    for end in _header_ends(run, floor, first_line):
        top = end
        while top > floor and end - top < 3 * width and _may_be_header(run[top - 1].text):
            top -= 1
        texts = {i: _cell_line(run[i].text) for i in range(top, end)}
        for start in range(top, end - width + 1):
            if any(_not_label(texts[i]) for i in range(start, end)):
                continue  # a bare number, "Điểm tối đa": no column's label
            cells = join_header([texts[i] for i in range(start, end) if texts[i]], width)
            if cells is not None and header_fits(_row(cells, run[start], grid), records):
                return [
                    _row(cells, run[start], grid),
                    *_headings(run, end, first_line, grid),
                ], start
    return None


def header_fits(header: Line, records: list[Line]) -> bool:
    """Header words that agree with what the numbers say of their columns, at least once and
    never against them (a caption over a column of ranks is no "Kết quả" column)."""
    settings = TableSettings()
    hinted = read_columns([header], records, settings)
    counted = infer_roles(headless_columns(records, settings), records).columns
    agree = False
    for hint, numbers in zip(hinted, counted, strict=False):
        if _against(hint.role, numbers.role):
            return False
        agree = agree or _confirms(hint, numbers.role)
    return agree


_ORDINALS = frozenset({"rank", "row_number"})
_SCORES = frozenset({"total", "component", "number"})


def _against(hint: str, counted: str) -> bool:
    if hint in _SCORES:
        return counted in _ORDINALS or counted == "band"
    if hint in _ORDINALS:
        return counted not in _ORDINALS
    return hint == "band" and counted != "band"


def _confirms(hint: Column, counted: str) -> bool:
    if hint.role == "agency":
        return counted == "agency" and bool(vocab.AGENCY.search(vocab.fold(hint.label)))
    if hint.role in ("number", "other", "text"):
        return False  # words that name no role confirm nothing
    both = {hint.role, counted}
    return hint.role == counted or both <= _ORDINALS or both <= _SCORES


def _header_ends(run: list[Line], floor: int, first_line: int) -> Iterator[int]:
    """Where a header may end: right above the first record, or above the lines of a maxima
    row and a group heading printed between them."""
    yield first_line
    end = first_line
    while end > floor and first_line - end < 12 and _between(run[end - 1].text):
        end -= 1
        yield end


def _between(text: str) -> bool:
    bare = _cell_line(text)
    roman = bool(re.fullmatch(r"[IVXLC]+\.?", bare))
    caption = vocab.is_section_caption(bare) or vocab.MAXIMA_ROW.match(vocab.fold(bare))
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


def _not_label(text: str) -> bool:
    bare_number = value_text(text) is not None and not _is_year(text)
    return bare_number or bool(vocab.MAXIMA_ROW.match(vocab.fold(text)))


def _is_year(text: str) -> bool:
    number = parse_number(text)
    return number is not None and number == number.to_integral_value() and 1900 <= number <= 2100


def _may_be_header(text: str) -> bool:
    """A short line not ending a sentence ("… như sau:", "… năm 2022."): a header cell."""
    return len(text) <= 90 and not text.rstrip().endswith((":", ".", ";", "!", "?"))


def _cell_line(text: str) -> str:
    """A header line without the rules a converter leaves around cells ("Tên đơn vị |")."""
    return " ".join(word for word in text.split() if any(ch.isalnum() for ch in word))


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
            found, grid = record_rows(run, grid)
            out.extend(found)
            run = []
        if line is not None:
            out.append(line)
    return out
