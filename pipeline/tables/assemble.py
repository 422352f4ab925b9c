"""Grids of a document → ranking tables.

Reads each grid's header (see header.py), sorts its rows into band rows ("MỨC TỐT"), section
rows ("II. UBND các huyện"), summary rows ("Tổng cộng") and entries, gives each table the section
caption printed above it and the level that caption names, and joins a table cut by a page break:
a grid with the same columns and no new caption continues the table before it, whether or not
its header was repeated.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from pipeline import vocabulary as vocab
from pipeline.match.keys import infer_level
from pipeline.models import Column, Document, Entry, Line, Table
from pipeline.parse import parse_number
from pipeline.settings import TableSettings
from pipeline.tables.continued import continues_headless, continues_repeated, data_rows, name_tail
from pipeline.tables.entries import build_entries
from pipeline.tables.formats import with_number_formats
from pipeline.tables.header.columns import (
    count_header_rows,
    header_names_ranking,
    headless_columns,
    is_maxima_row,
    named_first,
    read_columns,
    split_rank_scores,
    split_stuck_ranks,
)
from pipeline.tables.header.groups import dated_groups, group_roles
from pipeline.tables.header.sections import split_sections
from pipeline.tables.header.stated import with_stated_rules
from pipeline.tables.records.grid import with_records
from pipeline.tables.roles.infer import Roles, infer_roles, total_by_rule
from pipeline.tables.roles.order import ORDER_PROOF
from pipeline.tables.roles.score_ranks import scores_with_ranks


@dataclass(slots=True)
class _Draft:
    """A table being assembled from one or more grids."""

    section: str | None
    columns: tuple[Column, ...]
    rows: list[Line] = field(default_factory=list)
    grids: int = 1
    doubt: str | None = None  # two readings of the columns fit the numbers equally well
    hints: tuple[Column, ...] = ()  # the columns as the header (or none) gave them


@dataclass(slots=True)
class _Piece:
    """One grid and the prose lines printed between it and the grid before."""

    rows: list[Line]
    prose: list[Line]


@dataclass(frozen=True, slots=True)
class TableScan:
    """The ranking tables of a document, and the grids with numbers that were not read."""

    tables: tuple[Table, ...]
    passed_over: tuple[Line, ...]  # first row of each such grid, for a flag with its place


def find_tables(document: Document, settings: TableSettings = TableSettings()) -> tuple[Table, ...]:
    """Every ranking table of a document, in printed order, joined across page breaks."""
    return scan_tables(document, settings).tables


def scan_tables(document: Document, settings: TableSettings = TableSettings()) -> TableScan:
    """Ranking tables, and the grids holding numbers that could not be read as one."""
    drafts: list[_Draft] = []
    passed_over = []
    lines = with_records(document.lines())
    for piece in _headers_carried(_pieces(lines)):
        taken = _take_piece(piece, drafts, settings)
        if not taken and len(data_rows(piece.rows)) >= 2:
            passed_over.append(piece.rows[0])
    prose = [line.text for line in lines if not line.cells]
    _totals_pooled(drafts)
    tables = with_number_formats(_assemble(drafts))  # "2.095" among "11.115.000" is 2095
    return TableScan(with_stated_rules(tables, prose), tuple(passed_over))


def _assemble(drafts: list[_Draft]) -> tuple[Table, ...]:
    """Tables from drafts, split at section rows, numbered from 1."""
    tables: list[Table] = []
    for draft in drafts:
        for section, rows in split_sections(draft.section, draft.rows, draft.columns):
            entries = build_entries(rows, draft.columns)
            if entries:
                tables.append(_to_table(len(tables) + 1, section, draft, entries))
    return tuple(tables)


def _pieces(lines: list[Line]) -> list[_Piece]:
    pieces: list[_Piece] = []
    prose: list[Line] = []
    current_grid: int | None = None
    for line in lines:
        if line.grid is None:
            prose.append(line)
            current_grid = None
        elif line.grid == current_grid:
            pieces[-1].rows.append(line)
        else:
            pieces.append(_Piece([line], prose))
            prose, current_grid = [], line.grid
    return pieces


def _headers_carried(pieces: list[_Piece]) -> list[_Piece]:
    """A grid of header rows alone (its maxima row too) at a page's foot, or set apart from
    its rows by the page's layout, its rows in the next grid (nothing printed between them but
    a page number), as one grid: the header goes on over the rows of its width."""
    out: list[_Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        between = all(parse_number(line.text) is not None for line in piece.prose)
        if (
            last is not None
            and between
            and not [row for row in data_rows(last.rows) if not is_maxima_row(row)]
            and data_rows(piece.rows)
            and len(last.rows[-1].cells) == len(piece.rows[0].cells)
        ):
            out[-1] = _Piece([*last.rows, *piece.rows], last.prose)
            continue
        out.append(piece)
    return out


def _caption(prose: list[Line], settings: TableSettings) -> str | None:
    """The section caption printed just above a grid, if any: a section's heading, or a year
    alone on its line ("Năm 2017") right above it, between two years' rankings."""
    for line in reversed(prose[-settings.max_caption_gap :]):
        if vocab.is_section_caption(line.text):
            return line.text.rstrip(" :")
    last = prose[-1].text.strip(" :") if prose else ""
    return last if vocab.YEAR_CELL.match(vocab.fold(last)) else None


def _take_piece(piece: _Piece, drafts: list[_Draft], settings: TableSettings) -> bool:
    """Start a table with this grid or continue the last one with it; False: passed by
    (True also for a grid recognised as not a ranking, which is left alone)."""
    caption = _caption(piece.prose, settings)
    rows = split_rank_scores(scores_with_ranks(piece.rows))
    piece = _Piece(split_stuck_ranks(rows), piece.prose)
    header_count = count_header_rows(piece.rows, settings)
    last = drafts[-1] if drafts else None
    if header_count == 1 and last and caption is None and name_tail(last, piece.rows):
        header_count = 0  # the end of the last name, cut by the page break: no header
    body = piece.rows[header_count:]
    data = data_rows(body)  # classified once: each row's cells are parsed to decide
    if len(data) < max(settings.min_data_rows, 1):
        return False
    if not header_count and last and caption is None and continues_headless(last, piece.rows):
        _extend(last, body)
        return True
    if header_count:
        columns = read_columns(piece.rows[:header_count], data, settings)
    else:
        columns = headless_columns(data, settings)
    columns = named_first(columns, [line.text for line in piece.prose], data, settings)
    if _is_time_series(columns, data):
        return True  # one unit's figures over the years: left alone, and no finding
    roles = infer_roles(columns, body)
    groups = [] if roles.series else dated_groups(columns)
    if groups and any(c.role == "agency" for c in roles.columns):
        drafts.extend(_group_drafts(caption, columns, body, groups))
        return True
    series = roles.series and any(c.role == "agency" for c in roles.columns)
    if not series and not header_names_ranking(roles.columns):
        return False
    if roles.series:
        drafts.extend(_series_drafts(caption, roles, body))
    elif (
        header_count and last and caption is None and continues_repeated(last, roles.columns, body)
    ):
        last.rows.extend(body)
        last.grids += 1
    else:
        drafts.append(_Draft(caption, roles.columns, list(body), doubt=roles.doubt, hints=columns))
    return True


def _totals_pooled(drafts: list[_Draft]) -> None:
    """Tables printed under one header (the years of one ranking): where a table's rows are
    too few for a rule of its scores to show which column is the total (ten weights fit any
    column over ten rows), the rows of all of them read together show it, and each table
    whose own rows show no rule takes that total."""
    done: set[int] = set()
    for draft in drafts:
        same = [d for d in drafts if d.hints and _header_of(d) == _header_of(draft)]
        if len(same) < 2 or id(draft) in done:
            continue
        done.update(id(d) for d in same)
        pooled = infer_roles(draft.hints, [row for d in same for row in d.rows])
        if pooled.series or not total_by_rule(pooled.columns, [r for d in same for r in d.rows]):
            continue
        scored = {c.index: c.role for c in pooled.columns if c.role in ("total", "component")}
        for own in same:
            if _scores_of(own) != scored and not total_by_rule(own.columns, own.rows):
                own.columns = tuple(
                    replace(c, role=scored[c.index]) if c.index in scored else c
                    for c in own.columns
                )
                own.doubt = pooled.doubt  # its own doubt was of the total the rows now show


def _header_of(draft: _Draft) -> tuple[tuple[str, str], ...]:
    return tuple((c.label, c.role) for c in draft.hints)


def _scores_of(draft: _Draft) -> dict[int, str]:
    return {c.index: c.role for c in draft.columns if c.role in ("total", "component")}


def _extend(draft: _Draft, body: list[Line]) -> None:
    """A table continued by a grid without a header; when its first page was too short to
    settle the roles (or left them in doubt), they are read again over all its rows."""
    short = len(data_rows(draft.rows)) < ORDER_PROOF
    draft.rows.extend(body)
    draft.grids += 1
    if not draft.hints or not (short or draft.doubt):
        return
    roles = infer_roles(draft.hints, draft.rows)
    found_total = any(c.role == "total" for c in roles.columns)
    had_total = any(c.role == "total" for c in draft.columns)
    kept_total = found_total or not had_total  # all the rows lose no total the first found
    if not roles.series and (
        (short and kept_total) or roles.doubt is None or (found_total and not had_total)
    ):
        draft.columns, draft.doubt = roles.columns, roles.doubt


def _series_drafts(caption: str | None, roles: Roles, body: list[Line]) -> list[_Draft]:
    """One table per ranking printed side by side, captioned by its header ("Năm 2017"); the
    one ranked by the row count, or printed without ranks, carries the roles' doubt (the
    count read as its rank or as the STT, ``roles.counting``)."""
    drafts = []
    ranks = {rank for _, rank in roles.series if rank is not None}
    counts = {c.index for c in roles.columns if c.role == "row_number"}
    for score, rank in roles.series:
        own = {score: "total"} | ({rank: "rank"} if rank is not None else {})
        columns = tuple(_series_column(c, own, ranks) for c in roles.columns)
        column = next(c for c in columns if c.index == score)
        label = " ".join(part for part in (column.group, column.label) if part)
        section = " – ".join(part for part in (caption, label) if part) or None
        doubt = roles.doubt if rank is None or rank in counts else None
        drafts.append(_Draft(section, columns, list(body), doubt=doubt))
    return drafts


def _group_drafts(
    caption: str | None,
    columns: tuple[Column, ...],
    body: list[Line],
    groups: list[tuple[int, ...]],
) -> list[_Draft]:
    """One table per year of a header dating groups of columns ("2011" over three figures)."""
    drafts = []
    for group in groups:
        roles = group_roles(columns, body, group)
        year = next(c.group for c in columns if c.index == group[0])
        section = " – ".join(part for part in (caption, year) if part) or None
        drafts.append(_Draft(section, roles.columns, list(body), doubt=roles.doubt))
    return drafts


def _series_column(column: Column, own: dict[int, str], ranks: set[int]) -> Column:
    if column.index in own:
        return replace(column, role=own[column.index])
    if column.role in ("total", "component", "rank", "number") or column.index in ranks:
        return replace(column, role="other")  # another year's figures
    return column


def _is_time_series(columns: tuple[Column, ...], data: list[Line]) -> bool:
    """One unit's figures over the years ("Năm | Chỉ số | Xếp hạng"), which ranks no units:
    a "Năm" column holding years, rows named by a year, or one name on every row."""
    for column in columns:
        texts = [
            vocab.fold(r.cells[column.index - 1].text) for r in data if column.index <= len(r.cells)
        ]
        years = bool(texts) and all(vocab.YEAR_CELL.match(text) for text in texts)
        if years and (column.role == "agency" or vocab.YEAR_LABEL.match(vocab.fold(column.label))):
            return True
        if column.role == "agency" and len(texts) >= 2 and len(set(texts)) == 1:
            return True
        if years and len(texts) >= 2 and len(set(texts)) == len(texts) and column.label == "":
            return True  # an unlabelled column of years, one row a year
    return False


def _to_table(index: int, section: str | None, draft: _Draft, entries: tuple[Entry, ...]) -> Table:
    total = next((c for c in draft.columns if c.role == "total"), None)
    level = vocab.level_of_caption(section) if section else None
    return Table(
        index=index,
        section=section,
        level=level or _level_from_names([entry.agency_raw for entry in entries]),
        columns=draft.columns,
        entries=entries,
        pages=tuple(sorted({entry.at.page for entry in entries})),
        total_max=total.max_points if total else None,
        grids=draft.grids,
        role_doubt=_with_rows_doubt(draft.doubt, draft.rows),
    )


def _with_rows_doubt(doubt: str | None, rows: list[Line]) -> str | None:
    """The table's doubt of its roles, and its records' of which name each figure is."""
    own = next((row.doubt for row in rows if row.doubt), None)
    return "; ".join(part for part in (doubt, own) if part) or None


def _level_from_names(names: list[str]) -> str | None:
    """The level most of a table's unit names point to, when no caption names one."""
    levels = Counter(level for name in names if (level := infer_level(name)))
    if not levels:
        return None
    level, count = levels.most_common(1)[0]
    return level if count * 2 > len(names) else None
