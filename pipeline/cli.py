"""The ``decisions`` command: thin commands that call the stages and map errors to exit codes."""

from __future__ import annotations

import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# One document per worker process, one process per core: numpy's BLAS needs no thread pool of
# its own, and each pool thread reserves address space the per-worker memory limit counts
# (125 MB on import). Set before anything imports numpy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402 - after the thread setting above

from pipeline import __version__
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
from pipeline.batch.settings import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT_S
from pipeline.emit import write_outputs
from pipeline.errors import DecisionsError, ExitCode
from pipeline.ingest.office import check_office
from pipeline.lock import hold
from pipeline.match import candidates, match_names
from pipeline.models import DocumentResult
from pipeline.ocr import check_engine


def input_arguments(command: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT... : files or folders (searched recursively)."""
    return click.argument(
        "inputs",
        metavar="INPUT...",
        nargs=-1,
        required=True,
        type=click.Path(exists=True, path_type=Path),
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="decisions")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn Vietnamese ranking decisions (Quyết định) into checked datasets.

    Reads decisions as text, PDF, DOCX or HTML, finds their ranking tables (components, total,
    rank, band), checks the arithmetic and writes CSVs with a Frictionless datapackage.json.

    \b
    Example:
        decisions extract samples/ --out out/
        decisions check samples/
    """
    ctx.obj = {"verbose": verbose}


def registry_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--overlay and --aliases: the user's additions to the agency registry."""
    existing = click.Path(exists=True, dir_okay=False, path_type=Path)
    command = click.option(
        "--aliases",
        type=existing,
        help="A filled-in review.csv: each chosen_id resolves its name from now on.",
    )(command)
    return click.option(
        "--overlay",
        type=existing,
        help="CSV of your own units (id,name,level,province_id,aliases,valid_from,valid_to).",
    )(command)


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--workers, --scheduler, the per-document limits and --progress: how the batch runs."""
    options = [
        click.option(
            "--progress",
            type=click.Choice(["auto", "bar", "log", "none"]),
            default="auto",
            show_default=True,
            help="A bar on a terminal (auto), log lines every 10 s otherwise, or nothing.",
        ),
        click.option(
            "--memory-limit",
            type=click.IntRange(min=256),
            default=DEFAULT_MEMORY_LIMIT_MB,
            show_default=True,
            help="MB of memory (address space) a worker may use for one document.",
        ),
        click.option(
            "--time-limit",
            type=click.FloatRange(min=0, min_open=True),
            default=DEFAULT_TIME_LIMIT_S,
            show_default=True,
            help="Seconds one document may take; past it its worker is stopped and replaced.",
        ),
        click.option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Run each document as a task on this Dask cluster (inputs on a shared disk).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            help="Worker processes on this machine  [default: one per core]",
        ),
    ]
    for option in options:
        command = option(command)
    return command


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
    with hold(out_dir / JOURNAL_FOLDER / "run.lock", f"{out_dir}/", notify=_tell):
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


def db_option(must_exist: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--db: the dataset file (embedded DuckDB)."""
    kind = click.Path(dir_okay=False, exists=must_exist, path_type=Path)
    return click.option(
        "--db", type=kind, default=Path("out/decisions.duckdb"), show_default=True,
        help="The dataset: one DuckDB file, created by `decisions build`.",
    )  # fmt: skip


def lang_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--lang vi|en: the language of flag messages and labels."""
    return click.option(
        "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
        help="Language of flag messages and labels: Vietnamese or English.",
    )(command)  # fmt: skip


@cli.command()
@input_arguments
@registry_options
@db_option(must_exist=False)
@click.option(
    "--reread", is_flag=True,
    help="Read every file again, also those already in the dataset (after new --aliases).",
)  # fmt: skip
def build(
    inputs: tuple[Path, ...], db: Path, overlay: Path | None, aliases: Path | None, reread: bool
) -> int:
    """Add every decision under INPUT to the dataset in --db (re-run it as decisions arrive).

    A file already in the dataset is skipped (files are known by their SHA-256); a changed file
    replaces its old rows; the same decision as PDF, DOCX, HTML or text is kept once with every
    source listed. Exit 0 when every new file was read, 3 when some could not be.

    \b
    Example:
        decisions build samples/ --db out/decisions.duckdb
        decisions build archive/ --db out/decisions.duckdb --aliases reviewed.csv --reread
    """
    from pipeline.store import build as build_store

    settings = BatchSettings(overlay=overlay, aliases=aliases)
    report = build_store(inputs, db, settings, reread, notify=_tell)
    for failed in report.failed:
        click.echo(f"{failed.source_file}: failed: {failed.error}", err=True)
    click.echo(
        f"files:     {report.files} ({report.added} read, {report.replaced} replaced, "
        f"{report.unchanged} unchanged, {len(report.failed)} failed"
        + (f", {report.catalogued} without a ranking table" if report.catalogued else "")
        + ")\n"
        f"dataset:   {report.documents} documents, {report.decisions} decisions in {db}"
    )
    codes = [ExitCode(r.exit_code) for r in report.failed]
    return max(codes, default=ExitCode.ok)


@cli.command()
@db_option(must_exist=True)
@click.option(
    "--to", "to_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
    show_default=True, help="Folder for the CSV, Parquet and XLSX files and datapackage.json.",
)  # fmt: skip
@click.option("--excel", is_flag=True, help="Start each CSV with the BOM Excel needs for UTF-8.")
@lang_option
def export(db: Path, to_dir: Path, excel: bool, lang: str) -> int:
    """Export the dataset as CSV, Parquet and one workbook (decisions.xlsx) into --to.

    Writes every table and view (panel, panel_components, flag_rows, …) as .csv and .parquet,
    decisions.xlsx (a sheet per index and level with agencies down and years across, each
    decision's tables as printed with flagged cells filled and commented, a Flags sheet) and a
    datapackage.json describing every file.

    \b
    Example:
        decisions export --db out/decisions.duckdb --to out/ --excel
        decisions export --db out/decisions.duckdb --to /tmp/en --lang en
    """
    from pipeline.export import export as export_store
    from pipeline.store import opened

    with opened(db, read_only=True, notify=_tell) as con:
        written = export_store(con, to_dir, excel=excel, lang=lang)
    click.echo(f"wrote {len(written)} files to {to_dir}/")
    return ExitCode.ok


@cli.command()
@db_option(must_exist=True)
@click.option(
    "--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("out/report.html"), show_default=True, help="The review page to write.",
)  # fmt: skip
@lang_option
def report(db: Path, html_path: Path, lang: str) -> int:
    """Write one static review page: every decision, its sources and tables, every flag.

    Flagged cells are highlighted beside the source they came from (a crop of the scanned row
    for OCR'd pages); filters by province, year, index and check. Opens from disk, no server.

    \b
    Example:
        decisions report --db out/decisions.duckdb --html out/report.html
        decisions report --db out/decisions.duckdb --html report-en.html --lang en
    """
    from pipeline.report import write_report
    from pipeline.store import opened

    with opened(db, read_only=True, notify=_tell) as con:
        write_report(con, html_path, lang=lang)
    click.echo(f"wrote {html_path}")
    return ExitCode.ok


def _tell(text: str) -> None:
    """A line for the user on stderr (waiting for another run's lock)."""
    click.echo(text, err=True)


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


def main() -> None:
    """Entry point: run a command and exit with its documented code."""
    verbose = "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:  # --help, --version
        code = done.exit_code
    except click.ClickException as err:
        err.show()
        code = ExitCode.usage
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("interrupted: outputs from before this run are left as they were", err=True)
        code = ExitCode.interrupted
    except DecisionsError as err:
        click.echo(f"error: {err}", err=True)
        code = err.exit_code
    except Exception as err:
        click.echo(f"internal error (please report): {type(err).__name__}: {err}", err=True)
        if verbose:
            traceback.print_exc()
        code = ExitCode.internal
    sys.exit(int(code or 0))
