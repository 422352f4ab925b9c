"""The header of a space-aligned table: where its columns sit, and the labels above them.

Header lines are cut into segments (runs separated by two spaces or more). Pieces that overlap
from line to line form the header's own columns; when there are as many as the table has
columns they are taken in order, since pdftotext may squeeze a header and not its rows or the
rows and not the header. Otherwise each segment joins the column under its centre. A segment
over several value columns is a group label ("Điểm thành phần"), left out, unless its words
each sit over a column of their own, as they do over narrow columns ("Minh Năng Thời").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import vocabulary as vocab
from pipeline.ingest.text.cell_header import join_header, maxima_cells, maxima_hold
from pipeline.ingest.text.rows import RawRow, Token, is_value, segments, tokens
from pipeline.parse import parse_number, split_max
from pipeline.tables.roles.counting import label_words, read_count

_HEADER_WORD = re.compile(r"^(stt|tt|tên|xếp|đơn\s+vị|cơ\s+quan|địa\s+phương|điểm|tổng|hạng)")
_GROUP = re.compile(r"(\(điểm\s+tối\s+đa\)$|^điểm\s+thành\s+phần|^các\s+chỉ\s+số\s+thành\s+phần)")
MAX_HEADER_LINES = 24
_LABEL_LINES = 4  # a header printed one space apart: its lines right above the rows
_LABEL_WORDS = 4  # "Thứ tự xếp hạng": the longest row-number or rank label read from a header


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a table's columns sit: row number, name, then the value centres."""

    has_stt: bool
    name_start: int
    values_start: int
    centers: tuple[float, ...]

    @property
    def width(self) -> int:
        return int(self.has_stt) + 1 + len(self.centers)

    def of(self, center: float) -> int:
        """Grid position of the column under a centre."""
        first_value = int(self.has_stt) + 1
        if self.has_stt and center < self.name_start:
            return 0
        if center < self.values_start:
            return first_value - 1
        nearest = min(range(len(self.centers)), key=lambda j: abs(self.centers[j] - center))
        return first_value + nearest

    def covered(self, segment: Token) -> list[int]:
        """Value columns whose centres lie inside a header segment."""
        first_value = int(self.has_stt) + 1
        inside = [j for j, c in enumerate(self.centers) if segment.start <= c <= segment.end]
        return [first_value + j for j in inside]


def header_above(lines: list[str], start: int, floor: int) -> tuple[int, list[str]]:
    """(first line, header lines) above the body starting at ``start``; none without labels."""
    index = start - 1
    header: list[str] = []
    while index >= floor and start - index <= MAX_HEADER_LINES and _is_header_line(lines[index]):
        header.insert(0, lines[index])
        index -= 1
    if not any(_HEADER_WORD.match(vocab.fold(s.text)) for line in header for s in segments(line)):
        return start, []
    return index + 1, header


def _is_header_line(text: str) -> bool:
    parts = segments(text)
    if not parts or "\t" in text:
        return False
    if len(parts) == 1:
        word = parts[0].text
        ends_prose = word.endswith((".", ":", ";")) or (word.endswith(")") and "(" not in word)
        return len(word) <= 40 and not ends_prose and not vocab.is_section_caption(word)
    return all(len(part.text) <= 40 for part in parts)


def header_rows(
    header: list[str], columns: Columns, body: Sequence[Sequence[str]] = ()
) -> list[RawRow]:
    """One header row of the labels joined down each column.

    The header's own columns come first: its pieces clustered where they overlap from line
    to line, taken in order when there are as many as the table has columns (pdftotext may
    squeeze a header and not its rows, or the rows and not the header). Otherwise each piece
    joins the column under its centre. A segment over several value columns is a group label
    ("Điểm thành phần"), left out, or words over narrow columns of their own.
    """
    if not header:
        return []
    single = single_spaced_header(header[-1], columns, body)
    if single is not None:
        return [RawRow(0, tuple(single))]
    maxima = maxima_line(header[-1], columns, body)
    if maxima is not None and len(header) < 2:
        return [RawRow(0, tuple(maxima))]  # the labels above it too long to be header lines
    if maxima is None:
        return _labels_down(header, columns)
    labels = single_spaced_header(header[-2], columns, body, maxima_below=True)
    if labels is not None:
        return [RawRow(0, tuple(labels)), RawRow(0, tuple(maxima))]
    if len(segments(header[-1])) == 1:  # a row of maxima one space apart under labels
        return [*_labels_down(header[:-1], columns), RawRow(0, tuple(maxima))]
    return _labels_down(header, columns)


def _labels_down(header: list[str], columns: Columns) -> list[RawRow]:
    """The labels of header lines joined down each column (see ``header_rows``)."""
    for split in (True, False):
        pieces = [
            p for number, line in enumerate(header) for p in _pieces(number, line, columns, split)
        ]
        clusters = _clusters(pieces)
        if len(clusters) == columns.width and all(_one_word_each(c) for c in clusters):
            return [RawRow(0, tuple(" ".join(p.token.text for p in c) for c in clusters))]
    own: list[list[str]] = [[] for _ in range(columns.width)]
    for line in header:
        for part in segments(line):
            if _GROUP.search(vocab.fold(part.text)):
                continue
            if len(columns.covered(part)) < 2:
                own[columns.of(part.center)].append(part.text)
                continue
            for word in _words_over_columns(part, columns):
                own[columns.of(word.center)].append(word.text)
    return [RawRow(0, tuple(" ".join(words) for words in own))]


def single_spaced_header(
    line: str, columns: Columns, body: Sequence[Sequence[str]], maxima_below: bool = False
) -> list[str] | None:
    """A header line right above the rows with one space between its labels ("Stt Tên đơn vị
    Điểm đạt (100)"), as rows copied from a page print theirs: no position tells its cells
    apart, so its words are joined into one label per column (a lower-case word or a maximum
    goes on the word before) when that makes the table's width and the maxima its labels
    print hold over their columns: without a maximum nothing shows the words are over their
    columns; a row of maxima printed right under the line shows it as well (``maxima_below``).
    The row number's column may be unlabelled ("#" taken as markup)."""
    parts = segments(line)
    if len(parts) != 1 or parts[0].start > columns.name_start:
        return None
    if not (maxima_below or columns.covered(parts[0])):
        return None  # not a line over every column, from the first ("(Chỉ số DTI)")
    words = parts[0].text.split()
    cells = join_header(words, columns.width)
    if cells is None and columns.has_stt:
        rest = join_header(words, columns.width - 1)
        cells = ["", *rest] if rest is not None else None
    if cells is None or any(_no_label(cell) for cell in cells[1:]):
        return None
    if maxima_below:
        return cells
    if not any(split_max(cell)[1] is not None for cell in cells):
        return None  # no maximum to show the words are over their columns
    return cells if body and maxima_hold(cells, body) else None


def single_spaced_rows(
    above: Sequence[str], columns: Columns, body: Sequence[Sequence[str]]
) -> list[RawRow]:
    """The header rows right above the body (``above`` ends there) printed one space apart: a
    line of labels, or a row of maxima and the line of labels over it, or when the labels
    over it read no further, the maxima alone."""
    if not above:
        return []
    cells = single_spaced_header(above[-1], columns, body)
    if cells is not None:
        return [RawRow(0, tuple(cells))]
    maxima = maxima_line(above[-1], columns, body)
    if maxima is None:
        two = two_level_spaced(above[-2:], columns, body) if len(above) >= 2 else None
        return [RawRow(0, tuple(two))] if two is not None else []
    labels = None
    if len(above) >= 2:
        labels = single_spaced_header(above[-2], columns, body, maxima_below=True)
    if labels is None:
        return [RawRow(0, tuple(maxima))]
    return [RawRow(0, tuple(labels)), RawRow(0, tuple(maxima))]


def two_level_spaced(
    lines: Sequence[str], columns: Columns, body: Sequence[Sequence[str]]
) -> list[str] | None:
    """A header of two lines one space apart, the second line's labels under a label of the
    first that stands over them as a group ("Thứ tự District Nội dung đánh giá Điểm đạt (100)
    Hạng năm" / "Hiện đại hóa hành chính (54) Cải cách tổ chức bộ máy (46)"): each line's
    words joined into labels, the second's put in place of one label of the first that prints
    no maximum. Kept only when the maxima the labels print hold over their columns, and one
    placing alone makes them hold."""
    top, under = (segments(line) for line in lines)
    if len(top) != 1 or len(under) != 1 or top[0].start > columns.name_start:
        return None
    found: list[list[str]] = []
    for size in range(2, columns.width - 1):
        second = join_header(under[0].text.split(), size)
        for first in _joinings(top[0].text.split(), columns.width - size + 1):
            if second is None or any(_no_label(c) for c in (*first, *second)):
                continue
            for group in range(1, len(first)):
                if split_max(first[group])[1] is None:
                    placed = [*first[:group], *second, *first[group + 1 :]]
                    if any(split_max(c)[1] is not None for c in placed) and maxima_hold(
                        placed, body
                    ):
                        found.append(placed)
    return found[0] if len(found) == 1 else None


def _joinings(words: list[str], width: int) -> list[list[str]]:
    """The words joined into ``width`` labels from the last on, and from the first on when
    that differs: which the maxima hold over their columns tells."""
    found = [join_header(words, width), join_header(words, width, from_left=True)]
    return [cells for k, cells in enumerate(found) if cells is not None and cells not in found[:k]]


def number_label_row(above: Sequence[str], columns: Columns) -> list[RawRow]:
    """The row number's label alone, when the header over the rows (the lines right above them)
    is printed one space apart and reads no further ("Số thứ tự Tên đơn vị Điểm các tiêu chí …"
    over two lines). The label is what the numbers cannot tell: whether a count 1 … n in the
    order of the scores is the STT or the rank. When the header's first words name one and
    more of them the other ("Thứ tự" / "Thứ tự xếp hạng Tỉnh thành …"), none is taken: the
    numbers decide, with their doubt, rather than the shorter reading silently."""
    run = list(itertools.takewhile(str.strip, reversed(above)))[:_LABEL_LINES]
    if not columns.has_stt or not run or run[-1].rstrip().endswith((":", ".")):
        return []  # no row number column, no header right above, or prose
    words = run[-1].split()
    labels = [
        " ".join(words[:size]) for size in range(1, min(_LABEL_WORDS, len(words) - 1) + 1)
        if vocab.ordinal_label(" ".join(words[:size]))
    ]  # fmt: skip
    if not labels or read_count(label_words(labels), None).role is None:
        return []  # "Thứ tự" and "Thứ tự xếp hạng": STT or rank, the words do not tell
    return [RawRow(0, (labels[0], *[""] * (columns.width - 1)))]


def maxima_line(line: str, columns: Columns, body: Sequence[Sequence[str]]) -> list[str] | None:
    """A maxima row right above the rows ("Điểm tối đa 100 100 …") when no header is read
    above it: its label, then its values over the columns of numbers they hold over."""
    words = line.split()
    values = [k for k, word in enumerate(words) if is_value(word)]
    if not values or not vocab.MAXIMA_ROW.match(vocab.fold(" ".join(words[: values[0]]))):
        return None
    if values != list(range(values[0], len(words))):
        return None  # words among the values: no row of maxima
    label = " ".join(words[: values[0]])
    placed = maxima_cells([label, *words[values[0] :]], body, columns.width)
    return list(placed) if placed is not None else None


def _no_label(cell: str) -> bool:
    """A piece no column is labelled by: a maximum alone, a lower-case tail, a bare number."""
    bare = cell[:1] in "(" or cell[:1].islower() or not any(ch.isalpha() for ch in cell)
    return bare or parse_number(cell) is not None


@dataclass(frozen=True, slots=True)
class _Piece:
    """A header segment, or one word of a segment split over narrow columns."""

    line: int
    token: Token
    split_from: int | None = None  # start of the segment it was split from


def _pieces(number: int, line: str, columns: Columns, split: bool) -> list[_Piece]:
    """A header line's segments; one over several value columns split into its words, or
    left out (a group label, always left out when it names itself as one)."""
    pieces: list[_Piece] = []
    for part in segments(line):
        if _GROUP.search(vocab.fold(part.text)):
            continue
        if len(columns.covered(part)) < 2:
            pieces.append(_Piece(number, part))
        elif split:
            pieces += [
                _Piece(number, Token(t.text, part.start + t.start, part.start + t.end), part.start)
                for t in tokens(part.text)
            ]
    return pieces


def _clusters(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Header pieces grouped into columns: pieces overlapping one another (directly or
    through a piece on another line) share a column; columns left to right, pieces in each
    in printed order."""
    clusters: list[tuple[int, int, list[_Piece]]] = []  # (start, end, pieces)
    for piece in pieces:
        start, end = piece.token.start, piece.token.end
        touching = [c for c in clusters if start < c[1] and c[0] < end]
        merged = [p for c in touching for p in c[2]] + [piece]
        clusters = [c for c in clusters if c not in touching]
        start = min([start] + [c[0] for c in touching])
        end = max([end] + [c[1] for c in touching])
        clusters.append((start, end, merged))
    ordered = sorted(clusters, key=lambda c: c[0])
    return [sorted(c[2], key=lambda p: (p.line, p.token.start)) for c in ordered]


def _one_word_each(cluster: list[_Piece]) -> bool:
    """A column holds at most one word of each split segment (a centred group label's words
    fall two to a column)."""
    origins = [(p.line, p.split_from) for p in cluster if p.split_from is not None]
    return len(origins) == len(set(origins))


def _nearest(centers: tuple[float, ...], center: float) -> float:
    return min(centers, key=lambda c: abs(c - center))


def _words_over_columns(part: Token, columns: Columns) -> list[Token]:
    """The words of a segment over several columns when each sits over a column of its own
    (narrow columns: "Minh Năng Thời", one space apart); none for a centred group label."""
    words = [Token(t.text, part.start + t.start, part.start + t.end) for t in tokens(part.text)]
    spacing = min(b - a for a, b in itertools.pairwise(columns.centers))
    near = [_nearest(columns.centers, word.center) for word in words]
    aligned = all(abs(c - w.center) <= spacing / 3 for c, w in zip(near, words, strict=True))
    return words if aligned and len(set(near)) == len(words) else []
