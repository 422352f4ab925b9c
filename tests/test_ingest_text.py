"""The text reader: NFC, markup, grids, pages."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import tables_of

from pipeline.ingest.text import clean_text, read_text


def test_text_is_nfc_and_markup_free() -> None:
    decomposed = unicodedata.normalize("NFD", "**Sở Tài chính**")
    assert clean_text(decomposed) == "Sở Tài chính"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed))
    assert clean_text("### <b>MỨC  TỐT</b>") == "MỨC TỐT"


def test_tab_rows_form_grids_split_by_blank_lines() -> None:
    pages = read_text("a\tb\tc\n1\t2\n\nx\ty\tz\n", "f.txt")
    rows = [line for line in pages[0].lines if line.is_row]
    assert [row.grid for row in rows] == [1, 1, 2]
    assert [cell.text for cell in rows[1].cells] == ["1", "2", ""]  # padded to grid width
    assert rows[2].at.line == 4


def test_markdown_pipe_tables_are_grids() -> None:
    pages = read_text(
        "| STT | Tên đơn vị | Tổng điểm |\n|---|---|---|\n| 1 | Sở Y tế | 80,5 |\n", "f"
    )
    rows = [line for line in pages[0].lines if line.is_row]
    assert len(rows) == 2
    assert [cell.text for cell in rows[1].cells] == ["1", "Sở Y tế", "80,5"]


def test_form_feed_starts_a_page() -> None:
    pages = read_text("page one\fpage two", "f")
    assert [page.number for page in pages] == [1, 2]
    assert pages[1].lines[0].text == "page two"


def test_cell_per_line_row_shape_lets_a_dash_stand_for_a_word() -> None:
    """The first row prints "-" in its band cell; the rows under it still fit its shape."""
    cells = ["STT", "Tên đơn vị", "Tổng điểm", "Xếp loại"]
    cells += ["1", "Sở Nội vụ", "90,5", "-", "2", "Sở Tư pháp", "85,0", "Tốt"]
    cells += ["3", "Sở Y tế", "70,0", "Khá"]
    (table,) = tables_of("\n".join(cells) + "\n")
    assert [(e.agency_raw, e.band) for e in table.entries] == [
        ("Sở Nội vụ", None),
        ("Sở Tư pháp", "Tốt"),
        ("Sở Y tế", "Khá"),
    ]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (["4"], (4, "", None)),
        (["4", "Sở Xây dựng"], (4, "Sở Xây dựng", None)),
        (["4", "Sở Xây dựng", "60,0"], (4, "Sở Xây dựng", "60,0")),
    ],
)
def test_cell_per_line_text_cut_inside_a_row_keeps_what_it_prints(
    printed: list[str], expected: tuple[int, str, str | None]
) -> None:
    """A file that ends inside a row: that row keeps the cells it prints, marked cut."""
    cells = ["STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"]
    cells += ["1", "Sở Nội vụ", "90,5", "1", "2", "Sở Tư pháp", "85,0", "2"]
    (table,) = tables_of("\n".join(cells + printed) + "\n")
    last = table.entries[-1]
    assert (last.number, last.agency_raw, last.total and last.total.printed) == expected
    assert last.cut


def test_a_pipe_row_the_text_ends_inside_keeps_what_it_prints() -> None:
    text = "| STT | Tên đơn vị | Hạng |\n| 1 | Sở Tài chính | 1 |\n| 2 | Sở Y tế | 2 |\n"
    text += "| 3 | Sở Văn hóa và"
    (page,) = read_text(text, "cut.txt")
    rows = [line for line in page.lines if line.grid is not None]
    assert [cell.text for cell in rows[-1].cells] == ["3", "Sở Văn hóa và", ""]
    assert rows[-1].cut
    prose = "| STT | Tên |\n| 1 | Sở A |\n\n| ghi chú | không phải dòng\nhết."
    (page,) = read_text(prose, "prose.txt")
    assert [line.grid for line in page.lines][-2:] == [None, None]  # the text goes on after it


_ALIGNED = (
    "STT  Tên đơn vị                 Điểm   Hạng\n"
    "1    Sở Tài chính               82.0   1\n"
    "2    Sở Y tế                    80.5   2\n"
    "3    Sở Xây dựng                68.8   3\n"
    "4    Sở Giáo dục và Đào tạo"
)


@pytest.mark.parametrize(
    ("after", "cut"),
    [
        ("", True),  # the text ends inside the row: cut
        ("\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n", False),  # a unit, no values
    ],
)
def test_an_aligned_row_numbered_on_with_a_name_and_no_values_is_the_last_row(
    after: str, cut: bool
) -> None:
    (page,) = read_text(_ALIGNED + after, "unit.txt")
    rows = [line for line in page.lines if line.grid is not None]
    assert [cell.text for cell in rows[-1].cells] == ["4", "Sở Giáo dục và Đào tạo", "", ""]
    assert rows[-1].cut is cut


def test_a_table_whose_number_lines_do_not_hold_together_is_read_to_its_end() -> None:
    # OCR text of a drawn fax page (ocrtrust's seed): numbers broken over lines, a line
    # "135 961" that looks numbered; the aligned reader once went round on it for ever
    text = (
        "QUYẾT ĐỊNH\nPhê duyệt kết quả\n1 UBND 11.7\n38.8\n12,6 13.6\n"
        "6.8 _ 186\n97.1 : sl\n2 UBND 11.6 - | 38.7\n12.6\n135. 68\n"
        "13.5\n96.7.\n3 UBND 15\n38.4\n12.5\n"
        "I3.5\n135 961\n4 UBND 9.4 31.4\n\n"
    )
    pages = read_text(text, "fax.txt")
    assert sum(len(page.lines) for page in pages) >= 1
