"""PDF reader: grids from ruled and unruled tables, prose lines, boxes, engines, errors."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.errors import CorruptFile, EncryptedFile
from pipeline.geometry.lattice import Frame
from pipeline.geometry.layout import page_edge_row
from pipeline.geometry.shapes import Glyph, fold_marks
from pipeline.geometry.text import group_lines, join_wrapped
from pipeline.ingest.pdf import PdfSettings, read_pdf
from pipeline.ingest.pdf_breaks import join_rows_cut_by_page_breaks
from pipeline.models import Cell, Line, Page, Provenance

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
ROOT = Path(__file__).resolve().parent.parent
PDFPLUMBER = PdfSettings(engine="pdfplumber")


def read(name: str, settings: PdfSettings = PdfSettings()) -> tuple[Page, ...]:
    return read_pdf(FIXTURES / name, name, settings)


def rows(pages: tuple[Page, ...], grid: int = 1) -> list[Line]:
    return [line for page in pages for line in page.lines if line.grid == grid]


def shown(row: Line) -> list[str]:
    """Cells as text, a spanned position as "~"."""
    return ["~" if cell.spanned else cell.text for cell in row.cells]


def test_merged_two_row_header_yields_spanned_cells() -> None:
    header = rows(read("ruled_merged.pdf"))[:2]
    assert shown(header[0]) == [
        "STT",
        "Tên đơn vị",
        "Điểm thành phần (điểm tối đa)",
        "~",
        "~",
        "Tổng điểm (150)",
    ]
    assert shown(header[1]) == ["~", "~", "Hạ tầng (30)", "Ứng dụng (100)", "Nhân lực (20)", "~"]


def test_merged_cell_box_covers_its_region() -> None:
    header = rows(read("ruled_merged.pdf"))[:2]
    stt = header[0].cells[0].at.bbox
    assert stt is not None and header[1].at.bbox is not None
    assert stt[3] == header[1].at.bbox[3]  # STT spans both header rows


def test_band_row_spans_the_table() -> None:
    band = rows(read("ruled_merged.pdf"))[2]
    assert shown(band) == ["MỨC TỐT", "~", "~", "~", "~", "~"]


def test_every_row_of_a_grid_has_the_same_width() -> None:
    grid = rows(read("two_pages.pdf"), 1)
    assert {len(row.cells) for row in grid} == {6}


def test_wrapped_agency_name_is_joined_with_a_space() -> None:
    data = rows(read("ruled_merged.pdf"))[4]
    assert data.cells[1].text == "Sở Văn hóa, Thể thao và Du lịch"


def test_number_broken_over_two_lines_is_joined_without_a_space() -> None:
    data = rows(read("ruled_merged.pdf"))[4]
    assert data.cells[-1].text == "122.75"
    assert data.text.endswith("| 122.75")


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["122.7", "5"], "122.75"),
        (["(15", "0)"], "(150)"),
        (["Tổng", "điểm", "(150)"], "Tổng điểm (150)"),
        (["UBND xã Số", "1"], "UBND xã Số 1"),
        (["Thành phố Phan Rang-", "Tháp Chàm"], "Thành phố Phan Rang-Tháp Chàm"),
        (["Bà Rịa -", "Vũng Tàu"], "Bà Rịa - Vũng Tàu"),
    ],
)
def test_join_wrapped(parts: list[str], joined: str) -> None:
    assert join_wrapped(parts) == joined


def test_letterhead_line_is_split_into_two_lines_left_first() -> None:
    prose = [line.text for line in read("ruled_merged.pdf")[0].lines if not line.is_row]
    first = prose.index("ỦY BAN NHÂN DÂN")
    assert prose[first + 1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert prose.index("Nơi nhận:") + 1 == prose.index("KT. CHỦ TỊCH")


def test_prose_words_carry_boxes() -> None:
    line = next(line for line in read("ruled_merged.pdf")[0].lines if line.text == "QUYẾT ĐỊNH")
    assert [word.text for word in line.words] == ["QUYẾT", "ĐỊNH"]
    assert all(word.at.bbox and word.at.method == "pdf" for word in line.words)


@pytest.mark.parametrize("name", ["landscape.pdf", "rotated.pdf"])
def test_landscape_page_boxes_are_in_displayed_orientation(name: str) -> None:
    (page,) = read(name)
    assert page.width is not None and page.height is not None
    assert page.width > page.height
    data = rows((page,))[3]
    assert data.cells[1].text == "Sở Thông tin và Truyền thông"
    x0, top, x1, bottom = data.cells[1].at.bbox or (0, 0, 0, 0)
    assert 0 < x0 < x1 < page.width and 0 < top < bottom < page.height
    assert x1 - x0 > bottom - top  # a wide cell stays wide once the page is turned


def test_rotated_page_reads_like_the_landscape_original() -> None:
    assert [shown(row) for row in rows(read("rotated.pdf"))] == [
        shown(row) for row in rows(read("landscape.pdf"))
    ]


def test_unruled_table_columns_from_word_clusters() -> None:
    grid = rows(read("unruled.pdf"))
    data = [shown(row) for row in grid if row.cells[0].text.isdigit()]
    assert data == [
        ["1", "Sở Thông tin và Truyền thông", "29,5", "95", "20", "144,5"],
        ["2", "Sở Văn hóa, Thể thao và Du lịch", "28", "76,25", "18,5", "122.75"],
        ["3", "Văn phòng UBND tỉnh", "27", "80", "15", "122"],
    ]
    assert ["MỨC TỐT", "~", "", "", "", ""] in [shown(row) for row in grid]


def test_letterhead_without_rules_is_not_an_unruled_table() -> None:
    grids = {line.grid for line in read("ruled_merged.pdf")[0].lines if line.grid}
    assert grids == {1}


def test_table_crossing_a_page_is_two_grids_in_reading_order() -> None:
    pages = read("two_pages.pdf")
    assert [{line.grid for line in page.lines} for page in pages] == [{1}, {2}]
    last_on_first_page = int(rows(pages, 1)[-1].cells[0].text)
    assert shown(rows(pages, 2)[0])[0] == "STT"  # header repeated on the next page
    assert rows(pages, 2)[2].cells[0].text == str(last_on_first_page + 1)


@pytest.mark.parametrize("settings", [PdfSettings(), PDFPLUMBER])
def test_a_row_cut_by_a_page_break_is_whole_on_its_first_page(settings: PdfSettings) -> None:
    # "Thành phố" ends page 1 beside the row's numbers; "Phan Rang-" / "Tháp Chàm" opens page 2
    # (pdfium reports that line's final hyphen as a hyphenation mark of its own)
    pages = read("row_cut_by_page.pdf", settings)
    assert shown(rows(pages, 1)[-1]) == ["Thành phố Phan Rang-Tháp Chàm", "96,5", "1"]
    assert shown(rows(pages, 2)[0]) == ["Xã Nghĩa Lạc", "94,49", "2"]


def test_a_first_row_the_page_break_leaves_alone_is_a_grid_of_its_own() -> None:
    # "1 | Xã Văn Tự | 01 (96,3)" alone in its frame at the foot of page 1, the rest on page 2
    pages = read("first_row_alone.pdf")
    assert [shown(row) for row in rows(pages, 1)] == [["1", "Xã Văn Tự", "01 (96,3)"]]
    assert shown(rows(pages, 2)[0]) == ["2", "Xã Hồng Vân", "02 (94,8)"]


def test_a_ruled_box_amid_the_text_is_no_table() -> None:
    frame = Frame([0.0, 50.0, 100.0, 150.0], [100.0, 120.0], {}, {})
    above, below = Glyph("A", 0, 80, 5, 90), Glyph("B", 0, 130, 5, 140)
    number = Glyph("2", 0, 800, 5, 810)  # a page number below it does not count
    assert not page_edge_row(frame, [above, below])
    assert page_edge_row(frame, [above, number])
    assert not page_edge_row(frame._replace(xs=[0.0, 50.0, 100.0]), [above])  # two cells


def _grid_page(number: int, grid: int, rows: list[list[str]], spanned: bool = False) -> Page:
    lines = []
    for r, texts in enumerate(rows):
        boxes = [(40.0 * k, 20.0 * r, 40.0 * k + 40, 20.0 * r + 20) for k in range(len(texts))]
        cells = tuple(
            Cell(text, Provenance("t.pdf", number, box), spanned=spanned and k > 0)
            for k, (text, box) in enumerate(zip(texts, boxes, strict=True))
        )
        lines.append(Line(" | ".join(texts), cells[0].at, cells=cells, grid=grid))
    return Page(number, tuple(lines), method="pdf")


def test_a_merged_group_heading_opening_a_page_stays_a_row() -> None:
    before = _grid_page(1, 1, [["Đơn vị", "Điểm"], ["Sở Nội vụ", "90"]])
    merged = _grid_page(2, 2, [["Khối huyện", ""], ["Huyện A", "80"]], spanned=True)
    assert join_rows_cut_by_page_breaks((before, merged)) == (before, merged)
    numbers = _grid_page(2, 2, [["", "12"], ["Huyện A", "80"]])  # no words: not a name's end
    assert join_rows_cut_by_page_breaks((before, numbers)) == (before, numbers)
    piece = _grid_page(2, 2, [["Đơn vị", "Điểm"], ["Tỉnh", ""], ["Huyện A", "80"]])
    (whole, rest) = join_rows_cut_by_page_breaks((before, piece))  # after a repeated header
    assert [line.text for line in whole.lines] == ["Đơn vị | Điểm", "Sở Nội vụ Tỉnh | 90"]
    assert [line.text for line in rest.lines] == ["Đơn vị | Điểm", "Huyện A | 80"]


@pytest.mark.parametrize("name", ["ruled_merged.pdf", "unruled.pdf", "rotated.pdf"])
def test_pdfium_and_pdfplumber_engines_give_the_same_grids(name: str) -> None:
    def grids(pages: tuple[Page, ...]) -> list:
        return [(line.grid, shown(line)) for page in pages for line in page.lines if line.is_row]

    assert grids(read(name)) == grids(read(name, PDFPLUMBER))


def test_ruled_cells_match_pdfplumber_find_tables() -> None:
    ours = [cell.at.bbox for row in rows(read("ruled_merged.pdf")) for cell in row.cells]
    with pdfplumber.open(FIXTURES / "ruled_merged.pdf") as pdf:
        (table,) = pdf.pages[0].find_tables()
        theirs = [box for row in table.rows for box in row.cells if box is not None]
    anchors = [
        box for row in rows(read("ruled_merged.pdf")) for box in row.cells if not box.spanned
    ]
    assert len(anchors) == len(theirs)
    for cell, box in zip(anchors, theirs, strict=True):
        assert cell.at.bbox == pytest.approx(box, abs=0.6)
    assert len(ours) == 6 * 7


@pytest.mark.parametrize("settings", [PdfSettings(), PDFPLUMBER])
def test_a_last_page_with_the_signers_name_alone_is_read_from_its_text(
    settings: PdfSettings,
) -> None:
    # twelve letters, too few for a text layer by count, but no image for OCR to read instead
    last = read("short_last_page.pdf", settings)[-1]
    assert (last.method, [line.text for line in last.lines]) == ("pdf", ["Đinh Anh Thắng"])


def test_page_without_text_layer_needs_ocr() -> None:
    (page,) = read("scanned.pdf")
    assert page.method == "ocr-needed" and page.lines == ()


@pytest.mark.parametrize("settings", [PdfSettings(), PDFPLUMBER])
def test_corrupt_file_raises_corrupt_file(settings: PdfSettings) -> None:
    with pytest.raises(CorruptFile) as caught:
        read("corrupt.pdf", settings)
    assert caught.value.__cause__ is not None


@pytest.mark.parametrize("settings", [PdfSettings(), PDFPLUMBER])
def test_password_protected_file_raises_encrypted_file(settings: PdfSettings) -> None:
    with pytest.raises(EncryptedFile, match="password"):
        read("encrypted.pdf", settings)


def test_decomposed_diacritics_fold_into_their_base_letter() -> None:
    # "Hòa" drawn as H, o, U+0300 (a separate grave-accent glyph over the o), a.
    glyphs = [
        Glyph("H", 0, 0, 8, 12),
        Glyph("o", 8, 0, 14, 12),
        Glyph("\u0300", 9, -3, 13, 2),
        Glyph("a", 14, 0, 20, 12),
    ]
    (line,) = group_lines(fold_marks(glyphs), 3.0, 3.0)
    assert line.text == "Hòa" and len(line.text) == 3


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="engine"):
        PdfSettings(engine="camelot")


def _with_text(source: Path | None, text: str, out: Path) -> Path:
    """A one-page PDF (``source``'s first page, or a blank A4 page) with ``text`` written on
    it in Helvetica by pdfium: a text object and nothing else, or beside the source's image."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(source) if source else pdfium.PdfDocument.new()
    page = document[0] if source else document.new_page(595, 842)
    text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", 12.0)
    wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(text_object, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
    pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, 72, 100)
    pdfium_c.FPDFPage_InsertObject(page.raw, text_object)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    document.save(out)
    document.close()
    return out


def test_a_page_holding_only_a_few_letters_is_read_from_its_text_layer(tmp_path: Path) -> None:
    """A signature block run over onto a page of its own: no image, no drawing, so OCR could
    read nothing its text layer does not hold (and would cost a rendering and Tesseract)."""
    path = _with_text(None, "Nguyen Van An", tmp_path / "signature.pdf")  # WinAnsi
    (page,) = read_pdf(path, path.name)
    assert page.method == "pdf"
    assert [line.text for line in page.lines] == ["Nguyen Van An"]
    closing = read_pdf(ROOT / "samples/rules/bache_2022_bands.pdf", "bache_2022_bands.pdf")
    assert closing[-1].method == "pdf"
    assert [line.text for line in closing[-1].lines] == ["- Lưu: VT, NV.", "Lê Văn Ánh"]


def test_a_scan_with_a_few_letters_of_text_still_needs_ocr(tmp_path: Path) -> None:
    """The same letters stamped on a scanned page (its image) leave the page to OCR."""
    scan = ROOT / "samples/scanned/thoxuan_2021_cchc_xa__200dpi_stamped.pdf"
    path = _with_text(scan, "Trang 1", tmp_path / "stamped.pdf")
    first = read_pdf(path, path.name)[0]
    assert first.method == "ocr-needed"
    first = read_pdf(path, path.name, PDFPLUMBER)[0]  # an engine that does not count objects
    assert first.method == "ocr-needed"
    (blank,) = read("scanned.pdf")  # no glyph at all: OCR (or the damage check) decides
    assert blank.method == "ocr-needed"


def test_a_number_cut_by_the_page_break_goes_on_with_the_name() -> None:
    # "Sở" | "6,722" | "64,74" | "Trung" close page 1; "Giao thông vận tải" | "" | "7" | "bình"
    # open page 2
    before = _grid_page(1, 1, [["Đơn vị", "A", "Tổng", "Xếp loại"],
                               ["Sở Y tế", "7,1", "70,125", "Khá"],
                               ["Sở", "6,722", "64,74", "Trung"]])  # fmt: skip
    piece = _grid_page(2, 2, [["Giao thông vận tải", "", "7", "bình"],
                              ["Sở Nội vụ", "6,1", "60,5", "Khá"]])  # fmt: skip
    (whole, rest) = join_rows_cut_by_page_breaks((before, piece))
    assert shown(whole.lines[-1]) == ["Sở Giao thông vận tải", "6,722", "64,747", "Trung bình"]
    assert [line.text for line in rest.lines] == ["Sở Nội vụ | 6,1 | 60,5 | Khá"]
    alone = _grid_page(2, 2, [["", "", "7", ""], ["Sở Nội vụ", "6,1", "60,5", "Khá"]])
    assert join_rows_cut_by_page_breaks((before, alone)) == (before, alone)  # digits alone
