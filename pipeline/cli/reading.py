"""The commands that read: ``extract`` (files to CSV), ``check`` (files' flags), ``match``."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import click

from pipeline.batch import (
    IMAGE_SUFFIXES,
    OFFICE_SUFFIXES,
    BatchSettings,
    DocumentLimits,
    Journal,
    Progress,
    plan,
    run_batch,
    walk,
)
from pipeline.batch.discover import SKIPPED
from pipeline.batch.journal import JOURNAL_FOLDER
from pipeline.batch.process import NO_TABLE
from pipeline.cli.group import batch_options, cli, input_arguments, registry_options, tell
from pipeline.emit import write_outputs
from pipeline.errors import ExitCode
from pipeline.ingest.office import check_office
from pipeline.lock import hold
from pipeline.match import candidates, match_names
from pipeline.models import DocumentResult
from pipeline.ocr import check_engine


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _read_all(
    inputs: tuple[Path, ...],
    overlay: Path | None,
    aliases: Path | None,
    run: dict[str, Any],
    out_dir: Path | None = None,
) -> list[DocumentResult]:
    """Run the batch, telling stderr about every document that failed.

    With ``out_dir`` the batch is journalled there, and documents already done are not read.
    """
    jobs = plan(walk(inputs, exclude=[out_dir] if out_dir else []))
    if not jobs:
        raise click.UsageError(
            "no decision files found "
            "(looked for .txt .md .pdf .docx .doc .odt .rtf .xlsx .xls .ods .html .png .jpg .tif)"
        )
    if any(job.path.suffix.lower() in IMAGE_SUFFIXES and not job.skip for job in jobs):
        check_engine()  # scans to read: say now, with exit code 4, if Tesseract is missing
    if any(job.path.suffix.lower() in OFFICE_SUFFIXES | {".ods"} and not job.skip for job in jobs):
        check_office()  # .doc, .odt, .rtf …: say now, with exit code 4, if LibreOffice is missing
    limits = DocumentLimits(time_s=run["time_limit"], memory_mb=run["memory_limit"])
    settings = BatchSettings(overlay=overlay, aliases=aliases, limits=limits)
    journal = Journal.open(out_dir, settings) if out_dir else None
    results = []
    batch = run_batch(
        jobs,
        settings,
        workers=run["workers"] or _cores(),
        scheduler=run["scheduler"],
        journal=journal,
        progress=Progress(mode=run["progress"]),
    )
    skipped = 0
    for result in batch:
        if result.status == "failed" and (result.error or "").startswith(SKIPPED):
            skipped += 1
        elif result.status == "failed":
            click.echo(f"{result.source_file}: failed: {result.error}", err=True)
        results.append(result)
    if skipped:
        click.echo(
            f"skipped {skipped} file(s) not in a decision format: see documents.csv", err=True
        )
    if journal:
        journal.prune(jobs)
    return results


def _exit_code(results: list[DocumentResult]) -> ExitCode:
    """The batch's code: the gravest of its documents' (70 a bug, 3 unreadable, 0 all read)."""
    return ExitCode(max((r.exit_code for r in results), default=ExitCode.ok))


@cli.command()
@input_arguments
@registry_options
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for documents.csv, tables.csv, entries.csv, components.csv, flags.csv.",
)
@batch_options
def extract(
    inputs: tuple[Path, ...],
    out_dir: Path,
    overlay: Path | None,
    aliases: Path | None,
    **run: Any,
) -> int:
    """Extract every decision under INPUT into CSV files in --out.

    Writes documents, tables, entries, components, flags and review.csv (names the matcher could
    not decide, with their best candidates: fill in chosen_id and pass the file back with
    --aliases). Exit 0 when every document was read (flags may exist), 3 when some could not be
    read (the rest are still written and documents.csv says why).

    \b
    Example:
        decisions extract samples/ --out out/
        decisions extract decision.pdf other.docx --out /tmp/rankings
        decisions extract samples/ --out out/ --aliases reviewed.csv
        decisions extract archive/ --out out/ --workers 8 --time-limit 120
        decisions extract archive/ --out out/ --scheduler tcp://10.0.0.5:8786

    Each document is journalled in --out as it finishes: run the same command again after a
    crash or Ctrl-C and only the documents not yet done are read.
    """
    with hold(out_dir / JOURNAL_FOLDER / "run.lock", f"{out_dir}/", notify=tell):
        results = _read_all(inputs, overlay, aliases, run, out_dir)
        written = write_outputs(results, out_dir)
    click.echo(summary(results))
    click.echo(f"wrote {', '.join(path.name for path in written)} to {out_dir}/")
    return _exit_code(results)


@cli.command()
@input_arguments
@registry_options
@click.option("--errors-only", is_flag=True, help="List error-level flags only.")
@batch_options
def check(
    inputs: tuple[Path, ...],
    errors_only: bool,
    overlay: Path | None,
    aliases: Path | None,
    **run: Any,
) -> int:
    """Check the tables of every decision under INPUT; exit 1 if one does not add up.

    Prints one line per flag: file, table, row (STT), check, severity and what is wrong.
    Exit 0 when no error-level flag was raised, 1 when one was, 3 when a document could not
    be read at all.

    \b
    Example:
        decisions check samples/
        decisions check decision.pdf --errors-only || echo "needs review"
    """
    results = _read_all(inputs, overlay, aliases, run)
    for result in results:
        for flag in result.flags:
            if errors_only and flag.severity != "error":
                continue
            where = f"table {flag.table_index}" if flag.table_index else "document"
            row = f" STT {flag.row_number}" if flag.row_number is not None else ""
            label = f"{flag.check} ({flag.severity})"
            click.echo(f"{result.source_file}  {where}{row}  {label}: {flag.message}")
    click.echo(summary(results), err=True)
    if _exit_code(results) != ExitCode.ok:
        return _exit_code(results)
    has_errors = any(f.severity == "error" for r in results for f in r.flags)
    return ExitCode.flags_found if has_errors else ExitCode.ok


@cli.command()
@click.argument("name")
@click.option("--province", help='Province whose units to search: "Lào Cai" (or unaccented).')
@click.option(
    "--level",
    type=click.Choice(["province_agency", "district", "commune", "province", "ministry"]),
    help="Level of the unit; guessed from the name when left out.",
)
@click.option("--year", type=int, help="Evaluation year: names valid that year rank first.")
@click.option("--limit", type=int, default=5, show_default=True, help="How many candidates.")
@registry_options
def match(
    name: str,
    province: str | None,
    level: str | None,
    year: int | None,
    limit: int,
    overlay: Path | None,
    aliases: Path | None,
) -> int:
    """Show which registry units a printed agency NAME could be, best first.

    The first line says what `extract` would decide (exact, alias, fuzzy, review or unmatched).

    \b
    Example:
        decisions match "Sở KH-CN" --province "Lào Cai" --year 2016
        decisions match "Huyện Sa Pa" --province "Lào Cai" --year 2016 --level district
    """
    registry = BatchSettings(overlay=overlay, aliases=aliases).load_registry()
    (decision,) = match_names([name], registry, province=province, level=level, year=year)
    sure = decision.agency_id or "no confident match"
    click.echo(f"{name!r}: {decision.status} ({decision.score}) → {sure}")
    found = candidates(name, registry, province=province, level=level, year=year, limit=limit)
    for rank, candidate in enumerate(found, start=1):
        code = f"  GSO {candidate.admin_code}" if candidate.admin_code else ""
        click.echo(
            f"{rank}. {candidate.score:5.1f}  {candidate.agency_id:<40} {candidate.name}{code}"
        )
    return ExitCode.ok


def summary(results: list[DocumentResult]) -> str:
    """One screen: documents, tables, entries, flags by check."""
    ok = [r for r in results if r.status == "ok"]
    catalogued = [r for r in results if r.status == NO_TABLE]
    skipped = sum((r.error or "").startswith(SKIPPED) for r in results if r.status == "failed")
    failed = len(results) - len(ok) - len(catalogued) - skipped
    tables = sum(len(r.tables) for r in ok)
    entries = sum(len(t.entries) for r in ok for t in r.tables)
    by_check = Counter((f.check, f.severity) for r in [*ok, *catalogued] for f in r.flags)
    lines = [
        f"documents: {len(results)} ({len(ok)} ok, {failed} failed"
        + (f", {len(catalogued)} without a ranking table" if catalogued else "")
        + (f", {skipped} not in a decision format)" if skipped else ")"),
        f"tables:    {tables}",
        f"entries:   {entries}",
        f"flags:     {sum(by_check.values())}"
        + ("" if by_check or not tables else " (every table adds up)"),
    ]
    lines += [
        f"  {check:<20} {severity:<8} {count}"
        for (check, severity), count in sorted(by_check.items())
    ]
    return "\n".join(lines)
