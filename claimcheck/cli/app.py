"""The commands: options → one library call → an exit status. Options live in options.py, the
edge of a run (stderr, progress, the report, the exit status) in run.py."""

# No `from __future__ import annotations`: typer reads the annotations as objects.
import dataclasses
from types import SimpleNamespace
from typing import Annotated

import typer

from claimcheck import SCHEMA_VERSION, __version__
from claimcheck.cli import cluster, hints
from claimcheck.cli.groups import with_groups
from claimcheck.cli.lazy import cli_run
from claimcheck.cli.options import (
    BaselineOpt,
    CheckFormatOpt,
    CheckPathsArg,
    ConfigOpt,
    ExtractFormatOpt,
    FilesFromOpt,
    OutputOpt,
    QuietOpt,
    choose_format,
    ci_options,
    parse_as_of,
    read_settings,
    source_settings,
)
from claimcheck.cli.snapshot import snapshot_app
from claimcheck.config import Settings, SourceSettings
from claimcheck.errors import UsageError
from claimcheck.policy.cioptions import CiOptions
from claimcheck.render.formats import CHECK_FORMATS, FORMATS

app = typer.Typer(
    name="claimcheck",
    help="Find the checkable claims in news articles and check them as of the article's date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(snapshot_app, name="snapshot")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__} (output schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Find the checkable claims in news articles and check them as of the article's date."""


@app.command()
@with_groups(read=read_settings, engine=cluster.engine_options)
def extract(
    ctx: typer.Context,
    read: Settings,
    engine: cluster.Engine,
    paths: CheckPathsArg = None,
    format: ExtractFormatOpt = None,
    output: OutputOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> int:
    """Find the numbers, dates, titles and other checkable claims in articles."""
    if not paths:
        raise hints.no_paths("extract")
    read, cfg = cli_run.configure_extract(read, ctx, config, quiet)
    if format is None and cfg.values.get("format") in FORMATS:
        format = cfg.values["format"]  # a check-only format in the file is check's, not ours
    if engine.dask:
        return cluster.run(paths, read, "extract", format, output, engine.scheduler)
    fmt = choose_format(format, FORMATS)
    hints.html_to_terminal(fmt, output)
    return cli_run.extract(paths, read, fmt, output)


@app.command()
@with_groups(
    read=read_settings, sources=source_settings, ci=ci_options, engine=cluster.engine_options
)
def check(
    ctx: typer.Context,
    read: Settings,
    sources: SourceSettings,
    ci: CiOptions,
    engine: cluster.Engine,
    paths: CheckPathsArg = None,
    format: CheckFormatOpt = None,
    output: OutputOpt = None,
    no_verify: Annotated[
        bool,
        typer.Option(
            "--no-verify", help="Extract and check internal consistency only; no network."
        ),
    ] = False,
    baseline: BaselineOpt = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="Write every current finding into the baseline file (instead of the report).",
        ),
    ] = False,
    prune_baseline: Annotated[
        bool,
        typer.Option(
            "--prune-baseline",
            help="Drop baseline entries that no longer match a finding; add none.",
        ),
    ] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            help="Report only on lines added or changed since this git ref.",
            show_default=False,
        ),
    ] = None,
    files_from: FilesFromOpt = None,
) -> int:
    """Extract claims, check them against each other and against the knowledge source."""
    cli_run.refuse_conflicts(
        paths or [], files_from, update_baseline, prune_baseline, changed_since
    )
    return _check(
        ctx, read, sources, ci, engine, paths, format, output, no_verify, baseline,
        "prune" if prune_baseline else "update" if update_baseline else None,
        changed_since, files_from,
    )  # fmt: skip


def _check(
    ctx: typer.Context,
    read: Settings,
    sources: SourceSettings,
    ci: CiOptions,
    engine: cluster.Engine,
    paths: list[str] | None,
    format: str | None,
    output: str | None,
    no_verify: bool,
    baseline: str | None,
    baseline_mode: str | None,
    changed_since: str | None,
    files_from: str | None,
) -> int:
    """`check`, and `baseline` (which is check writing the baseline file instead of a report)."""
    update, prune = baseline_mode == "update", baseline_mode == "prune"
    cli_run.refuse_conflicts(paths or [], files_from, update, prune, changed_since)
    paths = list(paths or []) + (cli_run.files_from(files_from) if files_from else [])
    ci = dataclasses.replace(ci, baseline=baseline, changed_since=changed_since)
    settings = dataclasses.replace(read, verify=not no_verify, sources=sources)
    settings, cfg = cli_run.configure(settings, ctx, ci)  # config file under the flags, baseline
    if engine.dask:
        if baseline_mode:
            raise UsageError("a baseline is written by a local run; leave out --engine dask")
        return cluster.run(paths, settings, "check", format, output, engine.scheduler)
    fmt = choose_format(format or cfg.values.get("format"), CHECK_FORMATS)
    if not paths:
        raise hints.no_paths("baseline" if baseline_mode else "check")
    hints.html_to_terminal(fmt, output)
    return cli_run.check(paths, settings, fmt, output, baseline_mode, cfg.path)


@app.command()
@with_groups(sources=source_settings, ci=ci_options)
def verify(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="JSON-lines files written by 'claimcheck extract --format jsonl'; "
            "'-' reads standard input.",
            show_default=False,
        ),
    ],
    sources: SourceSettings,
    ci: CiOptions,
    format: CheckFormatOpt = None,
    output: OutputOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="The document date (YYYY-MM-DD); overrides what the document says."
        ),
    ] = None,
) -> int:
    """Verify already-extracted claims against the knowledge source, as 'check' does."""
    settings = Settings(as_of=parse_as_of(as_of), sources=sources)
    settings, cfg = cli_run.configure(settings, ctx, ci)
    fmt = choose_format(format or cfg.values.get("format"), CHECK_FORMATS)
    for path in paths:
        mistake = hints.article_to_verify(path)
        if mistake:
            raise mistake
    hints.html_to_terminal(fmt, output)
    return cli_run.verify(paths, settings, fmt, output, cfg.path)


@app.command("baseline")
@with_groups(read=read_settings, sources=source_settings)
def baseline_command(
    ctx: typer.Context,
    read: Settings,
    sources: SourceSettings,
    paths: CheckPathsArg = None,
    baseline: BaselineOpt = None,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Only drop entries that no longer match a finding; accept nothing new."
        ),
    ] = False,
    config: ConfigOpt = None,
    no_verify: Annotated[
        bool, typer.Option("--no-verify", help="Baseline the findings that need no network only.")
    ] = False,
    files_from: FilesFromOpt = None,
    quiet: QuietOpt = False,
) -> int:
    """Accept today's findings: write them to the baseline file so only new ones fail.
    Claims that could not be verified are never accepted (exit status 3)."""
    ci = CiOptions(config=config, quiet=quiet)
    mode = "prune" if prune else "update"
    return _check(
        ctx, read, sources, ci, cluster.Engine(), paths, None, None, no_verify, baseline, mode,
        None, files_from,
    )  # fmt: skip


@app.command("config")
@with_groups(sources=source_settings)
def config_command(
    ctx: typer.Context,
    sources: SourceSettings,
    show: Annotated[
        bool,
        typer.Option(
            "--show",
            help="Print the effective configuration (flags over environment over the file over "
            "the defaults), each value with where it came from.",
        ),
    ] = False,
    config: ConfigOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="toml or json.")] = "toml",
) -> None:
    """Show the configuration claimcheck would use here: check's source options and the
    environment variables are read as check reads them."""
    if not show:
        raise UsageError("config: nothing to do; use 'claimcheck config --show'")
    if format not in ("toml", "json"):
        raise UsageError(f"config --show: --format is toml or json, not '{format}'")
    given = cli_run.flag_origins(ctx, exclude={"show", "config", "format"})
    typer.echo(cli_run.effective_config(config, format, sources, given), nl=format != "toml")


@app.command()
def schema(
    name: Annotated[
        str, typer.Argument(help="claim, finding, document or record (a JSON-lines line).")
    ] = "claim",
) -> None:
    """Print the JSON Schema of one output record."""
    from claimcheck.render.schema import NAMES, schema_text

    if name not in NAMES:
        raise UsageError(f"unknown schema '{name}'; choose one of: {', '.join(NAMES)}")
    typer.echo(schema_text(name), nl=False)


def app_command() -> typer.main.TyperGroup:
    return typer.main.get_command(app)  # type: ignore[return-value]


def click_exceptions() -> SimpleNamespace:
    """The exception classes of the click that typer runs on (typer 0.20+ vendors its own)."""
    try:
        from typer._click import exceptions as vendored
    except ImportError:  # older typer on the real click
        import click.exceptions as vendored  # type: ignore[no-redef]
    return SimpleNamespace(
        Exit=getattr(vendored, "Exit", typer.Exit),
        Abort=getattr(vendored, "Abort", typer.Abort),
        ClickException=vendored.ClickException,
        NoArgsIsHelpError=getattr(vendored, "NoArgsIsHelpError", None),
    )
