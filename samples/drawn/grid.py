"""A ranking table drawn by hand on the page images: wrapped cells, rules, page breaks."""

from __future__ import annotations

from typing import Protocol

from PIL import ImageDraw, ImageFont

Head = list[list[tuple[str, int, int]]]
PAD = 0.04  # inches inside a cell
TABLE_SCALE = 0.9  # the table's type size against the body's


class Pen(Protocol):
    y: float
    dpi: int

    @property
    def draw(self) -> ImageDraw.ImageDraw: ...
    @property
    def left(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def look(self) -> object: ...

    def font(self, bold: bool = False, scale: float = 1.0) -> ImageFont.FreeTypeFont: ...
    def line_height(self, scale: float = 1.0) -> float: ...
    def new_page(self) -> None: ...


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` with ``font``, at spaces."""
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}".strip()
        if current and font.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


def _cell(pen: Pen, text: str, box: tuple[float, float, float, float], bold: bool,
          centre: bool) -> None:  # fmt: skip
    font = pen.font(bold, TABLE_SCALE)
    x0, y0, x1, _y1 = box
    pad = PAD * pen.dpi
    y = y0 + pad
    for line in wrap(text, font, x1 - x0 - 2 * pad):
        x = (x0 + x1 - font.getlength(line)) / 2 if centre else x0 + pad
        pen.draw.text((x, y), line, fill=0, font=font)
        y += pen.line_height(TABLE_SCALE)


def _height(pen: Pen, texts: list[tuple[str, float]], bold: bool) -> float:
    font = pen.font(bold, TABLE_SCALE)
    lines = max(len(wrap(text, font, width - 2 * PAD * pen.dpi)) for text, width in texts)
    return lines * pen.line_height(TABLE_SCALE) + 2 * PAD * pen.dpi


def _rule(pen: Pen, box: tuple[float, float, float, float], ruled: bool, sides: str) -> None:
    width = max(1, round(pen.dpi / 150))
    x0, y0, x1, y1 = box
    edges = {"t": (x0, y0, x1, y0), "b": (x0, y1, x1, y1), "l": (x0, y0, x0, y1),
             "r": (x1, y0, x1, y1)}  # fmt: skip
    for side in sides if ruled else "":
        pen.draw.line(edges[side], fill=0, width=width)


def _header(pen: Pen, heads: Head, widths: list[float]) -> None:
    """Header rows with their spans; the header is always ruled below."""
    ruled = bool(getattr(pen.look, "ruled", True))
    starts = [pen.left + sum(widths[:k]) for k in range(len(widths) + 1)]
    taken: set[tuple[int, int]] = set()
    spans: list[tuple[int, int, int, int, str]] = []  # row, col, rowspan, colspan, text
    for r, row in enumerate(heads):
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in taken:
                c += 1
            spans.append((r, c, rowspan, colspan, text))
            taken |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
            c += colspan
    heights = [0.0] * len(heads)
    for r, c, rowspan, colspan, text in spans:
        if rowspan == 1:
            need = _height(pen, [(text, starts[c + colspan] - starts[c])], True)
            heights[r] = max(heights[r], need)
    for r, c, rowspan, colspan, text in spans:
        if rowspan > 1:
            need = _height(pen, [(text, starts[c + colspan] - starts[c])], True)
            extra = need - sum(heights[r : r + rowspan])
            heights[r + rowspan - 1] += max(0.0, extra)
    tops = [pen.y + sum(heights[:r]) for r in range(len(heads) + 1)]
    for r, c, rowspan, colspan, text in spans:
        box = (starts[c], tops[r], starts[c + colspan], tops[r + rowspan])
        _cell(pen, text, box, True, True)
        _rule(pen, box, ruled, "tlr")
    line = (starts[0], tops[-1], starts[-1], tops[-1])
    pen.draw.line(line, fill=0, width=max(1, round(pen.dpi / 150)))
    if not ruled:
        pen.draw.line((starts[0], tops[0], starts[-1], tops[0]), fill=0,
                      width=max(1, round(pen.dpi / 150)))  # fmt: skip
    pen.y = tops[-1]


def draw_table(pen: Pen, heads: Head, rows: list[list[str]], widths: list[float]) -> None:
    """The table from ``pen.y`` on, breaking to new pages as rows run out of room."""
    ruled = bool(getattr(pen.look, "ruled", True))
    repeat = bool(getattr(pen.look, "repeat_header", False))
    starts = [pen.left + sum(widths[:k]) for k in range(len(widths) + 1)]
    _header(pen, heads, widths)
    for row in rows:
        height = _height(pen, list(zip(row, widths, strict=True)), False)
        if pen.y + height > pen.bottom:
            pen.draw.line((starts[0], pen.y, starts[-1], pen.y), fill=0,
                          width=max(1, round(pen.dpi / 150)))  # fmt: skip
            pen.new_page()
            if repeat:
                _header(pen, heads, widths)
            elif ruled:
                pen.draw.line((starts[0], pen.y, starts[-1], pen.y), fill=0,
                              width=max(1, round(pen.dpi / 150)))  # fmt: skip
        for c, text in enumerate(row):
            box = (starts[c], pen.y, starts[c + 1], pen.y + height)
            _cell(pen, text, box, False, c != 1)
            _rule(pen, box, ruled, "lrb")
        pen.y += height
    pen.draw.line((starts[0], pen.y, starts[-1], pen.y), fill=0, width=max(1, round(pen.dpi / 150)))
    pen.y += pen.line_height() * 0.5
