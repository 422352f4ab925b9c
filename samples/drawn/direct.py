"""The decision drawn straight onto A4 page images (Pillow and TrueType), as a print driver does.

No layout engine in between: lines are wrapped by measured width, the table's columns are
sized from their longest cell, rows that do not fit start a new page, and the header is drawn
again there only when the seed says so. The blanks' places are known exactly here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .content import Paper
from .grid import wrap
from .look import FONTS, Look, blocks, body_rows, header_rows

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
A4 = (8.27, 11.69)  # inches
MARGINS = (1.0, 0.8, 0.6, 0.8)  # left, top, right, bottom, inches


def font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"font {name} not found: install fonts-liberation and fonts-dejavu-core")


@dataclass
class Pen:
    """Where the next line goes; pages drawn so far."""

    dpi: int
    look: Look
    pages: list[Image.Image] = field(default_factory=list)
    y: float = 0.0
    anchors: dict[str, tuple[int, float, float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.pages[-1])

    def px(self, inches: float) -> float:
        return inches * self.dpi

    def font(self, bold: bool = False, scale: float = 1.0) -> ImageFont.FreeTypeFont:
        size = round(self.look.size * scale * self.dpi / 72)
        return ImageFont.truetype(str(font_file(FONTS[self.look.font][bold])), size)

    def new_page(self) -> None:
        size = (round(self.px(A4[0])), round(self.px(A4[1])))
        self.pages.append(Image.new("RGB", size, "white"))
        self.y = self.px(MARGINS[1])

    @property
    def left(self) -> float:
        return self.px(MARGINS[0])

    @property
    def right(self) -> float:
        return self.px(A4[0] - MARGINS[2])

    @property
    def bottom(self) -> float:
        return self.px(A4[1] - MARGINS[3])

    def text(self, text: str, x: float, bold: bool = False, centre: bool = False) -> None:
        font = self.font(bold)
        at = x - font.getlength(text) / 2 if centre else x
        self.draw.text((at, self.y), text, fill=0, font=font)

    def line_height(self, scale: float = 1.0) -> float:
        return self.look.size * scale * 1.3 * self.dpi / 72

    def paragraph(self, text: str, bold: bool = False, centre: bool = False) -> None:
        width = self.right - self.left
        for line in wrap(text, self.font(bold), width):
            if self.y + self.line_height() > self.bottom:
                self.new_page()
            x = (self.left + self.right) / 2 if centre else self.left
            self.text(line, x, bold, centre)
            self.y += self.line_height()


def _blank_line(pen: Pen, before: str, after: str, x: float, key: str) -> float:
    """Print ``before`` + a gap + ``after`` from x; note the gap's place; returns the end x."""
    font = pen.font()
    pen.draw.text((x, pen.y), before, fill=0, font=font)
    gap_x = x + font.getlength(before + " ")
    gap = font.getlength("0") * 3.2
    pen.anchors[key] = (len(pen.pages), gap_x, pen.y, gap)
    pen.draw.text((gap_x + gap, pen.y), after, fill=0, font=font)
    return gap_x + gap + font.getlength(after)


def _letterhead(pen: Pen, paper: Paper) -> None:
    words = blocks(paper, pen.look)
    middle = (pen.left + pen.right) / 2
    left_centre, right_centre = pen.left + (middle - pen.left) * 0.45, middle + (
        pen.right - middle) * 0.5  # fmt: skip
    top = pen.y
    for k, line in enumerate(words.left):
        pen.y = top + k * pen.line_height()
        pen.text(line, left_centre, bold=True, centre=True)
    for k, line in enumerate(words.right):
        pen.y = top + k * pen.line_height()
        pen.text(line, right_centre, bold=True, centre=True)
    pen.y = top + 2.4 * pen.line_height()
    font = pen.font()
    if pen.look.blanks:
        start = left_centre - font.getlength(f"Số: 0000{paper.suffix}") / 2
        _blank_line(pen, "Số:", paper.suffix, start, "number")
        place = f"{paper.province}, ngày"
        line = f"{place} 00 tháng 00 năm {paper.year}"
        start = right_centre - font.getlength(line) / 2
        end = _blank_line(pen, place, "tháng", start, "day")
        _blank_line(pen, "", f"năm {paper.year}", end - font.getlength(" "), "month")
    else:
        pen.text(words.number, left_centre, centre=True)
        pen.text(words.place_date, right_centre, centre=True)
    pen.y += 2 * pen.line_height()


def _columns(pen: Pen, paper: Paper, look: Look) -> list[float]:
    """Column widths: STT and the numbers as wide as their header words, the name the rest."""
    font = pen.font(scale=0.9)
    rows = body_rows(paper)
    count = len(rows[0])
    number_width = max(font.getlength("000,00"), font.getlength("Xếp hạng")) + pen.px(0.1)
    widths = [font.getlength("STT") + pen.px(0.15)] + [0.0] + [number_width] * (count - 2)
    widths[1] = pen.right - pen.left - sum(widths)
    return widths


def draw_pages(paper: Paper, look: Look, dpi: int) -> tuple[list[np.ndarray], dict]:
    """Page images (RGB arrays) and the blanks' places: key → (page, x, y, width) in pixels."""
    from .grid import draw_table

    pen = Pen(dpi, look)
    words = blocks(paper, look)
    _letterhead(pen, paper)
    for text, bold in ((words.kind, True), (words.title, True), (words.authority, True)):
        pen.paragraph(text, bold=bold, centre=True)
    for line in words.bases:
        pen.paragraph(line)
    pen.paragraph(words.decides, bold=True, centre=True)
    pen.paragraph(words.articles[0])
    if words.caption:
        pen.paragraph(words.caption, bold=True, centre=True)
    draw_table(pen, header_rows(paper, look), body_rows(paper), _columns(pen, paper, look))
    for line in words.articles[1:]:
        pen.paragraph(line)
    pen.y += pen.line_height()
    if pen.y + 6 * pen.line_height() > pen.bottom:
        pen.new_page()
    centre = pen.left + (pen.right - pen.left) * 0.72
    for k, line in enumerate((*words.signer_titles, "", "", "", words.signer)):
        pen.text(line, centre, bold=True, centre=True)
        pen.y += pen.line_height() * (1 if k < 2 else 1.2)
    return [np.asarray(page) for page in pen.pages], pen.anchors
