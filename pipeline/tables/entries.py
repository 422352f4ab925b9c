"""Rows of a table body → entries: band rows give their band to the rows under them, footer
rows ("Tổng cộng") are left out, and a row holding only the rest of the name above is joined to it.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline import vocabulary as vocab
from pipeline.models import Cell, Column, Entry, Line, Value
from pipeline.parse import read_value
from pipeline.tables.header.columns import single_text


def build_entries(rows: list[Line], columns: tuple[Column, ...]) -> tuple[Entry, ...]:
    """Entries of a table body; a band row gives its band to the rows under it."""
    entries: list[Entry] = []
    band: tuple[str, str] | None = None  # (canonical, printed)
    for row in rows:
        text = single_text(row)
        if text is not None and (canonical := vocab.band_of(text)):
            band = (canonical, text)
            continue
        entry = _read_entry(row, columns, band)
        if entry is None:
            continue
        if _is_wrapped_name(entry, entries[-1] if entries else None):
            entry = _join_name(entries.pop(), entry)
        entries.append(entry)
    return tuple(_numbered_through(entries))


def _numbered_through(entries: list[Entry]) -> list[Entry]:
    """Rows holding only words, opening a page, where the numbering goes on past them (STT 2,
    a page break, a row of words alone, STT 3): the rest of the name above, wrapped at the page
    break ("Thành phố Phan" / "Rang-Tháp Chàm"), not a unit of its own."""
    out: list[Entry] = []
    for at, entry in enumerate(entries):
        following = entries[at + 1] if at + 1 < len(entries) else None
        previous = out[-1] if out else None
        through = (
            previous is not None
            and following is not None
            and previous.number is not None
            and following.number == previous.number + 1
            and entry.at.page != previous.at.page  # on the next page: a group heading is not
        )
        if through and previous is not None and _words_only(entry):
            out[-1] = _join_name(previous, entry)
        else:
            out.append(entry)
    return out


def _words_only(entry: Entry) -> bool:
    values = (entry.row_number, entry.total, entry.rank, *entry.components)
    return bool(entry.agency_raw) and all(value is None for value in values)


def _cell(row: Line, columns: tuple[Column, ...], role: str) -> Cell | None:
    column = next((c for c in columns if c.role == role), None)
    return row.cells[column.index - 1] if column and column.index <= len(row.cells) else None


def _value(row: Line, columns: tuple[Column, ...], role: str) -> Value | None:
    cell = _cell(row, columns, role)
    return read_value(cell.text, cell.at) if cell else None


def _read_entry(
    row: Line, columns: tuple[Column, ...], band: tuple[str, str] | None
) -> Entry | None:
    """One data row as an Entry; None for blank and summary rows."""
    agency = _cell(row, columns, "agency")
    agency_raw = agency.text if agency else ""
    if _is_summary(row, agency_raw) or not any(c.text for c in row.cells):
        return None
    components = tuple(
        read_value(row.cells[c.index - 1].text, row.cells[c.index - 1].at)
        for c in columns
        if c.role == "component"
    )
    band_cell = _cell(row, columns, "band")
    if band_cell is not None and band_cell.text:
        band = (vocab.band_of(band_cell.text) or "", band_cell.text)
    return Entry(
        row_number=_value(row, columns, "row_number"),
        agency_raw=agency_raw,
        components=components,
        total=_value(row, columns, "total"),
        rank=_value(row, columns, "rank"),
        band=(band[0] or None) if band else None,
        at=row.at,
        band_printed=band[1] if band else None,
        cut=row.cut,
        row_max=_value(row, columns, "row_max"),
        percent=_value(row, columns, "percent"),
    )


def _is_summary(row: Line, agency_raw: str) -> bool:
    """A footer row ("Tổng cộng", "Trung bình"), its label in the name or the STT cell."""
    labels = [agency_raw, row.cells[0].text if row.cells else ""]
    return any(vocab.SUMMARY_ROW.match(vocab.fold(label)) for label in labels if label)


def _is_wrapped_name(entry: Entry, previous: Entry | None) -> bool:
    """A row holding only the rest of the name above it ("Sở Văn hóa, Thể thao" / "và Du lịch").

    Only a continuation that starts in lower case or follows a dangling connective counts;
    any other row without numbers stays an entry of its own, so its blank cells get flagged.
    """
    values = (entry.row_number, entry.total, entry.rank, *entry.components)
    if previous is None or not entry.agency_raw or any(value is not None for value in values):
        return False
    dangling = previous.agency_raw.rstrip().endswith((",", "-", "–", "&", " và", " và các"))
    return entry.agency_raw[0].islower() or dangling


def _join_name(previous: Entry, wrapped: Entry) -> Entry:
    return replace(previous, agency_raw=f"{previous.agency_raw} {wrapped.agency_raw}")
