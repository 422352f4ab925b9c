"""Grids of words that are no tables: laid out again as prose.

The layout finds unruled tables from text that lines up in columns. On a scanned state
document the letterhead does (issuer beside "CỘNG HÒA …", "Số: 6191/BVT-TCKT" beside
"Bắc Ninh, ngày 27 tháng 9 năm 2021"), and so do the two columns of recipients and signature.
Read as a grid, its cells go through the cell pass, which reads an unsure cell again on its
own and can replace a whole line by a worse reading ("SỐ: 6i"), and its date is read as a
table's cell. A ranking table prints numbers row after row, two or more a row: a grid no
row of which prints two numbers (digits and no letter), or numbers in one row of a
letterhead's few rows, is given back to the prose layout, which keeps each column's lines
with their words and boxes for the metadata reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace

from pipeline.geometry.layout import LayoutSettings, build_page
from pipeline.geometry.shapes import Glyph, PageContent
from pipeline.models import BBox, Line, Page

LETTERHEAD_ROWS = 4  # a letterhead's lines side by side: issuer's two, number and date, subject


def is_number(text: str) -> bool:
    """A cell that prints a number: a digit, and no letter ("12,5", "3", "(7)")."""
    squeezed = "".join(text.split())
    return any(char.isdigit() for char in squeezed) and not any(c.isalpha() for c in squeezed)


def wordy_grids(lines: tuple[Line, ...]) -> dict[int, BBox]:
    """The box of each grid none of whose rows prints two numbers (a signature block and a
    list of recipients lined up side by side, a digit read in the signature's ink: real scan
    decision-c), or that prints numbers in one row only of a letterhead's few rows (a
    handwritten day and month in the date's blanks); a ranking table prints a row's scores,
    its STT and total at least, row after row."""
    boxes: dict[int, list[BBox]] = defaultdict(list)
    numbered_rows: dict[int, int] = defaultdict(int)
    scored_rows: dict[int, int] = defaultdict(int)  # rows with two numbers: a row's scores
    for line in lines:
        if line.grid is None or not line.cells:
            continue
        if line.at.bbox is not None:
            boxes[line.grid].append(line.at.bbox)
        numbers = sum(is_number(cell.text) for cell in line.cells if not cell.spanned)
        numbered_rows[line.grid] += numbers > 0
        scored_rows[line.grid] += numbers > 1
    return {
        grid: (
            min(b[0] for b in found),
            min(b[1] for b in found),
            max(b[2] for b in found),
            max(b[3] for b in found),
        )  # fmt: skip
        for grid, found in boxes.items()
        if scored_rows[grid] == 0 or (numbered_rows[grid] == 1 and len(found) <= LETTERHEAD_ROWS)
    }


def _level_with(glyph: Glyph, bbox: BBox) -> bool:
    return bbox[1] <= (glyph.top + glyph.bottom) / 2 <= bbox[3]


def _inside(glyph: Glyph, bbox: BBox) -> bool:
    middle_x, middle_y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return bbox[0] <= middle_x <= bbox[2] and bbox[1] <= middle_y <= bbox[3]


def as_prose(
    page: Page,
    content: PageContent,
    settings: LayoutSettings,
    grid_ids: Iterator[int],
    refine: Callable[[tuple[Line, ...]], tuple[Line, ...]] = lambda lines: lines,
) -> Page:
    """``page`` (its cells read by the cell pass, so that a number the page pass garbled
    counts) with every grid that is no table laid out again as prose lines from its words,
    those lines given to ``refine`` (the cell pass's reading of prose)."""
    grids = wordy_grids(page.lines)
    if not grids:
        return page
    # a grid's row box ends at its last column: its lines' glyphs beyond it belong to it too
    kept_boxes = [line.at.bbox for line in page.lines
                  if line.at.bbox is not None and line.grid not in grids]  # fmt: skip
    glyphs = [
        glyph
        for glyph in content.glyphs
        if any(_level_with(glyph, bbox) for bbox in grids.values())
        and not any(_inside(glyph, bbox) for bbox in kept_boxes)
    ]
    prose_only = replace(settings, find_unruled=False)
    laid = build_page(content._replace(glyphs=glyphs, rules=[]), page.lines[0].at.source_file,
                      prose_only, grid_ids, method=page.method).lines  # fmt: skip
    laid = refine(laid)
    lines: list[Line] = []
    done: set[int] = set()
    for line in page.lines:
        if line.grid is None or line.grid not in grids:
            lines.append(line)
        elif line.grid not in done:  # the grid's place in reading order: its first row
            done.add(line.grid)
            lines.extend(prose for prose in laid if _level(prose, grids[line.grid]))
    return replace(page, lines=tuple(lines))


def _level(line: Line, bbox: BBox) -> bool:
    return (
        line.at.bbox is not None and bbox[1] <= (line.at.bbox[1] + line.at.bbox[3]) / 2 <= bbox[3]
    )
