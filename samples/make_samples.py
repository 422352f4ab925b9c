"""Build the fixture decisions in samples/generated/: one description each, four formats.

Each decision is described once in pure Python (metadata, articles, ranking tables with their
header levels, band rows or a band column, row values) and rendered to DOCX (python-docx), PDF
(LibreOffice from that DOCX), HTML (as legal-document websites publish) and TXT (the seeds'
markdown-like, tab-separated style). The arithmetic of every table is checked before anything is
written: these fixtures are clean and must raise no error flag.

Run: .venv/bin/python samples/make_samples.py   (``make samples``; PDFs need ``soffice``)
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from pipeline.models import Metadata

OUT_DIR = Path(__file__).resolve().parent / "generated"
FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)  # DOCX core properties: same bytes every run
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SOFFICE_TIMEOUT = 300  # seconds for the whole batch of conversions
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
BAND_ORDER = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", "Kém")
STANDARD_BANDS = ((90, "Xuất sắc"), (80, "Tốt"), (65, "Khá"), (50, "Trung bình"), (0, "Yếu"))


# --- the description ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One ranked unit as printed; numbers are strings exactly as the table shows them."""

    name: str
    components: tuple[str, ...] = ()
    total: str | None = None
    rank: str | None = None  # Xếp hạng, as stated
    band: str | None = None  # canonical band ("Tốt"), printed as a band row or in the band column


@dataclass(frozen=True)
class RankingTable:
    """One ranking table: its header levels, band presentation and rows."""

    caption: str | None  # section caption above the table: "I. Các cơ quan, đơn vị cấp tỉnh:"
    rows: tuple[Row, ...]
    components: tuple[tuple[str, str], ...] = ()  # (label, printed maximum "12" / "8,5")
    group: str | None = "Điểm thành phần (điểm tối đa)"  # upper header over the components
    number_label: str = "STT"
    name_label: str = "Tên đơn vị"
    total_label: str | None = "Tổng điểm đạt được (100)"
    rank_label: str | None = None
    band_label: str | None = None  # "Xếp loại" column; None → band rows spanning the table
    band_row: str = "MỨC {upper}"  # how a band row prints: "MỨC TỐT", "Loại {band}" → "Loại Tốt"
    repeat_header: bool = False  # Word "repeat as header row"; the text form repeats it too
    text_breaks: tuple[int, ...] = ()  # data rows after which the text form shows a page break
    new_page: bool = False  # the DOCX starts this table's caption on a new page


@dataclass(frozen=True)
class Decision:
    """One decision: everything needed to render it in every format."""

    slug: str
    issuer: tuple[str, ...]  # letterhead left: ("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI")
    number: str  # "Số: 512/QĐ-UBND" as printed
    place_date: str  # "Lào Cai, ngày 16 tháng 02 năm 2017"
    title: str
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    bases: tuple[str, ...]  # Căn cứ … lines, then the Xét đề nghị line
    articles: tuple[str, ...]  # Điều 1, 2, 3 bodies (without "Điều n.")
    recipients: tuple[str, ...]  # Nơi nhận
    signer_title: tuple[str, ...]  # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str
    tables: tuple[RankingTable, ...]
    appendix: tuple[str, ...] = ()  # appendix heading lines; empty → tables follow Điều 1
    landscape: bool = False  # appendix in its own landscape section
    html_nfd: bool = False  # the HTML page is in decomposed Unicode, as some old sites are
    html_thead: bool = False  # header rows in <thead>, body in <tbody>
    doc_type: str = "QUYẾT ĐỊNH"
    expected: Metadata = field(default_factory=Metadata)
    oddities: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # expected level of each table


# --- numbers: components that add up, ranks that follow the totals ----------------------------


def listed(text: str) -> tuple[str, ...]:
    """Names or figures written as one "; "-separated string, to keep the data compact."""
    return tuple(item.strip() for item in text.split(";"))


def number(printed: str) -> Decimal:
    """Printed decimal ("85,40", "10.5") → Decimal; these fixtures use no thousands separator."""
    return Decimal(printed.replace(",", "."))


def printed(value: Decimal, places: int | None, comma: bool) -> str:
    """Decimal → text with a fixed number of places (None: as few as needed)."""
    if places is None:
        text = format(value.normalize(), "f")
    else:
        text = format(value.quantize(Decimal(1).scaleb(-places)), "f")
    return text.replace(".", ",") if comma else text


def split_total(
    total: Decimal, maxima: Sequence[Decimal], step: Decimal, salt: int
) -> list[Decimal]:
    """Deterministic components, multiples of step within their maxima, summing to total."""
    scale = total / sum(maxima)
    parts: list[Decimal] = []
    for i, top in enumerate(maxima):
        wobble = Decimal((salt * 7 + i * 3) % 5 - 2) * step
        share = (top * scale / step).to_integral_value(ROUND_HALF_EVEN) * step + wobble
        parts.append(min(max(share, Decimal(0)), top))
    rest, turn = total - sum(parts), 0
    while rest != 0:  # settle what rounding left over, one step at a time
        k, delta = turn % len(parts), (step if rest > 0 else -step)
        if 0 <= parts[k] + delta <= maxima[k]:
            parts[k] += delta
            rest -= delta
        turn += 1
    return parts


def competition_ranks(totals: Sequence[Decimal]) -> list[int]:
    """Standard competition ranking ("1224"): 1 + how many totals are strictly higher."""
    return [1 + sum(other > total for other in totals) for total in totals]


def ranks_with_ties(count: int, ties: dict[int, int]) -> list[int]:
    """Ranks 1..count in order, where ties[position] = how many share the rank there."""
    ranks, position = [], 1
    while position <= count:
        size = ties.get(position, 1)
        ranks += [position] * size
        position += size
    return ranks[:count]


def band_of(total: Decimal, thresholds: Sequence[tuple[int, str]]) -> str:
    """The band a total falls in: first threshold it reaches."""
    return next(band for floor, band in thresholds if total >= floor)


@dataclass(frozen=True)
class Scoring:
    """How an invented table's rows are derived from their totals."""

    places: int | None = 2
    comma: bool = True
    step: str = "0.05"  # components are multiples of this
    rank: bool = True
    bands: tuple[tuple[int, str], ...] = ()


def scored_rows(
    names: Sequence[str], totals: Sequence[str], maxima: Sequence[str], how: Scoring
) -> tuple[Row, ...]:
    """Rows whose components, ranks and bands follow from the written totals."""
    values = [Decimal(total) for total in totals]
    tops = [number(top) for top in maxima]
    ranks = competition_ranks(values)
    rows = []
    for i, (name, total) in enumerate(zip(names, values, strict=True)):
        parts = split_total(total, tops, Decimal(how.step), i) if tops else []
        rows.append(
            Row(
                name=name,
                components=tuple(printed(p, how.places, how.comma) for p in parts),
                total=printed(total, how.places, how.comma),
                rank=str(ranks[i]) if how.rank else None,
                band=band_of(total, how.bands) if how.bands else None,
            )
        )
    return tuple(rows)


def check_table(table: RankingTable, where: str) -> None:
    """Refuse to write a fixture whose arithmetic is not clean."""
    tops = [number(top) for _, top in table.components]
    totals = [number(row.total) for row in table.rows if row.total is not None]
    for row in table.rows:
        parts = [number(part) for part in row.components]
        if len(parts) != len(tops) or any(p > top for p, top in zip(parts, tops, strict=True)):
            raise ValueError(f"{where}: {row.name}: components do not fit the maxima")
        if parts and row.total is not None and sum(parts) != number(row.total):
            raise ValueError(f"{where}: {row.name}: components do not add up to the total")
    if totals and totals != sorted(totals, reverse=True):
        raise ValueError(f"{where}: rows are not in descending order of total")
    stated = [int(row.rank) for row in table.rows if row.rank is not None]
    expected = competition_ranks(totals) if totals else sorted(stated)
    if stated and stated != expected:
        raise ValueError(f"{where}: stated ranks are not the competition ranking of the totals")
    bands = [BAND_ORDER.index(row.band) for row in table.rows if row.band is not None]
    if bands != sorted(bands):
        raise ValueError(f"{where}: bands are out of order")


# --- the table layout shared by every renderer ------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """A printed cell at its top-left grid position, with its span."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    band: bool = False
    align: str = "center"  # center | left


@dataclass(frozen=True)
class Layout:
    """A ranking table as a grid: header rows, then body rows (band rows span the width)."""

    width: int
    header: tuple[tuple[GridCell, ...], ...]
    body: tuple[tuple[GridCell, ...], ...]
    data_row: tuple[int, ...]  # for each body row, how many data rows precede it and it


def column_labels(table: RankingTable) -> list[str]:
    """Labels of the one-level columns after the components: total, rank, band."""
    labels = [table.total_label, table.rank_label, table.band_label]
    return [label for label in labels if label is not None]


def header_cells(table: RankingTable) -> tuple[tuple[GridCell, ...], ...]:
    """One header row, or two when a group header stands over the components."""
    components = [f"{label} ({top})" for label, top in table.components]
    after = column_labels(table)
    if not (table.group and components):
        labels = [table.number_label, table.name_label, *components, *after]
        return (tuple(GridCell(text, 0, col, header=True) for col, text in enumerate(labels)),)
    tall = {"rowspan": 2, "header": True}
    first = [GridCell(table.number_label, 0, 0, **tall), GridCell(table.name_label, 0, 1, **tall)]
    first.append(GridCell(table.group, 0, 2, colspan=len(components), header=True))
    start = 2 + len(components)
    first += [GridCell(text, 0, start + i, **tall) for i, text in enumerate(after)]
    second = tuple(GridCell(text, 1, 2 + i, header=True) for i, text in enumerate(components))
    return (tuple(first), second)


def band_row_text(table: RankingTable, band: str) -> str:
    """How a band row prints: "MỨC TỐT", "Loại Xuất sắc"."""
    return table.band_row.format(upper=band.upper(), band=band)


def layout(table: RankingTable) -> Layout:
    """Lay the table out as a grid with merges."""
    header = header_cells(table)
    width = 2 + len(table.components) + len(column_labels(table))
    body: list[tuple[GridCell, ...]] = []
    data_row: list[int] = []
    band = None
    for number_, row in enumerate(table.rows, start=1):
        at = len(header) + len(body)
        if table.band_label is None and row.band is not None and row.band != band:
            body.append(
                (GridCell(band_row_text(table, row.band), at, 0, colspan=width, band=True),)
            )
            data_row.append(number_ - 1)
            band, at = row.band, at + 1
        values = [str(number_), row.name, *row.components, row.total, row.rank]
        if table.band_label is not None:
            values.append(row.band)
        texts = [value for value in values if value is not None]
        body.append(
            tuple(
                GridCell(t, at, c, align="left" if c == 1 else "center")
                for c, t in enumerate(texts)
            )
        )
        data_row.append(number_)
    return Layout(width, header, tuple(body), tuple(data_row))


# --- DOCX --------------------------------------------------------------------------------------


def set_font(run: docx.text.run.Run, size: float, bold: bool = False, italic: bool = False) -> None:
    """Times New Roman at a size, as decisions are typed."""
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None


def add_text(
    container: object,
    lines: Sequence[str],
    size: float = 13,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
) -> None:
    """One paragraph per line in a document or a cell."""
    alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    for line in lines:
        paragraph = container.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = alignment
        paragraph.paragraph_format.space_after = Pt(3)
        set_font(paragraph.add_run(line), size, bold, italic)


def borderless_table(document: docx.document.Document, widths: Sequence[float]) -> object:
    """A layout table (letterhead, signature): no style, so no borders."""
    table = document.add_table(rows=1, cols=len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for cell in table.rows[0].cells:
        cell._tc.remove(cell.paragraphs[0]._p)  # each cell gets exactly our paragraphs
    return table


def docx_letterhead(document: docx.document.Document, decision: Decision) -> None:
    """Issuer and number left, national motto and place-date right."""
    left, right = borderless_table(document, (6.0, 10.0)).rows[0].cells  # type: ignore[attr-defined]
    add_text(left, decision.issuer, 12.5, bold=True)
    add_text(left, ("-------", decision.number), 13)
    add_text(right, MOTTO[:1], 12, bold=True)
    add_text(right, (MOTTO[1], "---------------"), 13, bold=True)
    add_text(right, (decision.place_date,), 13, italic=True)


def docx_article(document: docx.document.Document, number_: int, body: str) -> None:
    """Điều n. in bold, then its text."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    set_font(paragraph.add_run(f"Điều {number_}. "), 13, bold=True)
    set_font(paragraph.add_run(body), 13)


def docx_signature(document: docx.document.Document, decision: Decision) -> None:
    """Nơi nhận list left, signer title and name right."""
    left, right = borderless_table(document, (8.0, 8.0)).rows[0].cells  # type: ignore[attr-defined]
    add_text(left, ("Nơi nhận:",), 12, bold=True, italic=True, align="left")
    add_text(left, decision.recipients, 11, align="left")
    add_text(right, decision.signer_title, 13, bold=True)
    add_text(right, ("", "", ""), 13)
    add_text(right, (decision.signer,), 13, bold=True)


def column_widths(table: RankingTable, width_cm: float) -> list[float]:
    """STT narrow, the name wide, the numbers share the rest."""
    count = 2 + len(table.components) + len(column_labels(table))
    name = 4.3 if count > 7 else min(6.0, width_cm * 0.4)  # wide tables: room for the numbers
    rest = (width_cm - 1.3 - name) / (count - 2)
    return [1.3, name, *([rest] * (count - 2))]


def mark_row(row: object, tag: str) -> None:
    """Set a row property: w:tblHeader (repeat as header row), w:cantSplit (keep on one page)."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement(tag))


def fill_cell(cell: object, item: GridCell, size: float) -> None:
    """Write a grid cell's text with its alignment and weight."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    centred = item.align == "center" and not item.band
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.keep_with_next = item.header  # a header stays with the body
    header_size = size - 1 if size < 11 else size
    set_font(
        paragraph.add_run(item.text), header_size if item.header else size, item.header or item.band
    )


def docx_ranking_table(
    document: docx.document.Document, table: RankingTable, width_cm: float
) -> None:
    """The ranking table as a real Word table: borders, merged header cells, band rows."""
    grid = layout(table)
    rows = (*grid.header, *grid.body)
    word = document.add_table(rows=len(rows), cols=grid.width)
    word.style = "Table Grid"
    word.autofit = False
    for column, width in zip(word.columns, column_widths(table, width_cm), strict=True):
        column.width = Cm(width)
    size = 10 if grid.width > 8 else 11
    for item in (cell for row in rows for cell in row):
        cell = word.cell(item.row, item.col)
        if item.rowspan > 1 or item.colspan > 1:
            cell = cell.merge(word.cell(item.row + item.rowspan - 1, item.col + item.colspan - 1))
        fill_cell(cell, item, size)
    for index, row in enumerate(word.rows):
        mark_row(row, "w:cantSplit")
        if table.repeat_header and index < len(grid.header):
            mark_row(row, "w:tblHeader")


def docx_page_setup(section: object, landscape: bool) -> None:
    """A4 with the margins of an administrative document (Nghị định 30/2020: 2-3 cm)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)  # type: ignore[attr-defined]
    section.top_margin = section.bottom_margin = Cm(2)  # type: ignore[attr-defined]
    section.left_margin, section.right_margin = Cm(3), Cm(2)  # type: ignore[attr-defined]


def docx_tables(document: docx.document.Document, decision: Decision, width_cm: float) -> None:
    """Each table under its caption."""
    for table in decision.tables:
        if table.caption:
            add_text(document, (table.caption,), 13, bold=True, align="left")
            layout_ = document.paragraphs[-1].paragraph_format
            layout_.keep_with_next, layout_.page_break_before = True, table.new_page
        docx_ranking_table(document, table, width_cm)


def docx_appendix(document: docx.document.Document, decision: Decision) -> None:
    """The appendix after the signature: a new page, or a landscape section."""
    if decision.landscape:
        docx_page_setup(document.add_section(WD_SECTION.NEW_PAGE), landscape=True)
    else:
        document.add_page_break()
    add_text(document, decision.appendix[:2], 13, bold=True)
    add_text(document, decision.appendix[2:], 13, italic=True)
    docx_tables(document, decision, 24.7 if decision.landscape else 16.0)


def docx_body(document: docx.document.Document, decision: Decision) -> None:
    """Letterhead, title, bases, articles, signature, appendix, in document order."""
    docx_letterhead(document, decision)
    add_text(document, (decision.doc_type,), 14, bold=True)
    add_text(document, (decision.title, decision.authority), 14, bold=True)
    add_text(document, decision.bases, 13, align="justify")
    add_text(document, (f"{decision.doc_type}:",), 14, bold=True)
    for number_, body in enumerate(decision.articles, start=1):
        docx_article(document, number_, body)
        if number_ == 1 and not decision.appendix:
            docx_tables(document, decision, 16.0)
    docx_signature(document, decision)
    if decision.appendix:
        docx_appendix(document, decision)


def fixed_zip(blob: bytes) -> bytes:
    """Rewrite a zip with fixed entry times so the DOCX is the same bytes every run."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


def render_docx(decision: Decision) -> bytes:
    """The decision as a DOCX file, byte-for-byte reproducible."""
    document = docx.Document()
    docx_page_setup(document.sections[0], landscape=False)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "decision-tables fixtures"
    properties.title = decision.title
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    docx_body(document, decision)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


# --- PDF ---------------------------------------------------------------------------------------


def convert_to_pdf(sources: Sequence[Path], out_dir: Path) -> None:
    """DOCX → PDF with LibreOffice headless, in a private profile so parallel runs do not clash."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: install LibreOffice (make samples does) to build PDFs")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT)
    if done.returncode != 0:
        raise SystemExit(f"soffice failed ({done.returncode}): {done.stderr.strip()}")
    for source in sources:
        pin_pdf(out_dir / f"{source.stem}.pdf")


def pin_pdf(path: Path) -> None:
    """Overwrite the PDF's dates and /ID in place (same lengths, so the xref stays valid)."""
    data = path.read_bytes()
    data = re.sub(rb"\(D:\d{14}", b"(D:20240101000000", data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, data)
    ids = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
    data = ids.sub(lambda m: m[1] + b"0" * 32 + m[3] + b"0" * 32 + m[5], data)
    digest = hashlib.md5(data).hexdigest().upper().encode()  # noqa: S324 - an ID, not security
    data = ids.sub(lambda m: m[1] + digest + m[3] + digest + m[5], data)
    path.write_bytes(data)


# --- HTML, as legal-document websites publish ----------------------------------------------------

HTML_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}</title>
<style type="text/css">.content1 p {{margin-top:6.0pt}} td {{vertical-align:top}}</style>
<script type="text/javascript">var docid = "{slug}"; /* <p>not text</p> */</script>
</head>
<body>
<div id="divContentDoc"><div class="content1"><div><div>
"""
HTML_TAIL = "</div></div></div></div>\n</body>\n</html>\n"
TD_LAYOUT = '<td width="{px}" valign="top" style="width:{pt}pt;padding:0in 5.4pt 0in 5.4pt">'
TD_RULED = (
    '<td{span} width="{px}" style="border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt">'
)


def esc(text: str) -> str:
    """Escape for HTML and write runs of spaces as &nbsp;, as Word's HTML export does."""
    return re.sub(r"  +", lambda m: "&nbsp;" * len(m.group(0)), html.escape(text, quote=False))


def p(inner: str, align: str | None = None) -> str:
    """A Word-exported paragraph."""
    attrs = f' align="{align}" style="margin-top:6.0pt;text-align:{align}"' if align else ""
    return f"<p{attrs}>{inner}</p>\n"


def html_letterhead(decision: Decision) -> str:
    """A 2×2 layout table: issuer / motto over number / place and date."""
    left = TD_LAYOUT.format(px=223, pt=167.4)
    right = TD_LAYOUT.format(px=367, pt=275.4)
    issuer = "<br>\n".join(esc(line) for line in (*decision.issuer, "---------"))
    motto = "<br>\n".join(esc(line) for line in (*MOTTO, "---------------"))
    number_ = esc(decision.number).replace(": ", ":&nbsp;", 1)
    return (
        '<table border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n'
        f"<tr>{left}{p(f'<b>{issuer}</b>', 'center')}</td>\n"
        f"{right}{p(f'<b>{motto}</b>', 'center')}</td></tr>\n"
        f"<tr>{left}{p(number_, 'center')}</td>\n"
        f"{right}{p(f'<i>{esc(decision.place_date)}</i>', 'right')}</td></tr>\n</table>\n"
    )


def html_cell_text(item: GridCell, salt: int) -> str:
    """Nested <p><b><span>; some names split over two spans, as Word's export leaves them."""
    text = esc(item.text) if item.text else "&nbsp;"
    if item.align == "left" and " " in item.text and salt % 3 == 0:
        head, tail = item.text.split(" ", 1)
        text = f'<span lang="VI">{esc(head)} </span><span lang="VI">{esc(tail)}</span>'
    elif item.header and " " in item.text and "(" in item.text:
        text = esc(item.text).replace(" (", "<br>\n(", 1)  # the maximum on its own line
    if item.header or item.band:
        text = f"<b>{text}</b>"
    align = "left" if item.align == "left" or item.band else "center"
    return p(f'<span style="font-size:11.0pt">{text}</span>', align)


def html_row(cells: Sequence[GridCell], salt: int) -> str:
    """One <tr> with rowspan/colspan where cells are merged."""
    parts = []
    for item in cells:
        span = (f' rowspan="{item.rowspan}"' if item.rowspan > 1 else "") + (
            f' colspan="{item.colspan}"' if item.colspan > 1 else ""
        )
        parts.append(TD_RULED.format(span=span, px=60) + html_cell_text(item, salt) + "</td>")
    return " <tr>\n  " + "\n  ".join(parts) + "\n </tr>\n"


def html_ranking_table(table: RankingTable, thead: bool) -> str:
    """The ranking table as a <table> with rowspan/colspan."""
    grid = layout(table)
    head = "".join(html_row(row, 1) for row in grid.header)
    body = "".join(html_row(row, i) for i, row in enumerate(grid.body))
    if thead:
        head, body = f"<thead>\n{head}</thead>\n", f"<tbody>\n{body}</tbody>\n"
    caption = p(f"<b>{esc(table.caption)}</b>") if table.caption else ""
    return (
        f'{caption}<table border="1" cellspacing="0" cellpadding="0" width="100%" '
        f'style="width:100.0%;border-collapse:collapse">\n{head}{body}</table>\n'
    )


def html_signature(decision: Decision) -> str:
    """Nơi nhận and the signature in a layout table, as on the websites."""
    recipients = "<br>\n".join(esc(line) for line in decision.recipients)
    signer = "<br>\n".join(esc(line) for line in decision.signer_title)
    cell = TD_LAYOUT.format(px=295, pt=221.4)
    left = p(f'<b><i>Nơi nhận:</i></b><br>\n<span style="font-size:8.0pt">{recipients}</span>')
    blank = "<br>\n" * 4
    right = p(f"<b>{signer}{blank}{esc(decision.signer)}</b>", "center")
    return (
        '<table border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n'
        f"<tr>{cell}{left}</td>\n{cell}{right}</td></tr>\n</table>\n"
    )


def html_tables(decision: Decision) -> str:
    """Every ranking table of the decision."""
    return "".join(html_ranking_table(table, decision.html_thead) for table in decision.tables)


def html_articles(decision: Decision) -> Iterator[str]:
    """Điều 1…3, with the tables after Điều 1 when they are not in an appendix."""
    for number_, body in enumerate(decision.articles, start=1):
        yield p(f'<a name="dieu_{number_}"><b>Điều {number_}.</b></a> {esc(body)}')
        if number_ == 1 and not decision.appendix:
            yield html_tables(decision)


def render_html(decision: Decision) -> str:
    """The decision as a web page: layout tables, nested tags, &nbsp;, rowspan/colspan."""
    parts = [HTML_HEAD.format(title=esc(decision.title), slug=decision.slug)]
    parts += [html_letterhead(decision), p("&nbsp;")]
    parts.append(
        p(
            f'<a name="loai_1"><b><span style="font-size:12.0pt">{decision.doc_type}'
            "</span></b></a>",
            "center",
        )
    )
    parts.append(p(f'<a name="loai_1_name">{esc(decision.title)}</a>', "center"))
    parts.append(p(f"<b>{esc(decision.authority)}</b>", "center"))
    parts += [p(esc(line)) for line in decision.bases]
    parts.append(p(f"<b>{decision.doc_type}:</b>", "center"))
    parts += html_articles(decision)
    parts.append(html_signature(decision))
    if decision.appendix:
        parts += [
            p("&nbsp;"),
            p(f"<b>{'<br>'.join(map(esc, decision.appendix[:2]))}</b>", "center"),
        ]
        parts += [p(f"<i>{esc(line)}</i>", "center") for line in decision.appendix[2:]]
        parts.append(html_tables(decision))
    page = "".join(parts) + HTML_TAIL
    return unicodedata.normalize("NFD", page) if decision.html_nfd else page


# --- TXT, in the seeds' style --------------------------------------------------------------------


def text_rows(rows: Sequence[Sequence[GridCell]], width: int) -> list[str]:
    """Tab-separated rows: text at the top-left of a merge, empty cells under it."""
    lines = []
    for row in rows:
        cells = [""] * width
        for item in row:
            cells[item.col] = f"<b>{item.text}</b>" if item.band else item.text
        lines.append("\t".join(cells))
    return lines


def text_table(table: RankingTable) -> list[str]:
    """Header and body rows; a blank line where a page break cut the table."""
    grid = layout(table)
    header = text_rows(grid.header, grid.width)
    lines = list(header)
    for row, count in zip(grid.body, grid.data_row, strict=True):
        lines += text_rows((row,), grid.width)
        if count in table.text_breaks and not row[0].band:
            lines.append("")
            lines += header if table.repeat_header else []
    return lines


def text_tables(decision: Decision) -> list[str]:
    """Every table under its caption."""
    lines = []
    for table in decision.tables:
        lines += [f"#### {table.caption}", ""] if table.caption else []
        lines += [*text_table(table), ""]
    return lines


def text_front(decision: Decision) -> list[str]:
    """Letterhead, title, authority and bases."""
    issuer = "  \n".join(decision.issuer)
    return [
        f"**{issuer}**  ",
        decision.number,
        "",
        f"**{MOTTO[0]}**  ",
        f"**{MOTTO[1]}**  ",
        decision.place_date,
        "",
        f"### **{decision.doc_type}**",
        "",
        f"**{decision.title}**",
        "",
        f"#### **{decision.authority}**",
        "",
        *(line for basis in decision.bases for line in (basis, "")),
        f"#### **{decision.doc_type}:**",
        "",
    ]


def render_text(decision: Decision) -> str:
    """The decision as markdown-like text with tab-separated table rows."""
    lines = text_front(decision)
    for number_, body in enumerate(decision.articles, start=1):
        lines += [f"**Điều {number_}.** {body}", ""]
        if number_ == 1 and not decision.appendix:
            lines += text_tables(decision)
    lines += ["**Nơi nhận:**", "", *decision.recipients, ""]
    lines += [
        "**" + "  \n".join(decision.signer_title) + "**",
        "",
        "",
        "",
        f"**{decision.signer}**",
    ]
    if decision.appendix:
        lines += ["", f"## {decision.appendix[0]}", "", f"### {decision.appendix[1]}", ""]
        lines += [*(f"{line}" for line in decision.appendix[2:]), ""]
        lines += text_tables(decision)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- the decisions -------------------------------------------------------------------------------
# Data functions are long by nature: they are the fixtures' figures, one literal per row.

LAO_CAI_AGENCY_COMPONENTS = (
    ("Hạ tầng kỹ thuật CNTT", "12"),
    ("ƯD CNTT trong hoạt động của đơn vị", "40"),
    ("ƯD CNTT phục vụ người dân, DN", "13"),
    ("Đảm bảo ATTT", "14"),
    ("Nhân lực CNTT", "7"),
    ("Ban hành và thực hiện các quy định nội bộ về CNTT", "14"),
)
LAO_CAI_DISTRICT_COMPONENTS = (
    ("Hạ tầng kỹ thuật", "6"),
    ("UD trong nội bộ", "37"),
    ("UD phục vụ ND, DN", "13"),
    ("Đảm bảo ATTT", "14"),
    ("Nhân lực CNTT", "6"),
    ("Ban hành và thực hiện các quy định nội bộ về CNTT", "14"),
    ("UD CNTT tại cấp xã", "10"),
)


def seed_rows(text: str, band_floor: Decimal) -> tuple[Row, ...]:
    """Rows written as in the seed: name, components…, total; Tốt at or above band_floor."""
    rows = []
    for line in text.strip().splitlines():
        name, *values = line.split("\t")
        total = number(values[-1])
        band = "Tốt" if total >= band_floor else "Khá"
        rows.append(Row(name, tuple(values[:-1]), values[-1], band=band))
    return tuple(rows)


def lao_cai_2016() -> Decision:
    """Seed 000: Lào Cai 512/QĐ-UBND, IT application 2016, band rows, no rank column."""
    agencies = seed_rows(
        """
Sở Thông tin và Truyền thông	12	38	13	13	7	14	97
Sở Tài chính	12	37	12	13	7	14	95
Văn phòng UBND tỉnh	12	38	11	12	7	14	94
Sở Văn hóa, Thể thao và Du lịch	12	38	12	10	7	14	93
Sở Nội vụ	12	36	10.5	12	7	14	91.5
Sở Tài nguyên và Môi trường	12	38	12.5	13	7	9	91.5
Văn phòng HĐND tỉnh	12	36	11	12	7	13	91
Sở Kế hoạch và Đầu tư	12	33	12	12	7	14	90
Sở Khoa học - Công nghệ	12	34	12	12	7	13	90
Sở Công thương	12	32	12	13	7	13	89
Sở Giáo dục và Đào tạo	12	36	9	10	7	14	88
Sở Nông nghiệp và PTNT	12	35	12	11	7	10	87
Sở Xây dựng	12	34	9.5	12	4.5	12	84
Thanh tra tỉnh	12	30	11	12	7	12	84
Ban Dân tộc	12	33	12	11	4.5	10	82.5
Sở Tư pháp	9	32	11	11	7	12	82
Sở Lao động - TBXH	12	32.5	8	12	6.5	10	81
Sở Giao thông Vận tải	10	27	13	13	7	10	80
Ban Quản lý khu kinh tế Lào Cai	10	29	11	11	6.5	12	79.5
Sở Ngoại vụ	12	30	10	11	7	9	79
Sở Y tế	12	27	11.5	11	5	8	74.5
Vườn Quốc gia Hoàng Liên	7	23	11	11	0	8	60
""",
        Decimal(80),
    )
    districts = seed_rows(
        """
Huyện Sa Pa	5	33	13	12	6	14	10	93
TP Lào Cai	6	33	12.5	12	6	13	10	92.5
Huyện Bảo Yên	6	32	11	11	6	13	9	88
Huyện Si Ma Cai	6	32	11	12	6	12	8	87
Huyện Bảo Thắng	6	33	11	11	6	9	10	86
Huyện Bát Xát	6	30	12.5	12	6	9	10	85.5
Huyện Văn Bàn	6	34	8	11	6	11	9	85
Huyện Bắc Hà	3	29	12	9	6	7	8	74
Huyện Mường Khương	5	24	9	7	6	9	9	69
""",
        Decimal(80),
    )
    title = (
        "Phê duyệt kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin trong các "
        "cơ quan hành chính nhà nước tỉnh Lào Cai năm 2016"
    )
    return Decision(
        slug="laocai_2016_cntt",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"),
        number="Số: 512/QĐ-UBND",
        place_date="Lào Cai, ngày 16 tháng 02 năm 2017",
        title=title,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        bases=(
            "Căn cứ Luật chính quyền địa phương ngày 19/6/2005;",
            "Căn cứ Quyết định số 1109/QĐ-UBND ngày 24/4/2014 của UBND tỉnh Lào Cai về việc ban "
            "hành Quy định đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin trong các cơ "
            "quan hành chính nhà nước tỉnh Lào Cai;",
            "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 06/TTr-STTTT "
            "ngày 23 tháng 01 năm 2017,",
        ),
        articles=(
            "Phê duyệt kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin trong các cơ "
            "quan hành chính nhà nước tỉnh Lào Cai năm 2016 (Có kết quả đánh giá, xếp hạng chi "
            "tiết kèm theo).",
            "Ban chỉ đạo ứng dụng Công nghệ thông tin tỉnh, Sở Thông tin và Truyền thông công bố, "
            "kết quả xếp hạng mức độ ứng dụng công nghệ thông tin trong các cơ quan nhà nước tỉnh "
            "Lào Cai năm 2016.",
            "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Thông tin và Truyền thông; Thủ trưởng các sở, "
            "ban, ngành; Chủ tịch UBND các huyện, thành phố và các cơ quan, tổ chức liên quan chịu "
            "trách nhiệm thi hành Quyết định này.",
        ),
        recipients=(
            "- TT: TU, HĐND, UBND tỉnh;",
            "- Như Điều 3;",
            "- Đài PTTH tỉnh, Báo Lào Cai;",
            "- Lãnh đạo VP;",
            "- Lưu: VT, TH1, VX1, Công TTĐT tỉnh.",
        ),
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Đặng Xuân Thanh",
        tables=(
            RankingTable("I. Các cơ quan, đơn vị cấp tỉnh:", agencies, LAO_CAI_AGENCY_COMPONENTS),
            RankingTable(
                "II. UBND các huyện, thành phố:",
                districts,
                LAO_CAI_DISTRICT_COMPONENTS,
                new_page=True,
            ),
        ),
        appendix=(
            "KẾT QUẢ",
            "Đánh giá, xếp hạng mức độ ứng dụng Công nghệ thông tin trong các cơ quan hành chính "
            "nhà nước tỉnh Lào Cai năm 2016",
            "(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 16/02/2017 của UBND tỉnh Lào Cai)",
        ),
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Lào Cai",
            province="Lào Cai",
            decision_number="512/QĐ-UBND",
            decision_date=date(2017, 2, 16),
            evaluation_year=2016,
            signer="Đặng Xuân Thanh",
            signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "seed figures; two sections (6 and 7 components); two-level merged header; "
            "band rows MỨC TỐT / MỨC KHÁ spanning the table; no rank column; decimal points "
            "(10.5); tables in an appendix after the signature",
        ),
        levels=("province_agency", "district"),
    )


def dak_lak_rows(text: str) -> tuple[Row, ...]:
    """Seed rows: name, total, rank."""
    rows = [line.split("\t") for line in text.strip().splitlines()]
    return tuple(Row(name, total=total, rank=rank) for name, total, rank in rows)


def dak_lak_2017() -> Decision:
    """Seed 004: Đắk Lắk ICT index 2017; number and day left blank; ranks with ties."""
    agencies = dak_lak_rows("""
Sở Tài chính	85.40	1
Sở Y tế	84.40	2
Sở Tư pháp	81.80	3
Sở Thông tin và Truyền thông	79.50	4
Sở Nội vụ	74.10	5
Sở Nông nghiệp và PTNT	72.00	6
Sở Lao động - Thương binh và Xã hội	72.00	6
Văn phòng UBND tỉnh	72.00	6
Sở Xây dựng	71.20	9
Sở Kế hoạch và Đầu tư	69.10	10
Sở Khoa học và Công nghệ	65.20	11
Sở Giáo dục và Đào tạo	65.20	11
Thanh tra tỉnh	64.40	13
Sở Ngoại vụ	64.40	13
Sở Văn hóa, Thể thao và Du lịch	61.20	15
Sở Giao thông vận tải	60.60	16
Sở Công Thương	60.10	17
Sở Tài nguyên và Môi trường	59.00	18
Ban Dân tộc	49.90	19
""")
    districts = dak_lak_rows("""
UBND Thành phố Buôn Ma Thuột	69.9	1
UBND huyện Ea H' Leo	69.8	2
UBND huyện Krông Bông	64.1	3
UBND Thị xã Buôn Hồ	63.1	4
UBND huyện Krông Năng	62.8	5
UBND huyện Ea Kar	61.4	6
UBND huyện Krông Buk	61.2	7
UBND huyện Cư M'gar	60.0	8
UBND huyện Krông Ana	59.7	9
UBND huyện Cư Kuin	58.1	10
UBND huyện Buôn Đôn	55.5	11
UBND huyện Krông Pắc	53.2	12
UBND huyện Lắk	51.6	13
UBND huyện M'Đrắk	50.7	14
UBND huyện Ea Súp	37.0	15
""")
    common = {"total_label": "Tổng điểm", "rank_label": "Xếp hạng", "repeat_header": True}
    title = (
        "Công bố và xếp hạng Chỉ số mức độ ứng dụng Công nghệ thông tin của các cơ quan Nhà "
        "nước trên địa bàn tỉnh Đắk Lắk"
    )
    return Decision(
        slug="daklak_2017_cntt",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"),
        number="Số:         /QĐ-UBND",
        place_date="Đắk Lắk, ngày      tháng 10 năm 2018",
        title=title,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Căn cứ Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ về Chính phủ điện tử;",
            "Căn cứ Nghị quyết số 181/2015/NQ-HĐND ngày 03/12/2015 của HĐND tỉnh Khóa VIII, về ứng "
            "dụng và phát triển công nghệ thông tin tỉnh Đắk Lắk giai đoạn 2016 - 2020;",
            "Căn cứ Quyết định số 366/QĐ-UBND ngày 09/02/2018 của UBND tỉnh ban hành Bộ Chỉ số mức "
            "độ ứng dụng công nghệ thông tin trong cơ quan nhà nước tỉnh Đắk Lắk;",
            "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 72/TTr-STTTT "
            "ngày 25/9/2018,",
        ),
        articles=(
            "Phê duyệt và công bố Chỉ số mức độ ứng dụng công nghệ thông tin năm 2017 của các cơ "
            "quan nhà nước trên địa bàn tỉnh, như sau:",
            "Căn cứ Chỉ số mức độ ứng dụng công nghệ thông tin năm 2017, các Sở, ban, ngành, UBND "
            "các huyện, thị xã, thành phố tổ chức quán triệt, rút kinh nghiệm, có giải pháp đẩy "
            "mạnh ứng dụng công nghệ thông tin ở những năm tiếp theo.",
            "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở, ban, ngành; Chủ tịch UBND các huyện, thị "
            "xã, thành phố; Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định "
            "này, kể từ ngày ký./.",
        ),
        recipients=(
            "- Bộ TT&TT;",
            "- TT. Tỉnh ủy;",
            "- TT. HĐND tỉnh;",
            "- CT, các PCT UBND tỉnh;",
            "- Như Điều 3;",
            "- Lưu: VT, KGVX.",
        ),
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Nguyễn Tuấn Hà",
        tables=(
            RankingTable(
                "1. Các Sở, ban, ngành:", agencies, group=None, text_breaks=(3,), **common
            ),
            RankingTable(
                "2. UBND các huyện, thị xã, thành phố:",
                districts,
                group=None,
                text_breaks=(5,),
                **common,
            ),
        ),
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Đắk Lắk",
            province="Đắk Lắk",
            decision_number=None,
            decision_date=None,
            evaluation_year=2017,
            signer="Nguyễn Tuấn Hà",
            signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "seed figures; unsigned copy: 'Số:   /QĐ-UBND' and 'ngày   tháng 10 năm 2018' "
            "(number and day missing, not zero); evaluation year only in Điều 1; total and "
            "rank only, ranks with ties 6,6,6,9 and 11,11,13,13,15; tables inline after "
            "Điều 1; the text form cuts each table in two with the header repeated",
        ),
        levels=("province_agency", "district"),
    )


PROVINCES_BY_RANK = listed(
    "TP. Đà Nẵng; Thừa Thiên Huế; Quảng Ninh; TP. Hồ Chí Minh; TP. Hà Nội; Bắc Ninh; Bình "
    "Dương; Khánh Hòa; Đồng Tháp; Lâm Đồng; TP. Hải Phòng; Bà Rịa - Vũng Tàu; Vĩnh Long; Lào "
    "Cai; Tây Ninh; Bắc Giang; TP. Cần Thơ; Đồng Nai; Hà Nam; Thái Nguyên; Bến Tre; Long An; "
    "Hải Dương; Tiền Giang; Ninh Bình; Quảng Nam; Vĩnh Phúc; Nam Định; Thanh Hóa; Nghệ An; An "
    "Giang; Bình Định; Hà Tĩnh; Quảng Bình; Phú Thọ; Hưng Yên; Thái Bình; Trà Vinh; Cà Mau; "
    "Kiên Giang; Sóc Trăng; Bạc Liêu; Hậu Giang; Quảng Ngãi; Phú Yên; Bình Thuận; Ninh Thuận; "
    "Quảng Trị; Tuyên Quang; Yên Bái; Hòa Bình; Lạng Sơn; Bình Phước; Gia Lai; Đắk Lắk; Kon "
    "Tum; Đắk Nông; Sơn La; Cao Bằng; Hà Giang; Bắc Kạn; Điện Biên; Lai Châu"
)


def national_ict_2019() -> Decision:
    """A ministry ranks the 63 provinces by rank alone; a long table with a repeated header."""
    ranks = ranks_with_ties(len(PROVINCES_BY_RANK), {9: 2, 24: 3, 47: 2})
    rows = tuple(
        Row(name, rank=str(rank)) for name, rank in zip(PROVINCES_BY_RANK, ranks, strict=True)
    )
    title = (
        "Công bố xếp hạng Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin và "
        "truyền thông (ICT Index) năm 2019 của các tỉnh, thành phố trực thuộc Trung ương"
    )
    return Decision(
        slug="bo_tttt_2019_ictindex",
        issuer=("BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"),
        number="Số: 1873/QĐ-BTTTT",
        place_date="Hà Nội, ngày 24 tháng 11 năm 2020",
        title=title,
        authority="BỘ TRƯỞNG BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
        bases=(
            "Căn cứ Nghị định số 17/2017/NĐ-CP ngày 17/02/2017 của Chính phủ quy định chức năng, "
            "nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Thông tin và Truyền thông;",
            "Căn cứ Quyết định số 1002/QĐ-BTTTT ngày 12/6/2019 của Bộ trưởng Bộ Thông tin và "
            "Truyền thông ban hành Bộ tiêu chí đánh giá Chỉ số ICT Index năm 2019;",
            "Theo đề nghị của Vụ trưởng Vụ Công nghệ thông tin,",
        ),
        articles=(
            "Công bố xếp hạng Chỉ số ICT Index năm 2019 của 63 tỉnh, thành phố trực thuộc Trung "
            "ương (Phụ lục kèm theo).",
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "Chánh Văn phòng, Vụ trưởng Vụ Công nghệ thông tin, Chủ tịch UBND các tỉnh, thành phố "
            "trực thuộc Trung ương chịu trách nhiệm thi hành Quyết định này./.",
        ),
        recipients=(
            "- Như Điều 3;",
            "- Bộ trưởng (để b/c);",
            "- Các Thứ trưởng;",
            "- Sở TT&TT các tỉnh, thành phố;",
            "- Lưu: VT, CNTT.",
        ),
        signer_title=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
        signer="Trần Minh Tuấn",
        tables=(
            RankingTable(
                "Xếp hạng các tỉnh, thành phố trực thuộc Trung ương",
                rows,
                number_label="TT",
                name_label="Tỉnh, thành phố",
                group=None,
                total_label=None,
                rank_label="Xếp hạng",
                repeat_header=True,
                text_breaks=(45,),
            ),
        ),
        appendix=(
            "PHỤ LỤC",
            "XẾP HẠNG CHỈ SỐ ICT INDEX NĂM 2019 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
            "(Ban hành kèm theo Quyết định số 1873/QĐ-BTTTT ngày 24/11/2020 của Bộ trưởng Bộ "
            "Thông tin và Truyền thông)",
        ),
        html_thead=True,
        expected=Metadata(
            issuer="Bộ Thông tin và Truyền thông",
            province=None,
            decision_number="1873/QĐ-BTTTT",
            decision_date=date(2020, 11, 24),
            evaluation_year=2019,
            signer="Trần Minh Tuấn",
            signer_title="KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; national ranking of 63 provinces by a ministry; rank alone "
            "(no score), ties 9,9 / 24,24,24 / 47,47; 'TT' and 'Tỉnh, thành phố' headers; "
            "long table crossing pages with the header repeated (Word tblHeader; PDF and "
            "text repeat it); HTML header in <thead>",
        ),
        levels=("province",),
    )


THO_XUAN_UNITS = listed(
    "UBND thị trấn Thọ Xuân; UBND xã Xuân Hồng; UBND xã Thọ Lập; UBND thị trấn Lam Sơn; UBND "
    "xã Xuân Giang; UBND xã Nam Giang; UBND xã Xuân Sinh; UBND thị trấn Sao Vàng; UBND xã Thọ "
    "Xương; UBND xã Xuân Hưng; UBND xã Bắc Lương; UBND xã Xuân Lai; UBND xã Tây Hồ; UBND xã "
    "Xuân Lập; UBND xã Thọ Diên; UBND xã Xuân Minh; UBND xã Phú Xuân; UBND xã Xuân Phú; UBND "
    "xã Thọ Hải; UBND xã Xuân Tín; UBND xã Quảng Phú; UBND xã Xuân Bái; UBND xã Thọ Lâm; UBND "
    "xã Xuân Hòa; UBND xã Xuân Trường; UBND xã Thọ Lộc; UBND xã Trường Xuân; UBND xã Xuân "
    "Thiên; UBND xã Thuận Minh; UBND xã Hạnh Phúc; UBND xã Xuân Phong; UBND xã Thọ Nguyên; "
    "UBND xã Xuân Châu"
)
THO_XUAN_TOTALS = listed(
    "93.15; 92.40; 91.85; 91.85; 90.20; 89.75; 89.10; 88.65; 88.65; 88.65; 87.30; 86.95; "
    "86.10; 85.70; 85.20; 84.85; 84.85; 83.40; 82.95; 82.10; 81.75; 80.60; 79.85; 79.20; "
    "78.45; 77.90; 76.35; 75.80; 74.25; 72.60; 70.15; 68.40; 66.85"
)


def tho_xuan_2021() -> Decision:
    """A district ranks its communes: total, rank and a Xếp loại column; header not repeated."""
    rows = scored_rows(THO_XUAN_UNITS, THO_XUAN_TOTALS, (), Scoring(bands=STANDARD_BANDS))
    title = (
        "Phê duyệt kết quả xác định Chỉ số cải cách hành chính năm 2021 của UBND các xã, thị "
        "trấn trên địa bàn huyện Thọ Xuân"
    )
    return Decision(
        slug="thoxuan_2021_cchc_xa",
        issuer=("ỦY BAN NHÂN DÂN", "HUYỆN THỌ XUÂN"),
        number="Số: 286/QĐ-UBND",
        place_date="Thọ Xuân, ngày 21 tháng 01 năm 2022",
        title=title,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Căn cứ Quyết định số 4933/QĐ-UBND ngày 20/11/2020 của UBND tỉnh Thanh Hóa ban hành Bộ "
            "tiêu chí xác định Chỉ số cải cách hành chính cấp xã;",
            "Xét đề nghị của Trưởng phòng Nội vụ huyện tại Tờ trình số 12/TTr-NV ngày 14/01/2022,",
        ),
        articles=(
            "Phê duyệt kết quả xác định Chỉ số cải cách hành chính năm 2021 của UBND các xã, thị "
            "trấn, như sau:",
            "Giao Phòng Nội vụ huyện công bố kết quả; UBND các xã, thị trấn có kết quả xếp loại "
            "Khá xây dựng kế hoạch khắc phục hạn chế trong năm 2022.",
            "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Chủ tịch UBND các xã, thị "
            "trấn chịu trách nhiệm thi hành Quyết định này./.",
        ),
        recipients=(
            "- Như Điều 3;",
            "- Sở Nội vụ (b/c);",
            "- TT Huyện ủy, HĐND huyện;",
            "- Lưu: VT, NV.",
        ),
        signer_title=("CHỦ TỊCH",),
        signer="Lê Văn Hòa",
        tables=(
            RankingTable(
                "Kết quả Chỉ số cải cách hành chính cấp xã năm 2021",
                rows,
                group=None,
                rank_label="Xếp hạng",
                band_label="Xếp loại",
                text_breaks=(27,),
            ),
        ),
        expected=Metadata(
            issuer="Ủy ban nhân dân huyện Thọ Xuân",
            province="Thanh Hóa",
            decision_number="286/QĐ-UBND",
            decision_date=date(2022, 1, 21),
            evaluation_year=2021,
            signer="Lê Văn Hòa",
            signer_title="CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; commune level (UBND xã / thị trấn ranked by a district); "
            "total only with a Xếp hạng column and a Xếp loại band column beside the total; "
            "decimal commas; ties 3,3 / 8,8,8 / 16,16; long table inline after Điều 1 "
            "crossing a page WITHOUT the header repeated; signed 'CHỦ TỊCH' (no KT.)",
        ),
        levels=("commune",),
    )


DTI_COMPONENTS = (
    ("Chuyển đổi nhận thức", "8,5"),
    ("Kiến tạo thể chế", "8,5"),
    ("Hạ tầng và nền tảng số", "12,5"),
    ("Nhân lực số", "10"),
    ("An toàn thông tin mạng", "12,5"),
    ("Hoạt động chính quyền số", "28"),
    ("Dịch vụ công trực tuyến", "20"),
)
QUANG_NINH_AGENCIES = listed(
    "Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh; Sở Tài chính; Sở Kế hoạch và Đầu tư; "
    "Sở Tư pháp; Sở Nội vụ; Sở Công Thương; Sở Giáo dục và Đào tạo; Sở Y tế; Sở Tài nguyên và "
    "Môi trường; Sở Xây dựng; Sở Giao thông vận tải; Sở Nông nghiệp và Phát triển nông thôn; "
    "Sở Văn hóa và Thể thao; Sở Du lịch; Sở Khoa học và Công nghệ; Sở Lao động - Thương binh "
    "và Xã hội; Ban Dân tộc"
)
QUANG_NINH_TOTALS = listed(
    "91.45; 88.70; 86.35; 85.40; 85.40; 83.95; 82.10; 80.65; 79.30; 78.85; 77.20; 75.55; "
    "74.90; 73.15; 71.60; 69.85; 67.40; 64.05"
)


def quang_ninh_2022() -> Decision:
    """DTI of provincial departments: decimal maxima, landscape appendix, decimal commas."""
    rows = scored_rows(
        QUANG_NINH_AGENCIES, QUANG_NINH_TOTALS, [top for _, top in DTI_COMPONENTS], Scoring()
    )
    title = (
        "Công bố Chỉ số đánh giá chuyển đổi số (DTI) năm 2022 của các sở, ban, ngành "
        "tỉnh Quảng Ninh"
    )
    return Decision(
        slug="quangninh_2022_dti",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"),
        number="Số: 1027/QĐ-UBND",
        place_date="Quảng Ninh, ngày 14 tháng 4 năm 2023",
        title=title,
        authority="ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một "
            "số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày "
            "22/11/2019;",
            "Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông phê "
            "duyệt Đề án xác định Bộ chỉ số đánh giá chuyển đổi số;",
            "Theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 45/TTr-STTTT ngày "
            "03/4/2023,",
        ),
        articles=(
            "Công bố Chỉ số đánh giá chuyển đổi số (DTI) năm 2022 của các sở, ban, ngành tỉnh "
            "Quảng Ninh (Phụ lục kèm theo).",
            "Sở Thông tin và Truyền thông có trách nhiệm hướng dẫn các cơ quan, đơn vị khắc phục "
            "hạn chế, nâng cao Chỉ số DTI năm 2023.",
            "Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành chịu trách "
            "nhiệm thi hành Quyết định này./.",
        ),
        recipients=(
            "- Bộ TT&TT (b/c);",
            "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
            "- CT, các PCT UBND tỉnh;",
            "- Như Điều 3;",
            "- Lưu: VT, KGVX.",
        ),
        signer_title=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Nguyễn Văn Phương",
        tables=(
            RankingTable(
                "Các sở, ban, ngành",
                rows,
                DTI_COMPONENTS,
                group="Chỉ số chính (điểm tối đa)",
                total_label="Điểm DTI (100)",
                rank_label="Xếp hạng",
            ),
        ),
        appendix=(
            "PHỤ LỤC",
            "CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ (DTI) NĂM 2022 CỦA CÁC SỞ, BAN, NGÀNH",
            "(Kèm theo Quyết định số 1027/QĐ-UBND ngày 14/4/2023 của UBND tỉnh Quảng Ninh)",
        ),
        landscape=True,
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Quảng Ninh",
            province="Quảng Ninh",
            decision_number="1027/QĐ-UBND",
            decision_date=date(2023, 4, 14),
            evaluation_year=2022,
            signer="Nguyễn Văn Phương",
            signer_title="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; DTI-like index: 7 components with decimal maxima (8,5) "
            "(12,5); group header 'Chỉ số chính (điểm tối đa)'; decimal commas with two "
            "places (85,40), a tie 4,4; appendix in a LANDSCAPE section (PDF page 2 is "
            "landscape); three-line signer title",
        ),
        levels=("province_agency",),
    )


HUE_COMPONENTS = (
    ("Hạ tầng, nền tảng", "15"),
    ("Ứng dụng nội bộ", "35"),
    ("Dịch vụ công trực tuyến", "30"),
    ("An toàn thông tin", "20"),
)
HUE_AGENCIES = listed(
    "Sở Thông tin và Truyền thông; Sở Kế hoạch và Đầu tư; Sở Tài chính; Văn phòng UBND tỉnh; "
    "Sở Tư pháp; Sở Nội vụ; Sở Y tế; Sở Xây dựng; Sở Du lịch; Ban Quản lý Khu kinh tế, công "
    "nghiệp tỉnh"
)
HUE_DISTRICTS = listed(
    "UBND thành phố Huế; UBND thị xã Hương Thủy; UBND thị xã Hương Trà; UBND huyện Phú Vang; "
    "UBND huyện Phú Lộc; UBND huyện Phong Điền; UBND huyện Quảng Điền; UBND huyện Nam Đông; "
    "UBND huyện A Lưới"
)


def hue_2019() -> Decision:
    """E-government ranking: ranks 1,2,2,4; band rows "Loại …"; HTML in decomposed Unicode."""
    how = Scoring(places=1, step="0.1", bands=STANDARD_BANDS)
    tops = [top for _, top in HUE_COMPONENTS]
    agencies = scored_rows(
        HUE_AGENCIES,
        listed("94.5; 91.2; 91.2; 88.6; 86.0; 84.3; 81.7; 79.4; 76.8; 72.5"),
        tops,
        how,
    )
    districts = scored_rows(
        HUE_DISTRICTS,
        listed("92.6; 89.4; 87.1; 85.5; 83.0; 80.2; 77.9; 74.3; 68.8"),
        tops,
        how,
    )
    table = RankingTable(
        None,
        (),
        HUE_COMPONENTS,
        group="Điểm các lĩnh vực",
        total_label="Tổng điểm (100)",
        rank_label="Thứ hạng",
        band_row="Loại {band}",
    )
    title = (
        "Công bố kết quả đánh giá, xếp hạng mức độ Chính quyền điện tử năm 2019 của các cơ "
        "quan, đơn vị trên địa bàn tỉnh Thừa Thiên Huế"
    )
    return Decision(
        slug="hue_2019_cqdt",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"),
        number="Số: 785/QĐ-UBND",
        place_date="Thừa Thiên Huế, ngày 27 tháng 3 năm 2020",
        title=title,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Căn cứ Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ về một số nhiệm vụ, giải "
            "pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019 - 2020;",
            "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 310/TTr-STTTT "
            "ngày 16/3/2020,",
        ),
        articles=(
            "Công bố kết quả đánh giá, xếp hạng mức độ Chính quyền điện tử năm 2019 của các sở, "
            "ban, ngành và UBND các huyện, thị xã, thành phố Huế (Phụ lục kèm theo).",
            "Các cơ quan, đơn vị xếp loại Khá xây dựng kế hoạch cải thiện trong năm 2020.",
            "Chánh Văn phòng UBND tỉnh, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm "
            "thi hành Quyết định này./.",
        ),
        recipients=("- Như Điều 3;", "- CT và các PCT UBND tỉnh;", "- Lưu: VT, KGVX."),
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Hoàng Thị Lan",
        tables=(
            replace(table, caption="I. Các sở, ban, ngành", rows=agencies),
            replace(table, caption="II. UBND các huyện, thị xã, thành phố", rows=districts),
        ),
        appendix=(
            "PHỤ LỤC",
            "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ NĂM 2019",
            "(Ban hành kèm theo Quyết định số 785/QĐ-UBND ngày 27/3/2020 của Chủ tịch UBND tỉnh)",
        ),
        html_nfd=True,
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Thừa Thiên Huế",
            province="Thừa Thiên Huế",
            decision_number="785/QĐ-UBND",
            decision_date=date(2020, 3, 27),
            evaluation_year=2019,
            signer="Hoàng Thị Lan",
            signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; e-government index; ranks with ties exactly 1,2,2,4; 'Thứ "
            "hạng' rank header; group header 'Điểm các lĩnh vực'; band rows 'Loại Xuất sắc' "
            "/ 'Loại Tốt' / 'Loại Khá'; decimal commas with one place; the HTML page is in "
            "decomposed Unicode (NFD) and must come out NFC",
        ),
        levels=("province_agency", "district"),
    )


BINH_DINH_AGENCIES = listed(
    "Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh; Sở Tài chính; Sở Nội vụ; Sở Kế hoạch "
    "và Đầu tư; Sở Tư pháp; Sở Khoa học và Công nghệ; Sở Giáo dục và Đào tạo; Sở Y tế; Sở Công"
    " Thương; Sở Tài nguyên và Môi trường; Sở Xây dựng; Sở Ngoại vụ; Ban Quản lý Khu kinh tế; "
    "Sở Giao thông vận tải"
)
BINH_DINH_TOTALS = listed(
    "912; 887; 865; 851; 840; 826; 815; 803; 790; 776; 764; 752; 738; 721; 695"
)


def binh_dinh_2020() -> Decision:
    """Total only: no components, no rank, no band; a maximum printed "(1.000)"."""
    rows = scored_rows(
        BINH_DINH_AGENCIES, BINH_DINH_TOTALS, (), Scoring(places=None, comma=False, rank=False)
    )
    title = (
        "Công bố kết quả đánh giá mức độ ứng dụng công nghệ thông tin năm 2020 của các sở, "
        "ban, ngành thuộc UBND tỉnh Bình Định"
    )
    return Decision(
        slug="binhdinh_2020_cntt_total",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"),
        number="Số: 412/QĐ-UBND",
        place_date="Bình Định, ngày 05 tháng 02 năm 2021",
        title=title,
        authority="ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Căn cứ Quyết định số 3514/QĐ-UBND ngày 25/9/2019 của UBND tỉnh ban hành Bộ tiêu chí "
            "đánh giá mức độ ứng dụng công nghệ thông tin (thang điểm 1.000);",
            "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 09/TTr-STTTT "
            "ngày 22/01/2021,",
        ),
        articles=(
            "Công bố kết quả đánh giá mức độ ứng dụng công nghệ thông tin năm 2020 của các sở, "
            "ban, ngành (có Phụ lục kèm theo).",
            "Sở Thông tin và Truyền thông theo dõi, hướng dẫn các đơn vị thực hiện.",
            "Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành "
            "Quyết định này./.",
        ),
        recipients=("- Như Điều 3;", "- TT Tỉnh ủy;", "- TT HĐND tỉnh;", "- Lưu: VT, K19."),
        signer_title=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        signer="Phạm Quốc Bảo",
        tables=(
            RankingTable("Các sở, ban, ngành", rows, group=None, total_label="Tổng điểm (1.000)"),
        ),
        appendix=(
            "PHỤ LỤC",
            "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2020",
            "(Kèm theo Quyết định số 412/QĐ-UBND ngày 05/02/2021 của UBND tỉnh Bình Định)",
        ),
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Bình Định",
            province="Bình Định",
            decision_number="412/QĐ-UBND",
            decision_date=date(2021, 2, 5),
            evaluation_year=2020,
            signer="Phạm Quốc Bảo",
            signer_title="TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; total-only table (STT, name, total: no components, no rank, "
            "no band); integer scores on a 1,000-point scale with the maximum printed "
            "'(1.000)' (a thousands separator, not a decimal point); TM. signature",
        ),
        levels=("province_agency",),
    )


PAR_COMPONENTS = (
    ("Chỉ đạo, điều hành", "14"),
    ("Thể chế và thủ tục hành chính", "22"),
    ("Tổ chức bộ máy và công vụ", "20"),
    ("Tài chính công", "12"),
    ("Chính quyền số", "32"),
)
PHU_THO_AGENCIES = listed(
    "Sở Khoa học và Công nghệ; Sở Tài chính; Sở Nội vụ; Văn phòng UBND tỉnh; Sở Tư pháp; Sở "
    "Nông nghiệp và Môi trường; Sở Xây dựng; Sở Công Thương; Sở Giáo dục và Đào tạo; Sở Y tế; "
    "Sở Văn hóa, Thể thao và Du lịch; Sở Dân tộc và Tôn giáo; Thanh tra tỉnh"
)
PHU_THO_COMMUNES = listed(
    "UBND phường Việt Trì; UBND phường Vĩnh Yên; UBND phường Hòa Bình; UBND phường Phúc Yên; "
    "UBND xã Lâm Thao; UBND phường Phong Châu; UBND xã Tam Đảo; UBND xã Yên Lạc; UBND xã Thanh"
    " Sơn; UBND xã Tam Nông; UBND xã Hạ Hòa; UBND xã Mai Châu"
)


def phu_tho_2025() -> Decision:
    """After the July 2025 merger: 34 provinces, no districts, merged departments."""
    how = Scoring()
    tops = [top for _, top in PAR_COMPONENTS]
    agencies = scored_rows(
        PHU_THO_AGENCIES,
        listed(
            "92.35; 91.10; 89.60; 89.60; 87.25; 85.90; 84.15; 82.70; 81.05; 79.40; 77.85; "
            "75.30; 73.65"
        ),
        tops,
        how,
    )
    communes = scored_rows(
        PHU_THO_COMMUNES,
        listed(
            "90.80; 89.45; 87.70; 86.20; 84.55; 84.55; 82.90; 80.35; 78.60; 76.15; 73.40; 70.25"
        ),
        tops,
        how,
    )
    table = RankingTable(
        None,
        (),
        PAR_COMPONENTS,
        group="Chỉ số thành phần (điểm tối đa)",
        total_label="Chỉ số CCHC (100)",
        rank_label="Xếp hạng",
    )
    title = (
        "Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành và "
        "UBND các xã, phường trên địa bàn tỉnh Phú Thọ"
    )
    return Decision(
        slug="phutho_2025_par",
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"),
        number="Số: 215/QĐ-UBND",
        place_date="Phú Thọ, ngày 30 tháng 01 năm 2026",
        title=title,
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
            "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị "
            "hành chính cấp tỉnh;",
            "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 18/TTr-SNV ngày 20/01/2026,",
        ),
        articles=(
            "Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành và "
            "UBND các xã, phường, như sau:",
            "Sở Nội vụ hướng dẫn các cơ quan, đơn vị khắc phục tồn tại, hạn chế trong năm 2026.",
            "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành, Chủ "
            "tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
        ),
        recipients=(
            "- Bộ Nội vụ (b/c);",
            "- TT Tỉnh ủy, TT HĐND tỉnh;",
            "- Như Điều 3;",
            "- Lưu: VT, NC.",
        ),
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer="Vũ Đình Khánh",
        tables=(
            replace(table, caption="I. Các sở, ban, ngành", rows=agencies),
            replace(table, caption="II. UBND các xã, phường", rows=communes, text_breaks=(4,)),
        ),
        expected=Metadata(
            issuer="Ủy ban nhân dân tỉnh Phú Thọ",
            province="Phú Thọ",
            decision_number="215/QĐ-UBND",
            decision_date=date(2026, 1, 30),
            evaluation_year=2025,
            signer="Vũ Đình Khánh",
            signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            title=title,
            doc_type="QUYẾT ĐỊNH",
        ),
        oddities=(
            "invented figures; post-July-2025 decision (34 provinces): no district level, "
            "communes and wards ranked by the province; merged departments (Sở Khoa học và "
            "Công nghệ, Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo); PAR-like "
            "index; decimal commas; ties 3,3 and 5,5; tables inline after Điều 1",
        ),
        levels=("province_agency", "commune"),
    )


DECISIONS = (
    lao_cai_2016,
    dak_lak_2017,
    national_ict_2019,
    tho_xuan_2021,
    quang_ninh_2022,
    hue_2019,
    binh_dinh_2020,
    phu_tho_2025,
)


# --- output --------------------------------------------------------------------------------------


def describe(decision: Decision) -> dict[str, object]:
    """What a test needs to know about a fixture: files, expected metadata, table shapes."""
    metadata = {
        key: (value.isoformat() if isinstance(value, date) else value)
        for key, value in asdict(decision.expected).items()
    }
    tables = [
        {
            "caption": table.caption,
            "level": level,
            "rows": len(table.rows),
            "components": [f"{label} ({top})" for label, top in table.components],
            "total": table.total_label,
            "rank": table.rank_label,
            "band": table.band_label or ("rows" if any(row.band for row in table.rows) else None),
        }
        for table, level in zip(decision.tables, decision.levels, strict=True)
    ]
    files = [f"{decision.slug}.{suffix}" for suffix in ("docx", "pdf", "html", "txt")]
    return {
        "slug": decision.slug,
        "files": files,
        "oddities": list(decision.oddities),
        "metadata": metadata,
        "tables": tables,
    }


def manifest_markdown(described: Sequence[dict[str, object]]) -> str:
    """samples/generated/README.md: each decision, its oddity and its expected metadata."""
    lines = [
        "# Generated fixture decisions",
        "",
        "Written by `samples/make_samples.py` (`make samples`); do not edit by hand. Each decision",
        "exists as `.docx` (python-docx), `.pdf` (LibreOffice from the DOCX), `.html` (as legal-",
        "document websites publish) and `.txt` (the seeds' tab-separated style), all from one",
        "description. All arithmetic is clean: components add up, ranks are the competition",
        'ranking ("1224") of the totals, bands are in order; no fixture should raise an error',
        "flag. `manifest.json` holds the same facts for tests.",
        "",
        "| decision | tables (level: rows) | what it carries |",
        "|---|---|---|",
    ]
    for item in described:
        tables = "; ".join(f"{t['level']}: {t['rows']}" for t in item["tables"])  # type: ignore[attr-defined]
        lines.append(f"| `{item['slug']}` | {tables} | {' '.join(item['oddities'])} |")  # type: ignore[arg-type]
    lines += [
        "",
        "## Expected metadata",
        "",
        "| decision | issuer | province | number | date | year | signer | signer title |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for item in described:
        meta = item["metadata"]
        cells = [
            meta[key]
            for key in (
                "issuer",
                "province",
                "decision_number",
                "decision_date",  # type: ignore[index]
                "evaluation_year",
                "signer",
                "signer_title",
            )
        ]
        lines.append(
            f"| `{item['slug']}` | "
            + " | ".join("—" if c is None else str(c) for c in cells)
            + " |"
        )
    return "\n".join(lines) + "\n"


def write(path: Path, data: bytes | str) -> None:
    """Write bytes, or text as UTF-8 with \\n line ends."""
    payload = data.encode() if isinstance(data, str) else data
    path.write_bytes(payload)


def main(argv: Sequence[str]) -> int:
    """Check every description, render every format, convert to PDF, write the manifest."""
    out_dir = OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    decisions = [build() for build in DECISIONS]
    for decision in decisions:
        for index, table in enumerate(decision.tables, start=1):
            check_table(table, f"{decision.slug} table {index}")
        write(out_dir / f"{decision.slug}.docx", render_docx(decision))
        write(out_dir / f"{decision.slug}.html", render_html(decision))
        write(out_dir / f"{decision.slug}.txt", render_text(decision))
    if "--no-pdf" not in argv:
        convert_to_pdf([out_dir / f"{d.slug}.docx" for d in decisions], out_dir)
    described = [describe(decision) for decision in decisions]
    write(out_dir / "manifest.json", json.dumps(described, ensure_ascii=False, indent=1) + "\n")
    write(out_dir / "README.md", manifest_markdown(described))
    print(f"wrote {len(decisions)} decisions × 4 formats to {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
