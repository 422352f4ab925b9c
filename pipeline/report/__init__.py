"""``decisions report``: one static HTML page to review the dataset beside its sources.

Per decision: its metadata, sources and tables as printed, every flag with the cells involved
highlighted, and for values read by OCR a crop of the scanned row (embedded as PNG). Filters by
province, year, index and check; opens from disk, no server, every value escaped. Documents
without a ranking table are listed apart, with what they say of themselves.
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
from pipeline.report.crop import crop_row, page_image, parse_bbox
from pipeline.store import read

__all__ = ["render_report", "write_report"]


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


def crops(con: duckdb.DuckDBPyConnection, flags: list[read.Row]) -> dict[int, str]:
    """Base64 PNG crops of the scanned rows flags point at, by the flag's position."""
    found: dict[int, str] = {}
    pages: dict[tuple[str, int], tuple[bytes, float]] = {}
    for number, flag in enumerate(flags):
        box = parse_bbox(_row_box(con, flag))
        source = Path(flag["source_file"] or "")
        if flag["method"] != "ocr" or box is None or not flag["page"] or not source.is_file():
            continue
        key = (str(source), int(flag["page"]))
        try:
            if key not in pages:
                pages[key] = page_image(source, key[1])
            image, width = pages[key]
            found[number] = base64.b64encode(crop_row(image, box, width)).decode("ascii")
        except (OSError, ValueError, IndexError):
            continue  # the page is not there any more: the flag is shown without its crop
    return found


def decision_section(con: duckdb.DuckDBPyConnection, decision: read.Row, lang: str) -> str:
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
        f"{''.join(page.printed_table(t, lang) for t in tables)}"
        f"{page.flag_list(flags, crops(con, flags), lang)}</section>"
    )


def render_report(con: duckdb.DuckDBPyConnection, lang: str = DEFAULT_LANGUAGE) -> str:
    """The whole page as text."""
    decisions = read.decisions(con)
    sections = [decision_section(con, d, lang) for d in decisions]
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
