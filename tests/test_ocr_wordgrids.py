"""A letterhead whose two columns line up is no table: its grid of words is laid out again as
prose (the cell pass would read "Số: 6191/BVT-TCKT" again as "SỐ: 6i"); a grid with numbers
stays a grid."""

from __future__ import annotations

from itertools import count

from pipeline.geometry.layout import build_page
from pipeline.geometry.shapes import Glyph, PageContent
from pipeline.ocr.page import OCR_LAYOUT
from pipeline.ocr.wordgrids import as_prose, is_number, wordy_grids


def words(top: float, x0: float, text: str) -> list[Glyph]:
    """One line of OCR words from ``x0``, 6 points a character, a space between words."""
    glyphs, x = [], x0
    for word in text.split():
        glyphs.append(Glyph(word, x, top, x + 6 * len(word), top + 10))
        x += 6 * len(word) + 5
    return glyphs


def page_of(rows: list[tuple[str, ...]]) -> PageContent:
    """Segments of each row at three x positions, as a scan's wide gaps leave them."""
    glyphs = [g for i, row in enumerate(rows) for x0, text in zip((40, 250, 420), row, strict=False)
              for g in words(40 + 16 * i, x0, text)]  # fmt: skip
    return PageContent(1, 595, 842, glyphs, [])


LETTERHEAD = [  # the motto and the date cut by wide gaps (show-through, a speck between)
    ("SỞ Y TẾ", "CỘNG HOÀ XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"),
    ("BỆNH VIỆN ĐA KHOA", "Độc lập -", "Tự do - Hạnh phúc"),
    ("Số: 6191/BVT-TCKT", "Bắc Ninh, ngày", "27 tháng 9 năm 2021"),
]


def test_a_letterhead_laid_out_as_a_grid_comes_back_as_prose() -> None:
    content = page_of(LETTERHEAD)
    ids = count(1)
    page = build_page(content, "f.png", OCR_LAYOUT, ids, method="ocr")
    assert any(line.cells for line in page.lines), "the layout no longer makes it a grid"
    prose = as_prose(page, content, OCR_LAYOUT, ids)
    texts = [line.text for line in prose.lines]
    assert not any(line.cells for line in prose.lines)
    assert "Số: 6191/BVT-TCKT" in texts
    assert "Bắc Ninh, ngày 27 tháng 9 năm 2021" in " ".join(texts)  # every word kept, in order
    assert texts.index("SỞ Y TẾ") < texts.index("Số: 6191/BVT-TCKT")


def test_a_grid_that_prints_numbers_stays_a_grid() -> None:
    rows = [("Tên đơn vị", "Điểm"), ("Sở Y tế", "81,5"), ("Sở Tài chính", "77"),
            ("Sở Xây dựng", "64,25")]  # fmt: skip
    content = page_of(rows)
    ids = count(1)
    page = build_page(content, "t.png", OCR_LAYOUT, ids, method="ocr")
    assert as_prose(page, content, OCR_LAYOUT, ids) == page


def test_a_number_is_digits_without_letters() -> None:
    assert is_number("81,5") and is_number("(7)") and is_number("12.5")
    assert not is_number("Số: 6191/BVT-TCKT") and not is_number("-") and not is_number("")


def test_a_handwritten_day_alone_in_its_blank_does_not_make_a_table() -> None:
    rows = [*LETTERHEAD[:2], ("Số: 1273/QĐ-UBND", "Tây Ninh, ngày", "23")]
    content = page_of(rows)
    ids = count(1)
    page = build_page(content, "d.tif", OCR_LAYOUT, ids, method="ocr")
    assert any(line.cells for line in page.lines), "the layout no longer makes it a grid"
    prose = as_prose(page, content, OCR_LAYOUT, ids)
    assert not any(line.cells for line in prose.lines)
    assert "Tây Ninh, ngày 23" in " ".join(line.text for line in prose.lines)


def test_a_grid_with_one_number_a_row_is_prose() -> None:
    # real scan decision-c's page 2: the recipients and the signature block lined up side by
    # side, a "2" read in the signature's ink on two rows: no row of scores, no table
    from pipeline.models import Cell, Line, Provenance

    def row(top: float, *texts: str) -> Line:
        at = Provenance("d.pdf", 2, (0, top, 500, top + 12), method="ocr")
        return Line(" | ".join(texts), at, cells=tuple(Cell(text, at) for text in texts), grid=1)

    lines = (
        row(0, "- Bộ TC (để phối hợp);", "", ""),
        row(14, "- Công thông tin;", "ộ", "2"),
        row(28, "- Cổng thông tin của Bộ;", "2", ""),
        row(42, "- Lưu: VT.", "Văn Phúc", ""),
    )
    assert 1 in wordy_grids(lines)
    scored = (*lines, row(56, "1", "Sở Y tế", "12,5"))
    assert wordy_grids(scored) == {}
