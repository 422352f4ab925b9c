"""What one seed draws: a decision with its tables, rows and planted error, before rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .numbers import Rule
from .wording import Label

# Column roles. rank_total: "01 (0,727)", a rank and a score in one cell.
ROLES = ("row_number", "agency", "component", "total", "rank", "band", "rank_total", "row_max",
         "percent")  # fmt: skip


@dataclass(frozen=True)
class Column:
    role: str
    label: Label  # printed lines of the header cell, without the maximum
    maximum: Decimal | None = None  # a component's or the total's maximum
    index: int = 0  # a component's position among the components


@dataclass(frozen=True)
class Row:
    """One unit's figures (None: not printed). ``group``: heading printed before this row."""

    name: str
    number: int | None = None
    components: tuple[Decimal | None, ...] = ()
    total: Decimal | None = None
    rank: int | None = None
    band: str | None = None
    row_max: Decimal | None = None
    percent: Decimal | None = None
    group: tuple[str, str] | None = None  # ("I", "Các sở, ban, ngành tỉnh")

    @property
    def empty(self) -> bool:
        return self.total is None and self.rank is None and not any(self.components)


@dataclass(frozen=True)
class Table:
    caption: str | None
    level: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    places: int  # decimals of every score
    comma: bool  # decimal comma (else point)
    top: Decimal  # the total's maximum
    rule: Rule | None  # how the total follows the components (None: no components or total)
    header: str  # one | group (a group header over the components) | none
    group_label: Label = ()
    maxima: str = "label"  # label "(20)" | row (a "Điểm tối đa" row) | none
    pad_rank: bool = False  # "01"
    ranked: bool = True  # rows in order of score (else by name or region: no rank)
    stated_bands: bool = False  # the decision states the band thresholds

    def has(self, role: str) -> bool:
        return any(column.role == role for column in self.columns)


@dataclass(frozen=True)
class Plant:
    """A planted wrong figure: the row (position in its table) and the check it must raise."""

    table: int
    row: int
    check: str
    cell: str  # which cell was changed: "component 3", "rank", "band"


@dataclass(frozen=True)
class Decision:
    seed: int
    doc_type: str
    letterhead: tuple[str, ...]
    number: str  # "512/QĐ-UBND"
    place_date: str
    title: str  # as printed
    authority: str
    bases: tuple[str, ...]
    articles: tuple[str, ...]  # Điều 1 … bodies; the tables follow Điều 1 or the appendix
    signer_title: tuple[str, ...]
    signer: str
    tables: tuple[Table, ...]
    metadata: dict[str, object] = field(default_factory=dict)  # what a reader must find
    appendix: tuple[str, ...] = ()  # heading lines of an appendix holding the tables
    planted: tuple[Plant, ...] = ()
    cut: int | None = None  # the text ends inside the last row, after this many cells
