"""Usage errors that say what to do next, for the mistakes a newcomer makes first: standard
input without '-', a snapshot file without 'snapshot:', a misspelt source or format, a format of
another command, an article given to `verify`, a web page sent to a terminal."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any

from claimcheck.errors import UsageError

SNAPSHOT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".sqlite", ".sqlite3", ".db", ".gz", ".bz2")
ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx", ".txt", ".text", ".html", ".htm")


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def no_paths(command: str, stdin: Any = None) -> UsageError:
    stdin = sys.stdin if stdin is None else stdin
    piped = stdin is not None and not _isatty(stdin)
    if piped:
        return UsageError(
            f"{command} needs files or folders; to read standard input, name it '-': "
            f"cat story.txt | claimcheck {command} - (add --stdin-filename story.md for Markdown)"
        )
    more = " (or --files-from FILE)" if command == "check" else ""
    return UsageError(f"{command} needs files or folders{more}, e.g. claimcheck {command} story.md")


def unknown_source(given: str, names: tuple[str, ...]) -> UsageError:
    name, _, argument = given.partition(":")
    if name == "snapshot" and not argument:
        return UsageError(
            "--source snapshot needs its file, e.g. --source snapshot:facts.jsonl; "
            f"choose {_choices(names)}"
        )
    if Path(given).suffix.lower() in SNAPSHOT_SUFFIXES or Path(given).is_file():
        return UsageError(
            f"unknown --source '{given}'; a snapshot file is named with 'snapshot:': "
            f"--source snapshot:{given}"
        )
    hint = _did_you_mean(given, names)
    return UsageError(f"unknown --source '{given}'{hint}; choose {_choices(names)}")


def _choices(names: tuple[str, ...]) -> str:
    """'wikidata, worldbank, worldbank-archives or snapshot:PATH', from the registry."""
    shown = [f"{n}:PATH" if n == "snapshot" else n for n in sorted(names, key=_source_order)]
    return ", ".join(shown[:-1]) + f" or {shown[-1]}" if len(shown) > 1 else shown[0]


def _source_order(name: str) -> tuple[bool, str]:
    return (name == "snapshot", name)


def unknown_format(
    requested: str, choices: tuple[str, ...], check_formats: tuple[str, ...]
) -> UsageError:
    if requested in check_formats and requested not in choices:
        return UsageError(
            f"extract writes {', '.join(choices)}; '{requested}' reports findings, which check "
            f"makes: claimcheck check PATHS --format {requested}"
        )
    hint = _did_you_mean(requested, choices)
    return UsageError(f"unknown --format '{requested}'{hint}; choose one of: {', '.join(choices)}")


def article_to_verify(path: str) -> UsageError | None:
    if Path(path).suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    return UsageError(
        f"{path}: verify reads the JSON lines 'claimcheck extract --format jsonl' writes; "
        f"for an article use: claimcheck check {path}"
    )


def html_to_terminal(fmt: str, output: str | None, stdout: Any = None) -> None:
    stdout = sys.stdout if stdout is None else stdout
    if fmt == "html" and output in (None, "-") and _isatty(stdout):
        raise UsageError(
            "--format html writes a web page, not terminal text; add --output report.html "
            "and open that file in a browser"
        )


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
