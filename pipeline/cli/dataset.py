"""The dataset's commands: ``build`` (files into DuckDB), ``export`` and ``report``."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.batch import BatchSettings
from pipeline.cli.group import cli, db_option, input_arguments, lang_option, registry_options, tell
from pipeline.errors import ExitCode


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
    report = build_store(inputs, db, settings, reread, notify=tell)
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

    with opened(db, read_only=True, notify=tell) as con:
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

    with opened(db, read_only=True, notify=tell) as con:
        write_report(con, html_path, lang=lang)
    click.echo(f"wrote {html_path}")
    return ExitCode.ok
