"""The decision typeset by real tools: Chromium prints HTML, LibreOffice converts DOCX.

Chromium repeats a table's ``<thead>`` on every printed page, so a header that must not repeat
goes into the body; Word's "repeat as header row" does the same for the DOCX. Each run gets a
private browser or office profile, so parallel runs do not collide.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .content import Paper
from .look import Blocks, Look, blocks, body_rows, header_rows

TIMEOUT = 180  # seconds for one conversion
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-pdf-header-footer")  # fmt: skip


def _cells(row: list[tuple[str, int, int]], tag: str) -> str:
    return "".join(
        f'<{tag} colspan="{c}" rowspan="{r}">{html.escape(text)}</{tag}>' for text, c, r in row
    )


def _columns(count: int) -> str:
    """STT narrow, the name wide, the numbers sharing the rest."""
    share = 64 / (count - 2)
    return "<colgroup><col style='width:6%'><col style='width:30%'>" + (
        f"<col style='width:{share:.2f}%'>" * (count - 2)) + "</colgroup>"  # fmt: skip


def page_html(paper: Paper, look: Look) -> str:
    """The decision as one HTML page, styled for print."""
    words = blocks(paper, look)
    rule = "1px solid #000" if look.ruled else "none"
    head = "".join(f"<tr>{_cells(row, 'th')}</tr>" for row in header_rows(paper, look))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in body_rows(paper)
    )
    table = f"<thead>{head}</thead><tbody>{body}</tbody>" if look.repeat_header else (
        f"<tbody>{head}{body}</tbody>")  # fmt: skip
    prose = "".join(f"<p class=i>{html.escape(line)}</p>" for line in words.bases)
    prose += f"<p class=c><b>{words.decides}</b></p>"
    prose += "".join(f"<p class=j>{html.escape(line)}</p>" for line in words.articles[:1])
    after = "".join(f"<p class=j>{html.escape(line)}</p>" for line in words.articles[1:])
    return f"""<!doctype html><html lang=vi><meta charset=utf-8><style>
@page {{ size: A4; margin: 2cm 1.5cm 2cm 2.5cm; }}
body {{ font-family: '{look.font}'; font-size: {look.size}pt; line-height: 1.25; }}
p {{ margin: 0.2em 0; }} .c {{ text-align: center; }} .j {{ text-align: justify; }}
.i {{ font-style: italic; text-indent: 1.2cm; }}
.head {{ width: 100%; font-size: {look.size - 1}pt; }}
.head td {{ text-align: center; vertical-align: top; border: none; white-space: nowrap; }}
table.rank {{ border-collapse: collapse; width: 100%; font-size: {look.size - 1.5}pt; }}
table.rank th, table.rank td {{ border: {rule}; padding: 2px 4px; }}
table.rank th {{ border-bottom: 1px solid #000; }} table.rank {{ border-bottom: 1px solid #000; }}
table.rank td {{ text-align: center; }} table.rank td:nth-child(2) {{ text-align: left; }}
tr {{ page-break-inside: avoid; }}
.sign td {{ text-align: center; vertical-align: top; border: none; }}
</style><body>
<table class=head><tr><td style="width:40%"><b>{words.left[0]}<br>{words.left[1]}</b><br>
{words.number}</td>
<td><b>{words.right[0]}</b><br><b><u>{words.right[1]}</u></b><br>
<i>{words.place_date}</i></td></tr></table>
<p class=c style="margin-top:1em"><b>{words.kind}</b></p>
<p class=c><b>{html.escape(words.title)}</b></p>
<p class=c><b>{words.authority}</b></p>{prose}
<p class=c><b>{html.escape(words.caption)}</b></p>
<table class=rank>{_columns(len(body_rows(paper)[0]))}{table}</table>{after}
<table class=sign style="width:100%"><tr><td style="width:50%"></td><td><b>{words.signer_titles[0]}
<br>{words.signer_titles[1]}</b><br><br><br><br><br><b>{words.signer}</b></td></tr></table>
</body></html>"""


def chromium_pdf(paper: Paper, look: Look, pdf: Path) -> None:
    """HTML printed to PDF by headless Chromium."""
    browser = shutil.which("chromium")
    if browser is None:
        raise SystemExit("chromium not found: `make chromium` installs it")
    with tempfile.TemporaryDirectory(prefix="drawn-chromium-") as scratch:
        page = Path(scratch) / "decision.html"
        page.write_text(page_html(paper, look), encoding="utf-8")
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={scratch}/profile",
                   f"--print-to-pdf={pdf}", page.as_uri()]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0 or not pdf.is_file():
        raise SystemExit(f"chromium failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def _borders(table_xml: OxmlElement, ruled: bool) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        shown = ruled or edge in ("top", "bottom")
        element.set(qn("w:val"), "single" if shown else "nil")
        element.set(qn("w:sz"), "6")
        borders.append(element)
    table_xml.tblPr.append(borders)


def _widths(table: object, width: int) -> None:
    """STT narrow, the name wide, the numbers sharing what is left of 17 cm (grid and cells)."""
    share = Cm((17 - 1.1 - 4.4) / (width - 2))
    sizes = [Cm(1.1), Cm(4.4)] + [share] * (width - 2)
    table.autofit = False  # type: ignore[attr-defined]
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for column, size in zip(grid.findall(qn("w:gridCol")), sizes, strict=True):
        column.set(qn("w:w"), str(int(size.twips)))
    for column, size in zip(table.columns, sizes, strict=True):  # type: ignore[attr-defined]
        for cell in column.cells:
            cell.width = size


def _keep(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement("w:cantSplit"))


def _repeat(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def _paragraph(document: object, text: str, bold: bool = False, italic: bool = False,
               centre: bool = False) -> None:  # fmt: skip
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(2)


def _letterhead(document: object, words: Blocks) -> None:
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    left, right = table.rows[0].cells
    left.text = ""
    for cell, lines in ((left, [*words.left, words.number]),
                        (right, [*words.right, words.place_date])):  # fmt: skip
        for k, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            run.bold = k < 2
            run.italic = k == 2 and cell is right


def _ranking(document: object, paper: Paper, look: Look) -> None:
    heads, rows = header_rows(paper, look), body_rows(paper)
    width = len(rows[0])
    table = document.add_table(rows=len(heads) + len(rows), cols=width)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table._tbl, look.ruled)
    _widths(table, width)
    taken: set[tuple[int, int]] = set()
    for r, head in enumerate(heads):
        c = 0
        for text, colspan, rowspan in head:
            while (r, c) in taken:
                c += 1
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
            cell.paragraphs[0].runs[0].font.size = Pt(look.size - 2.5)
            taken |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
            c += colspan
        if look.repeat_header:
            _repeat(table.rows[r])
    for r, row in enumerate(rows, start=len(heads)):
        _keep(table.rows[r])
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            table.cell(r, c).paragraphs[0].runs[0].font.size = Pt(look.size - 2)
            if c != 1:
                table.cell(r, c).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def page_docx(paper: Paper, look: Look, path: Path) -> None:
    """The decision as a Word document in the seed's font."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2)
    style = document.styles["Normal"]
    style.font.name, style.font.size = look.font, Pt(look.size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), look.font)
    words = blocks(paper, look)
    _letterhead(document, words)
    _paragraph(document, words.kind, bold=True, centre=True)
    _paragraph(document, words.title, bold=True, centre=True)
    _paragraph(document, words.authority, bold=True, centre=True)
    for line in words.bases:
        _paragraph(document, line, italic=True)
    _paragraph(document, words.decides, bold=True, centre=True)
    _paragraph(document, words.articles[0])
    if words.caption:
        _paragraph(document, words.caption, bold=True, centre=True)
    _ranking(document, paper, look)
    for line in words.articles[1:]:
        _paragraph(document, line)
    for line in (*words.signer_titles, "", "", "", words.signer):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(9)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    document.save(str(path))


def libreoffice_pdf(paper: Paper, look: Look, pdf: Path) -> None:
    """DOCX written with python-docx, converted to PDF by LibreOffice headless."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: `make samples` installs LibreOffice")
    with tempfile.TemporaryDirectory(prefix="drawn-lo-") as scratch:
        source = Path(scratch) / f"{pdf.stem}.docx"
        page_docx(paper, look, source)
        command = [soffice, f"-env:UserInstallation=file://{scratch}/profile", "--headless",
                   "--convert-to", "pdf", "--outdir", scratch, str(source)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        made = Path(scratch) / f"{pdf.stem}.pdf"
        if done.returncode != 0 or not made.is_file():
            raise SystemExit(f"soffice failed ({done.returncode}): {done.stderr.strip()[-500:]}")
        shutil.move(made, pdf)
