"""DocumentResults → CSV files and datapackage.json, written atomically.

Everything is built in a temporary folder inside ``out/``, flushed to disk, and moved into
place file by file with ``os.replace``: each output file is the previous run's or this run's,
whole, whenever the run is interrupted (a staging folder a killed run left is removed by the
next). Rows come out in input order and nothing depends on the clock, so a re-run writes the
same bytes.

CSV cells keep the exact text the decision printed: a CSV is data, and an agency printed as
``=HYPERLINK(…)`` or ``<script>…</script>`` is kept as those characters, quoted by the csv
module where needed, never evaluated here. Escaping for a spreadsheet (a leading ``'`` before
``= + - @``) or for HTML belongs to the exports made for those programs, not to the data.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.errors import OutputError
from pipeline.index import table_index
from pipeline.models import DocumentResult, Entry, Flag, Provenance, Table, Value
from pipeline.parse import format_decimal
from pipeline.reconcile import computed_total, total_rule
from pipeline.schema import columns, datapackage

Row = dict[str, Any]


def cell(value: Any) -> str:
    """One CSV cell: canonical decimals, ISO dates, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _number(value: Value | None) -> Decimal | None:
    return value.number if value is not None else None


def _where(at: Provenance | None) -> Row:
    if at is None:
        return {}
    bbox = ",".join(f"{v:.2f}" for v in at.bbox) if at.bbox else None
    return {
        "page": at.page,
        "line": at.line,
        "bbox": bbox,
        "method": at.method,
        "confidence": at.confidence,
    }


def document_row(result: DocumentResult) -> Row:
    meta = result.metadata
    return {
        "doc_id": result.doc_id,
        "source_file": result.source_file,
        "sha256": result.sha256,
        "format": result.format,
        "method": result.method,
        "pages": result.pages,
        "issuer": meta.issuer,
        "province": meta.province,
        "decision_number": meta.decision_number,
        "decision_date": meta.decision_date,
        "evaluation_year": meta.evaluation_year,
        "signer": meta.signer,
        "title": meta.title,
        "status": result.status,
        "error": result.error,
        "signer_title": meta.signer_title,
        "doc_type": meta.doc_type,
        "tables": None if result.status == "failed" else len(result.tables),
        "entries": None
        if result.status == "failed"
        else sum(len(t.entries) for t in result.tables),
        "errors": sum(f.severity == "error" for f in result.flags),
        "warnings": sum(f.severity == "warning" for f in result.flags),
        "source_parts": " | ".join(result.parts) or None,
        "encoding": result.encoding,
    }


def table_row(result: DocumentResult, table: Table) -> Row:
    return {
        "doc_id": result.doc_id,
        "table_index": table.index,
        "section": table.section,
        "level": table.level,
        "total_max": table.total_max,
        "components": len(table.components()),
        "has_rank": table.has_role("rank"),
        "has_band": any(entry.band_printed for entry in table.entries),
        "entries": len(table.entries),
        "pages": " ".join(str(page) for page in table.pages),
        "grids": table.grids,
        "index": table_index(table, result.metadata),
        "total_rule": total_rule(table).describe(),
    }


def entry_row(result: DocumentResult, table: Table, index: int, entry: Entry) -> Row:
    match = entry.match
    return {
        "doc_id": result.doc_id,
        "source_file": result.source_file,
        "table_index": table.index,
        "section": table.section,
        "row_number": entry.number,
        "agency_raw": entry.agency_raw,
        "agency_canonical": match.canonical if match else None,
        "admin_code": match.admin_code if match else None,
        "match_score": round(match.score, 1) if match and match.score is not None else None,
        "match_status": match.status if match else "unmatched",
        "band": entry.band,
        "total": _number(entry.total),
        "total_computed": computed_total(entry),
        "rank": _number(entry.rank),
        "level": table.level,
        "agency_id": match.agency_id if match else None,
        "band_printed": entry.band_printed,
        "entry_index": index,
        **_where(entry.at),
        "row_max": _number(entry.row_max),
        "percent": _number(entry.percent),
    }


def component_rows(result: DocumentResult, table: Table, index: int, entry: Entry) -> Iterator[Row]:
    for position, (column, value) in enumerate(
        zip(table.components(), entry.components, strict=True), start=1
    ):
        yield {
            "doc_id": result.doc_id,
            "table_index": table.index,
            "row_number": entry.number,
            "component_index": position,
            "component_label": column.label,
            "component_key": column.key,
            "max_points": column.max_points,
            "value": _number(value),
            "value_printed": value.printed if value else None,
            "entry_index": index,
            **_where(value.at if value else entry.at),
        }


def flag_row(result: DocumentResult, flag: Flag) -> Row:
    return {
        "doc_id": flag.doc_id,
        "source_file": result.source_file,
        "table_index": flag.table_index,
        "row_number": flag.row_number,
        "check": flag.check,
        "severity": flag.severity,
        "expected": flag.expected,
        "actual": flag.actual,
        "message": flag.message,
        **_where(flag.at),
        "entry_index": flag.entry_index,
    }


def rows_by_table(results: Iterable[DocumentResult]) -> dict[str, list[Row]]:
    """Every output row, grouped by output table."""
    rows: dict[str, list[Row]] = {name: [] for name in ("documents", "tables", "entries")}
    rows.update(components=[], flags=[], review=[])
    for result in results:
        rows["documents"].append(document_row(result))
        for table in result.tables:
            rows["tables"].append(table_row(result, table))
            for index, entry in enumerate(table.entries, start=1):
                rows["entries"].append(entry_row(result, table, index, entry))
                rows["components"].extend(component_rows(result, table, index, entry))
        rows["flags"].extend(flag_row(result, flag) for flag in result.flags)
        rows["review"].extend(result.review)
    return rows


def write_csv(path: Path, names: list[str], rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([cell(row.get(name)) for name in names])
        handle.flush()
        os.fsync(handle.fileno())


STAGING_PREFIX = ".decisions-"


def _remove_stale_staging(out_dir: Path) -> None:
    """Staging folders of runs killed before they finished."""
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def write_outputs(results: list[DocumentResult], out_dir: Path) -> list[Path]:
    """Write every CSV and datapackage.json into ``out_dir``; returns the paths written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    except OSError as err:
        raise OutputError(f"cannot write to {out_dir}: {err.strerror}") from err
    try:
        for name, rows in rows_by_table(results).items():
            write_csv(staging / f"{name}.csv", columns(name), rows)
        descriptor = json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n"
        (staging / "datapackage.json").write_text(descriptor, encoding="utf-8")
        written = []
        for staged in sorted(staging.iterdir()):
            staged.replace(out_dir / staged.name)
            written.append(out_dir / staged.name)
        return written
    except OSError as err:
        raise OutputError(f"cannot write to {out_dir}: {err.strerror}") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
