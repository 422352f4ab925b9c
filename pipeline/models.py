"""The data model: plain frozen dataclasses, no I/O and no parsing.

A reader turns a file into a ``Document`` (pages of lines, table rows carrying cells); the table
stage turns it into ``Table``s of ``Entry``s; reconciliation adds ``Flag``s; everything one
document yields travels as a ``DocumentResult``. Field names are the CSV column names.
Every printed value keeps its ``Provenance`` so a reviewer can find it on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

BBox = tuple[float, float, float, float]  # (x0, top, x1, bottom) in PDF points, origin top-left
# What a table prints in a cell it leaves empty: no value, never 0 (and never "unreadable").
BLANK_MARKS = frozenset(
    {"", "-", "–", "—", "x", "X", "/", "N/A", "n/a", "NA"}
)  # NA: not applicable


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where something was printed."""

    source_file: str
    page: int  # 1-based; 1 for formats without pages (text, HTML)
    bbox: BBox | None = None  # PDFs and images only
    line: int | None = None  # 1-based line of a text source, for a reviewer's editor
    method: str = "text"  # text | pdf | docx | html | ocr
    confidence: float | None = None  # OCR word confidence 0-100; None when read from a text layer
    # OCR only: other readings of the same cell (the digits pass where it disagreed with the
    # page pass); evidence for the constraint-aware correction, never output as the value.
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Word:
    """One word with its box (PDF, image) or just its page (other formats)."""

    text: str
    at: Provenance


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as printed.

    A merged cell keeps its text in its first (top-left) grid position; the positions it covers
    carry ``text=""`` and ``spanned=True``, so every row of a grid has the same width.
    """

    text: str  # NFC, markup stripped, runs of white space folded to one space
    at: Provenance
    spanned: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """A line of prose, or one row of a table when ``cells`` is set.

    Rows of one physical table share a ``grid`` id, unique within the document; a table cut by a
    page break is two grids that the table stage may join.
    """

    text: str
    at: Provenance
    cells: tuple[Cell, ...] = ()
    grid: int | None = None
    words: tuple[Word, ...] = ()
    cut: bool = False  # the text ends inside this row: its missing cells were never printed
    doubt: str | None = None  # its table's records pair names and figures two ways (records)

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    lines: tuple[Line, ...]
    width: float | None = None
    height: float | None = None
    method: str = "text"  # how this page's text was read: text | pdf | docx | html | ocr
    # | ocr-needed: no text layer, and OCR is not run (a scanned page)
    steps: tuple[str, ...] = ()  # OCR: how the image was prepared ("rotated 90", "deskewed 1.2")
    unread: tuple[str, ...] = ()  # OCR: regions that could not be read, said in one line each
    damage: str | None = None  # why part of this page could not be decoded (flag page_damaged)
    # legacy Vietnamese encodings decoded on this page ("tcvn3", "tcvn3+vni"), or "unsure": it
    # looks legacy but no chart reads it with confidence (flag legacy_encoding_unsure)
    encoding: str | None = None
    # OCR: the ink of each number cell by the cell's box (grey pixel arrays), for a second,
    # independent reading where the arithmetic leaves a number unconfirmed; never output
    crops: Mapping[BBox, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, read: NFC text in pages, nothing interpreted yet."""

    doc_id: str
    source_file: str
    sha256: str
    format: str  # txt | pdf | docx | doc | odt | rtf | xlsx | xls | ods | html | image
    pages: tuple[Page, ...]

    @property
    def method(self) -> str:
        """How the text was obtained: one page method, or "mixed"."""
        methods = {page.method for page in self.pages}
        return methods.pop() if len(methods) == 1 else ("mixed" if methods else self.format)

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def encoding(self) -> str:
        """The text's encoding: "unicode", the legacy ones decoded ("tcvn3", "tcvn3+vni"), or
        "unsure" (a legacy-looking text no chart read with confidence)."""
        found = {name for page in self.pages if page.encoding for name in page.encoding.split("+")}
        if "unsure" in found:
            return "unsure"
        return "+".join(sorted(found)) or "unicode"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the decision says about itself; a field the text lacks is None."""

    issuer: str | None = None  # full form: "Ủy ban nhân dân tỉnh Lào Cai"
    province: str | None = None  # whose units are ranked; None for a national ranking
    decision_number: str | None = None  # "512/QĐ-UBND"
    decision_date: date | None = None
    evaluation_year: int | None = None  # the year evaluated, not the year signed
    signer: str | None = None
    signer_title: str | None = None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    title: str | None = None
    doc_type: str | None = None  # QUYẾT ĐỊNH | BÁO CÁO | THÔNG BÁO | …


@dataclass(frozen=True, slots=True)
class Value:
    """One printed number and where it was printed."""

    printed: str  # exactly as read: "85,40"
    number: Decimal | None  # Decimal("85.40"); None for "", "-" or an unreadable cell
    at: Provenance

    @property
    def unreadable(self) -> bool:
        """Printed something, but not a number we can trust."""
        return self.number is None and self.printed.strip() not in BLANK_MARKS


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a ranking table, from its (possibly two-level) header."""

    index: int  # 1-based position in the grid
    label: str  # header text without the maximum: "Hạ tầng kỹ thuật CNTT"
    role: str  # row_number | agency | component | total | rank | band | row_max | percent | other
    key: str | None = None  # canonical component key, for components
    max_points: Decimal | None = None  # "(12)" → 12
    group: str | None = None  # upper header level: "Điểm thành phần (điểm tối đa)"
    # scale words its figures are printed with, when they change from row to row ("1,4 tỷ"
    # above "330 triệu"): the printed numbers cannot be compared with each other
    scales: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """Which registry identity an agency name resolved to, and how sure we are."""

    agency_id: str | None
    canonical: str | None
    admin_code: str | None
    score: float | None
    status: str  # exact | alias | fuzzy | review | unmatched
    runner_up: str | None = None
    runner_up_score: float | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One ranked unit: a data row of a table."""

    row_number: Value | None  # STT = row number
    agency_raw: str  # Tên đơn vị as printed (NFC, white space folded)
    components: tuple[Value | None, ...]  # aligned with Table.components()
    total: Value | None  # Tổng điểm = total
    rank: Value | None  # Xếp hạng = rank, as stated
    band: str | None  # Xếp loại / band row: canonical band name ("Tốt")
    at: Provenance  # the row
    band_printed: str | None = None  # as printed: "MỨC TỐT"
    match: Match | None = None
    cut: bool = False  # the text ends inside this row (a cut-off file)
    row_max: Value | None = None  # a per-row maximum column ("Điểm tối đa" of this unit)
    percent: Value | None = None  # total ÷ row_max as printed: the index the rows are ranked by

    @property
    def number(self) -> int | None:
        if self.row_number is None or self.row_number.number is None:
            return None
        value = self.row_number.number
        return int(value) if value == value.to_integral_value() else None


@dataclass(frozen=True, slots=True)
class NumberDoubt:
    """A column whose values read two ways ("2.095": 2.095 or 2095) and whose format nothing
    printed settles; its values are kept as decimals (see pipeline/numformat.py)."""

    column: str  # the column in words: "cột “Diện tích”", "cột thứ 4"
    printed: str  # the first such value, as printed
    as_decimal: Decimal
    as_thousands: Decimal
    at: Provenance


@dataclass(frozen=True, slots=True)
class BandRange:
    """A band threshold the decision states: "từ 80 đến dưới 90 điểm: Tốt"."""

    band: str  # canonical band name
    low: Decimal | None  # None: no lower bound
    high: Decimal | None  # None: no upper bound
    low_inclusive: bool = True  # "từ 80" includes 80, "trên 80" does not
    high_inclusive: bool = False  # "dưới 90" excludes 90, "đến 90" includes it

    def holds(self, total: Decimal) -> bool:
        above = self.low is None or total > self.low or (self.low_inclusive and total == self.low)
        below = (
            self.high is None or total < self.high or (self.high_inclusive and total == self.high)
        )
        return above and below


@dataclass(frozen=True, slots=True)
class Table:
    """One ranking table, joined across page breaks."""

    index: int  # 1-based within the document
    section: str | None  # caption above it: "I. Các cơ quan, đơn vị cấp tỉnh"
    level: str | None  # province_agency | district | commune | province | ministry
    columns: tuple[Column, ...]
    entries: tuple[Entry, ...]
    pages: tuple[int, ...]
    total_max: Decimal | None = None  # "Tổng điểm đạt được (100)" → 100
    grids: int = 1  # how many physical pieces were joined
    stated_weights: tuple[Decimal, ...] | None = None  # total = Σ weight·component, as stated
    stated_bands: tuple[BandRange, ...] = ()  # band thresholds the decision states
    role_doubt: str | None = None  # two readings of the columns fit the numbers equally well
    number_doubts: tuple[NumberDoubt, ...] = ()  # columns whose decimal mark is left open

    def components(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.role == "component")

    def has_role(self, role: str) -> bool:
        return any(column.role == role for column in self.columns)


@dataclass(frozen=True, slots=True)
class Flag:
    """A finding about the published table (data, not an error of ours)."""

    check: str  # sum_mismatch | over_max | rank_mismatch | …
    severity: str  # error | warning
    doc_id: str
    message: str  # in words a provincial official understands
    table_index: int | None = None
    row_number: int | None = None
    expected: str | None = None
    actual: str | None = None
    at: Provenance | None = None
    entry_index: int | None = None  # 1-based position of its entry in the table (rows unnumbered)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything one input file yielded; status "failed" carries a one-line error.

    status "no_table": read whole, no ranking table in it; its metadata is kept (a catalogue).
    """

    doc_id: str
    source_file: str
    sha256: str
    format: str | None
    method: str | None = None
    pages: int | None = None
    metadata: Metadata = field(default_factory=Metadata)
    tables: tuple[Table, ...] = ()
    flags: tuple[Flag, ...] = ()
    status: str = "ok"  # ok | no_table | failed
    error: str | None = None
    exit_code: int = 0  # of a failed document: 3 could not be read, 70 a bug (see errors.py)
    review: tuple[dict[str, str], ...] = ()  # review.csv rows: names the matcher could not decide
    parts: tuple[str, ...] = ()  # page images read as this one document, in page order
    encoding: str | None = None  # unicode | tcvn3 | vni | viqr | "tcvn3+vni" | unsure (Document)
