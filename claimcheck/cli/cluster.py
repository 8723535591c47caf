"""The `--engine` and `--scheduler` options of extract and check (an option group, as in
options.py), and the run they start when the engine is dask (claimcheck.engine.cluster)."""

# No `from __future__ import annotations`: typer reads the group's annotations as objects.
import os
import sys
from dataclasses import dataclass
from typing import Annotated, Optional

import typer

from claimcheck.config import Settings
from claimcheck.errors import ExitStatus, UsageError

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Engine:
    dask: bool = False
    scheduler: str | None = None


def engine_options(
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local (this machine; --jobs processes) or dask (an archive of JSON-lines or "
            "Parquet files on a Dask cluster).",
        ),
    ] = "local",
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--scheduler",
            envvar="DASK_SCHEDULER_ADDRESS",
            help="With --engine dask: the scheduler of a running cluster (tcp://host:8786). "
            "Default: a local cluster of --jobs worker processes.",
            show_default=False,
        ),
    ] = None,
) -> Engine:
    """The engine options → Engine."""
    if engine not in ENGINES:
        raise UsageError(f"unknown --engine '{engine}'; choose one of: {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    return Engine(dask=engine == "dask", scheduler=scheduler)


def run(
    paths: list[str],
    settings: Settings,
    command: str,
    fmt: str | None,
    output: str | None,
    scheduler: str | None,
) -> int:
    """Process the archive on the cluster; records to stdout (or DIR), errors to stderr."""
    from claimcheck.engine.archive import check_format
    from claimcheck.engine.cluster import ClusterRun, prepare_output
    from claimcheck.render import output as out
    from claimcheck.render import terminal

    if "-" in paths:
        raise UsageError("--engine dask reads files, folders or globs, not standard input")
    fmt = check_format(fmt or "jsonl", output)
    driver = ClusterRun(settings, command, fmt, prepare_output(output), _error)
    lines = driver.records(paths, scheduler)
    shown = terminal.show_progress(sys.stderr, settings.quiet, os.environ)
    out.write(terminal.progress(lines, shown, sys.stderr, "dask", "record"), None)
    if output not in (None, "-") and not settings.quiet:
        typer.echo(f"claimcheck: wrote {driver.documents} documents to {output}", err=True)
    return int(driver.status if command == "check" else _extract_status(driver.status))


def _extract_status(status: ExitStatus) -> ExitStatus:
    return ExitStatus.ERROR if status == ExitStatus.ERROR else ExitStatus.OK


def _error(message: str) -> None:
    typer.echo(f"claimcheck: error: [CC902] {message}", err=True)
