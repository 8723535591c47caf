"""Output formats for newsroom CI, beside render.py's table/json/jsonl: concise, github, sarif and
claimreview. Each renderer takes results and yields strings; none prints or reads the clock."""

from __future__ import annotations

import os
from pathlib import Path

from ..models import DocumentResult, Finding

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


def lines_match_file(result: DocumentResult) -> bool:
    """Whether line numbers point into the file: not for HTML, whose lines are those of the
    extracted main text, so annotations there name the file only."""
    return result.document.format != "html"


def active(result: DocumentResult) -> list[Finding]:
    """Findings that count (not suppressed), in document order."""
    return [f for f in result.findings if f.suppressed is None]


def one_line(text: str) -> str:
    return " ".join(text.split())
