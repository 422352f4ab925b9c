"""DOCX reader: paragraphs become lines, every Word table a grid of cells, in body order.

Merged cells follow the contract in ``models.Cell``: the text stands in the top-left grid
position (``w:gridSpan`` across, ``w:vMerge`` down) and the positions it covers are
``Cell("", spanned=True)``. Layout tables (letterhead, signature) are grids too; the table stage
keeps only rankings. A DOCX has no pages: everything is page 1.
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from pipeline.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from pipeline.ingest.docx_fonts import decode_legacy_text
from pipeline.ingest.legacy import encoding_of
from pipeline.ingest.normalize import fold
from pipeline.models import Cell, Line, Page, Provenance

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
CONTAINERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})
BREAKS = frozenset({f"{W}br", f"{W}cr", f"{W}p"})  # a nested w:p: text-box paragraphs
SPACES = frozenset({f"{W}tab", f"{W}ptab"})
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, or an encrypted DOCX
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def read_docx(path: Path, source_file: str) -> tuple[Page, ...]:
    """Read a DOCX into one page of lines: prose paragraphs and table rows with cells.

    Runs typed in a legacy Vietnamese font (TCVN3, VNI) are decoded first, run by run.
    """
    body, styles = open_body(path, source_file)
    encoding = encoding_of(decode_legacy_text(body, styles))
    at = Provenance(source_file, page=1, method="docx")
    lines = tuple(body_lines(body, at))
    return (Page(number=1, lines=lines, method="docx", encoding=encoding),)


def open_body(path: Path, source_file: str) -> tuple[etree._Element, etree._Element | None]:
    """The w:body and w:styles elements, or a DocumentError saying what is wrong with the file."""
    with path.open("rb") as handle:
        head = handle.read(len(CFB_MAGIC))
    if head == CFB_MAGIC:
        if ENCRYPTED_STREAM in path.read_bytes():
            raise EncryptedFile(
                f"{source_file}: the DOCX is password-protected; save an unprotected copy in Word"
            )
        raise UnsupportedFormat(
            f"{source_file}: a Word 97-2003 .doc, not DOCX; convert it with "
            "`soffice --headless --convert-to docx`"
        )
    try:
        document = docx.Document(str(path))
        return document.element.body, document.styles.element
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.Error) as err:
        raise CorruptFile(
            f"{source_file}: not a readable DOCX ({err}); re-save it from Word or LibreOffice"
        ) from err


def blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The w:p and w:tbl of a container in order, looking inside content controls."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in CONTAINERS:
            yield from blocks(child)


def walk(node: etree._Element) -> Iterator[etree._Element]:
    """Every element under node in document order, skipping mc:Fallback copies."""
    yield node
    for child in node:
        if child.tag != MC_FALLBACK:
            yield from walk(child)


def raw_text(element: etree._Element) -> str:
    """Text of an element with "\\n" at line breaks and nested paragraphs (w:delText excluded)."""
    parts = []
    for node in walk(element):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag in SPACES:
            parts.append(" ")
        elif node.tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif node.tag in BREAKS and node is not element:
            parts.append("\n")
    return "".join(parts)


def body_lines(body: etree._Element, at: Provenance) -> Iterator[Line]:
    """Paragraph lines and table rows in document order; grids numbered from 1."""
    grids = itertools.count(1)
    for block in blocks(body):
        if block.tag == f"{W}tbl":
            yield from grid_lines(block, next(grids), at)
            continue
        for piece in raw_text(block).split("\n"):  # soft line breaks: one Line per visual line
            text = fold(piece)
            if text:
                yield Line(text=text, at=at)


def grid_lines(table: etree._Element, grid: int, at: Provenance) -> Iterator[Line]:
    """One Line per table row, every row as wide as the table's grid."""
    matrix = table_matrix(table)
    width = max((len(row) for row in matrix), default=0)
    for row in matrix:
        row += [["", False]] * (width - len(row))
        cells = tuple(Cell(text=fold(text), at=at, spanned=spanned) for text, spanned in row)
        yield Line(text=" | ".join(c.text for c in cells), at=at, cells=cells, grid=grid)


def row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    """The w:tc of a row, looking inside content controls."""
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in CONTAINERS:
            yield from row_cells(child)


def int_property(parent: etree._Element | None, tag: str, default: int) -> int:
    """An integer w:val of a child of parent (w:gridSpan, w:gridBefore), or default."""
    node = parent.find(tag) if parent is not None else None
    value = node.get(f"{W}val") if node is not None else None
    return int(value) if value is not None and value.isdigit() and int(value) > 0 else default


def vmerge_state(tc: etree._Element) -> str | None:
    """None (not merged), "restart" (top of a vertical merge) or "continue"."""
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    if merge is None:
        return None
    return "restart" if merge.get(f"{W}val") == "restart" else "continue"


def table_matrix(table: etree._Element) -> list[list[list]]:
    """Rows of [text, spanned] with gridSpan and vMerge resolved to the top-left cell."""
    matrix: list[list[list]] = []
    above: dict[int, list] = {}  # column → top-left cell of the vertical merge running there
    for tr in blocks_of(table, f"{W}tr"):
        before = int_property(tr.find(f"{W}trPr"), f"{W}gridBefore", 0)
        row: list[list] = [["", False] for _ in range(before)]
        for tc in row_cells(tr):
            place_cell(tc, row, above)
        matrix.append(row)
    return matrix


def place_cell(tc: etree._Element, row: list[list], above: dict[int, list]) -> None:
    """Append one w:tc to its row: text top-left, spanned positions after or below it."""
    span = int_property(tc.find(f"{W}tcPr"), f"{W}gridSpan", 1)
    column, state = len(row), vmerge_state(tc)
    text = " ".join(raw_text(tc).split())
    origin = above.get(column) if state == "continue" else None
    if origin is not None:  # covered by the cell above; keep any stray text there
        origin[0] = f"{origin[0]} {text}".strip()
        row.extend(["", True] for _ in range(span))
        return
    cell = [text, False]
    row.append(cell)
    row.extend(["", True] for _ in range(span - 1))
    for covered in range(column, column + span):
        if state == "restart":
            above[covered] = cell
        else:
            above.pop(covered, None)


def blocks_of(table: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct rows of a table (not of tables nested in its cells), inside content controls too."""
    for child in table:
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from blocks_of(child, tag)
