"""The decision as a Word document (python-docx): paragraphs, and each table a Word table with
merged header cells and group headings merged across the table."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .grid import body_rows, header_rows
from .model import Decision, Table
from .render_text import MOTTO

Document = docx.document.Document


def add(document: Document, text: str, bold: bool = False, center: bool = False) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def docx_table(document: Document, table: Table) -> None:
    headers = header_rows(table)
    body = body_rows(table)
    width = len(table.columns)
    grid = document.add_table(rows=len(headers) + len(body), cols=width)
    grid.style = "Table Grid"
    for r, cells in enumerate(headers):
        for cell in cells:
            target = grid.cell(r, cell.col)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(grid.cell(r + cell.rowspan - 1, cell.col + cell.colspan - 1))
            target.text = "\n".join(cell.lines)
    for offset, row in enumerate(body):
        r = len(headers) + offset
        if row.kind == "group":
            numeral, heading = row.cells
            if table.columns[0].role == "agency":
                grid.cell(r, 0).merge(grid.cell(r, width - 1)).text = f"{numeral} {heading}"
            else:
                grid.cell(r, 0).text = numeral
                grid.cell(r, 1).merge(grid.cell(r, width - 1)).text = heading
            continue
        for c, text in enumerate(row.cells):
            grid.cell(r, c).text = text


def docx_tables(document: Document, decision: Decision) -> None:
    for table in decision.tables:
        if table.caption:
            add(document, table.caption, bold=True)
        docx_table(document, table)
        add(document, "")


def landscape(document: Document) -> None:
    """Wide tables (more than eight columns) on landscape A4 pages, as decisions print them."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)


def render_docx(decision: Decision) -> bytes:
    document = docx.Document()
    if max(len(table.columns) for table in decision.tables) > 8:
        landscape(document)
    for line in decision.letterhead[:-1]:
        add(document, line, bold=True, center=True)
    add(document, decision.letterhead[-1], center=True)
    for line in MOTTO:
        add(document, line, bold=True, center=True)
    add(document, decision.place_date, center=True)
    add(document, decision.doc_type, bold=True, center=True)
    add(document, decision.title, bold=True, center=True)
    add(document, decision.authority, bold=True, center=True)
    for basis in decision.bases:
        add(document, basis)
    add(document, f"{decision.doc_type}:", bold=True, center=True)
    for number, text in enumerate(decision.articles, start=1):
        add(document, f"Điều {number}. {text}")
        if number == 1 and not decision.appendix:
            docx_tables(document, decision)
    for line in decision.signer_title:
        add(document, line, bold=True, center=True)
    add(document, decision.signer, bold=True, center=True)
    if decision.appendix:
        for line in decision.appendix:
            add(document, line, bold=True, center=True)
        docx_tables(document, decision)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
