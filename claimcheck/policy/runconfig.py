"""The CI options of `check` → Settings: the config file under the flags, rule codes validated,
the baseline loaded, the changed lines of --changed-since computed. All the I/O the policy stage
needs happens here, once, before the run."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

from claimcheck.config import Settings
from claimcheck.errors import UsageError
from claimcheck.policy import baseline as baseline_file
from claimcheck.policy import configfile, gitdiff
from claimcheck.policy.cioptions import CiOptions
from claimcheck.policy.outcome import check_fail_on
from claimcheck.policy.rules import SEVERITIES, check_selectors


def configure(
    settings: Settings, options: CiOptions, given: set[str], env: Mapping[str, str], cwd: Path
) -> tuple[Settings, configfile.FileConfig]:
    cfg = configfile.load(options.config, env, cwd)
    settings = configfile.merge(settings, cfg, given)
    rules = settings.rules
    if options.select:
        rules = dataclasses.replace(rules, select=tuple(options.select))
    if options.ignore:
        rules = dataclasses.replace(rules, ignore=tuple(options.ignore))
    if options.fail_on:
        rules = dataclasses.replace(rules, fail_on=tuple(options.fail_on))
    if options.exit_zero:
        rules = dataclasses.replace(rules, exit_zero=True)
    if options.baseline:
        rules = dataclasses.replace(rules, baseline=options.baseline)
    if options.extend_select:
        rules = dataclasses.replace(rules, extend_select=tuple(options.extend_select))
    if options.min_severity:
        rules = dataclasses.replace(rules, min_severity=options.min_severity)
    if rules.min_severity is not None and rules.min_severity not in SEVERITIES:
        raise UsageError(
            f"--min-severity: choose {', '.join(SEVERITIES)}, not '{rules.min_severity}'"
        )
    select = check_selectors(rules.select, "--select")
    extend = check_selectors(rules.extend_select, "--extend-select")
    if extend:
        # On top of --select, or of every rule: the longest prefix still decides, so
        # '--ignore CC5 --extend-select CC503' keeps CC503 (ruff's rule).
        select = (*(select or ("CC",)), *extend)
    rules = dataclasses.replace(
        rules,
        select=select,
        extend_select=extend,
        ignore=check_selectors(rules.ignore, "--ignore"),
        fail_on=check_fail_on(rules.fail_on),
    )
    if options.color is not None:
        if options.color not in configfile.COLORS:
            raise UsageError(f"--color: choose auto, always or never, not '{options.color}'")
        settings = dataclasses.replace(settings, color=options.color)
    if options.quiet:
        settings = dataclasses.replace(settings, quiet=True)
    if options.changed_since:
        changed = gitdiff.changed_lines(options.changed_since, str(cwd))
        rules = dataclasses.replace(rules, changed_lines=changed)
        settings = dataclasses.replace(settings, changed_since=options.changed_since)
    return dataclasses.replace(settings, rules=rules), cfg


def with_baseline(settings: Settings, warn: Callable[[str], None] = lambda m: None) -> Settings:
    """Settings holding the loaded baseline entries: from the configured file, else from
    .claimcheck-baseline.json beside the config file (or in the current folder) if it exists,
    so that `claimcheck baseline` followed by `claimcheck check` needs no configuration. A
    baseline named but missing is said: a typo would otherwise fail every accepted finding."""
    path = settings.rules.baseline
    if not path:
        path = baseline_path(settings)
        if not os.path.isfile(path):
            return settings
    elif not os.path.exists(path):
        warn(f"baseline {path} does not exist (yet): no finding is accepted by it")
        return settings
    entries = baseline_file.load(path)
    rules = dataclasses.replace(settings.rules, baseline=path, baseline_entries=entries)
    return dataclasses.replace(settings, rules=rules)


def files_from(source: str, stdin: IO[str] | None) -> list[str]:
    """Paths, one a line, from a file or '-' (standard input); blank lines and '#' lines skipped."""
    try:
        if source != "-":
            text = Path(source).read_text(encoding="utf-8")
        elif stdin is None:  # started with descriptor 0 closed (`<&-`)
            raise UsageError("--files-from -: standard input is closed")
        else:
            text = stdin.read()
    except OSError as err:
        raise UsageError(f"--files-from: cannot read {source} ({err.strerror or err})") from None
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def baseline_path(settings: Settings) -> str:
    return settings.rules.baseline or os.path.join(
        settings.rules.root or os.curdir, baseline_file.DEFAULT_FILE
    )
