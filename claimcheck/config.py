"""Settings: the frozen, validated options one run works with.

The CLI builds a Settings from flags (and config files); the library receives it and never reads
flags or the environment itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.nlp import DEFAULT_PIPELINE
from claimcheck.read.options import DEFAULT_MAX_BYTES, ReadOptions


@dataclass(frozen=True)
class SourceSettings:
    """Which knowledge source, where it lives, and how to behave towards it."""

    # 'wikidata', 'worldbank' or 'snapshot:PATH', several joined by commas (--source repeated)
    source: str = "wikidata,worldbank,worldbank-archives"
    api_url: str = "https://www.wikidata.org/w/api.php"
    sparql_url: str = "https://query.wikidata.org/sparql"
    contact: str | None = None
    offline: bool = False
    cache_dir: str | None = None  # None: the platform's user cache directory


@dataclass(frozen=True)
class RuleSettings:
    """Which findings are reported and which of them fail the run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # added to select (or to every rule) after the file
    min_severity: str | None = None  # findings below it are neither shown nor counted
    fail_on: tuple[str, ...] = ("contradicted", "inconsistent")
    exit_zero: bool = False
    baseline: str | None = None
    # Loaded by the CLI before the run (rules.py and friends never do I/O of their own):
    overrides: tuple[Override, ...] = ()
    root: str | None = None  # the folder override globs and baseline paths are relative to
    baseline_entries: Mapping[str, int] | None = None  # baseline key → how many it accepts
    changed_lines: Mapping[str, frozenset[int]] | None = None  # --changed-since: path → lines


@dataclass(frozen=True)
class Override:
    """A per-glob section of the config file: `archive/**` → warnings only, and so on."""

    files: tuple[str, ...]
    severity: str | None = None  # the highest severity findings in these files may have
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    as_of: dt.date | None = None
    pipeline: str = DEFAULT_PIPELINE
    jobs: int = 1
    read: ReadOptions = field(default_factory=ReadOptions)
    max_bytes: int = DEFAULT_MAX_BYTES
    verify: bool = True
    # Extra predicate words → semantic property ("souls" → "population") for verification.
    predicates: tuple[tuple[str, str], ...] = ()
    sources: SourceSettings = field(default_factory=SourceSettings)
    rules: RuleSettings = field(default_factory=RuleSettings)
    changed_since: str | None = None
    color: str = "auto"
    quiet: bool = False
