"""Spreadsheet cells → printed text and lines: number formats, merged ranges, legacy fonts."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from pipeline.ingest.legacy.encode import encode_tcvn3
from pipeline.ingest.sheets import read_workbook
from pipeline.ingest.sheets.cells import RawCell, Sheet, decimal_mark, printed
from pipeline.ingest.sheets.layout import sheet_lines
from pipeline.models import Provenance


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (85.4, "0.00", "85,40"),
        (85.4, "General", "85,4"),
        (0.1 + 0.2, "General", "0,3"),
        (92.5, "0", "93"),  # Excel rounds half away from zero
        (12, "#,##0.0", "12,0"),
        (0.855, "0.0%", "85,5%"),
        (7, '0.00" điểm"', "7,00"),
        (3, "General", "3"),
    ],
)
def test_numbers_print_as_their_format_shows_them(
    value: float, number_format: str, shown: str
) -> None:
    assert printed(RawCell(value, number_format), ",") == shown


def test_decimal_mark_follows_the_workbooks_text() -> None:
    assert decimal_mark(["Hạ tầng (8.5)", "An toàn (12.5)"]) == "."
    assert decimal_mark(["Hạ tầng (8,5)"]) == ","
    assert decimal_mark(["Tên đơn vị", "(1.000)"]) == ","  # a thousands point is no evidence


def test_title_rows_are_prose_and_the_table_a_grid_with_its_merges() -> None:
    rows = (
        ("Kèm theo Quyết định số 1/QĐ-UBND ngày 2/3/2020", "", ""),
        ("STT", "Tên đơn vị", "Điểm"),
        ("", "", "Tổng (100)"),
        ("MỨC TỐT", "", ""),
        ("1", "Sở Tư pháp", "90"),
        ("", "", ""),
        ("Ghi chú: số liệu tạm tính", "", ""),
    )
    sheet = Sheet("S", rows, ((0, 0, 0, 2), (1, 0, 2, 0), (1, 1, 2, 1), (3, 0, 3, 2)))
    lines = list(sheet_lines(sheet, Provenance("s.xlsx", 1, method="cells"), itertools.count(1)))
    assert [line.grid for line in lines] == [None, 1, 1, 1, 1, None]
    assert lines[0].text.startswith("Kèm theo")
    assert [cell.spanned for cell in lines[2].cells] == [True, True, False]
    assert [cell.spanned for cell in lines[3].cells] == [False, True, True]
    assert lines[-1].text == "Ghi chú: số liệu tạm tính"


def test_cells_in_a_legacy_font_are_decoded(tmp_path: Path) -> None:
    """A workbook typed in .VnTime: each text cell decoded by its font, numbers untouched."""
    book = openpyxl.Workbook()
    sheet = book.active
    for column, text in enumerate(["STT", "Tên đơn vị", "Tổng điểm"], start=1):
        sheet.cell(1, column, "".join(t for t, _c in encode_tcvn3(text.lower())))
        sheet.cell(1, column).font = Font(name=".VnTime")
    sheet.cell(2, 1, 1)
    sheet.cell(2, 2, "".join(t for t, _c in encode_tcvn3("sở tư pháp")))
    sheet.cell(2, 2).font = Font(name=".VnTime")
    sheet.cell(2, 3, Decimal("85.5")).number_format = "0.00"
    book.save(tmp_path / "legacy.xlsx")
    page = read_workbook(tmp_path / "legacy.xlsx", "xlsx", "legacy.xlsx")[0]
    assert page.encoding == "tcvn3"
    assert [cell.text for cell in page.lines[1].cells] == ["1", "sở tư pháp", "85,50"]


def test_an_xls_saved_by_libreoffice_keeps_its_legacy_fonts(tmp_path: Path) -> None:
    """The .xls reader finds each cell's font through its format record (xlrd)."""
    import subprocess

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.cell(1, 1, "".join(t for t, _c in encode_tcvn3("huyện mường khương")))
    sheet.cell(1, 1).font = Font(name=".VnTime")
    sheet.cell(1, 2, "Sở Tư pháp")
    sheet.cell(1, 2).font = Font(name="Times New Roman")
    book.save(tmp_path / "fonts.xlsx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xls", "--outdir", str(tmp_path), str(tmp_path / "fonts.xlsx")],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    page = read_workbook(tmp_path / "fonts.xls", "xls", "fonts.xls")[0]
    assert [cell.text for cell in page.lines[0].cells] == ["huyện mường khương", "Sở Tư pháp"]
    assert page.encoding == "tcvn3"
