"""The edge of a run: which flags were given, warnings on stderr, progress, the report on stdout
(or a file), the GitHub job summary, the baseline file, the exit status. app.py calls these so
that it stays a thin translation of options; the stages themselves are pipeline.py's."""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from claimcheck import pipeline
from claimcheck.config import Settings, SourceSettings
from claimcheck.engine.records import language, run_documents
from claimcheck.errors import ExitStatus, InputError, OutputError, UsageError
from claimcheck.model import DocumentResult
from claimcheck.policy import baseline as baseline_file
from claimcheck.policy import runconfig
from claimcheck.policy.configfile import FileConfig
from claimcheck.policy.outcome import exit_status, unverified
from claimcheck.policy.rules import SOURCE_UNAVAILABLE
from claimcheck.read.documents import Unreadable, display_name
from claimcheck.render import output as out
from claimcheck.render import terminal
from claimcheck.render.records import RENDERERS
from claimcheck.sources.base import Sources


def given_flags(ctx: Any) -> set[str]:
    """The parameters the user actually typed (or set through an environment variable)."""
    found = set()
    for name in getattr(ctx, "params", {}) or {}:
        source = ctx.get_parameter_source(name)
        if source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT"):
            found.add(name)
    return found


def flag_origins(ctx: Any, exclude: Iterable[str] = ()) -> dict[str, str]:
    """The parameters given, each with where: "flag --name" or "environment VAR"."""
    found, exclude = {}, set(exclude)
    for param in getattr(ctx.command, "params", ()):
        if param.name in exclude:
            continue
        source = ctx.get_parameter_source(param.name)
        if source is not None and source.name == "COMMANDLINE":
            found[param.name] = f"flag {param.opts[0]}"
        elif source is not None and source.name == "ENVIRONMENT":
            found[param.name] = f"environment {param.envvar}"
    return found


def configure(settings: Settings, ctx: Any, ci: runconfig.CiOptions) -> tuple[Settings, FileConfig]:
    settings, cfg = runconfig.configure(settings, ci, given_flags(ctx), os.environ, Path.cwd())
    if not settings.quiet:
        for warning in cfg.warnings:
            _stderr(f"claimcheck: warning: [CC903] {warning}")
    return runconfig.with_baseline(settings, _warn_unless(settings.quiet)), cfg


def configure_extract(
    settings: Settings, ctx: Any, config: str | None, quiet: bool
) -> tuple[Settings, FileConfig]:
    """extract reads the config file's reading keys (glob, input-format, pipeline, jobs,
    max-file-bytes, quiet; format when it is one extract writes), under the flags."""
    ci = runconfig.CiOptions(config=config, quiet=quiet)
    settings, cfg = runconfig.configure(settings, ci, given_flags(ctx), os.environ, Path.cwd())
    if not settings.quiet:
        for warning in cfg.warnings:
            _stderr(f"claimcheck: warning: [CC903] {warning}")
    return settings, cfg


def _warn_unless(quiet: bool) -> Callable[[str], None]:
    return lambda message: None if quiet else _stderr(f"claimcheck: warning: [CC903] {message}")


def capped_jobs(settings: Settings) -> Settings:
    """--jobs (or `jobs`) above the processors here: each worker loads its own pipeline, so
    100,000 of them run out of file descriptors and memory long before they help."""
    limit = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    limit = max(limit, 2)  # two workers are always allowed, so --jobs is testable on one core
    if settings.jobs <= limit:
        return settings
    if not settings.quiet:
        _stderr(
            f"claimcheck: warning: [CC901] --jobs {settings.jobs} is more than the {limit} "
            f"processors here can use; running {limit} workers"
        )
    return dataclasses.replace(settings, jobs=limit)


def refuse_conflicts(
    paths: list[str], files_from: str | None, update: bool, prune: bool, changed_since: str | None
) -> None:
    if update and prune:
        raise UsageError("--update-baseline and --prune-baseline contradict each other; pick one")
    if (update or prune) and changed_since:
        # A diff-scoped run sees only some findings: the baseline would lose all the others.
        flag = "--update-baseline" if update else "--prune-baseline"
        raise UsageError(f"{flag} needs every finding; it cannot be combined with --changed-since")
    if files_from == "-" and "-" in paths:
        raise UsageError("'-' and --files-from - both want standard input; pick one")


def files_from(source: str) -> list[str]:
    return runconfig.files_from(source, sys.stdin)


def source_for(settings: Settings) -> Sources | None:
    """The run's sources, their warnings on stderr unless --quiet."""

    def warn(message: str) -> None:
        if not settings.quiet:
            _stderr(f"claimcheck: warning: {message}")

    return pipeline.source_for(settings, warn)


class Reporter:
    """Messages for the person at the terminal: stderr only, counted so the exit status can
    reflect inputs that could not be read."""

    def __init__(self) -> None:
        self.unreadable = 0

    def unreadable_input(self, item: Unreadable) -> None:
        self.unreadable += 1
        _stderr(f"claimcheck: error: [CC902] {item.message}")


def files_read(settings: Settings, config_path: str | None = None) -> list[tuple[str, str]]:
    """Every file a run reads besides its inputs, named for a message: none may be --output."""
    found = [
        ("snapshot", part.strip()[len("snapshot:") :])
        for part in settings.sources.source.split(",")
        if part.strip().startswith("snapshot:")
    ]
    if settings.rules.baseline:
        found.append(("baseline", settings.rules.baseline))
    if config_path:
        found.append(("configuration file", config_path))
    return found


def refuse_output(
    output: str | None, paths: list[str], settings: Settings, config: str | None = None
) -> None:
    reads = files_read(settings, config)
    out.refuse_input_as_output(output, paths, reads, settings.read.glob)


def extract(paths: list[str], settings: Settings, fmt: str, output: str | None) -> int:
    refuse_output(output, paths, settings)
    settings = capped_jobs(settings)
    nlp = language(settings.pipeline)
    reporter = Reporter()
    documents = pipeline.read_documents(paths, settings, reporter.unreadable_input)
    out.write(RENDERERS[fmt](run_documents(documents, settings, "extract", nlp=nlp)), output)
    return int(ExitStatus.ERROR if reporter.unreadable else ExitStatus.OK)


def check(
    paths: list[str],
    settings: Settings,
    fmt: str,
    output: str | None,
    baseline_mode: str | None,
    config: str | None = None,
) -> int:
    """`baseline_mode` 'update' or 'prune' writes the baseline file instead of the report;
    `config` is the configuration file read, if any."""
    refuse_output(output, paths, settings, config)
    settings = capped_jobs(settings)
    nlp = language(settings.pipeline)
    reporter = Reporter()
    documents = pipeline.read_documents(paths, settings, reporter.unreadable_input)
    run = Run(settings, fmt, os.environ)
    knowledge = source_for(settings)
    checked = run_documents(documents, settings, "check", knowledge, nlp, run.shown.within)
    results = run.collect(checked)
    if baseline_mode is not None:
        return run.write_baseline(results, prune=baseline_mode == "prune", reporter=reporter)
    status = run.report(results, output, reporter)
    _coverage_note(run.results, settings)
    return status


def verify(
    paths: list[str], settings: Settings, fmt: str, output: str | None, config: str | None = None
) -> int:
    refuse_output(output, paths, settings, config)
    run = Run(settings, fmt, os.environ)
    knowledge = source_for(settings)
    results = run.collect(pipeline.verify(_jsonl_inputs(paths), settings, knowledge))
    status = run.report(results, output, Reporter())
    _coverage_note(run.results, settings)
    return status


def effective_config(
    config: str | None, fmt: str, sources: SourceSettings, given: Mapping[str, str]
) -> str:
    """What `claimcheck config --show` prints: flags over the environment over the file over the
    defaults, each value with where it came from; the TOML is a valid config file. `given` maps
    the parameters given to where ("flag --source", "environment CLAIMCHECK_SOURCE")."""
    import json

    from claimcheck.policy.configfile import AUTO, effective, to_toml

    settings = Settings(jobs=0, sources=sources)  # jobs 0: the engine chooses (records.jobs_for)
    given = dict(given)
    if os.environ.get("CLAIMCHECK_PIPELINE"):  # as check's --pipeline reads it
        settings = dataclasses.replace(settings, pipeline=os.environ["CLAIMCHECK_PIPELINE"])
        given["pipeline"] = "environment CLAIMCHECK_PIPELINE"
    settings, cfg = runconfig.configure(
        settings, runconfig.CiOptions(config=config), set(given), os.environ, Path.cwd()
    )
    for warning in cfg.warnings:
        _stderr(f"claimcheck: warning: [CC903] {warning}")
    data = effective(settings, cfg, cfg.values.get("format"))
    origins = _origins(data, cfg, given)
    if fmt != "toml":
        return json.dumps({**data, "origins": origins}, indent=2, ensure_ascii=False)
    data.pop("config-file", None)  # not a key of the file: said in the header instead
    cores = os.cpu_count() or 1
    if data["jobs"] == AUTO and origins["jobs"] == "default":
        origins["jobs"] = f"default: every core ({cores} here) for two documents or more, else 1"
    where = config or os.environ.get("CLAIMCHECK_CONFIG")
    found = f"from {cfg.path}" if cfg.path else "no configuration file found: defaults"
    head = [
        "# claimcheck config --show: the effective configuration, a valid .claimcheck.toml.",
        f"# {found}" + (" (named by --config or CLAIMCHECK_CONFIG)" if where else ""),
        "# Each value says where it came from: flag, environment, file or default.",
        "",
    ]
    return "\n".join(head) + to_toml(data, origins)


def _origins(data: Mapping[str, Any], cfg: FileConfig, given: Mapping[str, str]) -> dict[str, str]:
    """Where each key `effective` printed came from, by the precedence the run uses."""
    in_file = f"file {os.path.basename(cfg.path)}" if cfg.path else "file"
    file_source = cfg.values.get("source", {})
    out: dict[str, str] = {}
    for key, value in data.items():
        snake = key.replace("-", "_")
        if key == "source" and isinstance(value, dict):
            for sub in value:
                name = sub.replace("-", "_")
                found = given.get(name) or (in_file if name in file_source else "default")
                out[f"source.{sub}"] = found
        elif key == "overrides":
            out[key] = in_file if cfg.overrides else "default"
        elif key == "verify":
            out[key] = in_file if snake in cfg.values else "default"
        else:
            out[key] = given.get(snake) or (in_file if snake in cfg.values else "default")
    out["predicates"] = in_file if cfg.values.get("predicates") else "default: none"
    return out


def snapshot_build(out_path: str, inputs: list[str], kinds: list[str], ids: str | None) -> None:
    from claimcheck.sources.snapshot_build import build_snapshot, ids_in_file

    wanted = ids_in_file(ids) if ids else ()
    # The build is atomic and refuses an empty result, so a good snapshot is never replaced by
    # an empty one (articles given as inputs, say).
    report = build_snapshot(inputs, out_path, kinds=kinds, ids=wanted)
    for skipped in report.skipped_inputs:
        _stderr(f"claimcheck: note: no entity documents in {skipped}")
    left = f" ({report.left_out} documents left out by the filters)" if report.left_out else ""
    if report.malformed:
        _stderr(f"claimcheck: warning: left out {report.malformed} malformed entity documents")
    if report.implausible:
        first = display_name(report.implausible[0])
        _stderr(
            f"claimcheck: warning: left out {len(report.implausible)} statistics values that "
            f"cannot be right (first: {first})"
        )
    series = f" and {report.series} statistics series" if report.series else ""
    _stderr(
        f"claimcheck: wrote {report.entities} entities and {report.redirects} redirects"
        f"{series} to {out_path}{left}"
    )


def _coverage_note(results: list[DocumentResult], settings: Settings) -> None:
    """ "found N claims, M checkable, K checked" on stderr after a verifying run."""
    if settings.verify and not settings.quiet and results:
        from claimcheck.model import coverage

        total = sum((coverage(r.claims) for r in results[1:]), coverage(results[0].claims))
        _stderr(f"claimcheck: {total.sentence()}")


def _jsonl_inputs(paths: list[str]) -> Iterator[DocumentResult]:
    from claimcheck.verify.records import read_results

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


class Run:
    def __init__(self, settings: Settings, fmt: str, env: Mapping[str, str]) -> None:
        self.settings = settings
        self.fmt = fmt
        self.env = env
        self.results: list[DocumentResult] = []
        enabled = terminal.show_progress(sys.stderr, settings.quiet, env)
        self.shown = terminal.Progress(enabled, sys.stderr)

    def collect(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        """Pass results through (so output streams) while keeping them for the exit status."""
        for result in self.shown.documents(results):
            self.results.append(result)
            yield result

    def renderer(self, to_terminal: bool) -> Callable[[Iterable[DocumentResult]], Iterator[str]]:
        if self.fmt == "concise" and terminal.use_color(self.settings.color, self.env, to_terminal):
            from claimcheck.render import concise

            return functools.partial(concise.render, color=True)
        return RENDERERS[self.fmt]

    def report(self, results: Iterator[DocumentResult], output: str | None, reporter: Any) -> int:
        """Write the report; `reporter.unreadable` is read only after the inputs were consumed."""
        if (
            self.env.get("GITHUB_ACTIONS") == "true"
            and self.fmt != "github"
            and not self.settings.quiet
        ):
            _stderr(
                "claimcheck: note: in GitHub Actions, --format github annotates the pull request"
            )
        to_terminal = output in (None, "-") and _isatty(sys.stdout)
        out.write(self.renderer(to_terminal)(results), output)
        if self.fmt == "github" and self.env.get("GITHUB_STEP_SUMMARY"):
            from claimcheck.render import github

            _append(self.env["GITHUB_STEP_SUMMARY"], github.summary(self.results))
        self._baseline_note()
        return int(exit_status(self.results, self.settings.rules, reporter.unreadable))

    def _baseline_note(self) -> None:
        """One line when the baseline holds claims this run could not verify: it does not
        accept them, so the run is not a pass."""
        rules = self.settings.rules
        if not rules.baseline_entries or not rules.baseline:
            return
        root = os.path.dirname(os.path.abspath(rules.baseline))
        held = baseline_file.unverified_matches(
            self.results, rules.baseline_entries, root, rules.root or os.getcwd()
        )
        if held:
            _stderr(
                f"claimcheck: note: {held} baselined claims could not be verified now (CC910); "
                "a baseline never accepts an outage, so this run is not a pass"
            )

    def write_baseline(self, results: Iterator[DocumentResult], prune: bool, reporter: Any) -> int:
        for _ in results:
            pass
        if reporter.unreadable or any(r.error for r in self.results):
            return int(ExitStatus.ERROR)  # never accept a partial run as the baseline
        path = runconfig.baseline_path(self.settings)
        root = os.path.dirname(os.path.abspath(path))
        entries = baseline_file.entries(self.results, root)
        existing = baseline_file.load(path)
        if prune:
            entries = baseline_file.prune(existing, entries)
        missed = _unverified_count(self.results)
        if missed:  # what these documents' findings are cannot be told: keep their old entries
            partial = {
                baseline_file.relative(r.document.path, r.document.id, root)
                for r in self.results
                if unverified([r])
            }
            entries = baseline_file.merge(entries, baseline_file.carried(existing, partial))
        out.write([baseline_file.render(entries)], path)
        accepted = sum(int(str(e["count"])) for e in entries)
        _stderr(
            f"claimcheck: wrote {len(entries)} baseline entries ({accepted} findings) to {path}"
        )
        if not missed:
            return int(ExitStatus.OK)
        _stderr(
            f"claimcheck: warning: [CC910] {missed} claims could not be verified (the knowledge "
            "source did not answer) and are not in the baseline; rerun when it answers, or use "
            "--source snapshot:PATH or --no-verify (exit status 3)"
        )
        return int(ExitStatus.UNVERIFIED)


def _unverified_count(results: list[DocumentResult]) -> int:
    """Claims not verified, counted as the report shows them (CC910 findings) when it does."""
    shown = sum(f.rule == SOURCE_UNAVAILABLE for r in results for f in r.findings)
    return shown or unverified(results)


def _append(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as err:
        raise OutputError(f"{path}: cannot write the job summary ({err.strerror or err})") from None


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
