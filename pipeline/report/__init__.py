"""``decisions report``: one static HTML page to review the dataset beside its sources.

Per decision: its metadata, sources and tables as printed, every flag with the cells involved
highlighted, and for values read by OCR a crop of the scanned row (embedded as PNG). Filters by
province, year, index and check; opens from disk, no server, every value escaped. Documents
without a ranking table are listed apart, with what they say of themselves. Charts are inline
SVG (charts.py): per table the distribution of its totals with the flagged rows red, per agency
its total and rank over the years.
"""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

import duckdb

from pipeline.errors import OutputError
from pipeline.messages import DEFAULT_LANGUAGE, label
from pipeline.report import page
from pipeline.report.agencies import agencies_section, table_distribution
from pipeline.report.scans import ScannedPages, parse_bbox
from pipeline.store import read

__all__ = ["ScannedPages", "render_report", "row_crop", "write_report"]


def _options(con: duckdb.DuckDBPyConnection, decisions: list[read.Row]) -> dict[str, list[str]]:
    checks = con.execute('SELECT DISTINCT "check" FROM flags ORDER BY 1').fetchall()
    return {
        "province": sorted({d["province"] for d in decisions if d["province"]}),
        "year": sorted({str(d["evaluation_year"]) for d in decisions if d["evaluation_year"]}),
        "index": sorted({i for d in decisions for i in (d["indices"] or "").split()}),
        "check": [c for (c,) in checks],
    }


def _row_box(con: duckdb.DuckDBPyConnection, flag: read.Row) -> str | None:
    """The box of the whole row a flag is on (the flag's own box when the row has none)."""
    found = con.execute(
        "SELECT bbox FROM entries WHERE doc_id = ? AND table_index = ? AND row_number = ? "
        "AND bbox IS NOT NULL ORDER BY entry_index LIMIT 1",
        [flag["doc_id"], flag["table_index"], flag["row_number"]],
    ).fetchone()
    return found[0] if found else flag["bbox"]


def source_files(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[str, ...]:
    """The files a document's pages are in: its page files in order, else its one file."""
    found = con.execute(
        "SELECT source_file, source_parts FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    if found is None:
        return ()
    source_file, parts = found
    return tuple(parts.split(" | ")) if parts else (source_file,)


def row_crop(con: duckdb.DuckDBPyConnection, flag: read.Row, scans: ScannedPages) -> bytes | None:
    """PNG of the scanned row a flag is on (the page when it is on no row); None when the flag
    was not read by OCR or its source is not there to cut from."""
    if flag["method"] != "ocr" or not flag["page"]:
        return None
    box = parse_bbox(_row_box(con, flag)) if flag["row_number"] is not None else None
    files = source_files(con, flag["doc_id"])
    try:
        return scans.crop(files, int(flag["page"]), box or parse_bbox(flag["bbox"]))
    except ValueError:
        return None  # a box off the page: the flag is shown without its crop


def crops(
    con: duckdb.DuckDBPyConnection, flags: list[read.Row], scans: ScannedPages
) -> dict[int, list[tuple[str, str]]]:
    """By the flag's position: (source file, base64 PNG) of the scanned row in every source
    that raised it (one finding printed alike in two scans shows both rows)."""
    found: dict[int, list[tuple[str, str]]] = {}
    for number, flag in enumerate(flags):
        for raised in flag.get("each", [flag]):
            png = row_crop(con, raised, scans)
            if png is not None:
                encoded = base64.b64encode(png).decode("ascii")
                found.setdefault(number, []).append((raised["source_file"], encoded))
    return found


def decision_section(
    con: duckdb.DuckDBPyConnection, decision: read.Row, lang: str, scans: ScannedPages
) -> str:
    flags = read.flags(con, decision["decision_id"])
    tables = [read.mark(t, flags) for t in read.printed_tables(con, decision["doc_id"])]
    checks = " ".join(sorted({f["check"] for f in flags}))
    heading = (
        f"{label('decision', lang)} {decision['decision_number'] or ''} — {decision['issuer']}"
    )
    listed = page.sources(
        read.sources(con, decision["decision_id"]), decision["source_conflict"], lang
    )
    return (
        f'<section class="decision" id="d-{page.e(decision["decision_id"])}" '
        f'data-province="{page.e(decision["province"])}" '
        f'data-year="{page.e(decision["evaluation_year"])}" '
        f'data-index="{page.e(decision["indices"])}" data-check="{page.e(checks)}">'
        f"<h2>{page.e(heading)}</h2>{page.metadata(decision, lang)}"
        f"{listed}"
        f"{''.join(page.printed_table(t, lang) + table_distribution(t, lang) for t in tables)}"
        f"{page.flag_list(flags, crops(con, flags, scans), lang)}</section>"
    )


def render_report(con: duckdb.DuckDBPyConnection, lang: str = DEFAULT_LANGUAGE) -> str:
    """The whole page as text."""
    decisions = read.decisions(con)
    scans = ScannedPages()
    try:
        sections = [decision_section(con, d, lang, scans) for d in decisions]
    finally:
        scans.close()
    sections.append(agencies_section(con, lang))
    sections.append(page.catalogue(read.catalogued(con), lang))
    filters = page.filters(_options(con, decisions), lang)
    return page.document(label("title", lang), filters, sections, len(decisions), lang)


def write_report(con: duckdb.DuckDBPyConnection, path: Path, lang: str = DEFAULT_LANGUAGE) -> None:
    """Write the page atomically (a temporary file beside it, then a rename)."""
    text = render_report(con, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror}") from err
