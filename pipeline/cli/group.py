"""The ``decisions`` command group and the options its commands share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.batch.settings import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT_S


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


def tell(text: str) -> None:
    """A line for the user on stderr (waiting for another run's lock)."""
    click.echo(text, err=True)
