"""The decision as an HTML page: paragraphs, and each table a ruled <table> whose header cells
span rows and columns (rowspan/colspan) and whose group headings span the table."""

from __future__ import annotations

import html

from .grid import body_rows, header_rows
from .model import Decision, Table
from .render_text import MOTTO


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def para(text: str, bold: bool = False, center: bool = False) -> str:
    inner = f"<b>{esc(text)}</b>" if bold else esc(text)
    align = ' align="center"' if center else ""
    return f"<p{align}>{inner}</p>\n"


def html_table(table: Table) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="2">\n']
    for cells in header_rows(table):
        tds = []
        for cell in cells:
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")  # fmt: skip
            tds.append(f"<th{spans}>{'<br>'.join(esc(line) for line in cell.lines)}</th>")
        out.append("<tr>" + "".join(tds) + "</tr>\n")
    width = len(table.columns)
    for row in body_rows(table):
        if row.kind == "group":
            numeral, heading = row.cells
            if table.columns[0].role == "agency":
                tds = [f'<td colspan="{width}"><b>{esc(numeral)} {esc(heading)}</b></td>']
            else:
                tds = [f"<td><b>{esc(numeral)}</b></td>",
                       f'<td colspan="{width - 1}"><b>{esc(heading)}</b></td>']  # fmt: skip
        else:
            tds = [f"<td>{esc(cell)}</td>" for cell in row.cells]
        out.append("<tr>" + "".join(tds) + "</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def html_tables(decision: Decision) -> str:
    parts = []
    for table in decision.tables:
        parts.append(para(table.caption, bold=True) if table.caption else "")
        parts.append(html_table(table))
    return "".join(parts)


def render_html(decision: Decision) -> str:
    body = [para(line, bold=True, center=True) for line in decision.letterhead[:-1]]
    body += [para(decision.letterhead[-1], center=True)]
    body += [para(line, bold=True, center=True) for line in MOTTO]
    body += [para(decision.place_date, center=True)]
    body += [para(decision.doc_type, bold=True, center=True)]
    body += [para(decision.title, bold=True, center=True)]
    body += [para(decision.authority, bold=True, center=True)]
    body += [para(basis) for basis in decision.bases]
    body += [para(f"{decision.doc_type}:", bold=True, center=True)]
    for number, text in enumerate(decision.articles, start=1):
        body.append(f"<p><b>Điều {number}.</b> {esc(text)}</p>\n")
        if number == 1 and not decision.appendix:
            body.append(html_tables(decision))
    body += [para(line, bold=True, center=True) for line in decision.signer_title]
    body += [para(decision.signer, bold=True, center=True)]
    if decision.appendix:
        body += [para(line, bold=True, center=True) for line in decision.appendix]
        body.append(html_tables(decision))
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(decision.title)}</title>\n</head>\n<body>\n"
        + "".join(body)
        + "</body>\n</html>\n"
    )
