"""`claimcheck snapshot ...`: make offline snapshots of knowledge-source facts."""

# No `from __future__ import annotations`: typer reads the annotations as objects.
from typing import Annotated

import typer

from claimcheck.cli.lazy import cli_run

snapshot_app = typer.Typer(
    help="Make and inspect offline snapshots of knowledge-source entities.", no_args_is_help=True
)


@snapshot_app.command("build")
def snapshot_build(
    out: Annotated[
        str,
        typer.Argument(
            help="The snapshot file to write: indexed SQLite if it ends in .sqlite (or .sqlite3, "
            ".db), else JSON lines (one entity per line)."
        ),
    ],
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files with entity documents: the Wikidata JSON dump (.json, .gz, .bz2), JSON, "
            "JSON lines, or HTTP cassettes (YAML); folders (read whole); a World Bank WDI folder "
            "(<indicator>/data.csv)."
        ),
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Keep only people, countries, organizations, positions or places "
            "(by instance of); repeat or comma-separate.",
            show_default=False,
        ),
    ] = None,
    ids: Annotated[
        str | None,
        typer.Option(
            "--ids",
            help="Keep only the ids named in this file (a list, or a claimcheck run's JSON lines); "
            "with --kind, either one keeps an entity.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Gather Wikidata entity documents and World Bank series into one sorted snapshot file."""
    kinds = [k.strip() for given in kind or () for k in given.split(",") if k.strip()]
    cli_run.snapshot_build(out, inputs, kinds, ids)
