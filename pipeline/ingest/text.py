"""Markdown-like and tab-separated text decisions → pages of lines.

A tab-separated line, or a markdown pipe row ``| a | b |``, is a table row; consecutive rows
form one grid and a blank line ends it (converters write one where a page break cut a table).
A form feed starts a new page. Markup (``**bold**``, ``### heading``, ``<b>…</b>``) is dropped.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.ingest.normalize import fold
from pipeline.models import Cell, Line, Page, Provenance

_TAGS = re.compile(r"</?[a-zA-Z][^<>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def clean_text(raw: str) -> str:
    """NFC, markup dropped, white space folded: the form every stored text takes."""
    text = _HEADING.sub("", unicodedata.normalize("NFC", raw))
    return fold(_EMPHASIS.sub("", _TAGS.sub("", text)))


def split_cells(raw: str) -> list[str] | None:
    """The cells of a table row, or None when the line is prose."""
    if "\t" in raw:
        return [clean_text(cell) for cell in raw.rstrip("\r\n").split("\t")]
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [clean_text(cell) for cell in stripped[1:-1].split("|")]
    return None


def read_text(text: str, source_file: str) -> tuple[Page, ...]:
    """Split decoded text into pages of prose lines and grid rows."""
    pages: list[Page] = []
    grid_ids = iter(range(1, 1_000_000))
    line_number = 0
    for page_number, page_text in enumerate(text.split("\f"), start=1):
        lines: list[Line] = []
        grid: int | None = None
        for raw in page_text.split("\n"):
            line_number += 1
            at = Provenance(source_file, page_number, line=line_number, method="text")
            if _PIPE_SEPARATOR.match(raw) and grid is not None:
                continue
            cells = split_cells(raw)
            if cells is None:
                grid = None
                if text_line := clean_text(raw):
                    lines.append(Line(text_line, at))
                continue
            grid = grid if grid is not None else next(grid_ids)
            row = tuple(Cell(cell, at) for cell in cells)
            lines.append(Line(" | ".join(cells), at, cells=row, grid=grid))
        pages.append(Page(page_number, _pad_grids(lines), method="text"))
    return tuple(pages)


def _pad_grids(lines: list[Line]) -> tuple[Line, ...]:
    """Give every row of a grid the grid's full width (trailing empty cells may be missing)."""
    widths: dict[int, int] = {}
    for line in lines:
        if line.grid is not None:
            widths[line.grid] = max(widths.get(line.grid, 0), len(line.cells))
    padded = []
    for line in lines:
        if line.grid is not None and len(line.cells) < widths[line.grid]:
            extra = tuple(Cell("", line.at) for _ in range(widths[line.grid] - len(line.cells)))
            line = Line(line.text, line.at, line.cells + extra, line.grid, line.words)
        padded.append(line)
    return tuple(padded)
