"""The ``decisions`` command: thin commands that call the stages and map errors to exit codes.

``group`` holds the command group and the options commands share, ``reading`` the commands that
read files (extract, check) or names (match), ``dataset`` those that build, export and review
the DuckDB dataset.
"""

from __future__ import annotations

import sys
import traceback

import click

from pipeline.cli import dataset, reading  # noqa: F401 - their commands join the group
from pipeline.cli.group import cli
from pipeline.errors import DecisionsError, ExitCode


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
