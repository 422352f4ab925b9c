"""One page's glyphs and rules → prose lines and table grids in reading order.

The layout analysis shared by both readers: the text-PDF reader gives it the glyphs and path
rules of a text layer, the OCR reader the words Tesseract read (as glyphs) and the rules found
in the image. Ruled tables come from the rules, unruled tables from aligned text, the rest as
prose lines top to bottom.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import NamedTuple

from pipeline.geometry.lattice import Frame, assign_glyphs, find_frames
from pipeline.geometry.shapes import Glyph, PageContent
from pipeline.geometry.stream import StreamTable, cell_texts, find_stream_tables
from pipeline.geometry.text import TextLine, group_lines, join_cell_lines, nfc, split_segments
from pipeline.models import BBox, Cell, Line, Page, Provenance, Word

DEFAULT_SNAP_TOLERANCE = 3.0
DEFAULT_JOIN_TOLERANCE = 3.0
DEFAULT_RULE_THICKNESS = 3.0
DEFAULT_LINE_TOLERANCE = 3.0
DEFAULT_WORD_GAP = 0.1
DEFAULT_LINE_SPLIT_GAP = 30.0
DEFAULT_COLUMN_GAP = 6.0
DEFAULT_LATTICE_MIN_ROWS = 2
DEFAULT_LATTICE_MIN_COLS = 2
EDGE_ROW_MIN_COLS = 3  # a one-row frame at a page's edge: a table's row the break left alone
DEFAULT_UNRULED_MIN_ROWS = 3
DEFAULT_UNRULED_MIN_COLS = 3
DEFAULT_FIND_UNRULED = True


@dataclass(frozen=True)
class LayoutSettings:
    """Tunables of the layout analysis; distances in PDF points (1/72 inch)."""

    snap_tolerance: float = DEFAULT_SNAP_TOLERANCE
    """Parallel rules closer than this are one line (double borders, stroke width)."""
    join_tolerance: float = DEFAULT_JOIN_TOLERANCE
    """Collinear rule pieces with a gap up to this are one rule; also how near rules must meet."""
    rule_thickness: float = DEFAULT_RULE_THICKNESS
    """A path at most this thick is a rule; a thicker box contributes its four sides."""
    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    """Glyphs whose bottoms differ by at most this sit on one text line."""
    word_gap: float = DEFAULT_WORD_GAP
    """A gap between glyphs wider than this share of a glyph's height starts a new word."""
    line_split_gap: float = DEFAULT_LINE_SPLIT_GAP
    """Prose: a gap wider than this splits a line (letterhead's two columns, signature block)."""
    column_gap: float = DEFAULT_COLUMN_GAP
    """Unruled tables: a gap wider than this separates two columns."""
    lattice_min_rows: int = DEFAULT_LATTICE_MIN_ROWS
    """A ruled frame needs at least this many rows to be a table."""
    lattice_min_cols: int = DEFAULT_LATTICE_MIN_COLS
    """A ruled frame needs at least this many columns to be a table."""
    unruled_min_rows: int = DEFAULT_UNRULED_MIN_ROWS
    """An unruled table needs at least this many lines with enough columns."""
    unruled_min_cols: int = DEFAULT_UNRULED_MIN_COLS
    """An unruled table's rows need at least this many columns."""
    find_unruled: bool = DEFAULT_FIND_UNRULED
    """Look for unruled tables in the text outside ruled ones."""
    columns_by_coverage: bool = False
    """Unruled tables whose rows do not line up (OCR merged or split some words) take the
    columns most rows print in."""


class GridDraft(NamedTuple):
    """A table's rows before the document-wide grid id is known: (cells, row bbox) each."""

    top: float
    x0: float
    rows: list[tuple[tuple[Cell, ...], BBox]]


# (top, x0) for reading order, then the prose line or table; segments of one text line share
# the line's top, so a letterhead line comes out left column first.
Item = tuple[tuple[float, float], Line | GridDraft]


def build_page(
    content: PageContent,
    source_file: str,
    settings: LayoutSettings,
    grid_ids: Iterator[int],
    method: str = "pdf",
) -> Page:
    """Lay out one page: ruled tables, unruled tables, then prose, in reading order.

    The OCR reader lays out its pages here too (``method="ocr"``, words as glyphs), so every
    page with boxes goes through one layout analysis.
    """
    width, height = round(content.width, 2), round(content.height, 2)
    glyphs = content.glyphs
    place = Provenance(source_file, content.number, method=method)
    items: list[Item] = []
    frames = [
        frame
        for frame in find_frames(
            content.rules,
            settings.snap_tolerance,
            settings.join_tolerance,
            1,
            settings.lattice_min_cols,
        )
        if len(frame.ys) - 1 >= settings.lattice_min_rows or page_edge_row(frame, glyphs)
    ]
    for frame in frames:
        inside, glyphs = assign_glyphs(frame, glyphs)
        grid = lattice_grid(frame, inside, place, settings)
        items.append(((grid.top, grid.x0), grid))
    lines = group_lines(glyphs, settings.line_tolerance, settings.word_gap)
    if settings.find_unruled:
        tables, lines = find_stream_tables(
            lines,
            settings.column_gap,
            settings.unruled_min_rows,
            settings.unruled_min_cols,
            settings.columns_by_coverage,
        )
        grids = [stream_grid(table, place) for table in tables]
        items.extend(((grid.top, grid.x0), grid) for grid in grids)
    for line in lines:
        for part in split_segments(line, settings.line_split_gap):
            items.append(((line.top, part.x0), prose_line(part, place)))
    return Page(
        content.number,
        emit(items, grid_ids),
        width,
        height,
        method=method,
        encoding=content.encoding,
    )


def page_edge_row(frame: Frame, glyphs: list[Glyph]) -> bool:
    """A ruled row of several cells that ends or opens its page: a table's first or last row
    the page break left alone ("1 | Xã Văn Tự | 01 (96,3)" at the foot of page 1, the rest on
    page 2), kept as a grid for the table stage to join; a lone box elsewhere is no table.
    Page numbers (no letters) beyond it do not count."""
    if len(frame.xs) - 1 < EDGE_ROW_MIN_COLS:
        return False
    top, bottom = frame.ys[0], frame.ys[-1]
    if not any(glyph.top >= bottom and glyph.text.isalpha() for glyph in glyphs):
        return True  # it ends the page
    return not any(glyph.bottom <= top and glyph.text.isalpha() for glyph in glyphs)


def box(x0: float, top: float, x1: float, bottom: float) -> BBox:
    """A bbox rounded to 1/100 point, so both engines and reruns print the same numbers."""
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def lattice_grid(
    frame: Frame, inside: dict, place: Provenance, settings: LayoutSettings
) -> GridDraft:
    """The rows of a ruled table; merged regions anchored top-left, covered positions spanned."""
    xs, ys = frame.xs, frame.ys
    lines = {
        anchor: group_lines(glyphs, settings.line_tolerance, settings.word_gap)
        for anchor, glyphs in inside.items()
    }
    padding = cell_padding(frame, lines)
    # every box's sides lie on the grid lines: each line rounded once (as ``box`` rounds)
    round_xs, round_ys = [round(x, 2) for x in xs], [round(y, 2) for y in ys]
    rows = []
    for r in range(len(ys) - 1):
        cells = []
        for c in range(len(xs) - 1):
            anchor = frame.anchor[(r, c)]
            if anchor != (r, c):
                bbox = (round_xs[c], round_ys[r], round_xs[c + 1], round_ys[r + 1])
                cells.append(Cell("", place_at(place, bbox), spanned=True))
                continue
            last_row, last_col = frame.extent[anchor]
            bbox = (round_xs[c], round_ys[r], round_xs[last_col + 1], round_ys[last_row + 1])
            width = xs[last_col + 1] - xs[c] - 2 * padding
            cells.append(Cell(join_cell_lines(lines.get(anchor, []), width), place_at(place, bbox)))
        rows.append((tuple(cells), (round_xs[0], round_ys[r], round_xs[-1], round_ys[r + 1])))
    return GridDraft(ys[0], xs[0], rows)


def cell_padding(frame: Frame, lines: dict[tuple[int, int], list[TextLine]]) -> float:
    """The table's cell padding: the least room left of any line (a left-aligned cell's)."""
    margins = [line.x0 - frame.xs[column] for (_, column), found in lines.items() for line in found]
    return max(0.0, min(margins, default=0.0))


def stream_grid(table: StreamTable, place: Provenance) -> GridDraft:
    """The rows of an unruled table; cells span their column and their row's lines."""
    columns = table.columns
    rows = []
    for row in table.rows:
        cells = tuple(
            Cell(text, place_at(place, box(x0, row.top, x1, row.bottom)), spanned=spanned)
            for text, spanned, (x0, x1) in zip(cell_texts(row), row.spanned, columns, strict=True)
        )
        rows.append((cells, box(columns[0][0], row.top, columns[-1][1], row.bottom)))
    return GridDraft(table.top, columns[0][0], rows)


# place_at fills Provenance's slots itself: a frozen dataclass's __init__ sets each field
# through object.__setattr__, 2.6 us a box, and 18 pages have some 4,600 boxes (1.2 us so).
_PROVENANCE_FIELDS = ("source_file", "page", "bbox", "line", "method", "confidence", "alternatives")
if tuple(field.name for field in fields(Provenance)) != _PROVENANCE_FIELDS:
    raise ImportError("Provenance's fields changed: update layout.place_at")
_SET_SOURCE, _SET_PAGE, _SET_BBOX, _SET_LINE, _SET_METHOD, _SET_CONFIDENCE, _SET_ALTERNATIVES = (
    getattr(Provenance, name).__set__ for name in _PROVENANCE_FIELDS
)


def place_at(place: Provenance, bbox: BBox) -> Provenance:
    """The page's provenance (file, page, method) with a box, the other fields their defaults:
    ``Provenance(place.source_file, place.page, bbox, method=place.method)``, at half the cost
    (``dataclasses.replace`` costs ten times more)."""
    made = object.__new__(Provenance)
    _SET_SOURCE(made, place.source_file)
    _SET_PAGE(made, place.page)
    _SET_BBOX(made, bbox)
    _SET_LINE(made, None)
    _SET_METHOD(made, place.method)
    _SET_CONFIDENCE(made, None)
    _SET_ALTERNATIVES(made, ())
    return made


def prose_line(line: TextLine, place: Provenance) -> Line:
    """A prose line with its words."""
    words = tuple(
        Word(text, place_at(place, (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))))
        for text, x0, top, x1, bottom, _ in line.words  # ``box`` inlined: every word passes
    )
    at = place_at(place, box(line.x0, line.top, line.x1, line.bottom))
    return Line(nfc(line.text), at, words=words)


def emit(items: list[Item], grid_ids: Iterator[int]) -> tuple[Line, ...]:
    """Lines in reading order, each grid's rows numbered with the next document grid id."""
    lines: list[Line] = []
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, Line):
            lines.append(item)
            continue
        grid = next(grid_ids)
        for cells, bbox in item.rows:
            text = " | ".join(cell.text for cell in cells)
            lines.append(Line(text, place_at(cells[0].at, bbox), cells=cells, grid=grid))
    return tuple(lines)
