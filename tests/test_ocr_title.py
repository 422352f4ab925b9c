"""A scanned title block read again as one block by the real Tesseract: a bold word the page
pass set on a line of its own ("Quy" beside "định cơ chế …") comes back in its place; a block
that reads worse than the page pass is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.models import Line, Provenance
from pipeline.ocr.engine import Tesseract
from pipeline.ocr.settings import OcrSettings
from pipeline.ocr.title import reread_title, title_block

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
PPI = 300
TO_PX = PPI / 72


def line(text: str, box: tuple[float, float, float, float]) -> Line:
    return Line(text, Provenance("t.png", 1, bbox=box, method="ocr"))


def page_pass() -> tuple[Line, ...]:
    """The lines as a page pass laid them out: "Quy" on a line of its own, a glued word."""
    return (
        line("NGHỊ ĐỊNH", (250, 100, 350, 116)),
        line("định cơ chế quản lý tài chính", (130, 130, 470, 146)),
        line("Quy", (95, 131, 128, 150)),
        line("dựán đầu tư theo phương thức công tư", (95, 150, 470, 166)),
        line("Căn cứ Luật Tổ chức Chính phủ;", (95, 200, 400, 214)),
    )


@pytest.fixture(scope="module")
def engine() -> Tesseract:
    with Tesseract(OcrSettings()) as opened:
        image = Image.new("L", (round(595 * TO_PX), round(260 * TO_PX)), 255)
        draw, font = ImageDraw.Draw(image), ImageFont.truetype(BOLD, round(12 * TO_PX))
        for text, (x0, top, _, _) in [(lin.text, lin.at.bbox) for lin in page_pass()[:1]] + [
            ("Quy định cơ chế quản lý tài chính", (95, 130, 0, 0)),
            ("dự án đầu tư theo phương thức công tư", (95, 150, 0, 0)),
        ]:  # fmt: skip
            draw.text((x0 * TO_PX, top * TO_PX), text, fill=0, font=font)
        opened.set_page(image, PPI)
        yield opened


def test_the_title_block_is_the_lines_under_the_type_up_to_a_gap() -> None:
    assert title_block(page_pass()) == (1, 4)
    assert title_block(page_pass()[1:]) is None  # no document type: no title block


def test_a_title_broken_by_the_layout_is_read_again_whole(engine: Tesseract) -> None:
    lines = reread_title(page_pass(), engine, TO_PX, sure=80.0)
    texts = [lin.text for lin in lines]
    assert texts[0] == "NGHỊ ĐỊNH" and texts[-1].startswith("Căn cứ")
    assert texts[1:3] == ["Quy định cơ chế quản lý tài chính",
                          "dự án đầu tư theo phương thức công tư"], texts  # fmt: skip
    assert len(lines) == 4


def test_a_reading_past_all_doubt_is_needed(engine: Tesseract) -> None:
    assert reread_title(page_pass(), engine, TO_PX, sure=101.0) == page_pass()


def test_a_block_the_layout_kept_whole_is_not_read_again(engine: Tesseract) -> None:
    whole = (page_pass()[0], line("Quy định cơ chế quản lý tài chính", (95, 130, 470, 148)),
             *page_pass()[3:])  # fmt: skip
    assert reread_title(whole, engine, TO_PX, sure=80.0) == whole
