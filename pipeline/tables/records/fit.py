"""A header's labels judged against what the numbers of the records under it say of their
columns: a reading is kept when its words confirm a column's role at least once and name no
column as what its numbers are not (``header_fits``), and of several, the one whose labels
name the most columns (``named_right``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline import vocabulary as vocab
from pipeline.ingest.text.cell_header import maxima_hold
from pipeline.models import Cell, Column, Line
from pipeline.parse import is_year, parse_number, split_max
from pipeline.settings import TableSettings
from pipeline.tables.header.columns import headless_columns, mostly_rank_scores, read_columns
from pipeline.tables.roles.infer import infer_roles


@dataclass(frozen=True, slots=True)
class Counted:
    """The records as the header is judged against them: their cells' texts and the roles
    their numbers give (read once, whatever number of header readings is tried)."""

    records: list[Line]
    texts: list[list[str]]
    roles: tuple[Column, ...]

    @classmethod
    def of(cls, records: list[Line]) -> Counted:
        texts = [[cell.text for cell in record.cells] for record in records]
        roles = infer_roles(headless_columns(records, TableSettings()), records).columns
        paired = {k for k in range(len(texts[0]) if texts else 0) if mostly_rank_scores(records, k)}
        roles = tuple(replace(c, role=RANK_SCORE) if c.index - 1 in paired else c for c in roles)
        return cls(records, texts, roles)


RANK_SCORE = "rank_score"  # a rank and its score in one cell ("01 (91,8)"): both, to a label


def named_right(labels: list[str], counted: Counted) -> int:
    """How many labels name, by their own words, the role the numbers give their column."""
    return sum(
        _named(label) in _SAME.get(column.role, {column.role})
        for label, column in zip(labels, counted.roles, strict=False)
    )


def names_a_figure(labels: list[str], counted: Counted) -> bool:
    """Whether a label over a column of figures names, by its words or its printed maximum,
    what the numbers say that column is: a header cut from a first name ("Thành phố Hồ" |
    "Chí Minh") has a unit's words ("Thành phố") over the names and no word over the figures."""
    return any(
        column.role != "agency"
        and (
            _named(label) in _SAME.get(column.role, {column.role})
            or _bounds(label, column.role)
            or (column.role == RANK_SCORE and _named(label) in ("rank", "total"))
        )
        for label, column in zip(labels, counted.roles, strict=False)
    )


def _named(label: str) -> str | None:
    """The role a label's own words name, whatever its column holds."""
    folded = vocab.fold(label)
    if vocab.ordinal_label(label):
        return "rank"
    if _band_words(folded):
        return "band"
    if vocab.says(vocab.TOTAL, folded) or vocab.TOTAL_FIRST.match(folded):
        return "total"
    if vocab.AGENCY.search(folded) or vocab.UNIT_LABEL.match(folded):
        return "agency"
    return None


def header_fits(cells: list[str], counted: Counted) -> bool:
    """Header words that agree with what the numbers say of their columns, at least once and
    never against them (a caption over a column of ranks is no "Kết quả" column)."""
    if not maxima_hold(cells, counted.texts):
        return False  # the labels are not over their columns
    at = counted.records[0].at
    header = Line(" | ".join(cells), at, tuple(Cell(text, at) for text in cells), 0)
    hinted = read_columns([header], counted.records, TableSettings())
    agree = False
    for cell, hint, numbers in zip(cells, hinted, counted.roles, strict=False):
        if _against(hint.role, numbers.role) or _words_against(hint.label, numbers.role):
            return False
        agree = agree or _confirms(hint, numbers.role) or _bounds(cell, numbers.role)
    return agree


def _bounds(cell: str, counted: str) -> bool:
    """A label's printed maximum ("(15)") over a column the numbers call a score: the
    maxima already hold over their columns (``maxima_hold``), so the label stands over
    scores whatever its words ("Infrastructure (14)")."""
    return counted in _SCORES and split_max(cell)[1] is not None


_ORDINALS = frozenset({"rank", "row_number"})
_SCORES = frozenset({"total", "component", "number"})
_SAME = {"rank": _ORDINALS, "row_number": _ORDINALS}  # a count named by either word


def _against(hint: str, counted: str) -> bool:
    if hint == "number" or (counted == RANK_SCORE and hint in _SCORES | _ORDINALS):
        return False  # a rank with its score: a total's words or a rank's name it
    if hint in _SCORES:
        return counted in _ORDINALS or counted == "band"
    if hint in _ORDINALS:
        return counted not in _ORDINALS
    return hint == "band" and counted != "band"


def _words_against(label: str, counted: str) -> bool:
    """Whether a label's own words name what the numbers say its column is not, whatever
    the hint made of them beside its cells: a score's or a rank's words over the names, a
    unit's ("Tên đơn vị") or a band's ("Xếp loại") over a column of numbers."""
    folded = vocab.fold(label)
    if counted == "agency":
        return bool(vocab.says(vocab.TOTAL, folded)) or vocab.ordinal_label(label)
    if counted in _ORDINALS | _SCORES and _band_words(folded):
        return True  # "Xếp loại" over numbers: the band's label is further on
    return counted in _ORDINALS | _SCORES and bool(vocab.UNIT_LABEL.match(folded))


def _band_words(folded: str) -> bool:
    """A band's label, its marks mistyped only when it is more than one word ("Xêp loại"):
    one word without its marks is another word as well ("Mục" is "Mức")."""
    if vocab.BAND_LABEL.search(folded):
        return True
    return len(folded.split()) > 1 and bool(vocab.says(vocab.BAND_LABEL, folded))


def _confirms(hint: Column, counted: str) -> bool:
    if counted == RANK_SCORE:  # its cells read as words beside the label: the words decide
        folded = vocab.fold(hint.label)
        return bool(vocab.says(vocab.TOTAL, folded) or vocab.says(vocab.RANK, folded))
    if hint.role == "agency":
        return counted == "agency" and bool(vocab.AGENCY.search(vocab.fold(hint.label)))
    if hint.role in ("number", "other", "text"):
        # words that name no role confirm nothing; a year over scores dates them
        return is_year_label(hint.label) and counted in _SCORES
    both = {hint.role, counted}
    return hint.role == counted or both <= _ORDINALS or both <= _SCORES


def is_year_label(text: str) -> bool:
    """Whether a label is a year alone ("2022"), which dates the scores under it."""
    number = parse_number(text)
    return is_year(number)
