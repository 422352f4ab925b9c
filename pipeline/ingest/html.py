"""HTML reader: pages of legal-document websites; block text becomes lines, every <table> a grid.

Merged cells follow the contract in ``models.Cell``: the text stands in the top-left grid
position (``colspan`` across, ``rowspan`` down) and the positions it covers are
``Cell("", spanned=True)``. Tables nested in a cell are flattened into that cell's text.
Layout tables (letterhead, signature) are grids too; the table stage keeps only rankings.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from pipeline.errors import CorruptFile
from pipeline.ingest.html_fonts import decode_legacy_html
from pipeline.ingest.legacy import TCVN3, VNI, encoding_of, read_text
from pipeline.ingest.normalize import fold
from pipeline.models import Cell, Line, Page, Provenance

MAX_COLSPAN = 1000  # as browsers clamp it
SKIP = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object", "svg"})
BLOCK = frozenset(  # elements that start and end a line of prose
    {"address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt"}
    | {"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "td", "th", "tr", "ul"}
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_html(path: Path, source_file: str) -> tuple[Page, ...]:
    """Read an HTML page into one page of lines: prose blocks and table rows with cells."""
    root = parse(path.read_bytes(), source_file)
    encoding = encoding_of(decode_legacy_html(root))  # before anything reads the text
    at = Provenance(source_file, page=1, method="html")
    out = Collector(at=at, grids=itertools.count(1))
    walk(root, out)
    out.flush()
    return (Page(number=1, lines=tuple(out.lines), method="html", encoding=encoding),)


def decode(data: bytes) -> str:
    """Bytes → text: a BOM, else UTF-8, else the declared charset, else Windows-1258."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return legacy_page(data) or data.decode("cp1258", errors="replace")


def legacy_page(data: bytes) -> str | None:
    """A page of TCVN3 or VNI bytes without a charset, as its bytes (Latin-1), so that the
    font pass decodes them; Windows-1258 would turn their letters into loose tone marks."""
    text = data.decode("latin-1")
    visible = re.sub(r"<[^>]*>", " ", text)
    return text if read_text(visible).encoding in (TCVN3, VNI) else None


def parse(data: bytes, source_file: str) -> etree._Element:
    """The parsed page, or CorruptFile when it is empty or not text at all."""
    text = XML_DECLARATION.sub("", decode(data), count=1)
    if not text.strip() or "\x00" in text:
        raise CorruptFile(
            f"{source_file}: empty or binary, not an HTML page; save the page again as HTML"
        )
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise CorruptFile(
            f"{source_file}: HTML could not be parsed ({err}); save the page again as HTML"
        ) from err


@dataclass
class Collector:
    """Where walking a page puts its text: a buffer for the current block, the lines so far."""

    at: Provenance
    grids: Iterator[int] | None  # None inside a cell: nested tables are flattened, not grids
    lines: list[Line] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def flush(self) -> None:
        """End the current block: its folded text becomes a Line unless empty."""
        text = fold("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.lines.append(Line(text=text, at=self.at))


def tag_of(node: etree._Element) -> str | None:
    """Lower-case tag name; None for comments and processing instructions."""
    return node.tag.lower() if isinstance(node.tag, str) else None


def walk(node: etree._Element, out: Collector) -> None:
    """Collect text in document order: blocks and <br> end a line, tables become grids."""
    tag = tag_of(node)
    if tag in SKIP or tag is None:
        return
    if tag == "table" and out.grids is not None:
        out.flush()
        out.lines.extend(table_lines(node, out.at, next(out.grids)))
        return
    if tag in BLOCK or tag in ("br", "table"):
        out.flush()
    out.add(node.text)
    for child in node:
        walk(child, out)
        out.add(child.tail)
    if tag in BLOCK or tag == "table":
        out.flush()


def cell_text(node: etree._Element, at: Provenance) -> str:
    """All text of a cell, nested tables included, blocks and <br> as spaces."""
    out = Collector(at=at, grids=None)
    walk(node, out)
    out.flush()
    return " ".join(line.text for line in out.lines)


def children(node: etree._Element, tags: frozenset[str]) -> Iterator[etree._Element]:
    """Children with one of these tags, looking through thead/tbody/tfoot."""
    for child in node:
        tag = tag_of(child)
        if tag in tags:
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from children(child, tags)


def span(node: etree._Element, name: str, most: int) -> int:
    """rowspan/colspan as browsers read it: leading digits, at least 1, at most `most`."""
    digits = re.match(r"\s*(\d+)", node.get(name, ""))
    value = int(digits.group(1)) if digits else 1
    return most if value == 0 else max(1, min(value, most))  # rowspan="0": to the end


def table_lines(table: etree._Element, at: Provenance, grid: int) -> list[Line]:
    """A caption line, then one Line per <tr>, every row as wide as the table's grid."""
    lines = [
        Line(text=text, at=at)
        for c in children(table, frozenset({"caption"}))
        if (text := cell_text(c, at))
    ]
    rows = list(children(table, frozenset({"tr"})))
    filled = place_cells(rows, at)
    width = 1 + max((column for _, column in filled), default=-1)
    for index in range(len(rows)):
        cells = tuple(filled.get((index, column), Cell("", at)) for column in range(width))
        if cells:
            lines.append(Line(" | ".join(c.text for c in cells), at, cells=cells, grid=grid))
    return lines


def place_cells(rows: list[etree._Element], at: Provenance) -> dict[tuple[int, int], Cell]:
    """The HTML table model: each cell takes the next free slot; spans mark what they cover."""
    filled: dict[tuple[int, int], Cell] = {}
    for index, tr in enumerate(rows):
        column = 0
        for td in children(tr, frozenset({"td", "th"})):
            while (index, column) in filled:
                column += 1
            down = span(td, "rowspan", len(rows) - index)
            across = span(td, "colspan", MAX_COLSPAN)
            for slot in itertools.product(
                range(index, index + down), range(column, column + across)
            ):
                filled.setdefault(slot, Cell("", at, spanned=True))
            filled[(index, column)] = Cell(cell_text(td, at), at)
            column += across
    return filled
