"""Output formats for newsroom CI, beside render.py's table/json/jsonl: concise, github, sarif and
claimreview. Each renderer takes results and yields strings; none prints or reads the clock."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from claimcheck.model import DocumentResult, Finding, position
from claimcheck.read.htmlmap import source_span

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def display_path(result: DocumentResult, root: str | None = None) -> str:
    """Repository-relative POSIX path when the document lies under `root` (default: the current
    folder), else the path as given; the id for documents without a path."""
    path = result.document.path
    if path is None:
        return result.document.id
    absolute = os.path.abspath(path)
    base = os.path.abspath(root or os.curdir)
    if absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep):
        return Path(os.path.relpath(absolute, base)).as_posix()
    return Path(path).as_posix()


@dataclass(frozen=True)
class Region:
    """Where a finding stands in its file: 1-based lines and columns, the end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


def file_region(result: DocumentResult, f: Finding) -> Region | None:
    """The finding's place in the file, or None where it has no line there.

    Text and Markdown are read as they are, so their lines are the file's. An HTML article's
    claims are found in its extracted main text: the finding is placed in the page's source where
    its passage can be found there unambiguously, and names the file only where it cannot."""
    document = result.document
    if document.format == "jsonl":  # the text is a JSON string: its record's line, not inside it
        return Region(document.file_line, 1, document.file_line, 1)
    if document.format != "html":
        end = position(document.text, f.span.end) if f.span.end else (f.line, f.column)
        return Region(f.line, f.column, *end)
    placed = source_span(document, f.span)
    if placed is None or document.source is None:
        return None
    return Region(*position(document.source, placed.start), *position(document.source, placed.end))


def active(result: DocumentResult) -> list[Finding]:
    """Findings that count (not suppressed), in document order."""
    return [f for f in result.findings if f.suppressed is None]


def one_line(text: str) -> str:
    return " ".join(text.split())
