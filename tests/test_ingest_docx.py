"""DOCX reader: merged cells, band rows, body order, NFC, white space, broken files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import docx
import pytest

from pipeline.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from pipeline.ingest.docx import read_docx
from pipeline.models import Line

GENERATED = Path(__file__).resolve().parent.parent / "samples" / "generated"


def grid_rows(lines: tuple[Line, ...], grid: int) -> list[list[tuple[str, bool]]]:
    """The (text, spanned) cells of each row of one grid."""
    return [[(c.text, c.spanned) for c in line.cells] for line in lines if line.grid == grid]


def lines_of(path: Path) -> tuple[Line, ...]:
    (page,) = read_docx(path, path.name)
    assert page.number == 1 and page.method == "docx"
    return page.lines


def test_merged_header_cells_become_spanned(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "STT"  # vMerge
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Điểm thành phần"  # gridSpan
    table.cell(1, 1).text, table.cell(1, 2).text = "A (12)", "B (8,5)"
    table.cell(0, 3).merge(table.cell(1, 3)).text = "Tổng điểm"
    for col, text in enumerate(("1", "10", "7,5", "17,5")):
        table.cell(2, col).text = text
    document.save(tmp_path / "merged.docx")
    assert grid_rows(lines_of(tmp_path / "merged.docx"), 1) == [
        [("STT", False), ("Điểm thành phần", False), ("", True), ("Tổng điểm", False)],
        [("", True), ("A (12)", False), ("B (8,5)", False), ("", True)],
        [("1", False), ("10", False), ("7,5", False), ("17,5", False)],
    ]


def test_fixture_two_level_header_and_band_row() -> None:
    lines = lines_of(GENERATED / "laocai_2016_cntt.docx")
    ranking = [line for line in lines if line.cells and line.cells[0].text == "STT"]
    grid = ranking[0].grid
    assert grid is not None
    header, components, band, first = grid_rows(lines, grid)[:4]
    assert header[:3] == [
        ("STT", False),
        ("Tên đơn vị", False),
        ("Điểm thành phần (điểm tối đa)", False),
    ]
    assert header[3:8] == [("", True)] * 5 and header[8] == ("Tổng điểm đạt được (100)", False)
    assert components[:3] == [("", True), ("", True), ("Hạ tầng kỹ thuật CNTT (12)", False)]
    assert band == [("MỨC TỐT", False)] + [("", True)] * 8
    assert first[:2] == [("1", False), ("Sở Thông tin và Truyền thông", False)]


def test_every_row_of_a_grid_has_the_same_width() -> None:
    for path in sorted(GENERATED.glob("*.docx")):
        widths: dict[int, set[int]] = {}
        for line in lines_of(path):
            if line.grid is not None:
                widths.setdefault(line.grid, set()).add(len(line.cells))
        assert widths and all(len(w) == 1 for w in widths.values()), path.name
        assert sorted(widths) == list(range(1, len(widths) + 1)), path.name


def test_body_order_soft_breaks_and_white_space(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Trước   bảng")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Sở Tài\u00a0chính").add_break()
    cell.add_paragraph("tỉnh\tLào Cai")
    signer = document.add_paragraph()
    signer.add_run("KT. CHỦ TỊCH").add_break()
    signer.add_run("PHÓ CHỦ TỊCH")
    document.save(tmp_path / "order.docx")
    lines = lines_of(tmp_path / "order.docx")
    assert [(line.text, line.grid) for line in lines] == [
        ("Trước bảng", None),
        ("Sở Tài chính tỉnh Lào Cai", 1),
        ("KT. CHỦ TỊCH", None),
        ("PHÓ CHỦ TỊCH", None),
    ]


def test_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Tài nguyên và Môi trường")
    document = docx.Document()
    document.add_paragraph(decomposed)
    document.add_table(rows=1, cols=1).cell(0, 0).text = decomposed
    document.save(tmp_path / "nfd.docx")
    lines = lines_of(tmp_path / "nfd.docx")
    assert [line.text for line in lines] == ["Sở Tài nguyên và Môi trường"] * 2
    assert lines[0].text == unicodedata.normalize("NFC", lines[0].text)
    assert lines[1].cells[0].text == "Sở Tài nguyên và Môi trường"


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ghi chú"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "a", "b"
    document.add_table(rows=1, cols=1).cell(0, 0).text = "sau"
    document.save(tmp_path / "nested.docx")
    lines = lines_of(tmp_path / "nested.docx")
    assert [(line.grid, [c.text for c in line.cells]) for line in lines] == [
        (1, ["Ghi chú", "a b"]),
        (2, ["sau"]),
    ]


def test_corrupt_file_raises(tmp_path: Path) -> None:
    (tmp_path / "junk.docx").write_bytes(b"this is not a zip archive")
    with pytest.raises(CorruptFile, match="not a readable DOCX"):
        read_docx(tmp_path / "junk.docx", "junk.docx")
    real = (GENERATED / "hue_2019_cqdt.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(real[: len(real) // 2])
    with pytest.raises(CorruptFile):
        read_docx(tmp_path / "cut.docx", "cut.docx")


def test_encrypted_and_legacy_word_files(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    (tmp_path / "locked.docx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(EncryptedFile, match="password"):
        read_docx(tmp_path / "locked.docx", "locked.docx")
    (tmp_path / "old.doc").write_bytes(ole + "WordDocument".encode("utf-16-le"))
    with pytest.raises(UnsupportedFormat, match="convert"):
        read_docx(tmp_path / "old.doc", "old.doc")


def test_text_form_rows_match_docx_grids() -> None:
    """The generated .txt carries the same table rows as the .docx (format invariance)."""
    for path in sorted(GENERATED.glob("*.docx")):
        rows = {tuple(c.text for c in line.cells) for line in lines_of(path) if line.cells}
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        tab_rows = {
            tuple(re.sub(r"</?b>", "", cell) for cell in line.split("\t"))
            for line in text.splitlines()
            if "\t" in line
        }
        assert tab_rows and tab_rows <= rows, path.name
