"""Build samples/archives/: fixture decisions as a provincial archive holds them.

From the .docx fixtures of samples/generated/ (the twins the golden test compares with):
- Word 97 .doc, OpenDocument .odt and .rtf, each saved by LibreOffice from the DOCX;
- annex workbooks laid out as provinces publish them (letterhead and title rows, "Kèm theo
  Quyết định số … ngày … của …", a two-level header with merged cells, band rows merged across
  the table, numbers as numeric cells with the places the decision prints), written by openpyxl
  and saved by LibreOffice as .xlsx, .xls and .ods;
- documents typed in the old fonts: the DOCX retyped in .VnTime/.VnTimeH (TCVN3) or VNI-Times
  (VNI) run by run, saved by LibreOffice as .doc, as an HTML page and as a Windows-1252 text
  file (which keeps the bytes and loses the fonts).

Run: .venv/bin/python samples/make_archives.py   (``make archives``; needs ``soffice``)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
from docx.oxml.ns import qn
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.docx import read_docx  # noqa: E402
from pipeline.ingest.legacy.encode import (  # noqa: E402
    encode_tcvn3,
    encode_tcvn3_bytes,
    encode_vni,
)
from pipeline.models import Line  # noqa: E402

GENERATED = ROOT / "samples/generated"
OUT = ROOT / "samples/archives"
WORD = ("laocai_2016_cntt", "hue_2019_cqdt", "thoxuan_2021_cchc_xa")
# Annexes of decisions that print decimal commas (a workbook shows numbers by its locale, and
# the Vietnamese one writes a comma) and name their province in the annex.
SHEETS = ("hue_2019_cqdt", "quangninh_2022_dti", "phutho_2025_par")
TCVN3 = "laocai_2016_cntt"
VNI = "hue_2019_cqdt"
NUMBER = re.compile(r"^\d+(?:[.,](\d+))?$")
TIMEOUT_S = 600


def soffice(sources: list[Path], target: str, out_dir: Path) -> None:
    """Convert with LibreOffice headless in a private profile."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless", "--convert-to", target, "--outdir", str(out_dir),
            *map(str, sources),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode != 0:
        raise SystemExit(f"soffice failed ({done.returncode}): {done.stderr.strip()}")


def word_copy(slug: str, work: Path) -> Path:
    """The DOCX ending in a paragraph, as Word always writes it (LibreOffice's .doc export
    drops a table that ends the document)."""
    document = docx.Document(str(GENERATED / f"{slug}.docx"))
    document.add_paragraph("")
    path = work / f"{slug}.docx"
    document.save(str(path))
    return path


def retype(source: Path, target: Path, encoding: str) -> None:
    """The DOCX with every run retyped in a legacy font: TCVN3 (.VnTime, capitals with tone
    marks in .VnTimeH) or VNI (VNI-Times)."""
    document = docx.Document(str(source))
    body = document.element.body
    for run in list(body.iter(qn("w:r"))):
        texts = run.findall(qn("w:t"))
        if len(texts) != 1 or not texts[0].text:
            continue
        if encoding == "vni":
            segments = [(encode_vni(texts[0].text), "VNI-Times")]
        else:
            segments = [
                (text, ".VnTimeH" if capitals else ".VnTime")
                for text, capitals in encode_tcvn3(texts[0].text)
            ]
        for text, font in reversed(segments):
            copy = etree.fromstring(etree.tostring(run))
            _set_font(copy, font)
            node = copy.find(qn("w:t"))
            node.text = text
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.addnext(copy)
        run.getparent().remove(run)
    document.save(str(target))


def _set_font(run: etree._Element, font: str) -> None:
    props = run.find(qn("w:rPr"))
    if props is None:
        props = etree.SubElement(run, qn("w:rPr"))
        run.insert(0, props)
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(props, qn("w:rFonts"))
        props.insert(0, fonts)
    for name in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(name), font)


def workbook(slug: str, target: Path) -> None:
    """An annex workbook as provinces lay it out, from the decision's DOCX."""
    lines = list(read_docx(GENERATED / f"{slug}.docx", slug)[0].lines)
    sheet_book = openpyxl.Workbook()
    sheet = sheet_book.active
    sheet.title = "Phụ lục"
    grids = ranking_grids(lines)
    word_tables = docx.Document(str(GENERATED / f"{slug}.docx")).tables
    width = max(len(rows[0].cells) for _caption, rows in grids)
    row = letterhead(sheet, lines, width)
    for text in annex_titles(lines):
        row = merged_text(sheet, row, text, width)
    for caption, rows in grids:
        if caption:
            row = merged_text(sheet, row + 1, caption, width)
        row = table(sheet, row, rows, word_tables[(rows[0].grid or 1) - 1])
    sheet_book.save(str(target))


def letterhead(sheet: object, lines: list[Line], width: int) -> int:
    """Issuer left, national motto right, as the first grid of the decision prints them."""
    first = next(line for line in lines if line.cells)
    left, right = first.cells[0].text, first.cells[-1].text
    issuer = left.split(" -------")[0].split(" Số:")[0]
    half = max(2, width // 2)
    sheet.cell(1, 1, issuer)  # type: ignore[attr-defined]
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=half)  # type: ignore[attr-defined]
    sheet.cell(1, half + 1, right.split(" Độc lập")[0])  # type: ignore[attr-defined]
    sheet.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc")  # type: ignore[attr-defined]
    return 4


def annex_titles(lines: list[Line]) -> list[str]:
    """The appendix title lines, and the reference to the decision the workbook annexes."""
    prose = [line.text for line in lines if not line.cells]
    kept = [text for text in prose if _annex_title(text) and not text.startswith("Điều ")]
    if not any(text.startswith("KẾT QUẢ") for text in kept):  # the annex's heading: the
        title = prose[prose.index("QUYẾT ĐỊNH") + 1]  # decision's subject, its verb left out
        subject = re.sub(r"^(Phê duyệt và công bố|Phê duyệt|Công bố)\s+(kết quả\s+)?", "", title)
        kept.insert(0, f"KẾT QUẢ {subject.upper()}")
    if not any("kèm theo" in text.lower() for text in kept):
        number = next(m.group(1) for t in lines if (m := re.search(r"Số: (\S+)", t.text)))
        day = next(
            m for t in lines if (m := re.search(r"ngày (\d+) tháng (\d+) năm (\d+)", t.text))
        )
        kept.append(
            f"(Kèm theo Quyết định số {number} ngày {day.group(1)}/{day.group(2)}/{day.group(3)})"
        )
    return kept


def ranking_grids(lines: list[Line]) -> list[tuple[str | None, list[Line]]]:
    """The decision's ranking tables (grids of three rows or more), each with its caption."""
    grids: dict[int, list[Line]] = {}
    captions: dict[int, str | None] = {}
    previous: str | None = None
    for line in lines:
        if line.grid is None:
            previous = line.text
            continue
        if line.grid not in grids:
            captions[line.grid] = previous if previous and not _annex_title(previous) else None
        grids.setdefault(line.grid, []).append(line)
    return [(captions[grid], rows) for grid, rows in grids.items() if len(rows) >= 3]


def _annex_title(text: str) -> bool:
    return text.startswith(("PHỤ LỤC", "KẾT QUẢ", "(Ban hành kèm", "Điều "))


def merged_text(sheet: object, row: int, text: str, width: int) -> int:
    sheet.cell(row, 1, text)  # type: ignore[attr-defined]
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)  # type: ignore[attr-defined]
    return row + 1


def table(sheet: object, top: int, rows: list[Line], word_table: object) -> int:
    """The grid's cells (numbers as numeric cells), then its merged ranges."""
    for r, line in enumerate(rows):
        for c, cell in enumerate(line.cells):
            if cell.spanned or not cell.text:
                continue
            target = sheet.cell(top + r, 1 + c)  # type: ignore[attr-defined]
            found = NUMBER.match(cell.text)
            if found and not line.cells[1].spanned:
                target.value = Decimal(cell.text.replace(",", "."))
                places = len(found.group(1) or "")
                target.number_format = "0" + ("." + "0" * places if places else "")
            else:
                target.value = cell.text
    for r, c, height, width in merges(word_table):
        sheet.merge_cells(  # type: ignore[attr-defined]
            start_row=top + r, start_column=1 + c,
            end_row=top + r + height - 1, end_column=c + width,
        )  # fmt: skip
    return top + len(rows) + 1


def merges(table_xml: object) -> list[tuple[int, int, int, int]]:
    """(row, column, height, width) of every merged cell of a Word table: python-docx gives
    the same cell at every grid position a merged cell covers."""
    boxes: dict[object, list[int]] = {}  # keyed by the w:tc element itself
    for r, row in enumerate(table_xml.rows):  # type: ignore[attr-defined]
        for c, cell in enumerate(row.cells):
            box = boxes.setdefault(cell._tc, [r, c, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
    return [
        (top, left, bottom - top + 1, right - left + 1)
        for top, left, bottom, right in boxes.values()
        if (bottom, right) != (top, left)
    ]


def main() -> int:
    if shutil.which("soffice") is None:
        raise SystemExit("soffice not found: install LibreOffice (make archives does)")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="archives-") as folder:
        work = Path(folder)
        copies = [word_copy(slug, work) for slug in WORD]
        for target in ("doc:MS Word 97", "odt", "rtf"):
            soffice(copies, target, OUT)
        books = []
        for slug in SHEETS:
            books.append(work / "books" / f"{slug}.xlsx")
            books[-1].parent.mkdir(exist_ok=True)
            workbook(slug, books[-1])
        for target in ("xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97", "ods"):
            soffice(books, target, OUT)
        legacy = work / "legacy"
        legacy.mkdir()
        retype(word_copy(TCVN3, work), legacy / f"{TCVN3}_tcvn3.docx", "tcvn3")
        retype(word_copy(VNI, work), legacy / f"{VNI}_vni.docx", "vni")
        soffice(sorted(legacy.glob("*.docx")), "doc:MS Word 97", OUT)
        soffice([legacy / f"{TCVN3}_tcvn3.docx"], "html:HTML (StarWriter)", OUT)
        # LibreOffice's text export puts every table cell on a line of its own and drops
        # TCVN3's "ư" (the soft-hyphen byte): the text twin is encoded as converters write it.
        text = (GENERATED / f"{TCVN3}.txt").read_text(encoding="utf-8")
        (OUT / f"{TCVN3}_tcvn3.txt").write_bytes(encode_tcvn3_bytes(text))
    count = len(list(OUT.glob("*.*")))
    print(f"wrote {count} files to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
