"""decisions.xlsx: the panel as people read it, each decision's tables as printed, the flags.

Sheets are built as plain data (``Sheet``) and written by xlsxwriter. Every text is written as
a string, never a formula (a name starting with = + - @ stays text); a flagged cell is filled
and carries its flags' messages as a comment.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import xlsxwriter
from PIL import Image

from pipeline.messages import LABELS, label, message
from pipeline.report import ScannedPages, row_crop
from pipeline.store import read

Cell = str | int | float | Decimal | None


MAX_WIDTH_PX = 360  # autofit's ceiling (~50 characters): a long title wraps the column no wider
CROP_HEIGHT_PX = 40  # a scanned row's crop in its cell: about two text lines high
MAX_CROP_WIDTH_PX = 1200


@dataclass(frozen=True)
class Sheet:
    """One worksheet as data: rows of cells, the flagged cells' comments, its tables' places.

    ``tables``: (header row, last row, columns) of each table on the sheet; one table gets the
    sheet's autofilter, several (a decision's sections) each become an Excel table, which
    carries its own filter on its header.
    """

    name: str
    rows: list[list[Cell]]
    notes: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → comment
    header_rows: int = 1
    tables: tuple[tuple[int, int, int], ...] = ()
    images: dict[tuple[int, int], bytes] = field(default_factory=dict)  # crops of scanned rows
    captions: frozenset[int] = frozenset()  # title rows: written after the columns are fitted


def _whole(rows: list[list[Cell]], header: int) -> tuple[tuple[int, int, int], ...]:
    """The one table of a sheet whose rows from ``header`` on are a header and its data."""
    return ((header, max(header, len(rows) - 1), max(len(r) for r in rows[header:])),)


def sheet_title(index: str | None, level: str | None, lang: str) -> str:
    """ "DTI – cấp huyện" / "DTI – districts": a panel sheet's name in the chosen language."""
    words = LABELS[lang]
    named = words.get(f"index:{index}", (index or "").upper())
    return f"{named} – {words.get(f'level:{level}', level)}" if level else named


def sheet_name(text: str, taken: set[str]) -> str:
    """A unique worksheet name: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", "-", text).strip("'")[:31] or "Sheet"
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    taken.add(name.casefold())
    return name


def _notes_text(flags: list[read.Row], lang: str) -> str:
    return "\n".join(dict.fromkeys(f"[{f['check']}] {message(f, lang)}" for f in flags))


def panel_sheets(con: duckdb.DuckDBPyConnection, lang: str) -> Iterator[tuple[str, Sheet]]:
    """A sheet per index and level: agencies down, years across."""
    groups = con.execute('SELECT DISTINCT "index", level FROM panel ORDER BY 1, 2').fetchall()
    flags = flags_by_row(con)
    for index, level in groups:
        cells = read.rows(
            con,
            'SELECT * FROM panel WHERE "index" = ? AND level IS NOT DISTINCT FROM ? '
            "ORDER BY province NULLS LAST, agency_canonical, agency_id, evaluation_year",
            index,
            level,
        )
        yield sheet_title(index, level, lang), _panel_sheet(cells, flags, lang)


FlagsByRow = dict[tuple[str, int, int], list[read.Row]]


def flags_by_row(con: duckdb.DuckDBPyConnection) -> FlagsByRow:
    """Every flag on a row, by (decision, table, STT)."""
    found: FlagsByRow = {}
    for flag in read.rows(con, "SELECT * FROM flag_rows WHERE row_number IS NOT NULL"):
        key = (flag["decision_id"], flag["table_index"], flag["row_number"])
        found.setdefault(key, []).append(flag)
    return found


def _panel_sheet(cells: list[read.Row], flags: FlagsByRow, lang: str) -> Sheet:
    years = sorted({c["evaluation_year"] for c in cells if c["evaluation_year"] is not None})
    by_total = any(c["total"] is not None for c in cells)
    what = label("total", lang) if by_total else f"{label('rank', lang)} {label('rank_only', lang)}"
    header: list[Cell] = [label("unit", lang), label("province", lang), label("agency_id", lang)]
    rows: list[list[Cell]] = [[f"{label('values_are', lang)}: {what}"], header + list(years)]
    notes: dict[tuple[int, int], str] = {}
    agencies: dict[str, int] = {}
    for cell in cells:
        if cell["agency_id"] not in agencies:
            agencies[cell["agency_id"]] = len(rows)
            rows.append([cell["agency_canonical"], cell["province"], cell["agency_id"]]
                        + [None] * len(years))  # fmt: skip
        r = agencies[cell["agency_id"]]
        if cell["evaluation_year"] is None:
            continue
        c = 3 + years.index(cell["evaluation_year"])
        rows[r][c] = cell["total"] if by_total else cell["rank"]
        flagged = flags.get((cell["decision_id"], cell["table_index"], cell["row_number"]))
        if flagged:
            notes[(r, c)] = _notes_text(flagged, lang)
    return Sheet("", rows, notes, header_rows=2, tables=_whole(rows, 1), captions=frozenset({0}))


def decision_sheet(
    con: duckdb.DuckDBPyConnection, decision: read.Row, lang: str, scans: ScannedPages
) -> Sheet:
    """One decision's tables as printed, one under the other, flagged cells marked; a row read
    by OCR that a flag is on shows its crop of the scan in a last column."""
    flags = read.flags(con, decision["decision_id"])
    title = f"{label('decision', lang)} {decision['decision_number'] or ''} · {decision['issuer']}"
    rows: list[list[Cell]] = [[title], [f"{label('sources', lang)}: {decision['source_files']}"]]
    notes: dict[tuple[int, int], str] = {}
    images: dict[tuple[int, int], bytes] = {}
    places = []
    captions = [0, 1]
    for table in read.printed_tables(con, decision["doc_id"]):
        table = read.mark(table, flags)
        rows += [[], [f"{label('table', lang)} {table.table_index}: {table.section or ''}"]]
        captions.append(len(rows) - 1)
        keys = [key for key, _ in table.columns]
        header = len(rows)
        rows.append([label(text, lang) if key == text else text for key, text in table.columns])
        for entry in table.entries:
            rows.append([_shown(entry, key) for key in keys])
            marked = [(keys.index(k), fl) for (e, k), fl in table.marks.items()
                      if e == entry["entry_index"]]  # fmt: skip
            crop = _crop(con, [f for _c, fl in marked for f in fl], scans)
            if crop is not None:
                images[(len(rows) - 1, len(keys))] = crop
            for column, on_cell in marked:
                note = _notes_text(on_cell, lang)
                notes[(len(rows) - 1, column)] = note + (f"\n({label('crop_right', lang)})"
                                                         if crop else "")  # fmt: skip
        cropped = any(r > header and c == len(keys) for r, c in images)
        if cropped:
            rows[header].append(label("crop", lang))
        places.append((header, header + len(table.entries), len(keys) + cropped))
    return Sheet("", rows, notes, header_rows=0, tables=tuple(places), images=images,
                 captions=frozenset(captions))  # fmt: skip


def _crop(
    con: duckdb.DuckDBPyConnection, flags: list[read.Row], scans: ScannedPages
) -> bytes | None:
    """The first crop of the scan among a row's flags (all are on the same printed row)."""
    for flag in flags:
        for raised in flag.get("each", [flag]):
            png = row_crop(con, raised, scans)
            if png is not None:
                return png
    return None


def _shown(entry: read.Row, key: str) -> Cell:
    """A number as a number (85,40 → 85.4), anything else as printed."""
    number = entry["numbers"].get(key)
    return number if number is not None else entry["cells"].get(key)


_FLAG_COLUMNS = ("decision_id", "source_file", "table_index", "row_number", "agency_raw",
                 "check", "severity", "expected", "actual")  # fmt: skip


def flags_sheet(con: duckdb.DuckDBPyConnection, lang: str) -> Sheet:
    found = read.rows(con, "SELECT * FROM flag_rows ORDER BY decision_id, doc_id, table_index, "
                      'row_number, "check"')  # fmt: skip
    header: list[Cell] = [*_FLAG_COLUMNS, "message"]
    rows = [header] + [[f[c] for c in _FLAG_COLUMNS] + [message(f, lang)] for f in found]
    return Sheet("", rows, tables=_whole(rows, 0))


def decisions_sheet(con: duckdb.DuckDBPyConnection) -> Sheet:
    cursor = con.execute("SELECT * FROM decisions ORDER BY decision_id")
    header: list[Cell] = [d[0] for d in cursor.description]
    rows = [header] + [list(row) for row in cursor.fetchall()]
    return Sheet("", rows, tables=_whole(rows, 0))


def sheets(con: duckdb.DuckDBPyConnection, lang: str) -> list[Sheet]:
    """Every sheet of the workbook, named."""
    taken: set[str] = set()
    built = [(name, sheet) for name, sheet in panel_sheets(con, lang)]
    built.append((label("decisions", lang), decisions_sheet(con)))
    scans = ScannedPages()
    try:
        for decision in read.decisions(con):
            name = (
                decision["decision_number"] or f"{decision['issuer']} {decision['evaluation_year']}"
            )
            built.append((name, decision_sheet(con, decision, lang, scans)))
    finally:
        scans.close()
    built.append((label("flags", lang), flags_sheet(con, lang)))
    return [dataclasses.replace(s, name=sheet_name(name, taken)) for name, s in built]


def _write_cell(ws: Any, r: int, c: int, value: Any, fmt: Any) -> None:
    if value is None:
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, int | float | Decimal):
        ws.write_number(r, c, float(value), fmt)
    else:
        ws.write_string(r, c, str(value), fmt)  # never a formula, whatever it starts with


def write_workbook(path: Path, all_sheets: list[Sheet]) -> None:
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        flagged = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        bold = book.add_format({"bold": True})
        for sheet in all_sheets:
            ws = book.add_worksheet(sheet.name)
            cells = [r for r in range(len(sheet.rows)) if r not in sheet.captions]
            for r in cells:
                for c, value in enumerate(sheet.rows[r]):
                    note = sheet.notes.get((r, c))
                    fmt = flagged if note else (bold if r < sheet.header_rows else None)
                    _write_cell(ws, r, c, value, fmt)
                    if note:
                        ws.write_comment(r, c, note, {"x_scale": 3, "y_scale": 2})
            if sheet.header_rows:
                ws.freeze_panes(sheet.header_rows, 0)
            _filters(ws, sheet)
            ws.autofit(max_width=MAX_WIDTH_PX)  # on the tables' cells, not the titles above
            for r in sorted(sheet.captions):
                for c, value in enumerate(sheet.rows[r]):
                    _write_cell(ws, r, c, value, bold)
            _images(ws, sheet)


def _images(ws: Any, sheet: Sheet) -> None:
    """Each crop in its cell, scaled to CROP_HEIGHT_PX high, its row made as high."""
    widest = 0.0
    for (r, c), png in sorted(sheet.images.items()):
        with Image.open(io.BytesIO(png)) as image:
            width, height = image.size
        scale = min(1.0, CROP_HEIGHT_PX / height)
        ws.set_row(r, height * scale * 0.75 + 2)  # points
        ws.insert_image(r, c, f"crop-{r}.png", {"image_data": io.BytesIO(png), "x_scale": scale,
                        "y_scale": scale, "object_position": 1})  # fmt: skip
        widest = max(widest, width * scale)
    for c in {c for _r, c in sheet.images}:
        ws.set_column_pixels(c, c, min(widest + 8, MAX_CROP_WIDTH_PX))


def _filters(ws: Any, sheet: Sheet) -> None:
    """A filter on every table's header: the sheet's autofilter, or one Excel table each."""
    if len(sheet.tables) == 1:
        first, last, width = sheet.tables[0]
        ws.autofilter(first, 0, last, width - 1)
        return
    for first, last, width in sheet.tables:
        ws.add_table(first, 0, last, width - 1, {
            "autofilter": True, "style": "Table Style Light 1",
            "columns": [{"header": h} for h in unique_headers(sheet.rows[first], width)],
        })  # fmt: skip


def unique_headers(cells: list[Cell], width: int) -> list[str]:
    """An Excel table's header texts: strings, each once ("Khác", "Khác (2)")."""
    seen: dict[str, int] = {}
    headers = []
    for position in range(width):
        value = cells[position] if position < len(cells) else None
        text = str(value) if value not in (None, "") else f"({position + 1})"
        seen[text.casefold()] = seen.get(text.casefold(), 0) + 1
        headers.append(text if seen[text.casefold()] == 1 else f"{text} ({seen[text.casefold()]})")
    return headers
