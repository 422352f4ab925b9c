"""Legacy fonts found where real documents put them: a paragraph style's font, a mix of
Unicode and TCVN3 runs, an HTML page of TCVN3 bytes without a charset."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from pipeline.ingest.docx import read_docx
from pipeline.ingest.html import read_html
from pipeline.ingest.legacy.encode import encode_tcvn3, encode_tcvn3_bytes


def tcvn3(text: str) -> str:
    return "".join(piece for piece, _capitals in encode_tcvn3(text))


def test_a_font_set_on_the_normal_style_decodes_every_run(tmp_path: Path) -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = ".VnTime"
    normal.font.size = Pt(13)
    document.add_paragraph(tcvn3("Ủy ban nhân dân tỉnh Lào Cai").replace("ñy", "U\u00fb", 1))
    document.add_paragraph("Sở Tư pháp").runs[0].font.name = "Times New Roman"  # Unicode run
    document.save(tmp_path / "styled.docx")
    page = read_docx(tmp_path / "styled.docx", "styled.docx")[0]
    assert [line.text for line in page.lines] == ["Uỷ ban nhân dân tỉnh Lào Cai", "Sở Tư pháp"]
    assert page.encoding == "tcvn3"


def test_an_html_page_of_tcvn3_bytes_without_a_charset(tmp_path: Path) -> None:
    body = "Quyết định về việc công bố kết quả xếp hạng của Ủy ban nhân dân tỉnh"
    page_bytes = b"<html><body><p>" + encode_tcvn3_bytes(body) + b"</p></body></html>"
    (tmp_path / "page.html").write_bytes(page_bytes)
    page = read_html(tmp_path / "page.html", "page.html")[0]
    assert page.lines[0].text == body
    assert page.encoding == "tcvn3"


def test_a_unicode_page_stays_as_it_is(tmp_path: Path) -> None:
    body = "<html><body><p style='font-family: Times New Roman'>Hòa Bình, Krông Búk</p></body>"
    (tmp_path / "page.html").write_text(body, encoding="utf-8")
    page = read_html(tmp_path / "page.html", "page.html")[0]
    assert page.lines[0].text == "Hòa Bình, Krông Búk"
    assert page.encoding is None
