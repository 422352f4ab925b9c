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


def test_a_viqr_text_file_gives_the_dataset_of_its_unicode_twin(tmp_path: Path) -> None:
    from conftest import ROOT, extract_one

    from pipeline.emit import rows_by_table
    from pipeline.ingest.legacy.encode import encode_viqr

    twin = ROOT / "samples/generated/hue_2019_cqdt.txt"
    (tmp_path / "viqr.txt").write_text(encode_viqr(twin.read_text(encoding="utf-8")), "ascii")
    result, expected = extract_one(tmp_path / "viqr.txt"), extract_one(twin)
    assert result.encoding == "viqr"
    identity = {"doc_id", "source_file", "sha256", "encoding"}
    for table, rows in rows_by_table([expected]).items():
        got = rows_by_table([result])[table]
        assert [{k: v for k, v in r.items() if k not in identity} for r in got] == [
            {k: v for k, v in r.items() if k not in identity} for r in rows
        ], table
