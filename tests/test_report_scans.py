"""Crops of scanned rows from every kind of scanned source, in the review page and the workbook.

One dataset mixes phone photos (JPEG page files of one decision), a multi-frame TIFF with a
page turned 90°, PNG page files, a mixed PDF (one scanned page) and born-digital files. The
text copies plant one figure each, so every kind of scan raises real source_conflict flags (a
second reading confirms most numbers, so few or no low_confidence ones are left). Every OCR flag
must show a crop, and each crop must be the flagged row: Tesseract reads the unit's name back
from it. The store is built once (OCR is slow).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, run_cli
from dataset_inputs import edited
from lxml import html
from PIL import Image
from rapidfuzz import fuzz

from pipeline.ocr import OcrSettings, Tesseract
from pipeline.store import build
from pipeline.vocabulary import fold

SCANNED = ROOT / "samples" / "scanned"
GENERATED = ROOT / "samples" / "generated"
PHOTOS = ("hue_2019_cqdt__photo-1.jpg", "hue_2019_cqdt__photo-2.jpg")
PNGS = tuple(f"bo_tttt_2019_ictindex__200dpi-{n}.png" for n in (1, 2, 3))
TIFF, MIXED = "quangninh_2022_dti__300dpi_rotated.tif", "bo_tttt_2019_ictindex__300dpi_mixed.pdf"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    inputs = folder / "in"
    inputs.mkdir()
    for name in (*PHOTOS, *PNGS, TIFF, MIXED):
        shutil.copy(SCANNED / name, inputs / name)
    edited(GENERATED / "hue_2019_cqdt.txt", inputs / "hue_2019_cqdt.txt",
           ("2\tSở Kế hoạch và Đầu tư\t13,8\t", "2\tSở Kế hoạch và Đầu tư\t13,9\t"))  # fmt: skip
    edited(GENERATED / "quangninh_2022_dti.txt", inputs / "quangninh_2022_dti.txt",
           ("2\tVăn phòng UBND tỉnh\t7,60\t", "2\tVăn phòng UBND tỉnh\t7,70\t"))  # fmt: skip
    edited(GENERATED / "bo_tttt_2019_ictindex.txt", inputs / "bo_tttt_2019_ictindex.txt",
           ("3\tQuảng Ninh\t3\n", "3\tQuảng Ninh\t4\n"))  # fmt: skip
    build([inputs], folder / "d.duckdb")
    return folder


def _report(dataset: Path, name: str) -> html.HtmlElement:
    page = dataset / name
    code, _out, err = run_cli("report", "--db", str(dataset / "d.duckdb"), "--html", str(page))
    assert code == 0, err
    return html.fromstring(page.read_text(encoding="utf-8"))


def _ocr_flags(dom: html.HtmlElement) -> list[tuple[str, str, list[str], list[html.HtmlElement]]]:
    """(check, unit, its source files, its crops) of every flag on a value read by OCR."""
    found = []
    for row in dom.xpath('//tr[contains(@class, "flag")][@data-method="ocr"]'):
        cells = row.xpath("./td")
        files = [text.strip() for text in cells[8].itertext() if text.strip()]
        found.append((cells[0].text_content(), cells[4].text_content(), files,
                      row.xpath('.//img[@class="crop"]')))  # fmt: skip
    return found


def _scans(files: list[str]) -> list[str]:
    """The scanned sources among a flag's files (every listed file but the born-digital)."""
    return [f for f in files if Path(f).suffix in (".jpg", ".png", ".tif", ".pdf")]


def _read_back(image: html.HtmlElement, engine: Tesseract) -> str:
    import base64

    data = base64.b64decode(image.get("src").split(",", 1)[1])
    picture = Image.open(io.BytesIO(data)).convert("L")
    engine.set_page(picture, 150)
    return " ".join(word.text for sparse in (False, True) for word in engine.words(sparse=sparse))


def test_every_ocr_flag_shows_the_crop_of_its_own_row(dataset: Path) -> None:
    dom = _report(dataset, "report.html")
    flags = _ocr_flags(dom)
    assert "source_conflict" in {check for check, *_rest in flags}
    with Tesseract(OcrSettings()) as engine:
        for check, unit, files, images in flags:
            assert [image.get("data-source") for image in images] == _scans(files), (check, unit)
            for image in images:
                text = _read_back(image, engine)
                assert fuzz.partial_ratio(fold(unit), fold(text)) >= 80, (check, unit, text)


def test_each_kind_of_scanned_source_gave_a_crop(dataset: Path) -> None:
    dom = _report(dataset, "report.html")
    cropped = {Path(image.get("data-source")).name for image in dom.xpath('//img[@class="crop"]')}
    assert {PHOTOS[0], PNGS[0], TIFF, MIXED} <= cropped


def test_a_source_gone_or_unreadable_shows_its_flags_without_a_crop(dataset: Path) -> None:
    inputs = dataset / "in"
    tiff = (inputs / TIFF).read_bytes()
    (inputs / TIFF).write_bytes(b"II*\x00 not a picture any more")  # unreadable
    shutil.move(inputs / PNGS[0], dataset / PNGS[0])  # gone: the PNG page files' first
    try:
        dom = _report(dataset, "gone.html")
    finally:
        (inputs / TIFF).write_bytes(tiff)
        shutil.move(dataset / PNGS[0], inputs / PNGS[0])
    flags = _ocr_flags(dom)
    for _check, _unit, files, images in flags:
        shown = [Path(image.get("data-source")).name for image in images]
        assert shown == [Path(f).name for f in _scans(files) if Path(f).name not in (TIFF, PNGS[0])]
    listed = " ".join(f for _check, _unit, files, _images in flags for f in files)
    assert TIFF in listed and PNGS[0] in listed  # their flags are still there
    assert any(images for *_rest, images in flags)  # and the other sources' crops


def test_the_workbook_shows_the_crop_beside_the_flagged_row(dataset: Path) -> None:
    to = dataset / "export"
    code, _out, err = run_cli("export", "--db", str(dataset / "d.duckdb"), "--to", str(to))
    assert code == 0, err
    book = openpyxl.load_workbook(to / "decisions.xlsx")
    sheet = next(s for s in book.worksheets if s.title.startswith("Quyết định") is False
                 and any(c.value == "Văn phòng UBND tỉnh" for row in s.iter_rows() for c in row)
                 and s._images)  # fmt: skip
    anchors = [(image.anchor._from.row + 1, image.anchor._from.col + 1) for image in sheet._images]
    (row, column) = next(
        (r, c) for r, c in anchors if sheet.cell(r, 2).value == "Văn phòng UBND tỉnh"
    )
    assert sheet.cell(row, 1).value == 2
    flagged = [c for c in sheet[row] if c.comment is not None]
    assert any("source_conflict" in c.comment.text for c in flagged)  # the TIFF reads 7,60
    assert all("cột cuối" in c.comment.text for c in flagged)  # the comment points at the crop
    header = next(r for r in range(row, 0, -1) if sheet.cell(r, 1).value == "STT")
    assert sheet.cell(header, column).value == "Ảnh dòng trong bản quét"
