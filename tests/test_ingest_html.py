"""HTML reader: rowspan/colspan, band rows, &nbsp;, nested tags, NFC, encodings, broken files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import CorruptFile
from pipeline.ingest.docx import read_docx
from pipeline.ingest.html import read_html
from pipeline.models import Line

GENERATED = Path(__file__).resolve().parent.parent / "samples" / "generated"


def read(tmp_path: Path, page: str | bytes) -> tuple[Line, ...]:
    path = tmp_path / "page.html"
    path.write_bytes(page.encode() if isinstance(page, str) else page)
    (result,) = read_html(path, "page.html")
    assert result.number == 1 and result.method == "html"
    return result.lines


def cells(line: Line) -> list[tuple[str, bool]]:
    return [(c.text, c.spanned) for c in line.cells]


RANKING = """<html><head><title>skip me</title><style>p {color:red}</style></head><body>
<p align="center"><b><span style="font-size:12pt">QUYẾT&nbsp;ĐỊNH</span></b></p>
<table border="1">
 <tr><td rowspan="2"><p><b>STT</b></p></td><td rowspan="2"><p><b>Tên đơn vị</b></p></td>
     <td colspan="2"><p><b>Điểm thành phần<br>(điểm tối đa)</b></p></td>
     <td rowspan="2"><p><b>Tổng điểm</b></p></td></tr>
 <tr><td><p>A (12)</p></td><td><p>B (8,5)</p></td></tr>
 <tr><td colspan="5"><p><b>MỨC TỐT</b></p></td></tr>
 <tr><td>1</td><td><p><span lang="VI">Sở Tài </span><span lang="VI">chính</span></p></td>
     <td>&nbsp;10</td><td>7,5</td><td>17,5</td></tr>
</table>
<script>var x = "<p>not text</p>";</script>
<p>Điều 2.&nbsp;&nbsp;Sau bảng</p></body></html>"""


def test_rowspan_colspan_band_row_and_nested_tags(tmp_path: Path) -> None:
    lines = read(tmp_path, RANKING)
    assert lines[0].text == "QUYẾT ĐỊNH" and lines[0].grid is None
    rows = [cells(line) for line in lines if line.grid == 1]
    assert rows == [
        [("STT", False), ("Tên đơn vị", False), ("Điểm thành phần (điểm tối đa)", False),
         ("", True), ("Tổng điểm", False)],
        [("", True), ("", True), ("A (12)", False), ("B (8,5)", False), ("", True)],
        [("MỨC TỐT", False)] + [("", True)] * 4,
        [("1", False), ("Sở Tài chính", False), ("10", False), ("7,5", False), ("17,5", False)],
    ]  # fmt: skip
    assert lines[-1].text == "Điều 2. Sau bảng" and lines[-1].grid is None
    assert not any("not text" in line.text or "skip me" in line.text for line in lines)


def test_nested_table_is_flattened_and_grids_numbered_in_order(tmp_path: Path) -> None:
    page = """<body><table><tr><td>Ghi chú</td><td><table><tr><td>a</td><td>b</td></tr>
    </table></td></tr></table><p>giữa</p><table><tbody><tr><th>x</th></tr></tbody></table>"""
    lines = read(tmp_path, page)
    assert [(line.grid, line.text) for line in lines] == [
        (1, "Ghi chú | a b"),
        (None, "giữa"),
        (2, "x"),
    ]


def test_short_rows_are_padded_to_the_grid_width(tmp_path: Path) -> None:
    page = "<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>"
    rows = [cells(line) for line in read(tmp_path, page)]
    assert rows[1] == [("d", False), ("", False), ("", False)]


def test_decomposed_fixture_comes_out_nfc() -> None:
    raw = (GENERATED / "hue_2019_cqdt.html").read_text(encoding="utf-8")
    assert raw != unicodedata.normalize("NFC", raw)  # the fixture really is decomposed
    (page,) = read_html(GENERATED / "hue_2019_cqdt.html", "hue_2019_cqdt.html")
    texts = [line.text for line in page.lines] + [c.text for line in page.lines for c in line.cells]
    assert all(text == unicodedata.normalize("NFC", text) for text in texts)
    assert any(text == "Sở Thông tin và Truyền thông" for text in texts)


def test_windows_1258_page(tmp_path: Path) -> None:
    page = '<meta charset="windows-1258"><p>S\u01a1\u0309 Ta\u0300i chi\u0301nh</p>'
    lines = read(tmp_path, page.encode("cp1258"))
    assert [line.text for line in lines] == ["Sở Tài chính"]


def test_fixture_grids_match_the_docx_form() -> None:
    """Apart from the letterhead (a 2×2 layout table on the web), HTML and DOCX read alike."""
    for path in sorted(GENERATED.glob("*.html")):
        (html_page,) = read_html(path, path.name)
        (docx_page,) = read_docx(path.with_suffix(".docx"), path.name)
        html_lines = [(line.grid, line.text) for line in html_page.lines[2:]]
        docx_lines = [(line.grid, line.text) for line in docx_page.lines[1:]]
        assert html_lines == docx_lines, path.name


@pytest.mark.parametrize("content", [b"", b"   \n", b"PK\x03\x04\x00\x00binary\x00junk"])
def test_empty_or_binary_file_raises(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(CorruptFile, match="not an HTML page"):
        read(tmp_path, content)
